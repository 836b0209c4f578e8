"""A whole walk as a new junior sees it: `python -m tests.transcript [telegram|discord]`.

The walk: bullets sent one per message, a question mid-step, a second job deleted, one bullet
edited, /skip and /back. The real python-telegram-bot or discord.py client talks to the local
fake of its platform, and every message it sends is printed as the person would read it,
buttons in brackets (on Discord, an edit that only greys out the buttons a person tapped is not
printed).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Protocol, TypeVar

from bot.engine import Engine
from tests.discord_fake import FakeDiscord, RestCall
from tests.discord_running import discord_fake
from tests.discord_running import running_bot as running_discord
from tests.telegram_fake import Call, FakeBotApi, fake_bot_api
from tests.telegram_fake import running_bot as running_telegram

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


class Surface(Protocol):
    """One platform's fake, as the walk drives it."""

    def mark(self) -> int:
        """A position in the fake's log."""

    async def say(self, text: str) -> None:
        """The person sends a message."""

    async def press(self, label: str) -> str:
        """The person taps the latest button whose label starts with ``label``; its label."""

    async def settle(self, since: int) -> list[str]:
        """What the bot showed since ``since``, once it has gone quiet."""


async def _quiet(count: Callable[[], int], pause: float = 0.4) -> None:
    seen = -1
    while True:
        await asyncio.sleep(pause)
        if count() == seen:
            return
        seen = count()


def _with_buttons(text: str, buttons: list[tuple[str, str]]) -> str:
    shown = "  ".join(f"[{label}]" for label, _ in buttons)
    return text + (f"\n{shown}" if shown else "")


class _Buttoned(Protocol):
    @property
    def buttons(self) -> list[tuple[str, str]]: ...


M = TypeVar("M", bound=_Buttoned)


def _latest_button(messages: list[M], label: str) -> tuple[M, str, str]:
    """The latest message with a button whose label starts with ``label``: it, the label, id."""
    for message in reversed(messages):
        for found, value in message.buttons:
            if found.startswith(label):
                return message, found, value
    raise LookupError(f"no button {label!r}")


class _Telegram:
    def __init__(self, fake: FakeBotApi) -> None:
        self.fake = fake
        self.last: list[Call] = []

    def mark(self) -> int:
        return self.fake.mark()

    async def say(self, text: str) -> None:
        self.fake.send_text(text)

    async def press(self, label: str) -> str:
        message, found, data = _latest_button(self.last, label)
        self.fake.press(message, data)
        return found

    async def settle(self, since: int) -> list[str]:
        await _quiet(lambda: len(self.fake.sent(since)))
        self.last = self.fake.sent(since)
        return [_with_buttons(c.visible, c.buttons) for c in self.last]


class _Discord:
    def __init__(self, fake: FakeDiscord) -> None:
        self.fake = fake
        self.last: list[RestCall] = []

    def mark(self) -> int:
        return self.fake.mark()

    async def say(self, text: str) -> None:
        await self.fake.send_dm(text)

    async def press(self, label: str) -> str:
        message, found, custom_id = _latest_button(self.last, label)
        await self.fake.press(message, custom_id)
        return found

    async def settle(self, since: int) -> list[str]:
        await _quiet(lambda: len(self.fake.sent_messages(since)))
        sent = self.fake.sent_messages(since)
        # An edit that only greys out the buttons of a tapped message shows nothing new.
        self.last = [c for c in sent if c.content or c.files]
        return [
            _with_buttons(
                c.content + "".join(f"\n(file: {f.filename})" for f in c.files), c.buttons
            )
            for c in self.last
        ]


def _discord_text(call: RestCall) -> str:
    return call.content + "".join(f"\n(file: {part.filename})" for part in call.files)


@asynccontextmanager
async def _surface(platform: str, engine: Engine) -> AsyncIterator[Surface]:
    if platform == "discord":
        async with discord_fake() as discord, running_discord(discord, engine):
            yield _Discord(discord)
    else:
        async with fake_bot_api() as telegram, running_telegram(telegram, engine):
            yield _Telegram(telegram)


async def walk(platform: str = "telegram", out: Callable[[str], None] = print) -> None:
    """Run the walk against one platform's fake and print it."""
    with tempfile.TemporaryDirectory() as folder:
        engine = await Engine.open(f"{folder}/walk.db")
        try:
            async with _surface(platform, engine) as surface:
                for kind, text in WALK:
                    since = surface.mark()
                    if kind == "say":
                        out(f"\n>>> {text}")
                        await surface.say(text)
                    else:
                        out(f"\n>>> (taps [{await surface.press(text)}])")
                    for shown in await surface.settle(since):
                        out(shown)
        finally:
            await engine.close()


if __name__ == "__main__":
    asyncio.run(walk(sys.argv[1] if len(sys.argv) > 1 else "telegram"))
