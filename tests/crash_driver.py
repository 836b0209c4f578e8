"""Run by the crash test: users send summaries through the real engine until it is killed.

Every message is printed (and flushed) the moment its reply comes back, that is, once it is
acknowledged; the test kills the process and then looks for each acknowledged message.
"""

from __future__ import annotations

import asyncio
import sys

from bot.engine import UNAVAILABLE, Engine
from bot.types import IncomingMessage


async def user(engine: Engine, name: str) -> None:
    await engine.handle(IncomingMessage("crash", name, "/start"))
    await engine.handle(IncomingMessage("crash", name, "mid"))
    await engine.handle(IncomingMessage("crash", name, "/skip"))  # the header
    n = 0
    while True:
        text = f"Backend developer {name} draft {n} with 5 years of Go and PostgreSQL."
        replies = await engine.handle(IncomingMessage("crash", name, text))
        if replies and replies[0].text != UNAVAILABLE:
            print(f"ack {name} {n}", flush=True)
        n += 1
        await asyncio.sleep(0)


async def main(db: str, users: int) -> None:
    engine = await Engine.open(db)
    engine.throttle.rate = 1e9  # the crash test wants load, not pacing
    print("ready", flush=True)
    await asyncio.gather(*(user(engine, f"u{n}") for n in range(users)))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2])))
