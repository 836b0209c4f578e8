"""Files people send, read into text once for every platform: ``.txt`` and ``.docx``."""

from __future__ import annotations

import io
import logging
import zipfile

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

log = logging.getLogger(__name__)

MAX_DOCUMENT_BYTES = 200_000
# A .docx is a zip archive: 200 KB of it may unpack to far more; refuse archives that would.
MAX_DOCX_UNPACKED_BYTES = 20_000_000
READABLE_SUFFIXES = (".txt", ".docx")

FILE_TYPES = "I can read .txt and .docx files. Please send one of those, or paste the text."
FILE_TOO_BIG = (
    f"That file is over {MAX_DOCUMENT_BYTES // 1000} KB, the most I read. "
    "Please send a shorter file or paste the text."
)
TXT_NOT_UTF8 = "That .txt file is not UTF-8 text. Please save it as UTF-8 or paste the text."
DOCX_UNREADABLE = "I couldn't open that .docx file. Please save it again or paste the text."
FILE_EMPTY = "I found no text in that file. Please paste your resume as a message instead."


class Unreadable(Exception):
    """A sent file whose text can't be used; the message tells the person why, in one sentence."""


def refusal(filename: str, size: int | None) -> str | None:
    """Why a file is not worth downloading, from its name and declared size; None if it is."""
    if not filename.casefold().endswith(READABLE_SUFFIXES):
        return FILE_TYPES
    if size is not None and size > MAX_DOCUMENT_BYTES:
        return FILE_TOO_BIG
    return None


def read_document(filename: str, data: bytes) -> str:
    """The text of a sent file; ``Unreadable`` says what to do instead. CPU work: run off-loop."""
    refused = refusal(filename, len(data))
    if refused is not None:
        raise Unreadable(refused)
    if filename.casefold().endswith(".txt"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise Unreadable(TXT_NOT_UTF8) from None
    else:
        try:
            text = docx_text(data)
        except Exception as exc:  # any malformed upload, whatever the parser raises
            log.info("an unreadable .docx was sent: %s", type(exc).__name__)
            raise Unreadable(DOCX_UNREADABLE) from None
    if not text.strip() or "\x00" in text:
        raise Unreadable(FILE_EMPTY)
    return text


def docx_text(data: bytes) -> str:
    """The text of a .docx file: paragraphs and table cells, in document order."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_DOCX_UNPACKED_BYTES:
            raise ValueError("the archive unpacks too large")
    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                seen: list[object] = []
                for cell in row.cells:
                    # A merged cell is listed once per grid column it spans.
                    if any(cell._tc is other for other in seen):
                        continue
                    seen.append(cell._tc)
                    lines.extend(paragraph.text for paragraph in cell.paragraphs)
    return "\n".join(lines)
