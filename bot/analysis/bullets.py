"""Score experience bullets: action verb, result, technology, system, length, pronouns, filler."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from bot.analysis.advice import Advice
from bot.analysis.lexicon import RESULTS_KEPT, Lexicon
from bot.analysis.roles import bullets_wanted, count_advice, project_advice
from bot.analysis.text import clean, figures, strip_bullet, word_count, words

# Points per check; they add up to 100.
WEIGHTS = {
    "strong_verb": 25,
    "quantified": 25,
    "names_technology": 20,
    "names_system": 10,
    "good_length": 10,
    "no_pronouns": 5,
    "no_filler": 5,
}
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|lt)\b", re.I)


@dataclass(frozen=True)
class BulletReport:
    """What one bullet does well, what it lacks, and how to fix it first."""

    text: str
    score: int
    checks: dict[str, Any]
    advice: tuple[str, ...]
    rewrite: str
    opening_verb: str | None
    technologies: tuple[str, ...]
    figures: tuple[str, ...]
    # Which scored checks passed (a bullet about people passes the technology check unnamed).
    passed: dict[str, bool] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """The stable JSON shape."""
        return {
            "text": self.text,
            "score": self.score,
            "checks": self.checks,
            "advice": list(self.advice),
            "rewrite": self.rewrite,
        }


@dataclass(frozen=True)
class RoleBulletsReport:
    """The bullets of one role, checked one by one and together."""

    bullets: tuple[BulletReport, ...]
    advice: tuple[str, ...]
    repeated_verbs: dict[str, int] = field(default_factory=dict)
    mixed_tenses: bool = False

    @property
    def score(self) -> int:
        """The average bullet score, less a little for problems across the role."""
        if not self.bullets:
            return 0
        mean = sum(b.score for b in self.bullets) / len(self.bullets)
        return max(0, round(mean) - 5 * len(self.advice))

    def as_json(self) -> dict[str, Any]:
        """The stable JSON shape."""
        return {
            "section": "bullets",
            "score": self.score,
            "bullets": [b.as_json() for b in self.bullets],
            "advice": list(self.advice),
            "checks": {"repeated_verbs": self.repeated_verbs, "mixed_tenses": self.mixed_tenses},
        }


def _opening(text: str, lex: Lexicon) -> tuple[bool, str | None, str | None]:
    """Whether the bullet opens with a strong verb; the verb; the weak opener if any."""
    weak = lex.weak_opener(text)
    if weak is not None:
        return False, None, weak
    first = words(text)[:1]
    if not first:
        return False, None, None
    word = first[0]
    if word.lower() in lex.first_person or _bare_list(text, lex):
        return False, None, None
    verb = lex.verb_of(word)
    if verb is not None:
        return True, verb, None
    lowered = word.lower()
    if lowered.endswith("ed") and len(lowered) >= 5 and not lex.is_weak_past(lowered):
        return True, lowered, None
    if lex.is_weak_past(lowered):
        return False, None, lowered
    return False, None, None


# Words that tie a list's parts into a sentence: a line with any of them says what was done.
_SENTENCE_WORDS = frozenset(
    "to for with by in from of into across using via per at on over than that which while "
    "so as the a an our my their its".split()
)


def _bare_list(text: str, lex: Lexicon) -> bool:
    """Whether a line lists topics under an adjective, not an action: "Distributed cache, SQL".

    Its first word is a verb elsewhere, but here it opens a known term ("distributed cache",
    "distributed systems", "automated testing"), and the line is a list: three or more short
    parts, none opening with a verb, and no word that would join them into a sentence.
    """
    parts = [p.split() for p in text.rstrip(". ").split(",")]
    if len(parts) < 3 or len(parts[0]) < 2 or any(not p or len(p) > 3 for p in parts):
        return False
    if any(lex.verb_of(p[0]) for p in parts[1:] if p[0].lower() != "and"):
        return False
    if any(w.lower() in _SENTENCE_WORDS for w in words(text)):
        return False
    first = lex.skills.mentions(" ".join(parts[0]))
    return bool(first) and first[0].start == 0 and " " in first[0].text


_PAST_IRREGULAR = frozenset({"built", "rebuilt", "led", "wrote", "rewrote", "ran", "drove", "made"})
# Verbs whose past and present are spelt alike say nothing about tense.
_SAME_IN_BOTH_TENSES = frozenset({"cut", "set", "put", "split", "shut", "read", "spread", "cast"})


def _tense(verb_word: str, lex: Lexicon) -> str:
    lowered = verb_word.lower()
    if lowered in _SAME_IN_BOTH_TENSES:
        return "either"
    if lowered.endswith("ing"):
        return "gerund"
    # The verb lists hold past tenses ("Rebuilt", "Led"); anything else that is a verb is not.
    if lowered.endswith("ed") or lowered in lex.strong_verbs or lowered in _PAST_IRREGULAR:
        return "past"
    return "present"


def _rewrite(
    text: str, strong: bool, weak: str | None, checks: dict[str, Any], about_people: bool
) -> str:
    """A template from the user's own words; brackets mark what only the user can fill in."""
    body = text.rstrip(". ")
    if weak is not None:
        body = body[len(weak) :].lstrip(" ,:-")
        # "Helped the team build X" → "[verb] X": the helping was the weak part.
        body = re.sub(r"^(?:the team|my team|our team|the teams|to)\s+(?:to\s+)?\w+\s+", "", body)
    if not strong:
        body = "[Action verb: Built / Reduced / Migrated / Fixed] " + body
    if not checks["names_technology"] and not about_people:
        body += " using [language, framework or database]"
    if not checks["quantified"]:
        body += ", [result: by how much, how fast, for how many users]"
    return body + "."


@lru_cache(maxsize=RESULTS_KEPT)
def analyse_bullet(raw: str, lex: Lexicon) -> BulletReport:
    """Check one bullet against the rules in ``guidance.yaml``."""
    rules = lex.role.guidance.bullets.rules
    text = strip_bullet(clean(raw).replace("\n", " "))
    strong, verb, weak = _opening(text, lex)
    techs = tuple(s.name for s in lex.skills.technologies(text))
    figs = tuple(figures(text))
    word_list = words(text)
    pronouns = sorted({w.lower() for w in word_list if w.lower() in lex.first_person})
    buzz = lex.find(text, lex.buzzwords) + lex.find(text, lex.cliches)
    filler = lex.find(text, lex.filler)
    systems = lex.systems(text)
    length = word_count(text)
    too_short = length < rules.min_words
    too_long = length > rules.max_words or len(text) > rules.max_chars
    checks: dict[str, Any] = {
        "strong_verb": strong,
        "weak_opener": weak,
        "quantified": bool(figs),
        "names_technology": bool(techs),
        "technologies": list(techs),
        "names_system": bool(systems),
        "word_count": length,
        "too_short": too_short,
        "too_long": too_long,
        "first_person": pronouns,
        "buzzwords": buzz,
        "filler": filler,
        # Passive voice hides who did the work; a bullet that opens with the person's own
        # verb has said it, whatever its subordinate clauses do.
        "passive": not strong and bool(_PASSIVE.search(text)),
    }
    # A bullet about people (Mentored, Led, Hired) is judged on what changed, not on its stack.
    about_people = verb is not None and lex.verb_group.get(verb) == "led"
    passed = {
        "strong_verb": strong,
        "quantified": bool(figs),
        "names_technology": bool(techs) or about_people,
        "names_system": bool(systems) or about_people,
        "good_length": not (too_short or too_long),
        "no_pronouns": not pronouns,
        "no_filler": not (buzz or filler),
    }
    score = sum(WEIGHTS[name] for name, ok in passed.items() if ok)
    if not text:
        score = 0
    advice = _advice(checks, weak, rules.max_words, rules.min_words, about_people)
    return BulletReport(
        text=text,
        score=score,
        checks=checks,
        advice=tuple(advice),
        rewrite=_rewrite(text, strong, weak, checks, about_people) if text else "",
        opening_verb=verb,
        technologies=techs,
        figures=figs,
        passed=passed,
    )


def _opening_advice(checks: dict[str, Any], weak: str | None) -> list[Advice]:
    """How the bullet opens: with the person's own verb, not a pronoun or a duty."""
    if checks["first_person"] and not checks["strong_verb"]:
        return [
            Advice(
                f"Drop “{checks['first_person'][0].capitalize()}” and start with the verb: "
                "Built, Reduced, Migrated…",
                "start_with_verb",
                checks["first_person"],
            )
        ]
    if not checks["strong_verb"]:
        opener = f"instead of “{weak}”, " if weak else ""
        return [
            Advice(
                f"Start with what you did: {opener}open with Built, Reduced, Migrated…",
                "start_with_verb",
                [weak] if weak else [],
            )
        ]
    return []


def _advice(
    checks: dict[str, Any], weak: str | None, max_words: int, min_words: int, about_people: bool
) -> list[Advice]:
    advice = _opening_advice(checks, weak)
    if not checks["quantified"]:
        advice.append(
            Advice(
                "Add the result: by how much, how fast, for how many users? "
                "(latency, uptime, requests per second, hours saved)",
                "add_figure",
            )
        )
    if not checks["names_technology"] and not about_people:
        advice.append(
            Advice(
                "Name the technology you used: the language, framework, database or cloud.",
                "add_technology",
            )
        )
    if not checks["names_system"] and not about_people:
        advice.append(
            Advice(
                "Say which system or feature it was: the payments API, the search service…",
                "add_system",
            )
        )
    if checks["too_long"]:
        advice.append(
            Advice(
                f"Trim it to two lines (about {max_words} words): verb, system, tech, result.",
                "trim",
                [str(max_words)],
            )
        )
    if checks["too_short"]:
        advice.append(
            Advice(
                f"Say more: a bullet under {min_words} words rarely shows impact.",
                "say_more",
                [str(min_words)],
            )
        )
    if checks["first_person"] and checks["strong_verb"]:
        advice.append(
            Advice(
                "Leave out “I”, “my” and “we”: the whole resume is about you.",
                "drop_pronouns",
                checks["first_person"],
            )
        )
    if checks["passive"]:
        advice.append(
            Advice("Use the active voice: say what you did, not what was done.", "active_voice")
        )
    vague = checks["buzzwords"] + checks["filler"]
    if vague:
        quoted = ", ".join(f"“{w}”" for w in vague[:3])
        advice.append(Advice(f"Replace {quoted} with a concrete detail.", "replace_vague", vague))
    return advice


def analyse_bullets(
    lines: list[str],
    lex: Lexicon,
    project: bool = False,
    *,
    header: str = "",
    latest: bool = True,
    today: date | None = None,
    keep_shown: frozenset[str] = frozenset(),
) -> RoleBulletsReport:
    """Check the bullets of one role (or the lines of one project), each and as a set.

    ``header`` is the job's line (title, company, dates) and ``latest`` whether it is the
    person's latest job: together they say how many bullets it needs (see ``bullets_wanted``).
    ``keep_shown`` names listed skills only these lines show: advice to cut lines spares the
    ones that show them (``bot.analysis.view.only_here`` finds them).
    """
    rules = lex.role.guidance.bullets.rules
    reports = tuple(analyse_bullet(line, lex) for line in lines if strip_bullet(clean(line)))
    verbs = Counter(r.opening_verb for r in reports if r.opening_verb)
    repeated = {verb: n for verb, n in verbs.items() if n > 1}
    tenses = {
        _tense(words(r.text)[0], lex)
        for r in reports
        if r.checks["strong_verb"] and words(r.text) and not r.text.lower().startswith("i ")
    }
    mixed = len(tenses - {"gerund", "either"}) > 1
    count = len(reports)
    most = lex.role.guidance.projects.rules.max_lines if project else rules.max_per_role
    cut = _to_cut(reports, count - most, keep_shown, lex)
    if project:
        advice = project_advice(count, most, cut)
    else:
        old_after = lex.role.guidance.resume.rules.old_experience_years
        fewest, kind = bullets_wanted(rules, header, latest, today, old_after)
        advice = count_advice(count, fewest, most, kind, cut)
    if repeated:
        listed = ", ".join(f"“{v.capitalize()}” ×{n}" for v, n in repeated.items())
        advice.append(Advice(f"Vary your opening verbs: {listed}.", "vary_verbs", list(repeated)))
    if mixed:
        advice.append(
            Advice(
                "Use one tense: past for earlier roles (Built), present only for your current one.",
                "one_tense",
            )
        )
    return RoleBulletsReport(
        bullets=reports, advice=tuple(advice), repeated_verbs=repeated, mixed_tenses=mixed
    )


def _to_cut(
    reports: tuple[BulletReport, ...], count: int, keep_shown: frozenset[str], lex: Lexicon
) -> list[str]:
    """The weakest lines to cut, sparing any whose cut would leave a listed skill unshown."""
    if count <= 0:
        return []
    cut: list[BulletReport] = []
    for report in sorted(reports, key=lambda r: r.score):
        if len(cut) == count:
            break
        rest = [r for r in reports if r is not report and r not in cut]
        still = lex.relations.closure(t for r in rest for t in r.technologies)
        if keep_shown <= still:
            cut.append(report)
    return [r.text for r in cut]
