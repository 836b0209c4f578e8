"""Dates in role headers: split "…, Acme, 2021–now" into title and dates, and count months."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_NOW_WORDS = ("now", "present", "current", "today", "ongoing")
# One date: "2021", "Mar 2021", "March 2021", "03/2021", "3.2021", or a word for "now".
_DATE = (
    r"(?:(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+)"
    r"|(?:0?[1-9]|1[0-2])[/.])?(?:19|20)\d{2}"
    r"|(?:now|present|current|today|ongoing)"
)
_RANGE = rf"(?:{_DATE})(?:\s*(?:-|–|—|to|until|till)\s*(?:{_DATE}))?"
# The dates at the end of a header, after a separator: ", 2021–now", " (Jan 2020 - Mar 2022)".
_TRAILING = re.compile(
    rf"^(?P<title>.*?\S)[\s,;|·(\[–—-]*?[\s,;|·(\[]\s*(?P<dates>{_RANGE})\s*[)\]]?\s*$",
    re.IGNORECASE,
)
_TOKEN = re.compile(_DATE, re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d{2}")


def split_dates(header: str) -> tuple[str, str]:
    """Split dates written at the end of a header off it; ("", "") parts stay as written."""
    match = _TRAILING.match(header)
    if match is None:
        return header, ""
    title = match.group("title").rstrip(" ,;|·–—-([")
    dates = match.group("dates")
    separator = header[len(match.group("title")) : match.start("dates")]
    # "Windows Server 2019" names a thing; only a separator or a range makes a year a date.
    if not title or (not separator.strip() and len(_TOKEN.findall(dates)) < 2):
        return header, ""
    return title, dates


def _month_index(token: str, today: date, *, end: bool) -> int | None:
    """A date token as a count of months since year 0; a bare year spans all of that year."""
    lowered = token.lower()
    if lowered in _NOW_WORDS:
        return today.year * 12 + today.month - 1
    year_match = _YEAR.search(lowered)
    if year_match is None:
        return None
    year = int(year_match.group())
    prefix = lowered[: year_match.start()].strip(" ./")
    if not prefix:
        month = 12 if end else 1
    elif prefix.isdigit():
        month = int(prefix)
    else:
        month = _MONTHS.index(prefix[:3]) + 1
    return year * 12 + month - 1


def _interval(dates: str, today: date) -> tuple[int, int] | None:
    """The months one role's dates cover, inclusive, or None when they cannot be read."""
    tokens = _TOKEN.findall(dates)
    if not tokens:
        return None
    start = _month_index(tokens[0], today, end=False)
    end = _month_index(tokens[-1], today, end=True)
    if start is None or end is None or end < start:
        return None
    return start, end


def experience_months(all_dates: Iterable[str], today: date | None = None) -> int | None:
    """Months covered by the roles' dates, overlaps counted once; None if none can be read."""
    today = today or date.today()
    intervals = sorted(i for i in (_interval(d, today) for d in all_dates) if i is not None)
    if not intervals:
        return None
    total = 0
    current_start, current_end = intervals[0]
    for start, end in intervals[1:]:
        if start > current_end + 1:
            total += current_end - current_start + 1
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    return total + current_end - current_start + 1
