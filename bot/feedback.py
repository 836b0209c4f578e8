"""Turn analyser results into short, scannable chat replies."""

from __future__ import annotations

from bot.analysis.bullets import RoleBulletsReport
from bot.analysis.match import MatchReport
from bot.analysis.report import missing_terms
from bot.analysis.resume import ResumeReport
from bot.analysis.skills import Resolved
from bot.analysis.skills_section import SkillsReport
from bot.analysis.summary import SummaryReport
from bot.analysis.text import counted
from bot.types import Span, bold

ECHO_LIMIT = 140
FIXES_SHOWN = 3


def clip(text: str, limit: int = ECHO_LIMIT) -> str:
    """User text shortened for echoing back, on a word boundary."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rsplit(" ", 1)[0] + "…"


def _fixes(
    advice: tuple[str, ...] | list[str], limit: int = FIXES_SHOWN, score: int | None = None
) -> list[Span]:
    # A section at 100/100 has nothing to fix first; the analysers keep the two in step, and
    # this keeps a slip from ever showing "100/100 · Fix first".
    if not advice or score == 100:
        return []
    spans: list[Span] = [bold("\nFix first:")]
    for number, line in enumerate(advice[:limit], 1):
        spans.append(Span(f"\n{number}. {line}"))
    return spans


def summary_feedback(report: SummaryReport) -> list[Span]:
    """Score, what is good, what to fix first."""
    count = report.checks["sentence_count"]
    spans = [
        bold(f"Summary: {report.score}/100"),
        Span(f" ({counted(count, 'sentence')})"),
    ]
    good = report.praise()
    if good:
        spans.append(Span("\nGood: " + "; ".join(good) + "."))
    spans.extend(_fixes(report.advice, score=report.score))
    return spans


def skills_feedback(report: SkillsReport, categories: dict[str, str]) -> list[Span]:
    """The skills normalised and grouped, then what to fix."""
    spans: list[Span] = [bold(f"Skills: {report.score}/100")]
    for category, names in report.groups.items():
        spans.append(bold(f"\n{categories.get(category, category)}: "))
        spans.append(Span(", ".join(names)))
    if report.unknown:
        # Kept, as the draft keeps them, and said so: nothing typed disappears without a word.
        spans.append(bold("\nOther (not recognised): "))
        spans.append(Span(", ".join(clip(_guess(item), 80) for item in report.unknown)))
    spans.extend(_fixes(report.fixes, score=report.score))
    return spans


def _guess(item: Resolved) -> str:
    """An unrecognised item, with what it may have meant."""
    if not item.suggestions:
        return item.input
    return f"{item.input} (did you mean {' or '.join(item.suggestions)}?)"


def bullets_feedback(report: RoleBulletsReport, title: str) -> list[Span]:
    """Each bullet's score and its first fix, then advice across the role."""
    spans: list[Span] = [bold(f"{title}: {report.score}/100")]
    for number, bullet in enumerate(report.bullets, 1):
        spans.append(Span(f"\n{number}. [{bullet.score}] {clip(bullet.text)}"))
        if bullet.advice:
            spans.append(Span(f"\n   → {bullet.advice[0]}"))
    if report.advice:
        spans.append(bold("\nAcross these bullets:"))
        spans.extend(Span(f"\n• {line}") for line in report.advice)
    return spans


def review_feedback(report: ResumeReport, level: str) -> list[Span]:
    """Scores per section, length against the advice for the level, and cross-section advice."""
    checks = report.checks
    spans: list[Span] = [bold("Your resume so far")]
    for section, score in report.scores.items():
        spans.append(Span(f"\n• {section.capitalize()}: {score}/100{_why(report, section)}"))
    spans.append(
        Span(
            f"\n{counted(checks['word_count'], 'word')}, about "
            f"{counted(checks['page_estimate'], 'page')}; "
            f"aim for {counted(checks['max_pages'], 'page')} at most at {level} level."
        )
    )
    spans.extend(_fixes(report.advice, 5))
    return spans


def _why(report: ResumeReport, section: str) -> str:
    """Why a section scores lower here than at its own step: the whole resume is read."""
    skills = report.skills
    if section != "skills" or skills is None:
        return ""
    return " (checked against your bullets: see below)" if skills.unlisted or skills.unshown else ""


def match_feedback(report: MatchReport) -> list[Span]:
    """The match score, missing keywords in the posting's own terms (required first), advice."""
    spans: list[Span] = [bold(f"Match with the posting: {report.score}/100")]
    if report.matched:
        spans.append(Span("\nAlready on your resume: " + ", ".join(report.matched)))
    labels = {
        "Missing (required)": "Missing, required: ",
        "Missing (nice to have)": "Missing, nice to have: ",
        "For your bullets": "For your bullets, not your skills: ",
    }
    for label, terms in missing_terms(report):
        spans.append(bold("\n" + labels[label]))
        spans.append(Span(", ".join(terms)))
    spans.extend(_fixes(report.advice))
    return spans


def resume_feedback(report: ResumeReport, level: str) -> list[Span]:
    """A whole-resume review: the overview, then each role's weakest bullet and its first fix."""
    spans = review_feedback(report, level)
    if report.summary is not None and report.summary.advice:
        spans.append(bold("\nSummary: "))
        spans.append(Span(report.summary.advice[0]))
    for role, bullets in report.roles:
        weakest = min(bullets.bullets, key=lambda b: b.score, default=None)
        if weakest is None or not weakest.advice:
            continue
        spans.append(bold(f"\n{clip(role.header, 60) or 'A role'}: "))
        spans.append(Span(f"weakest bullet [{weakest.score}] “{clip(weakest.text, 80)}” → "))
        spans.append(Span(weakest.advice[0]))
    return spans
