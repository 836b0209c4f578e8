"""Advice never conflicts across steps: following any piece of it never lowers a score.

For each draft (junior, mid, senior; weak and strong) every piece of advice the review and each
section's feedback give is followed literally (``tests/advice_apply.py``), the resume is scored
again, and no section's score may drop. Then the coach is followed step by step, one piece of
advice at a time, to the end. Run with -s to see the counts and the scores before and after.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.analysis import ResumeView, analyse_view, lexicon_for
from bot.analysis.advice import Advice
from bot.analysis.lexicon import Lexicon
from bot.analysis.resume import ResumeReport
from bot.knowledge import Level, RoleKnowledge
from tests.advice_apply import Context, Given, follow
from tests.conftest import DATA

TODAY = date(2025, 6, 1)
DRAFTS = sorted((DATA / "analysis" / "drafts").glob("*.txt")) + sorted(
    (DATA / "analysis" / "resumes").iterdir()
)
STEPS_FOLLOWED = 40


def _level(path: Path) -> Level:
    for level in ("junior", "mid", "senior"):
        if path.stem.startswith(level):
            return level
    raise AssertionError(path)


@pytest.fixture(scope="module")
def lex(role: RoleKnowledge) -> Lexicon:
    return lexicon_for(role)


def _review(view: ResumeView, lex: Lexicon, level: Level) -> ResumeReport:
    return analyse_view(view, lex, level, TODAY)


def advice_given(report: ResumeReport) -> list[Given]:
    """Every piece of advice the review and each section's feedback show, once each."""
    given: list[Given] = []
    if report.summary is not None:
        given.extend(Given(a, "summary") for a in report.summary.advice)
    if report.skills is not None:
        given.extend(Given(a, "skills") for a in report.skills.fixes)
    for kind, entries in (("role", report.roles), ("project", report.projects)):
        for entry, (_, bullets) in enumerate(entries):
            given.extend(Given(a, kind, entry) for a in bullets.advice)
            for line, bullet in enumerate(bullets.bullets):
                where = "bullet" if kind == "role" else "project_line"
                given.extend(Given(a, where, entry, line) for a in bullet.advice)
    shown = {str(g.advice) for g in given}
    given.extend(Given(a, "review") for a in report.advice if str(a) not in shown)
    for item in given:
        assert isinstance(item.advice, Advice), f"advice without a kind: {item.advice}"
    return given


def _drops(before: dict[str, int], after: dict[str, int]) -> dict[str, tuple[int, int]]:
    return {s: (before[s], after.get(s, 0)) for s in before if after.get(s, 0) < before[s]}


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.stem)
def test_following_any_advice_never_lowers_a_score(lex: Lexicon, path: Path) -> None:
    level = _level(path)
    ctx = Context(lex, level)
    view = ResumeView.from_text(path.read_text())
    report = _review(view, lex, level)
    before = report.scores
    followed = 0
    problems = []
    lowest: dict[str, int] = dict(before)
    items = advice_given(report)
    for item in items:
        for option in follow(view, item, ctx):
            after = _review(option, lex, level).scores
            followed += 1
            for section, score in after.items():
                lowest[section] = min(lowest.get(section, score), score)
            if drops := _drops(before, after):
                problems.append((item.where, item.advice.kind, str(item.advice), drops))
    print(
        f"\n{path.stem}: {len(items)} pieces of advice, {followed} edits followed one at a "
        f"time (an 'or' is followed both ways); scores before {before}; lowest after any one "
        f"{lowest}"
    )
    assert followed > 0 or not any(before[s] < 100 for s in before)
    assert not problems, problems


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.stem)
def test_following_the_coach_step_by_step_only_raises_scores(lex: Lexicon, path: Path) -> None:
    level = _level(path)
    ctx = Context(lex, level)
    view = ResumeView.from_text(path.read_text())
    start = _review(view, lex, level).scores
    done: set[tuple[str, str, int, int, tuple[str, ...]]] = set()
    steps = 0
    for _ in range(STEPS_FOLLOWED):
        report = _review(view, lex, level)
        todo = [
            g
            for g in advice_given(report)
            if (g.where, g.advice.kind, g.entry, g.line, g.advice.subjects) not in done
        ]
        if not todo:
            break
        item = todo[0]
        done.add((item.where, item.advice.kind, item.entry, item.line, item.advice.subjects))
        # The last option the advice offers (for "show it or drop it", showing it).
        after_view = follow(view, item, ctx)[-1]
        after = _review(after_view, lex, level).scores
        assert not _drops(report.scores, after), (
            item.where,
            str(item.advice),
            report.scores,
            after,
        )
        view, steps = after_view, steps + 1
    end = _review(view, lex, level).scores
    print(f"\n{path.stem}: followed {steps} pieces of advice in turn; {start} → {end}")
    assert all(end[s] >= start[s] for s in start)
