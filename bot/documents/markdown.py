"""Markdown (and the HTML people put in it) read into blocks with markdown-it-py.

Inline markup, links and HTML tags are removed and their text kept; tables are read row by
row; a list inside a table cell (``<ul><li>…``) becomes list items.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin

from bot.documents.blocks import Block, Kind
from bot.documents.pasted import continues, glyph_mark, pasted_blocks

# "replacements": the typographer's dashes, "---" as — and "--" as –, as the page shows them.
# Definition lists ("Acme" over ": *Backend Developer*"), as Jekyll's kramdown and pandoc write
# them: each term and definition a line of its own, without the colon that marks it.
_PARSER = (
    MarkdownIt("commonmark", {"html": True, "typographer": True})
    .enable(["table", "strikethrough", "replacements"])
    .use(deflist_plugin)
)
# Marks a list item found inside inline HTML, until the text is split into blocks.
_ITEM = "\u0000item\u0000"
# Marks an HTML heading found inside a block of HTML ("\0h2\0Skills"), with its level.
_HTML_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_HTML_HEADING = re.compile("^\u0000h([1-6])\u0000")
# A line this long is prose wrapped in the editor, not a line of its own (a title, dates).
_WRAPPED_LINE = 60
# Editors wrap at 72 to 120 columns; a longer line was typed as one.
_WIDEST_WRAP = 140
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# "##Job Description": a heading typed without its space (one "#" is more often a hashtag).
# Its closing hashes go too ("####Databases####"): Markdown only drops them after a space.
_TIGHT_HEADING = re.compile(r"^(#{2,6})([A-Za-z][^\n]*?)[ \t]*(?:#+[ \t]*)?$", re.M)
_SHORTCODE_TITLE = re.compile(
    r'^[ \t]*\{\{[<%][ \t]*[\w-]+[ \t]+"([^"\n]+)"[ \t]*[>%]\}\}[ \t]*$', re.M
)
_SHORTCODE = re.compile(r"\{\{[<%].*?[>%]\}\}")
_RST_UNDERLINE = re.compile(r"^([~^#*+])\1{2,}\s*$")
_ANCHOR = re.compile(r"\s*\{#[^}]*\}\s*$")  # "### Experience {#experience}"
# Site generators' front matter (Jekyll's YAML between ---, Hugo's TOML between +++).
_FRONT_MATTER = re.compile(r"\A\s*(---|\+\+\+)[ \t]*\n.*?\n\1[ \t]*(?:\n|\Z)", re.S)


class _HtmlText(HTMLParser):
    """The text of an HTML fragment: tags dropped, <li> and <br> kept as line structure."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A list item starts a new item; block tags start a new line."""
        if tag == "li":
            self.parts.append("\n" + _ITEM)
        elif tag in _HTML_HEADINGS:
            self.parts.append(f"\n\u0000{tag}\u0000")
        elif tag in {"br", "p", "div", "tr", "ul", "ol", "table"}:
            self.parts.append("\n")
        elif tag in {"td", "th"}:
            self.parts.append(" — ")

    def handle_endtag(self, tag: str) -> None:
        """A closing block tag ends the line."""
        if tag in {"li", "p", "div", "tr", "ul", "ol", *_HTML_HEADINGS}:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        """Text is kept."""
        self.parts.append(data)


def html_text(fragment: str) -> str:
    """The text of an HTML fragment, list items marked, entities decoded."""
    parser = _HtmlText()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.parts)


def markdown_blocks(text: str) -> list[Block]:
    """The blocks of a Markdown document."""
    blocks: list[Block] = []
    heading = cell = False
    level = in_item = 0
    row: list[str] = []
    opened: list[bool] = []  # for each list item we are in: whether its first paragraph is due
    source = _TIGHT_HEADING.sub(r"\1 \2", _shortcodes(_FRONT_MATTER.sub("", text, count=1)))
    for token in _PARSER.parse(_underlined_headings(source)):
        kind = token.type
        if kind in {"th_open", "td_open"}:
            cell = True
        elif kind in {"th_close", "td_close"}:
            cell = False
        elif kind == "heading_open":
            heading, level = True, int(token.tag[1:] or 1)
        elif kind == "heading_close":
            heading = False
        elif kind == "list_item_open":
            in_item += 1
            opened.append(True)
        elif kind == "list_item_close":
            in_item -= 1
            opened.pop()
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            blocks.extend(_row_blocks(row))
        elif kind == "inline" and cell:
            row.append(_inline(token))
        elif kind == "inline":
            # An item's first paragraph is the item; what else it holds (a heading, a
            # paragraph under it) is text, as the page shows it.
            first = bool(opened) and opened[-1]
            default: Kind = "heading" if heading else "item" if first else "text"
            if opened:
                opened[-1] = False
            blocks.extend(split_lines(_inline(token), default, level if heading else 0))
        elif kind == "html_block":
            blocks.extend(split_lines(html_text(token.content), "text"))
        elif kind in {"code_block", "fence"}:
            # A resume kept as plain text inside a fence ("```text"): read as pasted text,
            # headings in capitals and bullets marked as people type them.
            blocks.extend(pasted_blocks(token.content))
    return [b for b in blocks if b.text]


def _inline(token: Token) -> str:
    """An inline token's text: markup, links and tags removed; <li> and <br> kept as lines."""
    parts: list[str] = []
    link_text_start = 0
    href = ""
    for child in token.children or []:
        kind = child.type
        if kind in {"text", "code_inline"}:
            parts.append(child.content)
        elif kind in {"softbreak", "hardbreak"}:
            parts.append("\n")
        elif kind == "html_inline":
            parts.append(html_text(child.content))
        elif kind == "image":
            parts.append(child.content)
        elif kind == "link_open":
            link_text_start, href = len(parts), str(child.attrs.get("href", ""))
        elif kind == "link_close" and not "".join(parts[link_text_start:]).strip():
            # A link with no text ("[](https://…)") keeps its address.
            parts.append(href)
    return html.unescape("".join(parts))


def split_lines(text: str, kind: Kind, level: int = 0) -> list[Block]:
    """Text with line breaks and item marks as blocks; a marked line is an item.

    A line of a paragraph that plainly continues the one before (wrapped prose, starting in
    lower case after a long line) is joined to it; other line breaks are kept, since people
    put a title, a company and dates on lines of their own.
    """
    blocks: list[Block] = []
    last = ""  # the line before, as written
    for raw in text.split("\n"):
        line = _ANCHOR.sub("", raw.replace("\xa0", " ")).strip()
        previous, last = last, line
        heading = _HTML_HEADING.match(line)
        if heading is not None:
            # "<h2>Languages, Technologies</h2>" in a page's HTML: a heading of its level.
            text = line[heading.end() :].replace(_ITEM, " ").strip()
            blocks.append(Block("heading", text, int(heading.group(1))))
        elif line.startswith(_ITEM):
            blocks.append(Block("item", line.removeprefix(_ITEM).strip()))
        elif (mark := glyph_mark(line)) is not None:
            # "• Python" or Word's "o Docker" pasted into a paragraph: an item all the same.
            blocks.append(Block("item", line[mark.end() :].strip()))
        elif line and blocks and _joins(blocks[-1], previous, line):
            blocks[-1] = Block(blocks[-1].kind, f"{blocks[-1].text} {line}", blocks[-1].level)
        elif line:
            text = line.replace(_ITEM, " ").strip()
            # "## # Name": a heading mark typed twice is not part of the name.
            blocks.append(Block(kind, text.lstrip("# ") if kind == "heading" else text, level))
    return blocks


def _shortcodes(text: str) -> str:
    """Hugo's shortcodes as the page shows them: a block's title a heading, the rest dropped.

    ``{{<cv "Occupation">}}`` on a line of its own opens a block the theme titles "Occupation";
    its closing tag, and any other shortcode, shows nothing of its own.
    """
    text = _SHORTCODE_TITLE.sub(lambda m: "## " + m.group(1), text)
    return _SHORTCODE.sub("", text)


def _underlined_headings(text: str) -> str:
    """Headings underlined as reStructuredText does with ~ ^ # * + (Markdown knows = and -) as #."""
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        if out and out[-1].strip() and _RST_UNDERLINE.match(line) and len(line) >= len(out[-1]) - 2:
            out[-1] = "## " + out[-1].strip()
            continue
        out.append(line)
    return "\n".join(out)


def _joins(block: Block, previous: str, line: str) -> bool:
    """Whether a line is the rest of the block before it."""
    return continues(block, line) or _wrapped(block, previous, line)


def _wrapped(block: Block, previous: str, line: str) -> bool:
    """In Markdown, a paragraph whose line is long was wrapped by its author: one line.

    The line before must be as wide as an editor's wrap: one far wider was written as a line
    of its own (a pasted paragraph), and one that ends a sentence is followed by a line of its
    own unless that line is as wide ("…thoughtful." then "Good communication skills").
    Not a dated line: a long title ("Engineering Learning & Development Partner, Chicago")
    keeps its dates on the line below as people type them.
    """
    width = _WRAPPED_LINE <= len(previous) <= _WIDEST_WRAP
    ended = previous.endswith((".", "!", "?", ":", ";")) and len(line) < _WRAPPED_LINE
    return (
        block.kind == "text"
        and width
        and not ended
        and line[:1] not in "|"
        and not _YEAR.search(line)
    )


def _row_blocks(cells: list[str]) -> list[Block]:
    """A table row: its cells joined on one line; a list inside a cell becomes items under it."""
    texts: list[Block] = []
    items: list[Block] = []
    for cell in cells:
        for block in split_lines(cell, "text"):
            (items if block.kind == "item" else texts).append(block)
    line = " — ".join(b.text for b in texts if b.text.strip("-| "))
    row = [Block("row", line)] if line else []
    return row + items
