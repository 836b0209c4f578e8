"""A job as a whole: when it ran, whether it is the latest, and how many bullets it needs."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from bot.analysis.advice import Advice
from bot.knowledge.schema import BulletRules

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        1,
    )
    for name in names
}
# "Jun 2024", "June 2024", "06/2024", "2024-06", "2024", or a word for the current job.
_POINT = re.compile(
    r"""
    (?P<month>[A-Za-z]{3,9})\.?\s+(?P<year>(?:19|20)\d\d)\b
    | \b(?P<mnum>0?[1-9]|1[0-2])[/.](?P<myear>(?:19|20)\d\d)\b
    | \b(?P<iyear>(?:19|20)\d\d)-(?P<imonth>0[1-9]|1[0-2])\b
    | \b(?P<bare>(?:19|20)\d\d)\b
    | \b(?P<now>present|now|current|currently|today|ongoing|date)\b
    """,
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(frozen=True)
class Span:
    """A job's first and last month, as (year, month); a year alone spans the whole year."""

    start: tuple[int, int]
    end: tuple[int, int]

    @property
    def months(self) -> int:
        """How many months it lasted, counting both ends (June to September is 4)."""
        return (self.end[0] - self.start[0]) * 12 + self.end[1] - self.start[1] + 1


def _points(header: str, today: date) -> list[tuple[tuple[int, int], bool]]:
    """Each date in the header as (year, month), and whether only a year was given."""
    found: list[tuple[tuple[int, int], bool]] = []
    for match in _POINT.finditer(header):
        if match.group("month"):
            month = _MONTHS.get(match.group("month").casefold())
            if month is not None:
                found.append(((int(match.group("year")), month), False))
            else:
                found.append(((int(match.group("year")), 1), True))
        elif match.group("mnum"):
            found.append(((int(match.group("myear")), int(match.group("mnum"))), False))
        elif match.group("iyear"):
            found.append(((int(match.group("iyear")), int(match.group("imonth"))), False))
        elif match.group("bare"):
            found.append(((int(match.group("bare")), 1), True))
        elif found:
            # "Present" only ends a span that started: alone it may just be a word in a title.
            found.append(((today.year, today.month), False))
    return found


def role_span(header: str, today: date | None = None) -> Span | None:
    """The span of a job from its header ("Jun 2024 – Sep 2024", "2021–now"), if it has one."""
    points = _points(header, today or date.today())
    if not points:
        return None
    (start, _), (end, end_year_only) = points[0], points[-1]
    if end_year_only:
        # "2021 – 2023" ends some time in 2023: count it to the end of the year.
        end = (end[0], 12)
    if len(points) == 1:
        end = (start[0], 12) if points[0][1] else start
    return Span(start, end) if end >= start else None


def latest(headers: Sequence[str], today: date | None = None) -> int:
    """The index of the latest job: by end date where every header has one, else the first.

    Resumes list jobs newest first, so without dates the first one is taken as the latest.
    """
    spans = [role_span(header, today) for header in headers]
    if not spans or any(span is None for span in spans):
        return 0
    ends = [span.end for span in spans if span is not None]
    return ends.index(max(ends))


def bullets_wanted(
    rules: BulletRules,
    header: str,
    latest: bool,
    today: date | None = None,
    old_after_years: int = 10,
) -> tuple[int, str]:
    """The fewest bullets a job needs, and what kind of job it is ("latest", "earlier", …).

    The latest job gets 3–5. An earlier one can do with fewer, a short one (an internship of a
    few months) with one or two, and one that ended long ago with a single line.
    """
    now = today or date.today()
    span = role_span(header, now)
    title = header.casefold()
    if span is not None and span.end[0] < now.year - old_after_years:
        return 1, "old"
    if (span is not None and span.months < rules.short_role_months) or (
        span is None and any(_has_word(title, word) for word in rules.short_role_words)
    ):
        return rules.min_per_short_role, "short"
    if not latest:
        return rules.min_per_older_role, "earlier"
    return rules.min_per_role, "latest"


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<![a-z]){re.escape(word.casefold())}(?![a-z])", text) is not None


def _quoted(lines: list[str]) -> str:
    return ", ".join(f"“{line[:60]}{'…' if len(line) > 60 else ''}”" for line in lines)


def project_advice(count: int, most_lines: int, cut: list[str]) -> list[Advice]:
    """A project is told in a few lines; it has no minimum the way a job has."""
    if count <= most_lines:
        return []
    which = f" Cut or merge {_quoted(cut)}." if cut else ""
    return [
        Advice(
            f"Keep a project to {most_lines} lines: the problem, the stack, one decision or "
            f"result. You have {count}.{which}",
            "cut_lines",
            cut,
        )
    ]


# Only these kinds of job can have too few: a short or an old one needs a single line.
_KIND_OF_JOB = {"latest": " for your latest job", "earlier": " for an earlier job"}


def count_advice(count: int, fewest: int, most: int, kind: str, cut: list[str]) -> list[Advice]:
    """Too few bullets for this kind of job (see ``bullets_wanted``), or too many.

    ``cut`` names the lines to cut: the weakest, sparing those that alone show a listed skill.
    """
    if count and count < fewest:
        return [
            Advice(
                f"Add bullets: {count} is thin{_KIND_OF_JOB.get(kind, '')}; "
                f"{fewest}–{most} show enough.",
                "add_bullets",
                [str(fewest)],
            )
        ]
    if count > most:
        return [
            Advice(
                f"Keep the best {most}: {count} bullets dilute the strong ones; cut or merge "
                f"the weakest: {_quoted(cut) if cut else 'merge them into the others'}.",
                "cut_lines",
                cut,
            )
        ]
    return []
