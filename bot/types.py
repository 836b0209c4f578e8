"""The neutral types the engine and every adapter share: one message in, replies out."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IncomingFile:
    """A file a person sent: its name and bytes, read into text on the neutral side."""

    name: str
    data: bytes


@dataclass(frozen=True)
class IncomingMessage:
    """What a person sent, on any platform: text, a button press, or a file."""

    platform: str
    user_id: str
    text: str = ""
    button: str | None = None
    file: IncomingFile | None = None
    # The platform's id of this delivery (Telegram: the update's id, Discord: the DM's id), so
    # that the same message delivered again is recognised; None where nothing is redelivered.
    message_id: str | None = None
    # Sent by an adapter's timer, not a person: a held part of a long paste had no next part.
    flush: bool = False


@dataclass(frozen=True)
class Button:
    """A choice shown under a reply; ``value`` comes back in ``IncomingMessage.button``."""

    label: str
    value: str


@dataclass(frozen=True)
class Attachment:
    """A file handed to the user."""

    filename: str
    data: bytes
    mime: str


@dataclass(frozen=True)
class Span:
    """A run of text; user text is always carried as a span, so no platform markup leaks in."""

    text: str
    bold: bool = False


@dataclass(frozen=True)
class Reply:
    """One message from the coach: text in spans, optional buttons and an optional file."""

    spans: tuple[Span, ...] = ()
    buttons: tuple[Button, ...] = ()
    attachment: Attachment | None = None
    # The coach waits for typed text after this reply (a summary, bullets, an answer), so an
    # adapter may offer a box for long text; a menu or a file asks for no typing.
    asks_for_text: bool = False
    # Text the person is asked to change: an adapter may put it in the writing box for them.
    prefill: str = ""

    @property
    def text(self) -> str:
        """The reply as plain text, without formatting."""
        return "".join(span.text for span in self.spans)


def reply(
    *parts: str | Span,
    buttons: tuple[Button, ...] = (),
    attachment: Attachment | None = None,
    asks_for_text: bool = False,
    prefill: str = "",
) -> Reply:
    """Build a reply from strings (plain) and spans (e.g. ``bold(...)``)."""
    spans = tuple(part if isinstance(part, Span) else Span(part) for part in parts if part)
    return Reply(spans, buttons, attachment, asks_for_text or bool(prefill), prefill)


def bold(text: str) -> Span:
    """A bold span."""
    return Span(text, bold=True)
