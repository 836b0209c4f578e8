"""Replies as Discord messages: escaped markdown, split to fit, buttons as custom ids."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from discord.utils import escape_markdown, escape_mentions

from adapters.spans import CLUSTER_BACKOFF, inside_cluster, merged, slice_spans, utf16_len
from bot.types import Attachment, Button, Reply, Span

log = logging.getLogger(__name__)

# Discord refuses message content over 2,000 characters. UTF-16 units are counted, the
# stricter of the ways a client may count, so an emoji-heavy reply never goes over.
MESSAGE_LIMIT = 2000
# A message holds at most five rows of five buttons.
BUTTONS_PER_MESSAGE = 25
CUSTOM_ID_LIMIT = 100
LABEL_LIMIT = 80
# The prefix of every button that carries an engine value; the rest of the custom id is it.
BUTTON_PREFIX = "rc:"
# Buttons with no text above them, or that did not fit under their reply, go out under these.
BUTTONS_ONLY = "Choose one:"
MORE_BUTTONS = "More options:"


@dataclass(frozen=True)
class Outgoing:
    """One Discord message to send: text, buttons (engine values), an optional file."""

    content: str
    buttons: tuple[Button, ...] = ()
    attachment: Attachment | None = None
    write: bool = False


def message_len(text: str) -> int:
    """The length of a message in UTF-16 code units."""
    return utf16_len(text)


def escape(text: str) -> str:
    """Text with no markdown and no mention left in it: it shows as typed and pings nobody."""
    # Every markdown character is escaped, so a lone * in the text can never pair with the **
    # of a bold span next to it. escape_markdown leaves the inside of "[text](target)" as it
    # is (it escapes only the bracket), so the text is cut at "[" and each [ escaped here.
    # Mentions are defused as well, though allowed_mentions already stops every ping.
    escaped = "\\[".join(escape_markdown(part) for part in text.split("["))
    return escape_mentions(escaped)


def render(spans: Sequence[Span]) -> str:
    """Spans as Discord markdown: every text escaped, bold spans inside **…**."""
    parts: list[str] = []
    for span in merged(spans):
        if not span.bold:
            parts.append(escape(span.text))
            continue
        # "**Step 1\n**" does not render bold: the markers must hug the words.
        core = span.text.strip()
        if not core:
            parts.append(span.text)
            continue
        lead = span.text[: len(span.text) - len(span.text.lstrip())]
        trail = span.text[len(span.text.rstrip()) :]
        parts.append(f"{lead}**{escape(core)}**{trail}")
    return "".join(parts)


def split(spans: Sequence[Span], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Render spans as messages of at most ``limit`` units each.

    Cuts fall on a paragraph break, else a line break, else a space, else anywhere; the
    whitespace at a cut is dropped, and whitespace-only input gives no message at all.
    """
    if limit < 16:
        raise ValueError("the limit must leave room for a few escaped characters")
    text = "".join(span.text for span in spans)
    if not text.strip():
        return []
    whole = render(spans).strip()
    if message_len(whole) <= limit:
        return [whole]
    chunks: list[str] = []
    start, size = 0, len(text)
    while start < size:
        end = _longest_fit(spans, start, size, limit)
        cut = end if end == size else _cut_point(text, start, end)
        stop = cut
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        chunk = render(slice_spans(spans, start, stop)).strip()
        if chunk:
            chunks.append(chunk)
        start = cut
        while start < size and text[start].isspace():
            start += 1
    return chunks


def custom_id(value: str) -> str | None:
    """The custom id of a button carrying an engine value; None when it would be too long."""
    made = BUTTON_PREFIX + value
    return made if len(made) <= CUSTOM_ID_LIMIT else None


def label(text: str) -> str:
    """A button label within Discord's 80 characters."""
    clean = " ".join(text.split()) or "…"
    return clean if len(clean) <= LABEL_LIMIT else clean[: LABEL_LIMIT - 1] + "…"


def plan(replies: Sequence[Reply], *, write_button: bool = False) -> list[Outgoing]:
    """The messages that carry a turn's replies, in order.

    Text is split to fit; buttons go under the last piece of their reply, 25 to a message;
    a file rides with the last piece. ``write_button`` adds "Write it here" under the last
    message of the turn, where the coach asks for the next text.
    """
    messages: list[Outgoing] = []
    for item in replies:
        chunks = split(item.spans)
        usable: list[Button] = []
        for button in item.buttons:
            if custom_id(button.value) is None:
                log.warning(
                    "left out a button whose custom id would be over %d characters",
                    CUSTOM_ID_LIMIT,
                )
            else:
                usable.append(button)
        groups = [
            tuple(usable[i : i + BUTTONS_PER_MESSAGE])
            for i in range(0, len(usable), BUTTONS_PER_MESSAGE)
        ]
        first = groups[0] if groups else ()
        if chunks:
            messages.extend(Outgoing(chunk) for chunk in chunks[:-1])
            messages.append(Outgoing(chunks[-1], first, item.attachment))
        elif item.attachment is not None:
            messages.append(Outgoing("", first, item.attachment))
        elif first:
            messages.append(Outgoing(BUTTONS_ONLY, first))
        messages.extend(Outgoing(MORE_BUTTONS, group) for group in groups[1:])
    if write_button and messages and all(m.attachment is None for m in messages):
        last = messages[-1]
        if len(last.buttons) < BUTTONS_PER_MESSAGE:
            messages[-1] = Outgoing(last.content, last.buttons, None, write=True)
    return messages


def _longest_fit(spans: Sequence[Span], start: int, size: int, limit: int) -> int:
    """The furthest ``end`` such that the text from ``start`` to it renders within ``limit``."""

    def fits(end: int) -> bool:
        return message_len(render(slice_spans(spans, start, end))) <= limit

    if fits(size):
        return size
    low, high = start + 1, size  # fits(low) is assumed; fits(high) is known false
    while high - low > 1:
        middle = (low + high) // 2
        if fits(middle):
            low = middle
        else:
            high = middle
    # Escapes make the length only nearly monotonic in ``end``: step back until it fits.
    while low > start + 1 and not fits(low):
        low -= 1
    return low


def _cut_point(text: str, start: int, end: int) -> int:
    """Where to cut ``text[start:]`` so the piece ends at or before ``end``; ``start < cut``."""
    paragraph = text.rfind("\n\n", start + 1, end + 1)
    # A paragraph break near the start would leave a tiny message; a line break does better.
    if paragraph > start and paragraph - start >= (end - start) // 2:
        return paragraph
    line = text.rfind("\n", start + 1, end + 1)
    if line > start:
        return line
    # ``text[end]`` exists (the whole rest did not fit): a space there is the best cut.
    for index in range(end, start, -1):
        if text[index].isspace():
            return index
    for index in range(end, max(start + 1, end - CLUSTER_BACKOFF), -1):
        if not inside_cluster(text, index):
            return index
    return end
