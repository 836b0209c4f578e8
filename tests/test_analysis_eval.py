"""The analysers against our own labelled data, written without looking at the code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.analysis import analyse_bullet, analyse_summary, lexicon_for, match_resume
from bot.analysis.lexicon import Lexicon
from bot.analysis.skills import TECH_CATEGORIES
from bot.knowledge import RoleKnowledge
from tests.conftest import DATA

ANALYSIS = DATA / "analysis"
BULLETS = yaml.safe_load((ANALYSIS / "bullets.yaml").read_text())["bullets"]
SUMMARIES = yaml.safe_load((ANALYSIS / "summaries.yaml").read_text())["summaries"]
SKILLS = yaml.safe_load((ANALYSIS / "skills.yaml").read_text())["skills"]
JOBS = sorted((ANALYSIS / "jobs").glob("*.yaml"))
# The job labels cover concrete technologies and these practice keywords; the matcher also
# reports other ATS keywords (Caching, Monitoring...), which the labels leave out of scope.
LABELLED_PRACTICES = {
    "REST APIs",
    "GraphQL",
    "gRPC",
    "Microservices",
    "CI/CD",
    "Agile",
    "Scrum",
    "TDD",
    "Code review",
}
REQUIRED_AGREEMENT = 0.95


@pytest.fixture(scope="module")
def lex(role: RoleKnowledge) -> Lexicon:
    return lexicon_for(role)


def _agreement(pairs: list[tuple[Any, Any, str]], name: str) -> None:
    wrong = [(text, want, got) for want, got, text in pairs if want != got]
    agreement = 1 - len(wrong) / len(pairs)
    print(f"{name}: {agreement:.1%} agreement on {len(pairs)}")
    assert agreement >= REQUIRED_AGREEMENT, wrong


def test_the_data_sets_are_large_enough() -> None:
    assert len(BULLETS) >= 60
    assert len(SUMMARIES) >= 15
    assert len(SKILLS) >= 80
    assert len(JOBS) >= 3


@pytest.mark.parametrize("check", ["strong_verb", "quantified", "names_technology"])
def test_bullet_checks_agree_with_the_labels(lex: Lexicon, check: str) -> None:
    pairs = [(b[check], analyse_bullet(b["text"], lex).checks[check], b["text"]) for b in BULLETS]
    _agreement(pairs, f"bullets.{check}")


def test_fully_strong_bullets_outscore_fully_weak_ones(lex: Lexicon) -> None:
    labels = ("strong_verb", "quantified", "names_technology")
    strong = [analyse_bullet(b["text"], lex).score for b in BULLETS if all(b[k] for k in labels)]
    weak = [analyse_bullet(b["text"], lex).score for b in BULLETS if not any(b[k] for k in labels)]
    assert strong and weak
    assert min(strong) > max(weak), (min(strong), max(weak))


@pytest.mark.parametrize("check", ["mentions_years", "names_technology", "sentence_count"])
def test_summary_checks_agree_with_the_labels(lex: Lexicon, check: str) -> None:
    pairs = [
        (s[check], analyse_summary(s["text"], lex, s["level"]).checks[check], s["text"])
        for s in SUMMARIES
    ]
    _agreement(pairs, f"summaries.{check}")


def test_summary_cliches_agree_with_the_labels(lex: Lexicon) -> None:
    pairs = [
        (
            sorted(s["cliches"]),
            sorted(analyse_summary(s["text"], lex, s["level"]).checks["cliches"]),
            s["text"],
        )
        for s in SUMMARIES
    ]
    _agreement(pairs, "summaries.cliches")


def test_skill_spellings_resolve_to_their_canonical_names(lex: Lexicon) -> None:
    pairs = []
    for item in SKILLS:
        resolved = lex.skills.resolve(item["input"])
        pairs.append((item["name"], resolved.skill.name if resolved.skill else None, item["input"]))
    _agreement(pairs, "skills")


def _scoped(lex: Lexicon, names: Any) -> list[str]:
    by_name = lex.skills.by_name
    return sorted(
        n
        for n in names
        if n in LABELLED_PRACTICES
        or (by_name[n].category in TECH_CATEGORIES and not by_name[n].concept)
    )


@pytest.mark.parametrize("path", JOBS, ids=[p.stem for p in JOBS])
def test_job_match_finds_the_labelled_keywords(lex: Lexicon, path: Path) -> None:
    job = yaml.safe_load(path.read_text())
    report = match_resume(job["resume"], job["posting"], lex)
    required = _scoped(lex, (k.name for k in report.keywords if k.required))
    nice = _scoped(lex, (k.name for k in report.keywords if not k.required))
    assert required == sorted(job["required"])
    assert nice == sorted(job["nice_to_have"])
    assert _scoped(lex, report.matched) == sorted(job["matched"])
    assert _scoped(lex, report.missing) == sorted(job["missing"])
    assert _scoped(lex, report.required_missing) == sorted(job["required_missing"])
    terms = {k.name: k.term for k in report.keywords}
    for name, term in (job.get("posting_terms") or {}).items():
        assert terms[name].casefold().startswith(term.casefold())
    for name in job["missing"]:
        assert any(terms[name] in line for line in report.advice)


def test_required_keywords_weigh_more_than_nice_to_have(lex: Lexicon) -> None:
    posting = "Requirements: Python, PostgreSQL.\nNice to have: Kafka, Redis."
    with_required = match_resume("Python and PostgreSQL developer.", posting, lex)
    with_nice = match_resume("Kafka and Redis developer.", posting, lex)
    assert with_required.score > with_nice.score
    assert with_required.required_missing == ()
    assert set(with_nice.required_missing) == {"Python", "PostgreSQL"}
