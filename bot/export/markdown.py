"""The resume as Markdown, with every piece of user text escaped to render literally."""

from __future__ import annotations

import re

from bot.export.layout import SEPARATOR, Block, Contact, Item, Layout, layout
from bot.export.model import ResumeDoc

# Hand-written on purpose: no small, maintained library escapes CommonMark for literal display
# (Telegram's escape_markdown targets MarkdownV2 and leaves "<" and "&" alone). Any ASCII
# punctuation may be backslash-escaped in CommonMark, so escaping a few too many is harmless.
# Inline: emphasis, code, links, raw HTML/autolinks, entities, GFM tables/strikethrough, headings.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>&|~#])")
# Line start: lists ("-", "+", "1." / "1)"), setext underlines ("="); "#", ">" and "*" are above.
_MD_LINE_START = re.compile(r"^([-+=]|\d+(?=[.)]))")
# Inside a link target only these could end or break it.
_MD_URL = re.compile(r"([()<>\\\s])")


def md_inline(text: str) -> str:
    """Escape user text that does not start a line (its line-start marks are harmless)."""
    return _MD_INLINE.sub(r"\\\1", text)


def md(text: str) -> str:
    """Escape one line of user text so Markdown renders it literally."""
    return md_line_start(md_inline(text))


def md_line_start(escaped: str) -> str:
    """Escape what would start a list or underline at the start of an inline-escaped line."""
    match = _MD_LINE_START.match(escaped)
    if match is None:
        return escaped
    if match.group(1)[0].isdigit():
        # "1." starts an ordered list; escaping the dot is what stops it.
        end = match.end()
        return f"{escaped[:end]}\\{escaped[end:]}"
    return f"\\{escaped}"


def _contact(item: Contact) -> str:
    """One contact piece; a link as [address](url), so it is clickable where Markdown renders."""
    text = md_inline(item.text)
    if item.url:
        # A normalised URL is ASCII with no spaces; percent-escape what could close the link.
        target = _MD_URL.sub(lambda m: f"%{ord(m.group(1)):02X}", item.url)
        text = f"[{text}]({target})"
    return f"{md_inline(item.label)}: {text}" if item.label else text


def _item(item: Item) -> list[str]:
    """An item: bold title with dates, detail lines as paragraphs, bullets as one list."""
    out = []
    if item.title:
        dates = f"{SEPARATOR}{md(item.dates)}" if item.dates else ""
        out.append(f"**{md(item.title)}**{dates}")
    elif item.dates:
        out.append(md(item.dates))
    out += [md(line) for line in item.details]
    if item.bullets:
        out.append("\n".join(f"- {md(bullet)}" for bullet in item.bullets))
    return out


def _block(block: Block) -> list[str]:
    """A section: "## Heading", then its content, each paragraph its own block."""
    # Each line its own paragraph: a lone newline would otherwise be folded into a space.
    out = [f"## {block.section.value}", *(md(line) for line in block.paragraphs)]
    for label, listing in block.skills:
        out.append(f"**{md(label.rstrip())}** {md(listing)}" if label else md(listing))
    for item in block.items:
        out += _item(item)
    return out


def render_markdown(clean: Layout) -> str:
    """The laid-out resume as Markdown."""
    blocks: list[str] = []
    if clean.name:
        blocks.append(f"# {md(clean.name)}")
    if clean.title:
        blocks.append(f"**{md(clean.title)}**")
    if clean.contact:
        blocks.append(md_line_start(SEPARATOR.join(_contact(item) for item in clean.contact)))
    for block in clean.blocks:
        blocks += _block(block)
    return "\n\n".join(blocks) + "\n" if blocks else ""


def to_markdown(doc: ResumeDoc) -> str:
    """The resume as Markdown: "# Name", the title, the contact line, "## " sections."""
    return render_markdown(layout(doc))
