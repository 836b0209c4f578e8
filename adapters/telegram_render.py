"""Replies as Telegram HTML: escaped spans, split into messages that fit Telegram's limits."""

from __future__ import annotations

import html
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

from adapters.spans import CLUSTER_BACKOFF, inside_cluster, merged, slice_spans
from adapters.spans import utf16_len as utf16_len  # re-exported for callers
from bot.types import Span

# Telegram counts the text that is left after parsing the markup, in UTF-16 code units.
MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024


def render(spans: Sequence[Span]) -> str:
    """Spans as Telegram HTML: every text escaped, bold spans inside <b>…</b>."""
    parts: list[str] = []
    for span in merged(spans):
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
    return [slice_spans(spans, a, b) for a, b in cuts if text[a:b].strip()]


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
    for index in range(end, max(start, end - CLUSTER_BACKOFF), -1):
        if not inside_cluster(text, index):
            return index
    return end
