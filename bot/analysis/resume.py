"""Review a whole resume: find its sections, check each, then check them against each other."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from textwrap import shorten
from typing import Any

from bot.analysis.advice import Advice
from bot.analysis.bullets import RoleBulletsReport, analyse_bullets
from bot.analysis.lexicon import Lexicon
from bot.analysis.parse import SECTION_NAMES, ParsedResume, Role, parse_resume
from bot.analysis.roles import latest, role_span
from bot.analysis.skills_section import SkillsReport, analyse_skills
from bot.analysis.summary import SummaryReport, analyse_summary
from bot.analysis.text import words
from bot.analysis.view import ResumeView, only_here
from bot.documents import as_plain_text
from bot.knowledge import Level

__all__ = [
    "SECTION_NAMES",
    "ParsedResume",
    "ResumeReport",
    "Role",
    "analyse_resume",
    "analyse_view",
    "parse_resume",
]


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


def analyse_resume(
    text: str, lex: Lexicon, level: Level = "mid", today: date | None = None
) -> ResumeReport:
    """Review a whole resume, pasted as text, for one experience level."""
    parsed = parse_resume(text)
    # The words a reader sees: link targets, tags and other marks are not counted.
    count = len(words(as_plain_text(text)))
    return _review(ResumeView.from_parsed(parsed), parsed, count, lex, level, today)


def analyse_view(
    view: ResumeView, lex: Lexicon, level: Level = "mid", today: date | None = None
) -> ResumeReport:
    """Review the resume a view holds (see ``bot.draft.resume_view`` for a person's progress)."""
    parsed = view.as_parsed()
    count = len(words("\n".join(parsed.sections.values())))
    return _review(view, parsed, count, lex, level, today)


def analyse_roles(
    view: ResumeView, lex: Lexicon, today: date | None = None
) -> tuple[RoleBulletsReport, ...]:
    """Each job's bullets, judged against what that job needs.

    The latest job needs 3–5; an earlier, a short or an old one fewer (see
    ``bot.analysis.roles.bullets_wanted``).
    """
    return tuple(analyse_role(view, lex, index, today) for index in range(len(view.roles)))


def analyse_role(
    view: ResumeView, lex: Lexicon, index: int, today: date | None = None
) -> RoleBulletsReport:
    """One job's bullets, judged with the whole resume in view (what a chat turn needs)."""
    role = view.roles[index]
    return analyse_bullets(
        list(role.lines),
        lex,
        header=role.header,
        latest=index == latest([r.header for r in view.roles], today),
        today=today,
        keep_shown=only_here(view, lex, "roles", index),
    )


def analyse_projects(view: ResumeView, lex: Lexicon) -> tuple[RoleBulletsReport, ...]:
    """Each project's lines: a few lines each, never cutting the only line that shows a skill."""
    return tuple(analyse_project(view, lex, index) for index in range(len(view.projects)))


def analyse_project(view: ResumeView, lex: Lexicon, index: int) -> RoleBulletsReport:
    """One project's lines, judged with the whole resume in view."""
    return analyse_bullets(
        list(view.projects[index].lines),
        lex,
        project=True,
        keep_shown=only_here(view, lex, "projects", index),
    )


def _review(
    view: ResumeView,
    parsed: ParsedResume,
    word_count: int,
    lex: Lexicon,
    level: Level,
    today: date | None,
) -> ResumeReport:
    summary = analyse_summary(view.summary, lex, level) if view.summary.strip() else None
    skills = analyse_skills(view.skills, lex, view) if view.skills.strip() else None
    role_reports = analyse_roles(view, lex, today)
    roles = tuple(zip(parsed.roles, role_reports, strict=True))
    projects = tuple(zip(parsed.projects, analyse_projects(view, lex), strict=True))
    checks = _checks(view, parsed, roles + projects, skills, word_count, lex, level, today)
    # A job told in a paragraph has nothing to score: the review says so instead of a bare 0.
    checks["roles_without_bullets"] = [role.header for role, _ in roles if not role.bullets]
    advice = _advice(checks, level, skills)
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


def _checks(
    view: ResumeView,
    parsed: ParsedResume,
    entries: tuple[tuple[Role, RoleBulletsReport], ...],
    skills: SkillsReport | None,
    word_count: int,
    lex: Lexicon,
    level: Level,
    today: date | None,
) -> dict[str, Any]:
    rules = lex.role.guidance.resume.rules
    all_bullets = [b for _, report in entries for b in report.bullets]
    verbs = Counter(b.opening_verb for b in all_bullets if b.opening_verb)
    this_year = (today or date.today()).year
    old_roles = [
        role.header
        for role in view.roles
        if (span := role_span(role.header, today)) is not None
        and span.end[0] < this_year - rules.old_experience_years
    ]
    missing = [s for s in ("summary", "skills", "experience") if s not in parsed.sections]
    if level in lex.role.guidance.projects.rules.advised_for and "projects" not in parsed.sections:
        missing.append("projects")
    return {
        "sections_found": list(parsed.sections),
        "sections_missing": missing,
        # Decided once, by the skills check with the whole resume in view.
        "skills_not_shown_in_bullets": list(skills.unshown) if skills else [],
        "technologies_missing_from_skills": list(skills.unlisted) if skills else [],
        "overused_verbs": {v: n for v, n in verbs.items() if n >= 3},
        "word_count": word_count,
        "page_estimate": max(1, math.ceil(word_count / rules.words_per_page)) if word_count else 0,
        "max_pages": rules.max_pages.get(level, 2),
        "old_roles": old_roles,
    }


def _advice(checks: dict[str, Any], level: Level, skills: SkillsReport | None) -> list[Advice]:
    advice: list[Advice] = []
    bare = checks.get("roles_without_bullets") or []
    if bare:
        first = shorten(bare[0], 60, placeholder="…")
        told = (
            f"“{first}” is told in a paragraph"
            if len(bare) == 1
            else f"{len(bare)} jobs are told in paragraphs (the first: “{first}”)"
        )
        advice.append(
            Advice(
                f"{told}, not bullets: recruiters skim bullets. Split each into 3–5 lines that "
                "open with a verb and end with a result.",
                "add_bullets",
                bare,
            )
        )
    for section in checks["sections_missing"]:
        if section == "projects":
            text = "Add a Projects section: for junior and mid roles it shows hands-on work."
        else:
            text = f"Add a {section.capitalize()} section: recruiters look for it first."
        advice.append(Advice(text, "add_section", [section]))
    if checks["page_estimate"] > checks["max_pages"]:
        advice.append(
            Advice(
                f"About {checks['word_count']} words is roughly {checks['page_estimate']} pages; "
                f"aim for {checks['max_pages']} at {level} level. Cut the weakest bullets first.",
                "cut_weakest",
                [str(checks["max_pages"])],
            )
        )
    # What the skills line and the rest of the resume disagree on: the skills check's own
    # advice, so the review and the skills step say the same thing.
    cross = ("add_skills", "show_skills", "show_or_drop_skills")
    if skills is not None:
        advice.extend(a for a in skills.advice if isinstance(a, Advice) and a.kind in cross)
    if checks["overused_verbs"]:
        listed = ", ".join(f"“{v.capitalize()}” ×{n}" for v, n in checks["overused_verbs"].items())
        advice.append(
            Advice(
                f"Vary your verbs across the resume: {listed}.",
                "vary_verbs",
                list(checks["overused_verbs"]),
            )
        )
    if checks["old_roles"]:
        advice.append(
            Advice(
                "Condense roles older than ten years to one line, unless they show something "
                "the job needs: " + "; ".join(checks["old_roles"][:2]),
                "condense_old",
                checks["old_roles"],
            )
        )
    return advice
