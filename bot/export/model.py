"""The resume document: what the person wrote, before any layout."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from bot.export.dates import experience_months, split_dates
from bot.export.sanitise import link_label, normalise_url

Level = Literal["junior", "mid", "senior"]


class Section(StrEnum):
    """The sections of a resume; each value is the standard heading ATS systems look for."""

    SUMMARY = "Summary"
    SKILLS = "Skills"
    EXPERIENCE = "Experience"
    PROJECTS = "Projects"
    EDUCATION = "Education"
    CERTIFICATIONS = "Certifications"


@dataclass(frozen=True)
class Link:
    """A link shown in the contact line, e.g. ``Link("GitHub", "https://github.com/zoe")``.

    ``url`` may be written loosely ("github.com/zoe", "http://…"): every export normalises it to
    https and leaves out a link that is not a web address. ``Link.parse`` does the same up front,
    for a conversation step that wants to tell the person at once.
    """

    label: str
    url: str

    @classmethod
    def parse(cls, text: str, label: str = "") -> Link | None:
        """A link from what the person typed, normalised, labelled by its site if unlabelled."""
        url = normalise_url(text)
        if url is None:
            return None
        return cls(" ".join(label.split()) or link_label(url), url)


@dataclass(frozen=True)
class Header:
    """Who the resume is for and how to reach them; everything but the name may be empty."""

    name: str = ""
    # The job the person is after ("Senior Backend Developer"), shown under the name.
    title: str = ""
    email: str = ""
    phone: str = ""
    # City and/or country as the person writes them: "Berlin, Germany", "Austin, TX".
    location: str = ""
    links: Sequence[Link] = ()


@dataclass(frozen=True)
class Entry:
    """A role or a project: its header line ("Backend Developer, Acme"), dates, bullets.

    When ``dates`` is empty, dates written at the end of the header ("…, Acme, 2021–now") are
    split off, so they are laid out at the right like dates given apart.
    """

    header: str
    bullets: Sequence[str] = ()
    dates: str = ""


@dataclass(frozen=True)
class Education:
    """A degree: "BSc Computer Science" at a school, its years or "Expected 2026", honours/GPA."""

    degree: str
    school: str = ""
    dates: str = ""
    details: str = ""


@dataclass(frozen=True)
class Certification:
    """A certification: its name, who issued it and the year."""

    name: str
    issuer: str = ""
    year: str = ""


@dataclass(frozen=True)
class ResumeDoc:
    """Everything the person wrote, ready to lay out; any part may be empty.

    Sections come in ``order`` when it is given (sections it leaves out follow in the default
    order, so nothing written disappears); otherwise in the order ``section_order`` picks.
    """

    header: Header = field(default_factory=Header)
    summary: str = ""
    skills: Mapping[str, Sequence[str]] = field(default_factory=dict)
    roles: Sequence[Entry] = ()
    projects: Sequence[Entry] = ()
    education: Sequence[Education] = ()
    certifications: Sequence[Certification] = ()
    level: Level | None = None
    order: Sequence[Section] | None = None


STANDARD_ORDER = (
    Section.SUMMARY,
    Section.SKILLS,
    Section.EXPERIENCE,
    Section.PROJECTS,
    Section.EDUCATION,
    Section.CERTIFICATIONS,
)
EDUCATION_FIRST_ORDER = (
    Section.SUMMARY,
    Section.SKILLS,
    Section.EDUCATION,
    Section.EXPERIENCE,
    Section.PROJECTS,
    Section.CERTIFICATIONS,
)
# Under two years of work, a junior's degree is their most recent and strongest credential.
LITTLE_EXPERIENCE_MONTHS = 24


def education_first(doc: ResumeDoc) -> bool:
    """Whether Education goes before Experience: a junior with little experience.

    The rule: level is junior, and the roles' dates add up to under 24 months (overlaps
    counted once, "now" as this month, a bare year as all of that year); when no role has
    readable dates, fewer than 2 roles. Why: a recruiter reads top-down and the first
    section after the skills should be the strongest evidence. For a recent graduate that is
    the degree; once there are two years of work (or two jobs), the work is, and for mid and
    senior people Education is a checkbox at the end whatever their dates say.
    """
    if doc.level != "junior":
        return False
    months = experience_months([role.dates or split_dates(role.header)[1] for role in doc.roles])
    if months is None:
        return len(doc.roles) < 2
    return months < LITTLE_EXPERIENCE_MONTHS


def section_order(doc: ResumeDoc) -> tuple[Section, ...]:
    """The order the sections are laid out in (empty sections are left out later)."""
    default = EDUCATION_FIRST_ORDER if education_first(doc) else STANDARD_ORDER
    if doc.order is None:
        return default
    chosen = tuple(dict.fromkeys(Section(s) for s in doc.order))
    return chosen + tuple(s for s in default if s not in chosen)
