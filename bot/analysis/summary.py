"""Score a resume summary: length, years, stack, kind of system, scale, ownership, clichés."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from bot.analysis.advice import Advice
from bot.analysis.lexicon import RESULTS_KEPT, Lexicon
from bot.analysis.skills import TECH_CATEGORIES, Mention
from bot.analysis.text import clean, figures, sentences, words
from bot.knowledge import Level

_YEARS_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|several|many|a few|a couple of"
)
_YEARS = re.compile(
    rf"""
    (?:\b(?:over|more\ than|nearly|almost|about|around|\+)?\s*
       (?:\d{{1,2}}(?:\.\d)?\s*\+?|{_YEARS_WORDS})\s*\+?\s*
       (?:years?|yrs?)\b)
    | \b(?:a|one|over\ a|nearly\ a|almost\ a|two)\ decades?\b
    """,
    re.VERBOSE | re.IGNORECASE,
)

WEIGHTS = {
    "sentence_count": 15,
    "mentions_years": 15,
    "names_technology": 20,
    "names_system": 15,
    "shows_scale": 10,
    "shows_ownership": 10,
    "no_cliches": 15,
}


@dataclass(frozen=True)
class SummaryReport:
    """The summary's checks, score, advice in order, and an example for the user's level."""

    text: str
    score: int
    checks: dict[str, Any]
    advice: tuple[str, ...]
    example: str
    # Which scored checks passed: feedback praises only these (a junior "passes" the years
    # check without naming any, so praise also needs the thing itself to be there).
    passed: dict[str, bool] = field(default_factory=dict)

    def praise(self) -> list[str]:
        """What the summary does well: checks that passed and whose thing is really there."""
        checks = self.checks

        def earned(name: str) -> bool:
            return bool(self.passed.get(name, True)) and bool(checks.get(name))

        good = []
        if earned("mentions_years"):
            good.append(f"years ({checks['years']})")
        if earned("names_technology") and not checks["frontend_first"]:
            good.append("stack: " + ", ".join(checks["technologies"][:4]))
        if earned("names_system"):
            good.append("the kind of systems")
        if earned("shows_scale"):
            good.append("a figure of scale")
        if earned("shows_ownership"):
            good.append("ownership")
        return good

    def as_json(self) -> dict[str, Any]:
        """The stable JSON shape."""
        return {
            "section": "summary",
            "score": self.score,
            "checks": self.checks,
            "advice": list(self.advice),
            "example": self.example,
        }


def years_mentioned(text: str) -> str | None:
    """The phrase that states years of experience, if any."""
    match = _YEARS.search(text)
    return match.group(0).strip() if match else None


def _tech_list_sentences(
    text: str, parts: list[str], mentions: list[Mention], limit: int
) -> list[str]:
    """Sentences that list more technologies than the rule allows, or little but technologies."""
    flagged = []
    position = 0
    for sentence in parts:
        start = text.find(sentence, position)
        start = position if start < 0 else start
        position = start + len(sentence)
        # Counted from the one scan of the whole text, not a new scan per sentence.
        names = {
            m.skill.name
            for m in mentions
            if start <= m.start < position
            and m.skill.category in TECH_CATEGORIES
            and not m.skill.concept
        }
        wordy = len(words(sentence))
        if len(names) > limit or (len(names) >= 4 and len(names) * 2 >= wordy):
            flagged.append(sentence)
    return flagged


@lru_cache(maxsize=RESULTS_KEPT)
def bare_lists(raw: str, lex: Lexicon) -> list[str]:
    """The summary's sentences that only list technologies: they show no use of any of them."""
    text = " ".join(clean(raw).split())
    limit = lex.role.guidance.summary.rules.max_tech_list
    return _tech_list_sentences(text, sentences(text), lex.skills.mentions(text), limit)


@lru_cache(maxsize=RESULTS_KEPT)
def analyse_summary(raw: str, lex: Lexicon, level: Level = "mid") -> SummaryReport:
    """Check a summary against ``guidance.yaml`` and the word lists."""
    rules = lex.role.guidance.summary.rules
    text = " ".join(clean(raw).split())
    checks = _checks(text, lex)
    in_range = rules.min_sentences <= checks["sentence_count"] <= rules.max_sentences
    # A junior is not expected to count years or show scale yet.
    passed = {
        "sentence_count": in_range and checks["word_count"] <= rules.max_words,
        "mentions_years": checks["mentions_years"] or level == "junior",
        "names_technology": checks["names_technology"],
        "names_system": checks["names_system"],
        "shows_scale": checks["shows_scale"] or level == "junior",
        "shows_ownership": checks["shows_ownership"],
        "no_cliches": not checks["cliches"],
    }
    score = sum(WEIGHTS[name] for name, ok in passed.items() if ok)
    # Every other piece of advice costs points too, so a 100 never comes with a fix.
    score -= 10 if checks["tech_list_without_context"] else 0
    score -= 10 if checks["frontend_first"] else 0
    score -= 5 if checks["vague"] else 0
    score -= 5 if checks["first_person"] else 0
    score = max(0, min(100, score)) if text else 0
    examples = lex.role.examples.summaries.get(level) or []
    return SummaryReport(
        text=text,
        score=score,
        checks=checks,
        advice=tuple(
            _advice(checks, level, rules.min_sentences, rules.max_sentences, rules.max_words)
        ),
        example=examples[0] if examples else "",
        passed=passed,
    )


def _checks(text: str, lex: Lexicon) -> dict[str, Any]:
    """What the summary says and how, before any of it is weighed."""
    rules = lex.role.guidance.summary.rules
    parts = sentences(text)
    mentions = lex.skills.mentions(text)
    found = list(
        {
            m.skill.name: m.skill
            for m in mentions
            if m.skill.category in TECH_CATEGORIES and not m.skill.concept
        }.values()
    )
    techs = [s.name for s in found]
    frontend = lex.find(text, lex.frontend_terms)
    frontend_skills = [s.name for s in found if s.frontend]
    backend_techs = [t for t in techs if t not in frontend_skills]
    years = years_mentioned(text)
    cliches = lex.find(text, lex.cliches)
    vague = lex.find(text, lex.vague_words) + lex.find(text, lex.buzzwords)
    tech_lists = _tech_list_sentences(text, parts, mentions, rules.max_tech_list)
    pronouns = sorted({w.lower() for w in words(text) if w.lower() in lex.first_person})
    word_count = len(words(text))
    frontend_first = bool(frontend or frontend_skills) and (
        len(frontend) + len(frontend_skills) > len(backend_techs)
    )
    return {
        "sentence_count": len(parts),
        "mentions_years": years is not None,
        "years": years,
        "names_technology": bool(techs),
        "technologies": techs,
        "names_system": bool(lex.systems(text)),
        "shows_scale": bool(figures(text.replace(years or "\0", " "))),
        "shows_ownership": bool(lex.find(text, lex.ownership_words)),
        "cliches": cliches,
        "vague": vague,
        "tech_list_without_context": bool(tech_lists),
        "frontend_first": frontend_first,
        "first_person": pronouns,
        "word_count": word_count,
    }


def _advice(
    checks: dict[str, Any], level: Level, low: int, high: int, max_words: int
) -> list[Advice]:
    advice: list[Advice] = []
    count = checks["sentence_count"]
    if count == 0:
        return [
            Advice(
                f"Write {low}–{high} sentences: who you are, your stack, what you built.", "write"
            )
        ]
    if checks["cliches"]:
        quoted = ", ".join(f"“{c}”" for c in checks["cliches"][:3])
        advice.append(
            Advice(
                f"Cut {quoted}: every applicant says it. Show it with a fact instead.",
                "cut_cliches",
                checks["cliches"],
            )
        )
    if not checks["names_technology"]:
        advice.append(
            Advice(
                "Name your main language and framework (the ones the job asks for).",
                "add_technology",
            )
        )
    if not checks["mentions_years"] and level != "junior":
        advice.append(
            Advice(
                "Say how long you have built backends: “Backend developer with 5 years…”.",
                "add_years",
            )
        )
    if not checks["names_system"]:
        advice.append(
            Advice(
                "Say what kind of systems you built: APIs, payment services, data pipelines…",
                "add_system",
            )
        )
    if not checks["shows_scale"] and level != "junior":
        advice.append(
            Advice(
                "Add one figure of scale or impact: requests per day, users, uptime, latency.",
                "add_figure",
            )
        )
    if not checks["shows_ownership"]:
        advice.append(
            Advice("Show ownership: what you owned, led or delivered end to end.", "add_ownership")
        )
    advice.extend(_shape_advice(checks, low, high, max_words))
    return advice


def _shape_advice(checks: dict[str, Any], low: int, high: int, max_words: int) -> list[Advice]:
    """Advice on how the summary reads: focus, length, vague words, pronouns."""
    advice: list[Advice] = []
    count = checks["sentence_count"]
    if checks["frontend_first"]:
        advice.append(
            Advice("Lead with backend work: this resume is for backend roles.", "backend_first")
        )
    if checks["tech_list_without_context"]:
        advice.append(
            Advice(
                "Replace the list of technologies with 2–3 you used for something named.",
                "shorten_tech_list",
            )
        )
    if count < low:
        advice.append(
            Advice(
                f"Add a sentence: {low}–{high} sentences give a recruiter the full picture.",
                "add_sentence",
            )
        )
    elif count > high or checks["word_count"] > max_words:
        advice.append(
            Advice(
                f"Shorten it to {low}–{high} sentences; the rest belongs in your bullets.",
                "shorten",
                [str(high), str(max_words)],
            )
        )
    if checks["vague"]:
        quoted = ", ".join(f"“{v}”" for v in checks["vague"][:3])
        advice.append(
            Advice(f"Replace {quoted} with a number or a name.", "replace_vague", checks["vague"])
        )
    if checks["first_person"]:
        advice.append(
            Advice(
                "Drop “I” and “my”: a summary reads better without them.",
                "drop_pronouns",
                checks["first_person"],
            )
        )
    return advice
