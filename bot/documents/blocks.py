"""The structured text every reader produces: headings, paragraphs, list items, table rows."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Kind = Literal["heading", "text", "item", "row"]


@dataclass(frozen=True)
class Block:
    """One line of structure: what it is and its plain text (no markup left in it)."""

    kind: Kind
    text: str
    # A Markdown heading's level (1 for #); 0 for every other block.
    level: int = 0


def plain_text(blocks: Iterable[Block]) -> str:
    """Blocks as plain text: a heading on its own line after a blank one, items as "- text"."""
    lines: list[str] = []
    for block in blocks:
        text = " ".join(block.text.split())
        if not text:
            continue
        if block.kind == "heading":
            if lines:
                lines.append("")
            lines.append(text)
        elif block.kind == "item":
            lines.append(f"- {text}")
        else:
            lines.append(text)
    return "\n".join(lines)


# What Markdown would read as markup in a line of a document's text: escaped with a backslash
# (CommonMark's escape for ASCII punctuation), so the words come back exactly as written.
_INLINE_MARK = re.compile(r"([\\`*_\[\]<>|])")
# A leading "#" is left alone: a paragraph that starts "### " was a heading in its first life.
_LINE_START_MARK = re.compile(r"^(\s*(?:\d+)?)([>+=.)-])")


def _escaped(text: str) -> str:
    return _LINE_START_MARK.sub(r"\1\\\2", _INLINE_MARK.sub(r"\\\1", text))


def markdown_source(blocks: Iterable[Block]) -> str:
    """Blocks as Markdown that reads back as the same blocks: headings keep their level.

    A Word file's heading styles say which heading is a section and which a job under it; the
    resume's reader sees that only through Markdown's levels, not through plain lines.
    """
    parts: list[str] = []
    for block in blocks:
        text = _escaped(" ".join(block.text.split()))
        if not text:
            continue
        if block.kind == "heading":
            parts.append("#" * min(max(block.level, 1), 6) + " " + text)
        elif block.kind == "item":
            parts.append("- " + text)
        else:
            parts.append(text)
    return "\n\n".join(parts)
