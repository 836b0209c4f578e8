"""One user floods the coach while others keep talking: what the others' latency does.

Run: ``python -m bench.flood --others 50 --flood 100 --db URL``

The others send /status in rounds, first with nobody flooding, then while one user sends
``--flood`` messages at once. Prints one JSON object: the others' median and p99 in both phases,
and how the flood was handled (answered in order, one notice, the rest skipped).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from pathlib import Path

from bench.stats import summary_ms
from bot.engine import SLOW_DOWN, Engine
from bot.store import UserKey, database_url
from bot.types import IncomingMessage

PLATFORM = "bench-flood"
PAUSE_S = 0.25


async def _timed(engine: Engine, message: IncomingMessage) -> tuple[float, list[str]]:
    started = time.perf_counter()
    replies = await engine.handle(message)
    return time.perf_counter() - started, [r.text for r in replies]


async def _others(engine: Engine, count: int, rounds: int) -> list[float]:
    """Each of ``count`` users asks for /status once per round; every latency."""
    latencies: list[float] = []
    for _ in range(rounds):
        results = await asyncio.gather(
            *(
                _timed(engine, IncomingMessage(PLATFORM, f"calm-{n}", "/status"))
                for n in range(count)
            )
        )
        latencies.extend(t for t, _ in results)
        # People pause between messages: a few a second each, well inside their own pacing,
        # so what they wait for is the flood, not their own bucket.
        await asyncio.sleep(PAUSE_S)
    return latencies


async def run(others: int, flood: int, db: str | None, rounds: int = 20) -> dict[str, object]:
    """Measure the others quiet, then during the flood; return the figures."""
    with tempfile.TemporaryDirectory() as scratch:
        engine = await Engine.open(database_url(db or str(Path(scratch) / "flood.db")))
        try:
            # Every user has a stored state first, so both phases measure the same kind of turn.
            await asyncio.gather(
                *(
                    engine.handle(IncomingMessage(PLATFORM, f"calm-{n}", "/start"))
                    for n in range(others)
                )
            )
            quiet = await _others(engine, others, rounds)
            flooding = [
                _timed(engine, IncomingMessage(PLATFORM, "flooder", f"message {n}"))
                for n in range(flood)
            ]
            flood_results, during = await asyncio.gather(
                asyncio.gather(*flooding), _others(engine, others, rounds)
            )
            for user in [*(f"calm-{n}" for n in range(others)), "flooder"]:
                await engine.store.delete(UserKey(PLATFORM, user))
        finally:
            await engine.close()
    return {
        "backend": engine.store.backend,
        "others": others,
        "flood_messages": flood,
        "others_quiet": summary_ms(quiet),
        "others_during_flood": summary_ms(during),
        "flood_answered": sum(1 for _, texts in flood_results if texts and SLOW_DOWN not in texts),
        "flood_notices": sum(1 for _, texts in flood_results if SLOW_DOWN in texts),
        "flood_skipped": sum(1 for _, texts in flood_results if not texts),
    }


def main() -> None:
    """Parse arguments, run, print one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--others", type=int, default=50, help="users talking normally")
    parser.add_argument("--flood", type=int, default=100, help="messages the flooder sends at once")
    parser.add_argument("--db", help="database URL or SQLite file (default: a temporary file)")
    parser.add_argument(
        "--rounds", type=int, default=20, help="messages per other user, each phase"
    )
    args = parser.parse_args()
    print(json.dumps(asyncio.run(run(args.others, args.flood, args.db, args.rounds))))


if __name__ == "__main__":
    main()
