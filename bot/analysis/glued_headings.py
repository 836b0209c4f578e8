"""Section names that a PDF's layout glued to other text, set apart again.

Text taken out of a PDF loses where things stood on the page. A template that prints the
section name in a left margin gives "EXPERIENCE Software Engineer | Acme 2014 - Present" on one
line; one that puts an icon before each heading gives "/usr About" or "g About", the icon read
as a glyph name or a stray letter. Read as they are, neither opens its section.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from bot.analysis.section_names import NAMES, plain_words
from bot.documents import Block

# What an icon before a heading reads as: a glyph name ("/usr", "/cgs"), a mark, one letter.
_ICON = re.compile(r"^(?:/\S+|[^\w\s]\S*|\w)\s+(?=\S)")
_LONGEST_NAME = 3


def unglue(blocks: Iterable[Block]) -> Iterator[Block]:
    """The blocks, with a section name glued to a line or after an icon given a line of its own."""
    for block in blocks:
        if block.kind != "text":
            yield block
            continue
        named = _after_icon(block.text)
        if named is not None:
            yield Block("heading", named)
            continue
        split = _margin_name(block.text)
        if split is None:
            yield block
        else:
            yield Block("heading", split[0])
            yield Block("text", split[1])


def _after_icon(text: str) -> str | None:
    """A section name after what an icon left behind ("/usr About" gives "About"), or None."""
    icon = _ICON.match(text)
    if icon is None:
        return None
    rest = text[icon.end() :]
    named = len(rest.split()) <= _LONGEST_NAME and plain_words(rest) in NAMES
    return rest if named else None


def _margin_name(text: str) -> tuple[str, str] | None:
    """A name in capitals that opens the line, and the rest ("EXPERIENCE Software…"), or None."""
    words = text.split()
    for count in range(min(_LONGEST_NAME, len(words) - 1), 0, -1):
        head = words[:count]
        capitals = all(len(w) > 1 and w.isupper() for w in head)
        if capitals and not words[count].isupper() and plain_words(" ".join(head)) in NAMES:
            return " ".join(head), " ".join(words[count:])
    return None
