"""Replies as Telegram HTML: escaped spans, split into messages that fit Telegram's limits."""

from __future__ import annotations

import html
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

from bot.types import Span

# Telegram counts the text that is left after parsing the markup, in UTF-16 code units.
MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024
# A hard split backs off this many characters at most to keep an emoji sequence or an accent
# with its letter; beyond that the cluster is split anyway (a text of nothing else).
_CLUSTER_BACKOFF = 16
_JOINERS = frozenset("\u200d\ufe0e\ufe0f\u20e3")


def utf16_len(text: str) -> int:
    """The length of the text as Telegram counts it: UTF-16 code units."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def render(spans: Sequence[Span]) -> str:
    """Spans as Telegram HTML: every text escaped, bold spans inside <b>…</b>."""
    parts: list[str] = []
    for span in _merged(spans):
        # quote=False: Telegram needs only &, < and > escaped, and names few entities.
        escaped = html.escape(span.text, quote=False)
        parts.append(f"<b>{escaped}</b>" if span.bold else escaped)
    return "".join(parts)


def plain(spans: Sequence[Span]) -> str:
    """Spans as plain text, the same characters a reader sees in the HTML version."""
    return "".join(span.text for span in spans)


def split(spans: Sequence[Span], limit: int = MESSAGE_LIMIT) -> list[tuple[Span, ...]]:
    """Cut spans into chunks of at most ``limit`` visible UTF-16 units.

    Cuts fall on a paragraph break, else a line break, else a space, else anywhere; the
    whitespace at a cut is dropped. Whitespace-only input gives no chunk at all, because
    Telegram refuses an empty message.
    """
    if limit < 2:
        raise ValueError("the limit must leave room for one astral character (2 units)")
    text = plain(spans)
    if not text.strip():
        return []
    units = [0, *accumulate(2 if ord(ch) > 0xFFFF else 1 for ch in text)]
    if units[-1] <= limit:
        return [tuple(span for span in spans if span.text)]
    cuts: list[tuple[int, int]] = []
    start, size = 0, len(text)
    while start < size:
        if units[size] - units[start] <= limit:
            cuts.append((start, size))
            break
        # The first character that no longer fits.
        end = bisect_right(units, units[start] + limit) - 1
        cut = _cut_point(text, start, end, units, limit)
        stop = cut
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        cuts.append((start, stop))
        start = cut
        while start < size and text[start].isspace():
            start += 1
    return [_slice(spans, a, b) for a, b in cuts if text[a:b].strip()]


def _cut_point(text: str, start: int, end: int, units: list[int], limit: int) -> int:
    """Where to cut ``text[start:]`` so that ``text[start:cut]`` fits; ``start < cut <= end``."""
    # A break found at ``end`` itself is fine: the chunk before it fits exactly.
    paragraph = text.rfind("\n\n", start + 1, end + 2)
    # A paragraph break near the start would leave a tiny message; take a line break then.
    if paragraph > start and units[paragraph] - units[start] >= limit // 2:
        return paragraph
    line = text.rfind("\n", start + 1, end + 1)
    if line > start:
        return line
    for index in range(end, start, -1):
        if text[index].isspace():
            return index
    for index in range(end, max(start, end - _CLUSTER_BACKOFF), -1):
        if not _inside_cluster(text, index):
            return index
    return end


def _inside_cluster(text: str, index: int) -> bool:
    """Whether a cut before ``text[index]`` would split what a reader sees as one character."""
    char, before = text[index], text[index - 1]
    return (
        char in _JOINERS
        or before == "\u200d"
        or unicodedata.category(char) in {"Mn", "Mc", "Me"}
        or 0x1F3FB <= ord(char) <= 0x1F3FF  # skin tone modifiers
        or 0xE0020 <= ord(char) <= 0xE007F  # tag characters of flag sequences
    )


def _slice(spans: Sequence[Span], start: int, stop: int) -> tuple[Span, ...]:
    """The parts of the spans that fall into ``[start, stop)`` of their joined text."""
    pieces: list[Span] = []
    offset = 0
    for span in spans:
        low, high = max(start, offset), min(stop, offset + len(span.text))
        if low < high:
            pieces.append(Span(span.text[low - offset : high - offset], bold=span.bold))
        offset += len(span.text)
    return tuple(pieces)


def _merged(spans: Sequence[Span]) -> list[Span]:
    """Neighbouring spans of the same style joined, so the HTML has fewer tags."""
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if merged and merged[-1].bold == span.bold:
            merged[-1] = Span(merged[-1].text + span.text, bold=span.bold)
        else:
            merged.append(span)
    return merged
