"""A test driver that talks to the engine the way a user types: send, press, read the replies."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.engine import Engine
from bot.types import Button, IncomingMessage, Reply


@dataclass
class Chat:
    """One user's side of a conversation with the engine."""

    engine: Engine
    user_id: str = "u1"
    platform: str = "console"
    last: list[Reply] = field(default_factory=list)

    async def send(self, text: str) -> list[Reply]:
        """Send a text message and keep the replies."""
        self.last = await self.engine.handle(IncomingMessage(self.platform, self.user_id, text))
        return self.last

    async def press(self, label: str) -> list[Reply]:
        """Press the button with this label (case-insensitive prefix) on the latest replies."""
        button = self.button(label)
        self.last = await self.engine.handle(
            IncomingMessage(self.platform, self.user_id, button=button.value)
        )
        return self.last

    async def press_value(self, value: str) -> list[Reply]:
        """Send a raw button value, as a stale or forged press would."""
        self.last = await self.engine.handle(
            IncomingMessage(self.platform, self.user_id, button=value)
        )
        return self.last

    def button(self, label: str) -> Button:
        """Find a button on the latest replies."""
        for item in reversed(self.last):
            for button in item.buttons:
                if button.label.casefold().startswith(label.casefold()):
                    return button
        labels = [b.label for r in self.last for b in r.buttons]
        raise AssertionError(f"no button {label!r} in {labels}")

    @property
    def text(self) -> str:
        """All the latest replies' text, joined."""
        return "\n".join(r.text for r in self.last)
