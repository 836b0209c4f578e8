"""Practices a posting asks for as work ("Optimize the code for performance") are found."""

from __future__ import annotations

import pytest

from bot.analysis import lexicon_for, match_resume
from bot.analysis.lexicon import Lexicon
from bot.analysis.match import JobKeyword
from bot.analysis.phrased import compile_pattern
from bot.knowledge import RoleKnowledge


@pytest.fixture(scope="module")
def lex(role: RoleKnowledge) -> Lexicon:
    return lexicon_for(role)


def _keywords(lex: Lexicon, posting: str) -> dict[str, JobKeyword]:
    return {k.name: k for k in match_resume("", posting, lex).keywords}


@pytest.mark.parametrize(
    ("duty", "practice"),
    [
        ("- Optimize the code for performance", "Performance tuning"),
        ("- Identify and address performance bottlenecks", "Performance tuning"),
        ("- Experience in designing and implementing public-facing APIs", "API design"),
        ("- Build reliable, well tested APIs", "API design"),
        ("- Lead the architectural design discussions", "Software architecture"),
        ("- Design and implement databases, caches, and virtual machines", "Database design"),
        ("- Build upon, architect, scale, and secure our Node.js/Express API's", "Security"),
    ],
)
def test_a_practice_asked_for_as_work_is_a_duty_the_posting_requires(
    lex: Lexicon, duty: str, practice: str
) -> None:
    found = _keywords(lex, f"## Requirements\n{duty}\n")
    assert practice in found
    keyword = found[practice]
    assert keyword.required and keyword.kind == "duty"
    assert keyword.term.casefold() in duty.casefold()


def test_work_on_a_named_technology_asks_for_that_technology(lex: Lexicon) -> None:
    found = _keywords(lex, "## Requirements\n- Build REST APIs\n- Design GraphQL APIs\n")
    assert "REST APIs" in found and "GraphQL" in found and "API design" not in found


def test_under_nice_to_have_the_duty_is_nice(lex: Lexicon) -> None:
    found = _keywords(lex, "## Requirements\n- Python\n\n## Nice to have\n- Optimize performance\n")
    assert not found["Performance tuning"].required


@pytest.mark.parametrize(
    "sentence",
    [
        "Bonuses are paid after bi-annual performance reviews.",
        "We are a pay-for-performance company.",
        "Our design team. APIs are documented elsewhere.",
        "We build software for schools; our APIs are public.",
    ],
)
def test_words_apart_or_in_other_clauses_ask_for_nothing(lex: Lexicon, sentence: str) -> None:
    found = _keywords(lex, f"## About us\n{sentence}\n")
    assert not {"Performance tuning", "API design"} & found.keys()


def test_a_bullet_that_did_the_work_shows_it(lex: Lexicon) -> None:
    posting = "## Requirements\n- Optimize application performance\n"
    resume = "Experience\nDeveloper, Acme, 2019 - 2021\n- Optimized API latency by 40%\n"
    report = match_resume(resume, posting, lex)
    assert "Performance tuning" in report.matched
    assert not any("the posting says" in line for line in report.advice)


def test_patterns_take_word_beginnings_alternatives_and_gaps() -> None:
    pattern = compile_pattern("optimi* … performance|speed")
    assert pattern.search("Optimization of the application for speed")
    assert not pattern.search("optimize one two three four five speed")
    assert not pattern.search("optimize it. Speed matters")
    assert not compile_pattern("architectural").search("non-architectural")
