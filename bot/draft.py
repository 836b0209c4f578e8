"""Assemble the user's progress into a resume document."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from bot.analysis import ResumeView, analyse_skills, lexicon_for
from bot.analysis.view import EntryView
from bot.export import Entry, Header, ResumeDoc, to_text
from bot.knowledge import Level, RoleKnowledge
from bot.progress import Progress

_HEADLINES = {"junior": "Junior", "mid": "", "senior": "Senior"}
Entries = tuple[tuple[str, tuple[str, ...]], ...]


class _Written(NamedTuple):
    """What of the progress goes into the document, in a form that can key a cache."""

    level: Level | None
    summary: str
    skills: str
    roles: Entries
    projects: Entries


def _written(progress: Progress) -> _Written:
    # A skipped step is left out, though its text is kept for when the person comes back.
    skipped = set(progress.skipped)
    roles = () if "experience" in skipped else progress.roles
    projects = () if "projects" in skipped else progress.projects
    return _Written(
        progress.level,
        "" if "summary" in skipped else progress.summary.text,
        "" if "skills" in skipped else progress.skills.text,
        tuple((e.header, tuple(e.lines)) for e in roles),
        tuple((p.header, tuple(p.lines)) for p in projects),
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


# /draft, /status, the review and the export all assemble the same unchanged draft again and
# again; it is rebuilt (and laid out as text) only when some text in it changed.
@lru_cache(maxsize=2048)
def _assemble(role: RoleKnowledge, written: _Written) -> ResumeDoc:
    prefix = _HEADLINES.get(written.level or "mid", "")
    headline = f"{prefix} {role.role.title}".strip() if written.level else ""
    return ResumeDoc(
        header=Header(title=headline),
        summary=written.summary.strip(),
        skills=dict(_skill_groups(role, written.skills)),
        roles=[Entry(header, lines) for header, lines in written.roles if header or lines],
        projects=[Entry(header, lines) for header, lines in written.projects if header or lines],
        level=written.level,
    )


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
