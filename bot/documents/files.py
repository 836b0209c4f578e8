"""Files people send, read into text: ``.txt``, ``.md``, ``.pdf`` and ``.docx``.

Every problem with a file becomes ``Unreadable`` with one sentence that says what to do.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
import zipfile

import docx
import pypdf
from docx.table import Table
from docx.text.paragraph import Paragraph

from bot.documents.blocks import Block
from bot.documents.pages import running_lines_dropped, t1_punctuation

log = logging.getLogger(__name__)
# pypdf warns about every oddity of a broken file on its own logger; the person gets one
# sentence from here instead.
logging.getLogger("pypdf").setLevel(logging.ERROR)

MAX_DOCUMENT_BYTES = 200_000
# PDF and Word files carry fonts and images besides the text: they may be larger.
MAX_BINARY_BYTES = 5_000_000
# A .docx is a zip archive: 5 MB of it may unpack to far more; refuse archives that would.
MAX_DOCX_UNPACKED_BYTES = 50_000_000
MAX_PDF_PAGES = 20
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
BINARY_SUFFIXES = (".pdf", ".docx")

FILE_TYPES = (
    "I can read .pdf, .docx, .txt and .md files. Please send one of those, or paste the text."
)
FILE_TOO_BIG = (
    f"That file is over {MAX_DOCUMENT_BYTES // 1000} KB, the most I read. "
    "Please send a shorter file or paste the text."
)
BINARY_TOO_BIG = (
    f"That file is over {MAX_BINARY_BYTES // 1_000_000} MB, the most I read. "
    "Please save it without images, or paste the text."
)
TXT_NOT_UTF8 = "That text file is not UTF-8. Please save it as UTF-8 or paste the text."
DOCX_UNREADABLE = "I couldn't open that .docx file. Please save it again or paste the text."
PDF_UNREADABLE = "I couldn't open that PDF. Please export it again or paste the text."
PDF_LOCKED = "That PDF is password-protected. Please send a copy without a password."
PDF_NO_TEXT = (
    "That PDF has no text I can read: it looks like a scan or an image. Please export it "
    "from your editor as a PDF with text, or paste the text."
)
FILE_EMPTY = "I found no text in that file. Please paste your resume as a message instead."


class Unreadable(Exception):
    """A sent file whose text can't be used; the message tells the person why, in one sentence."""


def refusal(filename: str, size: int | None) -> str | None:
    """Why a file is not worth downloading, from its name and declared size; None if it is."""
    name = filename.casefold()
    if name.endswith(TEXT_SUFFIXES):
        limit, message = MAX_DOCUMENT_BYTES, FILE_TOO_BIG
    elif name.endswith(BINARY_SUFFIXES):
        limit, message = MAX_BINARY_BYTES, BINARY_TOO_BIG
    else:
        return FILE_TYPES
    if size is not None and size > limit:
        return message
    return None


def decode_text(data: bytes) -> str:
    """UTF-8 text (a byte-order mark is dropped); ``Unreadable`` for anything else."""
    if b"\x00" in data:
        raise Unreadable(TXT_NOT_UTF8)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Unreadable(TXT_NOT_UTF8) from None


def pdf_text(data: bytes) -> str:
    """The text layer of a PDF, page after page; ``Unreadable`` says why there is none."""
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable(PDF_LOCKED)
        pages = reader.pages[:MAX_PDF_PAGES]
        text = "\n".join(running_lines_dropped([page.extract_text() or "" for page in pages]))
    except Unreadable:
        raise
    except Exception as exc:  # any malformed upload, whatever the parser raises
        log.info("an unreadable PDF was sent: %s", type(exc).__name__)
        raise Unreadable(PDF_UNREADABLE) from None
    if len(text.split()) < 5:
        raise Unreadable(PDF_NO_TEXT)
    return accents_joined(t1_punctuation(text))


# pdfTeX's older fonts draw an accent as a glyph of its own beside its letter: the text layer
# says "Presum ´e", "S˜ao", "c¸". Each spacing accent, to the combining one it stands for.
_COMBINING = {
    "´": "\u0301",
    "˜": "\u0303",
    "¨": "\u0308",
    "ˆ": "\u0302",
    "˚": "\u030a",
    "ˇ": "\u030c",
}
_MARKS = "".join(_COMBINING)
# The accent comes before its letter, after the end of a word ("Presum ´e", "S˜ao") or alone.
_ACCENT_BEFORE = re.compile(rf"(?:(?<=\w) ?|(?<![\w{_MARKS}]))([{_MARKS}])([^\W\d_])")
_CEDILLA_AFTER = re.compile(r"([cCsStT])¸")


def accents_joined(text: str) -> str:
    """Accents the PDF drew apart put back on their letters ("S˜ao" to "São")."""
    if not any(mark in text for mark in (*_COMBINING, "¸")):
        return text

    def joined(found: re.Match[str]) -> str:
        letter = "i" if found.group(2) == "ı" else found.group(2)  # a dotless i takes the dots
        return unicodedata.normalize("NFC", letter + _COMBINING[found.group(1)])

    text = _ACCENT_BEFORE.sub(joined, text)
    return _CEDILLA_AFTER.sub(lambda m: unicodedata.normalize("NFC", m.group(1) + "\u0327"), text)


def docx_blocks(data: bytes) -> list[Block]:
    """The paragraphs and table rows of a .docx file, in order; list paragraphs as items."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_DOCX_UNPACKED_BYTES:
                raise ValueError("the archive unpacks too large")
        document = docx.Document(io.BytesIO(data))
        return list(_docx_blocks(document))
    except Exception as exc:  # any malformed upload, whatever the parser raises
        log.info("an unreadable .docx was sent: %s", type(exc).__name__)
        raise Unreadable(DOCX_UNREADABLE) from None


def _docx_blocks(document: object) -> list[Block]:
    blocks: list[Block] = []
    for block in document.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Paragraph):
            style = (block.style.name if block.style is not None else "") or ""
            kind = "heading" if style.startswith(("Heading", "Title")) else "text"
            # "Heading 2" is level 2; the title counts as level 1.
            level = int(style.rsplit(" ", 1)[-1]) if style[-1:].isdigit() else 1
            level = level if kind == "heading" else 0
            numbered = block._p.pPr is not None and block._p.pPr.numPr is not None
            if ("List" in style or numbered) and kind != "heading":
                kind = "item"  # a heading style wins over a list's numbering: a job's title
            blocks.extend(_paragraph_blocks(kind, block.text, level))
        elif isinstance(block, Table):
            for row in block.rows:
                seen: list[object] = []
                cells: list[str] = []
                for cell in row.cells:
                    # A merged cell is listed once per grid column it spans.
                    if any(cell._tc is other for other in seen):
                        continue
                    seen.append(cell._tc)
                    cells.append(" ".join(p.text for p in cell.paragraphs if p.text.strip()))
                blocks.append(Block("row", " — ".join(c for c in cells if c.strip())))
    return blocks


def _paragraph_blocks(kind: str, text: str, level: int) -> list[Block]:
    """A paragraph as blocks: a plain one by its lines, a heading or a list item whole.

    Line breaks inside a plain paragraph keep an address, a title over its dates or a text kept
    as typed on lines of their own, as the page shows them.
    """
    if kind != "text":
        return [Block(kind, text, level)]  # type: ignore[arg-type]
    lines = [Block("text", line) for line in text.split("\n") if line.strip()]
    return lines or [Block("text", "")]
