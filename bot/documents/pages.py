"""What a paged document's text layer leaves behind: running headers and footers, font codes.

A PDF repeats a header or footer (a name, a date, "Page 2 of 3") at the edge of every page; read
as text they land between a section's heading and its content ("Technical Skills", "NOVEMBER 30,
2026", "JANE DOE · RESUME", "Languages…"). They are dropped.
"""

from __future__ import annotations

import re

PAGE_BREAK = "\f"
# How many lines at the top and at the bottom of a page can be a running header or footer.
EDGE_LINES = 3
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,2}(?:\s*(?:/|of)\s*\d{1,2})?$", re.I)
_PAGE_WORD = re.compile(r"\bpage\b", re.I)
_DIGITS = re.compile(r"\d+")
# A pdfTeX font in the T1 encoding with no map to Unicode leaves its punctuation as the font's
# own codes, control characters in the text layer ("08/2025 \x15 02/2026"): each to what it
# draws there.
_T1_PUNCTUATION = str.maketrans(
    {"\x10": "“", "\x11": "”", "\x12": "„", "\x13": "«", "\x14": "»", "\x15": "–", "\x16": "—"}
)


def t1_punctuation(text: str) -> str:
    """A T1-encoded font's punctuation codes read as the marks they draw."""
    return text.translate(_T1_PUNCTUATION)


def _key(line: str) -> str:
    """A line as compared across pages: spacing and case aside; a page's own number too."""
    key = " ".join(line.split()).casefold()
    return _DIGITS.sub("#", key) if _PAGE_WORD.search(key) else key


def _edges(page: list[str]) -> list[int]:
    """Where a page's first and last few non-empty lines are."""
    filled = [at for at, line in enumerate(page) if line.strip()]
    return sorted(set(filled[:EDGE_LINES] + filled[-EDGE_LINES:]))


def _pages(text: str) -> list[list[str]]:
    """The pages of a text: split at form feeds, or after each page number when it has none."""
    if PAGE_BREAK in text:
        return [page.split("\n") for page in text.split(PAGE_BREAK)]
    pages: list[list[str]] = [[]]
    for line in text.split("\n"):
        pages[-1].append(line)
        if _PAGE_NUMBER.match(line.strip()):
            pages.append([])
    return pages


def running_lines_dropped(pages: list[str]) -> list[str]:
    """The pages without the lines that stand at the edge of two pages or more."""
    split = [page.split("\n") for page in pages]
    return ["\n".join(lines) for lines in _dropped(split)]


def without_running_lines(text: str) -> str:
    """A text copied out of a paged document, its running headers and footers dropped."""
    pages = _pages(text)
    if len(pages) < 2:
        return text
    return "\n".join("\n".join(lines) for lines in _dropped(pages))


def _dropped(pages: list[list[str]]) -> list[list[str]]:
    seen: dict[str, int] = {}
    for page in pages:
        for key in {_key(page[at]) for at in _edges(page)}:
            seen[key] = seen.get(key, 0) + 1
    # A line with letters (a bare page number is dropped where lines are read); a bullet that
    # happens to end two pages is no footer.
    running = {
        key
        for key, count in seen.items()
        if count >= 2 and any(c.isalpha() for c in key) and not key.startswith(("-", "•", "*"))
    }
    if not running:
        return pages
    kept = []
    for number, page in enumerate(pages):
        edges = set(_edges(page))
        # The top of the first page is the document's own header: the person's name stays.
        top = set(_edges(page)[:EDGE_LINES]) if number == 0 else set()
        kept.append(
            [
                line
                for at, line in enumerate(page)
                if at not in edges or at in top or _key(line) not in running
            ]
        )
    return kept
