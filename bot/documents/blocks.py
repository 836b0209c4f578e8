"""The structured text every reader produces: headings, paragraphs, list items, table rows."""

from __future__ import annotations

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
