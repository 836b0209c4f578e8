"""Readable plain-text reports of the analysers' results, for the command line."""

from __future__ import annotations

from collections.abc import Iterable

from bot.analysis.bullets import BulletReport, RoleBulletsReport
from bot.analysis.match import MatchReport
from bot.analysis.resume import ResumeReport
from bot.analysis.skills_section import SkillsReport
from bot.analysis.summary import SummaryReport
from bot.analysis.text import counted


def _numbered(advice: Iterable[str], indent: str = "  ") -> list[str]:
    return [f"{indent}{n}. {line}" for n, line in enumerate(advice, 1)]


def _good(checks: dict[str, bool | object], labels: dict[str, str]) -> str:
    return ", ".join(label for key, label in labels.items() if checks.get(key) is True)


def bullet_lines(report: BulletReport, number: int) -> list[str]:
    """One bullet: its score, what to fix first, and a rewrite template."""
    lines = [f"  {number}. [{report.score:>3}/100] {report.text}"]
    good = _good(
        report.checks,
        {
            "strong_verb": "action verb",
            "quantified": "a result",
            "names_technology": "technology",
            "names_system": "the system",
        },
    )
    if good:
        lines.append(f"       good: {good}")
    lines.extend(f"       fix: {advice}" for advice in report.advice[:3])
    if report.score < 100 and report.rewrite and report.rewrite != report.text:
        lines.append(f"       try: {report.rewrite}")
    return lines


def render_bullets(report: RoleBulletsReport, title: str = "BULLETS") -> str:
    """A role's bullets, one by one, then the advice across them."""
    lines = [f"{title}  {report.score}/100"]
    if not report.bullets:
        lines.append("  No bullets to score: the work is told in a paragraph, or not at all.")
    for number, bullet in enumerate(report.bullets, 1):
        lines.extend(bullet_lines(bullet, number))
    if report.advice:
        lines.append("  Across these bullets:")
        lines.extend(_numbered(report.advice, "    "))
    return "\n".join(lines)


def render_summary(report: SummaryReport) -> str:
    """The summary's score, strengths and advice in order, and an example."""
    checks = report.checks
    lines = [f"SUMMARY  {report.score}/100  ({counted(checks['sentence_count'], 'sentence')})"]
    good = "; ".join(report.praise())
    if good:
        lines.append(f"  good: {good}")
    if report.advice and report.score < 100:
        lines.append("  Fix first:")
        lines.extend(_numbered(report.advice, "    "))
    if report.example:
        lines.append(f"  Example for your level: {report.example}")
    return "\n".join(lines)


def render_skills(report: SkillsReport, categories: dict[str, str]) -> str:
    """Skills grouped under their categories, then advice."""
    lines = [f"SKILLS  {report.score}/100"]
    for category, names in report.groups.items():
        lines.append(f"  {categories.get(category, category)}: {', '.join(names)}")
    if report.unknown:
        lines.append("  Not recognised: " + ", ".join(i.input for i in report.unknown))
    if report.advice:
        lines.append("  Fix first:")
        lines.extend(_numbered(report.advice, "    "))
    return "\n".join(lines)


def render_resume(report: ResumeReport, categories: dict[str, str], level: str) -> str:
    """The whole review: sections in resume order, then the checks across sections."""
    checks = report.checks
    parts = [
        f"Resume review for a {level} backend developer: {counted(checks['word_count'], 'word')}, "
        f"about {counted(checks['page_estimate'], 'page')} "
        f"(aim for {counted(checks['max_pages'], 'page')} at most).",
        "Sections found: " + (", ".join(checks["sections_found"]) or "none"),
    ]
    if report.summary is not None:
        parts.append(render_summary(report.summary))
    if report.skills is not None:
        parts.append(render_skills(report.skills, categories))
    for role, bullets in report.roles:
        parts.append(render_bullets(bullets, f"EXPERIENCE: {role.header or 'role'}"))
    for project, bullets in report.projects:
        parts.append(render_bullets(bullets, f"PROJECT: {project.header or 'project'}"))
    if report.advice:
        parts.append("\n".join(["ACROSS THE RESUME", *_numbered(report.advice)]))
    return "\n\n".join(parts)


def render_match(report: MatchReport) -> str:
    """The job match: score, matched and missing keywords, advice."""
    required = [k.term for k in report.keywords if k.required]
    nice = [k.term for k in report.keywords if not k.required]
    lines = [
        f"Match score: {report.score}/100",
        f"Posting asks for: {', '.join(required) or 'nothing I recognise'}",
    ]
    if nice:
        lines.append(f"Nice to have: {', '.join(nice)}")
    lines.append(f"On your resume: {', '.join(report.matched) or 'none of them'}")
    for label, terms in missing_terms(report):
        lines.append(f"{label}: {', '.join(terms)}")
    if report.advice:
        lines.append("What to do:")
        lines.extend(_numbered(report.advice))
    return "\n".join(lines)


def missing_terms(report: MatchReport) -> list[tuple[str, list[str]]]:
    """What is missing, in the posting's words: required, nice to have, and duties for bullets."""
    missing = [k for k in report.keywords if k.name in report.missing]
    groups = [
        ("Missing (required)", [k.term for k in missing if k.required and k.kind != "duty"]),
        (
            "Missing (nice to have)",
            [k.term for k in missing if not k.required and k.kind != "duty"],
        ),
        ("For your bullets", [k.term for k in missing if k.kind == "duty"]),
    ]
    return [(label, terms) for label, terms in groups if terms]
