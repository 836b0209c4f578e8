"""Which platform messages a user's stored progress already holds, and what the latest got.

Platforms deliver at least once: Telegram sends an update again until it is confirmed, and a
Discord catch-up may read a DM that was already handled. The ids of the last messages applied
to a user's progress are stored in the same row and the same transaction as the progress, so
a message seen again is recognised instead of being applied twice. Only the replies of the
latest one are kept: messages of one person are handled in order, each one's replies sent
before the next one starts, so an earlier one's replies have surely gone out already.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.types import Attachment, Button, Reply, Span

# Enough for every message a platform can deliver again: Telegram redelivers only what was
# not confirmed (at most a batch), a Discord catch-up reads from the last handled DM on.
KEPT_IDS = 50


@dataclass(frozen=True)
class Deliveries:
    """The ids of the last messages applied (oldest first) and the replies to the latest.

    The replies stay in their stored form until they are needed, which is almost never: a
    turn only checks the ids and writes its own replies.
    """

    ids: tuple[str, ...] = ()
    stored_replies: tuple[dict[str, Any], ...] | None = None

    def holds(self, message_id: str) -> bool:
        """Whether this message was already applied."""
        return message_id in self.ids

    def replay(self, message_id: str) -> list[Reply]:
        """What to send for a message seen again: the stored replies if it is the latest."""
        if self.ids and self.ids[-1] == message_id and self.stored_replies is not None:
            return [_load_reply(item) for item in self.stored_replies]
        return []

    @property
    def has_replies(self) -> bool:
        """Whether the latest message's replies are kept (until a later message settles them)."""
        return self.stored_replies is not None

    def add(self, message_id: str, replies: Sequence[Reply]) -> Deliveries:
        """The window once this message is applied with these replies."""
        return Deliveries(
            (*self.ids, message_id)[-KEPT_IDS:], tuple(_dump_reply(item) for item in replies)
        )

    def settled(self) -> Deliveries:
        """The window once a later message without an id was handled: nothing left to resend."""
        return Deliveries(self.ids, None)

    @property
    def last_id(self) -> str | None:
        """The latest message applied, if any."""
        return self.ids[-1] if self.ids else None

    def dump(self) -> dict[str, Any]:
        """The JSON document stored beside the progress."""
        document: dict[str, Any] = {"ids": list(self.ids)}
        if self.stored_replies is not None:
            document["replies"] = list(self.stored_replies)
        return document

    @classmethod
    def load(cls, document: dict[str, Any] | None) -> Deliveries:
        """Rebuild the window from its stored document (empty when there is none)."""
        if not document:
            return EMPTY
        replies = document.get("replies")
        return cls(tuple(document.get("ids", ())), None if replies is None else tuple(replies))


EMPTY = Deliveries()


def _dump_reply(item: Reply) -> dict[str, Any]:
    # Short keys: the latest turn's replies are rewritten with every turn of the user.
    document: dict[str, Any] = {"s": [[span.text, span.bold] for span in item.spans]}
    if item.buttons:
        document["b"] = [[button.label, button.value] for button in item.buttons]
    if item.attachment is not None:
        document["a"] = [
            item.attachment.filename,
            item.attachment.mime,
            base64.b64encode(item.attachment.data).decode("ascii"),
        ]
    if item.asks_for_text:
        document["t"] = True
    return document


def _load_reply(document: dict[str, Any]) -> Reply:
    attachment = None
    if "a" in document:
        filename, mime, data = document["a"]
        attachment = Attachment(filename, base64.b64decode(data), mime)
    return Reply(
        spans=tuple(Span(text, bold) for text, bold in document.get("s", ())),
        buttons=tuple(Button(label, value) for label, value in document.get("b", ())),
        attachment=attachment,
        asks_for_text=bool(document.get("t", False)),
    )
