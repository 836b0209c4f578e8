"""Review a whole resume: find its sections, check each, then check them against each other."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.analysis.bullets import RoleBulletsReport, analyse_bullets
from bot.analysis.lexicon import Lexicon
from bot.analysis.skills import TECH_CATEGORIES
from bot.analysis.skills_section import SkillsReport, analyse_skills
from bot.analysis.structure import Entry, read_structure
from bot.analysis.summary import SummaryReport, analyse_summary
from bot.analysis.text import words
from bot.documents import plain_text, read_blocks
from bot.knowledge import Level

SECTION_NAMES: dict[str, tuple[str, ...]] = {
    "summary": ("summary", "profile", "about", "about me", "professional summary", "objective"),
    "skills": ("skills", "technical skills", "tech stack", "technologies", "core skills", "stack"),
    "experience": (
        "experience",
        "work experience",
        "professional experience",
        "employment",
        "work history",
        "employment history",
    ),
    "projects": ("projects", "personal projects", "side projects", "selected projects"),
    "education": ("education", "certifications", "courses", "training"),
}
_HEADING_LOOKUP = {name: section for section, names in SECTION_NAMES.items() for name in names}
_MARKED = re.compile(r"^\s*(?:[-*•·▪●◦‣–+]|\d{1,2}[.)])\s+")
_YEAR = re.compile(r"\b(19[6-9]\d|20\d\d)\b")


@dataclass(frozen=True)
class Role:
    """One job: its header lines and its bullets."""

    header: str
    bullets: tuple[str, ...]


@dataclass(frozen=True)
class ParsedResume:
    """A resume split into sections."""

    headline: str
    sections: dict[str, str]
    roles: tuple[Role, ...] = ()
    projects: tuple[Role, ...] = ()


@dataclass(frozen=True)
class ResumeReport:
    """Every section found, each checked, plus the checks across sections."""

    parsed: ParsedResume
    summary: SummaryReport | None
    skills: SkillsReport | None
    roles: tuple[tuple[Role, RoleBulletsReport], ...]
    projects: tuple[tuple[Role, RoleBulletsReport], ...]
    checks: dict[str, Any]
    advice: tuple[str, ...]
    scores: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """The stable JSON shape."""
        out: dict[str, Any] = {
            "section": "auto",
            "sections": list(self.parsed.sections),
            "scores": self.scores,
        }
        if self.summary is not None:
            out["summary"] = self.summary.as_json()
        if self.skills is not None:
            out["skills"] = self.skills.as_json()
        out["experience"] = [
            {"role": role.header, **report.as_json()} for role, report in self.roles
        ]
        if self.projects:
            out["projects"] = [
                {"project": p.header, **report.as_json()} for p, report in self.projects
            ]
        out["checks"] = self.checks
        out["advice"] = list(self.advice)
        return out


def _heading(line: str) -> str | None:
    """The section a line is the heading of, if it is one."""
    stripped = line.strip()
    level = len(stripped) - len(stripped.lstrip("#"))
    name = re.sub(r"^#+\s*", "", stripped).strip(" :*_=-").casefold()
    name = re.sub(r"\s+", " ", name)
    if name in _HEADING_LOOKUP:
        return _HEADING_LOOKUP[name]
    # "### Backend Developer — Acme" inside Experience is a role, not a new section.
    if 1 <= level <= 2 and name:
        return name
    if stripped.isupper() and 1 <= len(stripped.split()) <= 4 and len(stripped) > 3:
        return name
    return None


def parse_resume(text: str) -> ParsedResume:
    """Split a resume (plain text, Markdown, HTML, text pasted from a PDF) into its sections."""
    found = read_structure(read_blocks(text))
    return ParsedResume(
        headline=" ".join(found.headline[:2]),
        sections={name: plain_text(blocks) for name, blocks in found.sections.items()},
        roles=tuple(_role(entry) for entry in found.roles),
        projects=tuple(_role(entry) for entry in found.projects),
    )


def _role(entry: Entry) -> Role:
    return Role(" · ".join(entry.header), tuple(entry.bullets))


def analyse_resume(
    text: str, lex: Lexicon, level: Level = "mid", today: date | None = None
) -> ResumeReport:
    """Review a whole resume for one experience level."""
    rules = lex.role.guidance.resume.rules
    parsed = parse_resume(text)
    summary = (
        analyse_summary(parsed.sections["summary"], lex, level)
        if parsed.sections.get("summary")
        else None
    )
    skills = (
        analyse_skills(parsed.sections["skills"], lex) if parsed.sections.get("skills") else None
    )
    roles = tuple((role, analyse_bullets(list(role.bullets), lex)) for role in parsed.roles)
    projects = tuple(
        (project, analyse_bullets(list(project.bullets), lex, project=True))
        for project in parsed.projects
    )

    all_bullets = [b for _, report in roles + projects for b in report.bullets]
    shown = {tech for b in all_bullets for tech in b.technologies}
    listed = [s for s in (skills.known if skills else []) if s.category in TECH_CATEGORIES]
    never_shown = [s.name for s in listed if s.name not in shown]
    listed_names = {s.name for s in listed}
    unlisted = sorted(shown - listed_names)
    verbs = Counter(b.opening_verb for b in all_bullets if b.opening_verb)
    overused = {v: n for v, n in verbs.items() if n >= 3}
    word_count = len(words(text))
    pages = max(1, math.ceil(word_count / rules.words_per_page)) if word_count else 0
    max_pages = rules.max_pages.get(level, 2)
    this_year = (today or date.today()).year
    old_roles = [
        role.header
        for role in parsed.roles
        if (years := [int(y) for y in _YEAR.findall(role.header)])
        and max(years) < this_year - rules.old_experience_years
    ]
    missing = [s for s in ("summary", "skills", "experience") if s not in parsed.sections]
    if level in lex.role.guidance.projects.rules.advised_for and "projects" not in parsed.sections:
        missing.append("projects")
    checks: dict[str, Any] = {
        "sections_found": list(parsed.sections),
        "sections_missing": missing,
        "skills_not_shown_in_bullets": never_shown,
        "technologies_missing_from_skills": unlisted,
        "overused_verbs": overused,
        "word_count": word_count,
        "page_estimate": pages,
        "max_pages": max_pages,
        "old_roles": old_roles,
    }
    advice = _advice(checks, level)
    scores: dict[str, int] = {}
    if summary is not None:
        scores["summary"] = summary.score
    if skills is not None:
        scores["skills"] = skills.score
    if roles:
        scores["experience"] = round(sum(r.score for _, r in roles) / len(roles))
    if projects:
        scores["projects"] = round(sum(r.score for _, r in projects) / len(projects))
    return ResumeReport(
        parsed=parsed,
        summary=summary,
        skills=skills,
        roles=roles,
        projects=projects,
        checks=checks,
        advice=tuple(advice),
        scores=scores,
    )


def _advice(checks: dict[str, Any], level: Level) -> list[str]:
    advice: list[str] = []
    for section in checks["sections_missing"]:
        if section == "projects":
            advice.append(
                "Add a Projects section: for junior and mid roles it shows hands-on work."
            )
        else:
            advice.append(f"Add a {section.capitalize()} section: recruiters look for it first.")
    if checks["page_estimate"] > checks["max_pages"]:
        advice.append(
            f"About {checks['word_count']} words is roughly {checks['page_estimate']} pages; "
            f"aim for {checks['max_pages']} at {level} level. Cut the weakest bullets first."
        )
    if unlisted := checks["technologies_missing_from_skills"]:
        them = "them" if len(unlisted) > 1 else "it"
        advice.append(
            f"Your bullets use {', '.join(unlisted[:6])}, but your skills don't list {them}: "
            f"add {them}."
        )
    if unshown := checks["skills_not_shown_in_bullets"]:
        if len(unshown) > 1:
            fix = "show each in a bullet or drop it from the skills"
        else:
            fix = "show it in a bullet or drop it from the skills"
        advice.append(f"No bullet shows {', '.join(unshown[:6])}: {fix}.")
    if checks["overused_verbs"]:
        listed = ", ".join(f"“{v.capitalize()}” ×{n}" for v, n in checks["overused_verbs"].items())
        advice.append(f"Vary your verbs across the resume: {listed}.")
    if checks["old_roles"]:
        advice.append(
            "Condense roles older than ten years to one line, unless they show something "
            "the job needs: " + "; ".join(checks["old_roles"][:2])
        )
    return advice
