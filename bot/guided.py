"""Compose a summary or a bullet from the user's own answers; never add a number or a technology."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.knowledge import Level

_TITLES: dict[Level, str] = {
    "junior": "Junior Backend Developer",
    "mid": "Backend Developer",
    "senior": "Senior Backend Developer",
}
_NOTHING = re.compile(
    r"^\s*(?:-|none|no|nope|nothing|n/?a|skip|0|zero|not yet|don'?t know|idk)\s*[.!]*\s*$", re.I
)
SUMMARY_QUESTIONS: tuple[tuple[str, str], ...] = (
    ("years", "How many years have you worked on backends? (a number; “skip” if none yet)"),
    ("stack", "Your main languages and frameworks? (e.g. Python, Django, PostgreSQL)"),
    ("systems", "What kind of systems have you built? (e.g. payment APIs, data pipelines)"),
    (
        "impact",
        "One result you are proud of, with a figure if you have one "
        "(e.g. “cut API latency by 40%”; “skip” if none)",
    ),
)
BULLET_QUESTIONS: tuple[tuple[str, str], ...] = (
    (
        "action",
        "What did you do, starting with a verb? (e.g. “rebuilt the checkout API”, "
        "“moved nightly reports to a queue”)",
    ),
    ("tech", "With which technology? (e.g. Go and Redis; “skip” if none)"),
    (
        "result",
        "What was the measurable result? (e.g. “cutting p99 latency from 900 to 200 ms”; "
        "“skip” if you have no figure)",
    ),
)


def given(answer: str | None) -> str:
    """The answer without trailing punctuation, or "" when the user had nothing to say."""
    if answer is None or _NOTHING.match(answer):
        return ""
    return " ".join(answer.split()).strip(" .;,")


def natural_list(text: str) -> str:
    """A comma-separated answer read as a list: "Python, Flask, PostgreSQL" → "…, Flask and …"."""
    items = [item.strip() for item in text.split(",") if item.strip()]
    if len(items) < 2 or any(re.match(r"(?:and|&|or)\b", item, re.I) for item in items):
        return text
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _lower_first(text: str) -> str:
    # Keep acronyms and names (API, PostgreSQL) as written; lower only a capitalised plain word.
    first = text.split(" ", 1)[0]
    if first[:1].isupper() and first[1:].islower():
        return text[:1].lower() + text[1:]
    return text


def _years_phrase(answer: str) -> str:
    """'5' → '5 years'; '5+ years' stays; words without a figure are used as written."""
    text = given(answer)
    if not text:
        return ""
    if re.search(r"\b(?:years?|yrs?|decades?)\b", text, re.I):
        return text
    if re.fullmatch(r"\d{1,2}(?:\.\d)?\+?", text):
        return f"{text} years" if text not in {"1", "1.0"} else "1 year"
    return f"{text} years"


def compose_summary(level: Level, answers: dict[str, str]) -> str:
    """A 1–2 sentence summary built only from the answers and the user's level."""
    years = _years_phrase(answers.get("years", ""))
    stack = given(answers.get("stack"))
    systems = given(answers.get("systems"))
    impact = given(answers.get("impact"))
    first = _TITLES[level]
    if years:
        first += f" with {years} of experience"
    if systems:
        first += f" building {_lower_first(systems)}"
    if stack:
        stack = natural_list(stack)
        first += f" with {stack}" if not systems and not years else f" using {stack}"
    sentences = [first + "."]
    if impact:
        sentences.append(_first_upper(impact) + ".")
    return " ".join(sentences)


def compose_bullet(
    answers: dict[str, str], is_past_verb: Callable[[str], bool] = lambda word: False
) -> str:
    """One bullet: the action, the technology, then the result — the user's words only.

    A result that starts with a verb in the past ("cut tickets by 25%") is joined with "and",
    so the line does not run on; one in -ing form ("cutting tickets…") follows a comma.
    """
    action = _first_upper(given(answers.get("action")))
    tech = given(answers.get("tech"))
    result = given(answers.get("result"))
    if not action:
        return ""
    line = action
    if tech and tech.casefold() not in action.casefold():
        line += f" using {natural_list(tech)}"
    if result:
        joiner = ", and " if is_past_verb(result.split(" ", 1)[0]) else ", "
        line += f"{joiner}{_lower_first(result)}"
    return line + "."
