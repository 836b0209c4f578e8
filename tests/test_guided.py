"""Composing a summary or a bullet from the person's own answers."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.analysis import lexicon_for
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
