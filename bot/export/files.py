"""The four files handed to the person, named after them, in the order people send them."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime

from anyascii import anyascii

from bot.export.layout import layout
from bot.export.markdown import render_markdown
from bot.export.model import ResumeDoc
from bot.export.paper import Paper, default_paper
from bot.export.pdf import render_pdf
from bot.export.text import render_text
from bot.export.word import render_docx
from bot.types import Attachment

PDF_MIME = "application/pdf"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MARKDOWN_MIME = "text/markdown; charset=utf-8"
TEXT_MIME = "text/plain; charset=utf-8"
_WORD = re.compile(r"[A-Za-z0-9]+")
_MAX_NAME = 60  # characters of the name part: file systems and mail clients cut long names


def _ascii_words(name: str) -> list[str]:
    """The name transliterated to ASCII words: "王小明" → Wang Xiao Ming, "Ольга" → Olga."""
    pieces = []
    for char in unicodedata.normalize("NFC", name):
        if unicodedata.category(char)[0] not in "LMN":
            pieces.append("'" if char in "'’" else " ")  # emoji and symbols are not the name
            continue
        ascii_char = anyascii(char)
        # A CJK character is a syllable of its own: anyascii would run them together.
        wide = unicodedata.east_asian_width(char) in ("W", "F") and ascii_char.isalpha()
        wide = wide and not unicodedata.normalize("NFKC", char).isascii()  # "Ａ" is a letter
        pieces.append(f" {ascii_char.capitalize()} " if wide else ascii_char)
    # "Ol'ga": an apostrophe for a soft sign is not a word break.
    return _WORD.findall("".join(pieces).replace("'", ""))


def file_stem(name: str) -> str:
    """The file name without extension: "Zoe-Lukasiewicz-Nguyen-Resume", or "Resume"."""
    words: list[str] = []
    for word in _ascii_words(name):
        if len("-".join([*words, word])) > _MAX_NAME:
            if not words:
                words.append(word[:_MAX_NAME])
            break
        words.append(word)
    return "-".join([*words, "Resume"])


def export_files(
    doc: ResumeDoc, paper: Paper | None = None, now: datetime | None = None
) -> list[Attachment]:
    """The resume as PDF, DOCX, Markdown and plain text, named after the person.

    ``paper`` defaults to ``default_paper(doc.header)``; ``now`` (the files' creation time)
    to the current time.
    """
    clean = layout(doc)
    paper = paper or default_paper(doc.header)
    now = now or datetime.now(UTC)
    stem = file_stem(clean.name)
    return [
        Attachment(f"{stem}.pdf", render_pdf(clean, paper, now), PDF_MIME),
        Attachment(f"{stem}.docx", render_docx(clean, paper, now), DOCX_MIME),
        Attachment(f"{stem}.md", render_markdown(clean).encode("utf-8"), MARKDOWN_MIME),
        Attachment(f"{stem}.txt", render_text(clean).encode("utf-8"), TEXT_MIME),
    ]


def to_pdf(doc: ResumeDoc, paper: Paper | None = None, now: datetime | None = None) -> bytes:
    """The resume as PDF bytes (paper and time default as in ``export_files``)."""
    return render_pdf(layout(doc), paper or default_paper(doc.header), now or datetime.now(UTC))


def to_docx(doc: ResumeDoc, paper: Paper | None = None, now: datetime | None = None) -> bytes:
    """The resume as .docx bytes (paper and time default as in ``export_files``)."""
    return render_docx(layout(doc), paper or default_paper(doc.header), now or datetime.now(UTC))
