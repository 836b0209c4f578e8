"""Assemble the user's progress into a resume document."""

from __future__ import annotations

from bot.analysis import analyse_skills, lexicon_for
from bot.export import ResumeDoc, to_text
from bot.knowledge import RoleKnowledge
from bot.progress import Progress

_HEADLINES = {"junior": "Junior", "mid": "", "senior": "Senior"}


def assemble(role: RoleKnowledge, progress: Progress) -> ResumeDoc:
    """The resume as written so far; sections not written yet stay empty."""
    skills: dict[str, list[str]] = {}
    if progress.skills.text.strip():
        report = analyse_skills(progress.skills.text, lexicon_for(role))
        skills = {role.categories.get(c, c): names for c, names in report.groups.items()}
        unknown = [item.input for item in report.unknown]
        if unknown:
            skills["Other"] = unknown
    prefix = _HEADLINES.get(progress.level or "mid", "")
    headline = f"{prefix} {role.role.title}".strip() if progress.level else ""
    return ResumeDoc(
        headline=headline,
        summary=progress.summary.text.strip(),
        skills=skills,
        roles=[(e.header, e.lines) for e in progress.roles if e.header or e.lines],
        projects=[(p.header, p.lines) for p in progress.projects if p.header or p.lines],
    )


def draft_text(role: RoleKnowledge, progress: Progress) -> str:
    """The resume so far as plain text (what /draft shows and the review reads)."""
    doc = assemble(role, progress)
    return to_text(doc)
