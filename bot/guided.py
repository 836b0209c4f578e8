"""Compose a summary or a bullet from the user's own answers; never add a number or a technology.

``guided_summary`` and ``guided_bullet`` are what a step calls: they spell every technology the
canonical way, and keep the person's original when the composed text would score lower.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from bot.analysis.advice import joined
from bot.analysis.bullets import analyse_bullet
from bot.analysis.lexicon import Lexicon
from bot.analysis.skills import TECH_CATEGORIES
from bot.analysis.summary import analyse_summary
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


# Plain words that are acronyms: a composed line writes them the way English does.
_ACRONYMS = {"api": "API", "apis": "APIs", "sdk": "SDK", "cli": "CLI", "crm": "CRM", "url": "URL"}
_PLAIN_WORD = re.compile(r"[A-Za-z]+")


def canonical(text: str, lex: Lexicon) -> str:
    """Technologies in their canonical spelling ("djnago" → "Django", "postgres" → "PostgreSQL").

    Only one-word spellings are replaced: a phrase such as "celery workers" also says what the
    thing was, and replacing it by "Celery" would drop that.
    """
    out = text
    for mention in sorted(lex.skills.mentions(text), key=lambda m: m.start, reverse=True):
        skill, written = mention.skill, mention.text
        technology = skill.category in TECH_CATEGORIES and not skill.concept
        acronym = not any(char.islower() for char in skill.name)
        if " " in written or written == skill.name or not (technology or acronym):
            continue
        at = out.find(written, mention.start)
        if at >= 0:
            out = out[:at] + skill.name + out[at + len(written) :]
    return _PLAIN_WORD.sub(lambda m: _ACRONYMS.get(m.group(0).casefold(), m.group(0)), out)


def canonical_list(text: str, lex: Lexicon) -> str:
    """A comma-separated list of technologies, each resolved to its canonical name."""
    items = [item.strip() for item in text.split(",")]
    named = []
    for item in items:
        resolved = lex.skills.resolve(item).skill if item else None
        named.append(resolved.name if resolved is not None else canonical(item, lex))
    return ", ".join(named)


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


def compose_summary(level: Level, answers: dict[str, str], lex: Lexicon | None = None) -> str:
    """A 1–2 sentence summary built only from the answers and the user's level.

    With ``lex``, technologies are spelled canonically.
    """
    years = _years_phrase(answers.get("years", ""))
    stack = given(answers.get("stack"))
    systems = given(answers.get("systems"))
    impact = given(answers.get("impact"))
    if lex is not None:
        stack, systems, impact = (
            canonical_list(stack, lex),
            canonical(systems, lex),
            canonical(impact, lex),
        )
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
    answers: dict[str, str],
    is_past_verb: Callable[[str], bool] = lambda word: False,
    lex: Lexicon | None = None,
) -> str:
    """One bullet: the action, the technology, then the result — the user's words only.

    A result that starts with a verb in the past ("cut tickets by 25%") is joined with "and",
    so the line does not run on; one in -ing form ("cutting tickets…") follows a comma.
    """
    action = _first_upper(given(answers.get("action")))
    tech = given(answers.get("tech"))
    result = given(answers.get("result"))
    if lex is not None:
        action, tech, result = (
            canonical(action, lex),
            canonical_list(tech, lex),
            canonical(result, lex),
        )
    if not action:
        return ""
    line = action
    if tech and tech.casefold() not in action.casefold():
        line += f" using {natural_list(tech)}"
    if result:
        joiner = ", and " if is_past_verb(result.split(" ", 1)[0]) else ", "
        line += f"{joiner}{_lower_first(result)}"
    return line + "."


class Guided(NamedTuple):
    """A composed text, or the original kept because the composed one would score lower."""

    text: str
    kept_original: bool
    # Why, in one sentence the step can show: "I kept your original: …", or the new score.
    why: str


_SUMMARY_CHECKS = {
    "sentence_count": "the right length",
    "mentions_years": "your years",
    "names_technology": "your stack",
    "names_system": "the kind of systems",
    "shows_scale": "a figure of scale",
    "shows_ownership": "ownership",
    "no_cliches": "no stock phrases",
}
_BULLET_CHECKS = {
    "strong_verb": "an action verb",
    "quantified": "a result",
    "names_technology": "a technology",
    "names_system": "the system",
    "good_length": "a good length",
    "no_pronouns": "no pronouns",
    "no_filler": "no filler",
}


def _choose(
    composed: str,
    original: str,
    score: Callable[[str], tuple[int, dict[str, bool]]],
    labels: dict[str, str],
) -> Guided:
    """The composed text unless the original scores higher; then the original, and why."""
    new, new_passed = score(composed)
    if not original.strip():
        return Guided(composed, False, f"Scores {new}/100.")
    old, old_passed = score(original)
    if new >= old:
        return Guided(composed, False, f"Score {old} → {new}/100.")
    lost = [
        label for key, label in labels.items() if old_passed.get(key) and not new_passed.get(key)
    ]
    has = f": yours has {joined(lost)}, which the answers did not give" if lost else ""
    return Guided(
        original,
        True,
        f"I kept your original ({old}/100); the rebuilt one scored {new}/100{has}.",
    )


def guided_summary(
    level: Level, answers: dict[str, str], lex: Lexicon, original: str = ""
) -> Guided:
    """The summary built from the answers, spelled canonically; ``original`` if it scores more."""

    def score(text: str) -> tuple[int, dict[str, bool]]:
        report = analyse_summary(text, lex, level)
        return report.score, report.passed

    return _choose(compose_summary(level, answers, lex), original, score, _SUMMARY_CHECKS)


def guided_bullet(answers: dict[str, str], lex: Lexicon, original: str = "") -> Guided:
    """The bullet built from the answers, spelled canonically; ``original`` if that scores higher.

    With no action given there is nothing to compose: the original stays, and ``why`` says so.
    """
    composed = compose_bullet(answers, lambda word: lex.verb_of(word) == word.lower(), lex)
    if not composed:
        return Guided(original, True, "I need at least what you did to write a bullet.")

    def score(text: str) -> tuple[int, dict[str, bool]]:
        report = analyse_bullet(text, lex)
        return report.score, report.passed

    return _choose(composed, original, score, _BULLET_CHECKS)
