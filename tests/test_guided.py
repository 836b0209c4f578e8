"""Composing a summary or a bullet from the person's own answers."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.analysis import analyse_bullet, analyse_summary, lexicon_for
from bot.guided import compose_bullet, compose_summary, natural_list
from bot.knowledge import RoleKnowledge


def test_lists_read_as_english() -> None:
    assert natural_list("Python, Flask, PostgreSQL") == "Python, Flask and PostgreSQL"
    assert natural_list("C, C++") == "C and C++"
    # Already joined by the person, or not a list: as written.
    assert natural_list("Python, Flask, and PostgreSQL") == "Python, Flask, and PostgreSQL"
    assert natural_list("Go and Redis") == "Go and Redis"
    assert natural_list("Go") == "Go"


def test_a_result_in_the_past_is_joined_with_and(role: RoleKnowledge) -> None:
    lex = lexicon_for(role)

    def past(word: str) -> bool:
        return lex.verb_of(word) == word.lower()

    fixed = {"action": "fixed 40 bugs", "tech": "Python, pytest", "result": "cut tickets by 25%"}
    wanted = "Fixed 40 bugs using Python and pytest, and cut tickets by 25%."
    assert compose_bullet(fixed, past) == wanted
    rebuilt = {"action": "rebuilt checkout", "tech": "Go", "result": "cutting p99 by 70%"}
    assert compose_bullet(rebuilt, past) == "Rebuilt checkout using Go, cutting p99 by 70%."
    summary = compose_summary(
        "senior", {"years": "9", "stack": "Go, Kafka", "systems": "payment APIs", "impact": "skip"}
    )
    assert summary == (
        "Senior Backend Developer with 9 years of experience building payment APIs "
        "using Go and Kafka."
    )


ANSWER = st.text(alphabet=st.characters(codec="utf-8"), max_size=60)


@settings(max_examples=200, deadline=None)
@given(action=ANSWER, tech=ANSWER, result=ANSWER)
def test_nothing_is_added_but_glue_words(action: str, tech: str, result: str) -> None:
    line = compose_bullet({"action": action, "tech": tech, "result": result}, lambda w: True)
    # Every figure in the line was in the answers.
    for number in re.findall(r"\d+", line):
        assert number in action + tech + result


# Issue 12, point 5: guided rewrites use canonical spellings and never score lower.


def test_a_guided_summary_spells_every_technology_canonically(role: RoleKnowledge) -> None:
    from bot.guided import guided_summary

    lex = lexicon_for(role)
    answers = {
        "years": "4",
        "stack": "python, djnago, postgres",
        "systems": "booking apis",
        "impact": "owned the availability service end to end, serving 1M requests a day",
    }
    result = guided_summary("mid", answers, lex)
    assert "Python, Django and PostgreSQL" in result.text, result.text
    assert "djnago" not in result.text and "postgres " not in result.text
    assert "booking APIs" in result.text, result.text
    assert not result.kept_original


def test_a_guided_summary_that_would_score_lower_keeps_the_original(role: RoleKnowledge) -> None:
    from bot.guided import guided_summary

    lex = lexicon_for(role)
    original = (
        "Backend developer with 4 years of experience building booking APIs in Python and "
        "Django. Owned the availability service end to end, serving 1M requests a day."
    )
    answers = {"years": "4", "stack": "python, djnago", "systems": "booking APIs", "impact": "skip"}
    before = analyse_summary(original, lex, "mid").score
    result = guided_summary("mid", answers, lex, original)
    assert analyse_summary(result.text, lex, "mid").score >= before
    assert result.kept_original and result.text == original
    assert result.why


def test_a_guided_bullet_is_canonical_and_never_scores_lower(role: RoleKnowledge) -> None:
    from bot.guided import guided_bullet

    lex = lexicon_for(role)
    answers = {
        "action": "moved nightly reports to celery",
        "tech": "djnago, postgres",
        "result": "skip",
    }
    result = guided_bullet(answers, lex)
    assert "Celery" in result.text and "Django and PostgreSQL" in result.text, result.text
    strong = "Moved 40 nightly reports to Celery with Redis, cutting failed runs by 90%"
    kept = guided_bullet(answers, lex, strong)
    assert kept.kept_original and kept.text == strong and kept.why
    assert analyse_bullet(kept.text, lex).score >= analyse_bullet(strong, lex).score
