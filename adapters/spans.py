"""Span helpers both chat adapters share: lengths as the platforms count them, cutting, merging."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from bot.types import Span

# A hard cut backs off this many characters at most to keep an emoji sequence or an accent
# with its letter; beyond that the cluster is cut anyway (a text of nothing else).
CLUSTER_BACKOFF = 16
_JOINERS = frozenset("\u200d\ufe0e\ufe0f\u20e3")


def utf16_len(text: str) -> int:
    """The length of a text in UTF-16 code units, as Telegram and Discord count it."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def inside_cluster(text: str, index: int) -> bool:
    """Whether a cut before ``text[index]`` would split what a reader sees as one character."""
    if index >= len(text):
        return False
    char, before = text[index], text[index - 1]
    return (
        char in _JOINERS
        or before == "\u200d"
        or unicodedata.category(char) in {"Mn", "Mc", "Me"}
        or 0x1F3FB <= ord(char) <= 0x1F3FF  # skin tone modifiers
        or 0xE0020 <= ord(char) <= 0xE007F  # tag characters of flag sequences
    )


def slice_spans(spans: Sequence[Span], start: int, stop: int) -> tuple[Span, ...]:
    """The parts of the spans that fall into ``[start, stop)`` of their joined text."""
    pieces: list[Span] = []
    offset = 0
    for span in spans:
        low, high = max(start, offset), min(stop, offset + len(span.text))
        if low < high:
            pieces.append(Span(span.text[low - offset : high - offset], bold=span.bold))
        offset += len(span.text)
    return tuple(pieces)


def merged(spans: Sequence[Span]) -> list[Span]:
    """Neighbouring spans of the same style joined, so the markup has fewer markers."""
    joined: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if joined and joined[-1].bold == span.bold:
            joined[-1] = Span(joined[-1].text + span.text, bold=span.bold)
        else:
            joined.append(span)
    return joined
