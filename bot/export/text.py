"""Plain text for pasting into application forms: UPPERCASE headings, "- " bullets."""

from __future__ import annotations

from bot.export.layout import SEPARATOR, Block, Contact, Item, Layout, layout
from bot.export.model import ResumeDoc


def contact_line(contact: tuple[Contact, ...]) -> str:
    """The contact pieces on one line, each link shown as its address (with its label if any)."""
    return SEPARATOR.join(f"{c.label}: {c.text}" if c.label else c.text for c in contact)


def _item_lines(item: Item) -> list[str]:
    """An item's title line, its detail lines, then its bullets."""
    head = [item.heading] if item.heading else []
    return head + list(item.details) + [f"- {bullet}" for bullet in item.bullets]


def _block_lines(block: Block) -> list[str]:
    """A section: its heading in capitals, then its content."""
    out = [block.section.value.upper(), *block.paragraphs]
    out += [label + listing for label, listing in block.skills]
    for i, item in enumerate(block.items):
        if i:
            out.append("")
        out += _item_lines(item)
    return out


def render_text(clean: Layout) -> str:
    """The laid-out resume as plain text."""
    blocks: list[list[str]] = []
    # The name and title are kept as written ("iOS"): only section headings are capitalised.
    head = [line for line in (clean.name, clean.title, contact_line(clean.contact)) if line]
    if head:
        blocks.append(head)
    blocks += [_block_lines(block) for block in clean.blocks]
    return "".join("\n".join(block) + "\n\n" for block in blocks).removesuffix("\n")


def to_text(doc: ResumeDoc) -> str:
    """The resume as plain text: name, title, contact line, then the sections."""
    return render_text(layout(doc))
