"""reStructuredText read into blocks with docutils.

People keep resumes in reStructuredText (Sphinx and Pelican sites, ``resume.rst`` repositories)
and paste them as they are. Read as Markdown, its field lists, line blocks, definition lists and
`links <…>`_ would show their markup; docutils parses them, and the tree becomes the same blocks
every other reader gives: section titles as headings, list items as items, table rows as rows.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from docutils import nodes
from docutils.core import publish_doctree
from docutils.utils import SystemMessage

from bot.documents.blocks import Block, Kind
from bot.documents.markdown import split_lines

# A title underlined (or over- and underlined) with a run of one punctuation mark.
_UNDERLINE = re.compile(r"^([=\-~^+*#`'\":.])\1{2,}[ \t]*$", re.M)
# Marks only reStructuredText has: `text <url>`_ and name_ links, directives and comments
# (".. "), field lists (":Email: …"), line blocks ("| text"), a literal block's "::", a grid
# table's border ("+-----+----+").
_RST_ONLY = re.compile(
    r"`[^`\n]+`_{1,2}|\b\w+_(?=[\s.,;:]|$)|^\.\.[ \t]+\S|^[ \t]*:[\w][\w .-]*:(?:[ \t]|$)"
    r"|^[ \t]*\|[ \t][^|\n]*$|::[ \t]*$|^[ \t]*\+(?:[-=]{3,}\+)+[ \t]*$",
    re.M,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A field's first line this long, or a sentence, is a paragraph of its own, not a header's rest.
_HEADER_WORDS = 12
_OTHER_UNDERLINE = re.compile(r"^([~^+*#`'\":.])\1{2,}[ \t]*$")
# Marks only Markdown has: an ATX heading ("## Experience") or a [link](url).
_MARKDOWN_ONLY = re.compile(r"^#{1,6}[ \t]+\S|\[[^\]\n]+\]\([^)\s]+\)", re.M)
# Nothing the text asks for is done: no files read, no raw HTML, no messages printed.
_SETTINGS: dict[str, Any] = {
    "report_level": 5,
    "halt_level": 5,
    "warning_stream": False,
    "file_insertion_enabled": False,
    "raw_enabled": False,
    "doctitle_xform": False,
    "docinfo_xform": False,
    "sectsubtitle_xform": False,
    "_disable_config": True,
}
# Nodes with nothing a reader sees: comments, link targets, substitution definitions, images
# (and bare text between blocks, which docutils only leaves where nothing is shown).
_HIDDEN = (
    nodes.comment,
    nodes.target,
    nodes.substitution_definition,
    nodes.system_message,
    nodes.raw,
    nodes.image,
    nodes.transition,
    nodes.Text,
)
# Nodes read as lines of text: paragraphs, a definition's term, a line block's lines.
_LINES = (
    nodes.paragraph,
    nodes.term,
    nodes.line,
    nodes.literal_block,
    nodes.doctest_block,
)


def looks_like_rst(text: str) -> bool:
    """Whether a text is reStructuredText: underlined titles and a mark only it has."""
    if _MARKDOWN_ONLY.search(text) or not _UNDERLINE.search(text):
        return False
    return len(_RST_ONLY.findall(text)) + _rst_underlines(text) >= 2


def _rst_underlines(text: str) -> int:
    """Titles underlined with a mark Markdown has no use for (~ ^ + ` # …), as long as the title."""
    lines = text.split("\n")
    return sum(
        1
        for above, line in pairwise(lines)
        if _OTHER_UNDERLINE.match(line) and above.strip() and len(line) >= len(above.strip())
    )


def rst_blocks(text: str) -> list[Block] | None:
    """The blocks of a reStructuredText document; None when docutils cannot read it."""
    try:
        tree = publish_doctree(text, settings_overrides=_SETTINGS)
    except (SystemMessage, ValueError, AttributeError, IndexError):  # a text it cannot read
        return None
    blocks: list[Block] = []
    _walk(tree, 0, blocks)
    return [b for b in blocks if b.text]


def _walk(node: Any, depth: int, out: list[Block]) -> None:
    """The blocks of a node's children; ``depth`` is how many sections hold them."""
    for child in node.children:
        if isinstance(child, _HIDDEN):
            continue
        if isinstance(child, nodes.section):
            _walk(child, depth + 1, out)
        elif isinstance(child, nodes.title | nodes.subtitle | nodes.rubric):
            out.append(Block("heading", _text(child), max(depth, 1)))
        elif isinstance(child, nodes.term) and depth:
            # A definition's term ("Skills" over its indented list) names what is under it,
            # one level below the section it sits in.
            out.append(Block("heading", _text(child), depth + 1))
        elif isinstance(child, _LINES):
            # A paragraph is one line however it was wrapped; a literal block keeps its lines.
            kept = isinstance(child, nodes.literal_block | nodes.doctest_block)
            out.extend(
                split_lines(child.astext(), "text") if kept else [Block("text", _text(child))]
            )
        elif isinstance(child, nodes.list_item):
            _item(child, depth, out)
        elif isinstance(child, nodes.field):
            _field(child, depth, out)
        elif isinstance(child, nodes.row):
            out.append(Block("row", " — ".join(_text(cell) for cell in child.children)))
        else:
            _walk(child, depth, out)


def _item(node: Any, depth: int, out: list[Block]) -> None:
    """A list item: its paragraphs as one item; a list inside it gives items of its own."""
    texts: list[str] = []
    for child in node.children:
        if isinstance(child, nodes.paragraph):
            texts.append(_text(child))
        elif not isinstance(child, _HIDDEN):
            _flush(texts, "item", out)
            _walk(_holder(child), depth, out)
    _flush(texts, "item", out)


def _field(node: Any, depth: int, out: list[Block]) -> None:
    """A field (":Email: jane@…"): "name: value" on one line, then anything else its body holds."""
    name, body = node.children[0], node.children[1]
    parts = list(body.children)
    first = _text(parts[0]) if parts and isinstance(parts[0], nodes.paragraph) else ""
    told = len(first.split()) > _HEADER_WORDS or first.endswith(".")
    if _YEAR.search(_text(name)) and told:
        # ":2019-2021: Senior DevOps engineer at …" told in sentences: the years head them.
        out.append(Block("text", _text(name)))
        _walk(body, depth, out)
        return
    # ":2011: Remote work, created a website": the years and that line are one header, as
    # the page shows them side by side; so are a name and its value (":Email: …").
    out.append(Block("text", f"{_text(name)}: {first}".strip()))
    if first:
        parts.pop(0)
    for part in parts:
        _walk(_holder(part), depth, out)


def _holder(node: Any) -> Any:
    """A node wrapped so that ``_walk`` reads the node itself, not only its children."""
    holder = nodes.container()
    holder.children = [node]
    return holder


def _flush(texts: list[str], kind: Kind, out: list[Block]) -> None:
    """Gathered paragraphs as one block, and the list emptied."""
    if texts:
        out.append(Block(kind, " ".join(texts)))
        texts.clear()


def _text(node: Any) -> str:
    """A node's text on one line, no-break spaces as spaces."""
    return " ".join(str(node.astext()).replace("\xa0", " ").split())
