"""Files people send for review, good and bad, shared by the Telegram and Discord upload tests."""

from __future__ import annotations

import io

import pypdf

from bot.documents import (
    BINARY_TOO_BIG,
    DOCX_UNREADABLE,
    FILE_EMPTY,
    FILE_TOO_BIG,
    FILE_TYPES,
    PDF_LOCKED,
    PDF_NO_TEXT,
    PDF_UNREADABLE,
    TXT_NOT_UTF8,
)
from bot.export import Entry, Header, ResumeDoc, export_files

DOC = ResumeDoc(
    header=Header(name="Ada Lovelace", email="ada@example.com"),
    summary="Backend developer with 5 years of Python and Django building payment APIs.",
    skills={"Languages": ["Python"], "Databases": ["PostgreSQL"]},
    roles=[
        Entry(
            "Backend Developer, Kvetina Flowers, 2021–now",
            ("Built the order API in Django for 40 shops", "Cut p99 latency from 900 to 200 ms"),
        )
    ],
    level="mid",
)
# The same resume in every format a person may send.
GOOD = {
    a.filename.rsplit(".", 1)[1]: (f"cv.{a.filename.rsplit('.', 1)[1]}", a.data)
    for a in export_files(DOC)
}


def _blank_pdf() -> bytes:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _locked_pdf() -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(GOOD["pdf"][1])))
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# (file name, bytes, size the platform declares or None, what the person is told, downloaded?)
BAD: dict[str, tuple[str, bytes, int | None, str, bool]] = {
    "picture": ("cat.png", b"\x89PNG....", None, FILE_TYPES, False),
    "text over 200 KB": ("cv.txt", b"x" * 10, 300_000, FILE_TOO_BIG, False),
    "pdf over 5 MB": ("cv.pdf", b"%PDF", 6_000_000, BINARY_TOO_BIG, False),
    "text not UTF-8": ("cv.txt", "Zoë".encode("latin-1") * 10, None, TXT_NOT_UTF8, True),
    "empty markdown": ("cv.md", b"  \n\n", None, FILE_EMPTY, True),
    "broken docx": ("cv.docx", b"not a zip archive", None, DOCX_UNREADABLE, True),
    "broken pdf": ("cv.pdf", b"%PDF-1.4 not really", None, PDF_UNREADABLE, True),
    "scanned pdf": ("scan.pdf", _blank_pdf(), None, PDF_NO_TEXT, True),
    "locked pdf": ("locked.pdf", _locked_pdf(), None, PDF_LOCKED, True),
}
