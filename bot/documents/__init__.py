"""Any input read into structured, markup-free text, once, for every platform and the CLI.

A sent file (``.pdf``, ``.docx``, ``.txt``, ``.md``) or a pasted text (Markdown, HTML,
reStructuredText, text
copied out of a PDF or Word) becomes the same thing: lines with headings on their own, list
items as "- text", table rows as "cell — cell", and no markup left to show anyone.
"""

from __future__ import annotations

import re

from bot.documents.blocks import Block, markdown_source, plain_text
from bot.documents.files import (
    BINARY_TOO_BIG,
    DOCX_UNREADABLE,
    FILE_EMPTY,
    FILE_TOO_BIG,
    FILE_TYPES,
    MAX_BINARY_BYTES,
    MAX_DOCUMENT_BYTES,
    PDF_LOCKED,
    PDF_NO_TEXT,
    PDF_UNREADABLE,
    TXT_NOT_UTF8,
    Unreadable,
    decode_text,
    docx_blocks,
    pdf_text,
    refusal,
)
from bot.documents.markdown import markdown_blocks
from bot.documents.pasted import pasted_blocks
from bot.documents.rst import looks_like_rst, rst_blocks

__all__ = [
    "BINARY_TOO_BIG",
    "DOCX_UNREADABLE",
    "FILE_EMPTY",
    "FILE_TOO_BIG",
    "FILE_TYPES",
    "MAX_BINARY_BYTES",
    "MAX_DOCUMENT_BYTES",
    "PDF_LOCKED",
    "PDF_NO_TEXT",
    "PDF_UNREADABLE",
    "TXT_NOT_UTF8",
    "Block",
    "Unreadable",
    "as_plain_text",
    "plain_text",
    "read_blocks",
    "read_document",
    "read_resume_file",
    "refusal",
]

# Signs that a pasted text is Markdown or HTML rather than plain lines.
_MARKUP = re.compile(
    r"^#{1,6}\s|^#{2,6}(?=[A-Za-z])|\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\s]+\)|^\s*\|.*\|\s*$|</?(?:ul|li|p|div|br|span|b|a)\b",
    re.M | re.I,
)


def read_blocks(text: str, markdown: bool | None = None) -> list[Block]:
    """The blocks of a text; Markdown is read as Markdown (``None``: decide from the text).

    Deciding, reStructuredText is read with docutils, then Markdown by its marks, else the
    text is read as pasted lines.
    """
    if markdown is None and looks_like_rst(text):
        blocks = rst_blocks(text)
        if blocks is not None:
            return blocks
    if markdown is None:
        markdown = _looks_like_markdown(text)
    return markdown_blocks(text) if markdown else pasted_blocks(text)


def _looks_like_markdown(text: str) -> bool:
    """Markdown's marks, beyond one stray "### …" line left in text read out of a file."""
    signs = [m.group(0) for m in _MARKUP.finditer(text)]
    if not signs:
        return False
    headings = [s for s in signs if s.startswith("#")]
    first_line = text.lstrip().startswith("#")
    return len(headings) < len(signs) or len(headings) > 1 or first_line


def as_plain_text(text: str) -> str:
    """A pasted text with its markup removed and its structure kept, as plain lines."""
    return plain_text(read_blocks(text))


def read_document(filename: str, data: bytes) -> str:
    """The plain text of a sent file; ``Unreadable`` says what to do instead. CPU work."""
    return plain_text(_read_file(filename, data)[1])


def read_resume_file(filename: str, data: bytes) -> str:
    """A sent resume as the resume reader takes it, its structure kept; ``Unreadable`` if not.

    Text and Markdown as written (the reader reads their marks itself), a ``.docx`` with heading
    styles as Markdown whose heading levels are those styles, a ``.pdf`` as its text layer.
    Flattened to plain lines first, a section heading and a job heading under it look alike.
    """
    return _read_file(filename, data)[0]


def _read_file(filename: str, data: bytes) -> tuple[str, list[Block]]:
    """A sent file's text with its structure kept, and its blocks; ``Unreadable`` if neither."""
    refused = refusal(filename, len(data))
    if refused is not None:
        raise Unreadable(refused)
    name = filename.casefold()
    if name.endswith(".pdf"):
        text = pdf_text(data)
        blocks = pasted_blocks(text)
    elif name.endswith(".docx"):
        blocks = docx_blocks(data)
        # Without heading styles (a title alone is not a hierarchy) there are no levels to keep:
        # plain lines let the reader find headings in capitals and rejoin wrapped lines, as in
        # text pasted out of Word.
        styled = sum(block.kind == "heading" for block in blocks) > 1
        text = markdown_source(blocks) if styled else plain_text(blocks)
    else:
        text = decode_text(data)
        blocks = read_blocks(text, markdown=True if name.endswith((".md", ".markdown")) else None)
    if not plain_text(blocks).strip():
        raise Unreadable(FILE_EMPTY)
    return text, blocks
