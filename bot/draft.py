"""Assemble the user's progress into a resume document."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from bot.analysis import ResumeView, analyse_skills, lexicon_for
from bot.analysis.view import EntryView
from bot.export import (
    Certification,
    Education,
    Entry,
    Header,
    Link,
    Paper,
    ResumeDoc,
    default_paper,
    to_text,
)
from bot.export.dates import split_dates
from bot.knowledge import Level, RoleKnowledge
from bot.progress import Contact, Progress
from bot.progress import Entry as StoredEntry

Entries = tuple[tuple[str, tuple[str, ...]], ...]
# "Expected 2026", "Class of 2025": a date a degree line ends with that is not a range.
_EXPECTED = re.compile(
    r"^(?P<rest>.*?)[\s,;–—-]*"
    r"(?P<dates>(?:expected|exp\.|graduating|class of)\s+(?:[A-Za-z]+\s+)?\d{4})\s*$",
    re.I,
)


class _Written(NamedTuple):
    """What of the progress goes into the document, in a form that can key a cache."""

    level: Level | None
    contact: tuple[str, str, str, str, str, tuple[str, ...]]
    summary: str
    skills: str
    roles: Entries
    projects: Entries
    education: Entries
    certifications: Entries


def _entries(skipped: set[str], step: str, entries: list[StoredEntry]) -> Entries:
    if step in skipped:
        return ()
    return tuple((e.header, tuple(e.lines)) for e in entries)


def _written(progress: Progress) -> _Written:
    # A skipped step is left out, though its text is kept for when the person comes back.
    skipped = set(progress.skipped)
    c = Contact() if "header" in skipped else progress.contact
    return _Written(
        progress.level,
        (c.name, c.title, c.email, c.phone, c.location, tuple(c.links)),
        "" if "summary" in skipped else progress.summary.text,
        "" if "skills" in skipped else progress.skills.text,
        _entries(skipped, "experience", progress.roles),
        _entries(skipped, "projects", progress.projects),
        _entries(skipped, "education", progress.education),
        _entries(skipped, "certifications", progress.certifications),
    )


def assemble(role: RoleKnowledge, progress: Progress) -> ResumeDoc:
    """The resume as written so far; sections not written yet stay empty."""
    return _assemble(role, _written(progress))


def resume_view(progress: Progress) -> ResumeView:
    """The person's resume as every check reads it: summary, skills line, jobs and projects.

    Pass it to ``analyse_skills(text, lex, view)``, ``analyse_view`` (the review) or
    ``analyse_roles`` (each job against what it needs), so that all of them decide what the
    resume shows in the same way.
    """
    return _view(_written(progress))


@lru_cache(maxsize=2048)
def _view(written: _Written) -> ResumeView:
    return ResumeView(
        summary=written.summary.strip(),
        skills=written.skills.strip(),
        roles=tuple(EntryView(h, lines) for h, lines in written.roles if h or lines),
        projects=tuple(EntryView(h, lines) for h, lines in written.projects if h or lines),
    )


def draft_text(role: RoleKnowledge, progress: Progress) -> str:
    """The resume so far as plain text (what /draft shows and the review reads)."""
    return _draft_text(role, _written(progress))


def paper_for(progress: Progress, doc: ResumeDoc) -> Paper:
    """The person's chosen paper size, else the one their phone or city suggests."""
    return (
        Paper(progress.paper) if progress.paper in {"a4", "letter"} else default_paper(doc.header)
    )


# /draft, /status, the review and the export all assemble the same unchanged draft again and
# again; it is rebuilt (and laid out as text) only when some text in it changed.
@lru_cache(maxsize=2048)
def _assemble(role: RoleKnowledge, written: _Written) -> ResumeDoc:
    # Only a title the person chose: skipping the question leaves the line out.
    name, title, email, phone, location, links = written.contact
    parsed = (Link.parse(url) for url in links)
    return ResumeDoc(
        header=Header(name, title, email, phone, location, tuple(link for link in parsed if link)),
        summary=written.summary.strip(),
        skills=dict(_skill_groups(role, written.skills)),
        roles=[Entry(header, lines) for header, lines in written.roles if header or lines],
        projects=[Entry(header, lines) for header, lines in written.projects if header or lines],
        education=[_education(header, lines) for header, lines in written.education if header],
        certifications=[_certification(header) for header, _ in written.certifications if header],
        level=written.level,
    )


def _education(line: str, details: tuple[str, ...]) -> Education:
    """A degree line ("BSc CS, University of Warsaw, 2019–2023") as degree, school, dates."""
    rest, dates = split_dates(line)
    expected = _EXPECTED.match(rest) if not dates else None
    if expected is not None:
        rest, dates = expected.group("rest"), expected.group("dates")
    degree, _, school = (part.strip(" ,;") for part in rest.partition(","))
    return Education(degree, school, dates, "; ".join(details))


def _certification(line: str) -> Certification:
    """A certification line ("AWS Developer, Amazon Web Services, 2023") as its parts."""
    rest, year = split_dates(line)
    name, _, issuer = (part.strip(" ,;") for part in rest.partition(","))
    return Certification(name, issuer, year)


@lru_cache(maxsize=2048)
def _draft_text(role: RoleKnowledge, written: _Written) -> str:
    return to_text(_assemble(role, written))


@lru_cache(maxsize=2048)
def _skill_groups(role: RoleKnowledge, skills_text: str) -> tuple[tuple[str, list[str]], ...]:
    """The skills grouped under display names, unrecognised ones under "Other"."""
    if not skills_text.strip():
        return ()
    report = analyse_skills(skills_text, lexicon_for(role))
    groups = [(role.categories.get(c, c), names) for c, names in report.groups.items()]
    unknown = [item.input for item in report.unknown]
    if unknown:
        groups.append(("Other", unknown))
    return tuple(groups)
