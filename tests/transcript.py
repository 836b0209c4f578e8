"""A whole walk as a new junior sees it on the Telegram fake: `python -m tests.transcript`.

The walk: bullets sent one per message, a question mid-step, a second job deleted, one bullet
edited, /skip and /back. Every message the real bot sends through python-telegram-bot to the
local fake is printed as the person would read it, buttons in brackets.
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Callable

from bot.engine import Engine
from tests.telegram_fake import Call, FakeBotApi, fake_bot_api, running_bot

# Each step: ("say", text) or ("press", label of a button on the latest message that has it).
WALK: tuple[tuple[str, str], ...] = (
    ("say", "/start"),
    ("press", "Junior"),
    ("say", "Zoë Nguyen"),
    ("say", "/skip"),
    (
        "say",
        "Junior backend developer with 1 year of Python and FastAPI, building parcel-tracking "
        "APIs for a logistics startup during a four-month internship.",
    ),
    ("say", "how long should my resume be?"),
    ("press", "Keep it"),
    ("say", "python, fastapi, postgres"),
    ("say", "docker, git"),
    ("say", "/next"),
    ("say", "Backend Intern, Parcelly, Jun 2024 – Sep 2024"),
    ("say", "Built REST endpoints in FastAPI for parcel tracking used by 3 partner shops"),
    ("say", "Wrote 40 integration tests with pytest"),
    ("say", "Cut the tracking page's API calls from 12 to 3 by batching them in one endpoint"),
    ("press", "Add another job"),
    ("say", "Support Engineer, Shoply, 2023"),
    ("say", "Answered customer tickets"),
    ("press", "Done with this job"),
    ("press", "2."),
    ("press", "Delete this job"),
    ("press", "Yes"),
    ("press", "1."),
    ("press", "Edit a bullet"),
    ("press", "2"),
    ("say", "Wrote 40 integration tests with pytest, catching 6 regressions before release"),
    ("say", "/next"),
    ("say", "/skip"),
    ("say", "/back"),
    ("say", "/draft"),
)


def _shown(call: Call) -> str:
    buttons = "  ".join(f"[{label}]" for label, _ in call.buttons)
    return call.visible + (f"\n{buttons}" if buttons else "")


async def _settle(fake: FakeBotApi, since: int, quiet: float = 0.4) -> list[Call]:
    """The bot's messages since ``since``, once it has sent nothing new for a moment."""
    count = -1
    while True:
        await asyncio.sleep(quiet)
        sent = fake.sent(since)
        if len(sent) == count:
            return sent
        count = len(sent)


async def walk(out: Callable[[str], None] = print) -> None:
    """Run the walk against the fake and print it."""
    with tempfile.TemporaryDirectory() as folder:
        engine = await Engine.open(f"{folder}/walk.db")
        try:
            async with fake_bot_api() as fake, running_bot(fake, engine):
                last: list[Call] = []
                for kind, text in WALK:
                    since = fake.mark()
                    if kind == "say":
                        out(f"\n>>> {text}")
                        fake.send_text(text)
                    else:
                        message = next(
                            c
                            for c in reversed(last)
                            if any(lbl.startswith(text) for lbl, _ in c.buttons)
                        )
                        label, data = next(
                            (lbl, d) for lbl, d in message.buttons if lbl.startswith(text)
                        )
                        out(f"\n>>> (taps [{label}])")
                        fake.press(message, data)
                    last = await _settle(fake, since)
                    for call in last:
                        out(_shown(call))
        finally:
            await engine.close()


if __name__ == "__main__":
    asyncio.run(walk())
