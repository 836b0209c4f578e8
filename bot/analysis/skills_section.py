"""Check a skills section: canonical names, groups, and what a backend list should hold.

Alone, the list is judged on its own. Given the ``ResumeView`` of the whole resume, it is also
checked against what the rest of the resume shows (``bot.analysis.view.shown``): technologies used
but not listed, and listed ones nothing backs up. It never advises dropping the main stack or a
skill the list needs for its own checks, so following its advice cannot lower its score.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from textwrap import shorten
from typing import Any

from bot.analysis.advice import Advice, joined, pronoun
from bot.analysis.lexicon import RESULTS_KEPT, Lexicon
from bot.analysis.skill_items import SkillItem, label_categories, skill_items
from bot.analysis.skills import Resolved
from bot.analysis.view import ResumeView, Shown, shown
from bot.knowledge import Skill
from bot.knowledge.schema import SkillsRules

_CONTAINERS = frozenset({"Docker", "Kubernetes", "Podman", "OpenShift", "Helm"})
# Points per problem with the list itself, per unrecognised item, and per skill the rest of the
# resume disagrees with (used but unlisted, listed but unshown), the last capped.
LIST_PROBLEM = 15
UNKNOWN_ITEM = 5
CROSS_ITEM = 5
CROSS_CAP = 15
# Unrecognised words on one line that add up to this many read as a sentence, not as names.
PROSE_WORDS = 6


@dataclass(frozen=True)
class SkillsReport:
    """Each item resolved, grouped by category, with advice in order."""

    items: tuple[Resolved, ...]
    groups: dict[str, list[str]]
    duplicates: tuple[str, ...]
    advice: tuple[str, ...]
    score: int
    # Only with a view of the whole resume: technologies used elsewhere but not listed, and
    # listed ones nothing else shows.
    unlisted: tuple[str, ...] = ()
    unshown: tuple[str, ...] = ()

    @property
    def known(self) -> list[Skill]:
        """Skills that resolved, without duplicates, in the order typed."""
        seen: dict[str, Skill] = {}
        for item in self.items:
            if item.skill is not None:
                seen.setdefault(item.skill.name, item.skill)
        return list(seen.values())

    @property
    def unknown(self) -> list[Resolved]:
        """Items that match nothing in the taxonomy."""
        return [item for item in self.items if item.skill is None]

    @property
    def fixes(self) -> tuple[str, ...]:
        """The advice about the list as a whole, without the note on each unrecognised item."""
        return self.advice[: len(self.advice) - len(self.unknown)]

    def as_json(self) -> dict[str, Any]:
        """The stable JSON shape."""
        return {
            "section": "skills",
            "score": self.score,
            "skills": [
                {"input": i.input, "name": i.skill.name, "category": i.skill.category}
                for i in self.items
                if i.skill is not None
            ],
            "unknown": [i.input for i in self.unknown],
            "suggestions": {i.input: list(i.suggestions) for i in self.unknown if i.suggestions},
            "groups": self.groups,
            "duplicates": list(self.duplicates),
            "advice": list(self.advice),
            "unlisted": list(self.unlisted),
            "unshown": list(self.unshown),
        }


def analyse_skills(text: str, lex: Lexicon, view: ResumeView | None = None) -> SkillsReport:
    """Parse a free-form skills list and check it against ``guidance.yaml``.

    With ``view`` (the whole resume, see ``bot.analysis.view``) the list is also checked against
    what the rest of the resume shows; ``text`` is taken as the view's skills line.
    """
    if view is not None and view.skills != text:
        view = replace(view, skills=text)
    return _analyse_skills(text, lex, view)


def _primary_languages(known: Iterable[Skill]) -> list[str]:
    return [s.name for s in known if s.category == "languages" and s.primary]


def _list_problems(known: Sequence[Skill], rules: SkillsRules) -> set[str]:
    """What the list lacks as a backend list: few languages, no database, no cloud."""
    problems: set[str] = set()
    if len(_primary_languages(known)) < rules.min_primary_languages:
        problems.add("languages")
    if rules.require_database and not any(s.category == "databases" for s in known):
        problems.add("database")
    if rules.require_cloud_or_containers and not any(
        s.category == "cloud" or s.name in _CONTAINERS for s in known
    ):
        problems.add("cloud")
    return problems


@lru_cache(maxsize=RESULTS_KEPT)
def _analyse_skills(text: str, lex: Lexicon, view: ResumeView | None) -> SkillsReport:
    rules = lex.role.guidance.skills.rules
    listed = skill_items(text, lex.skills)
    items = _plausible(tuple(lex.skills.resolve(item.text) for item in listed), listed, lex)
    names = [i.skill.name for i in items if i.skill is not None]
    duplicates = tuple(sorted({n for n in names if names.count(n) > 1}))
    groups: dict[str, list[str]] = {}
    for category in lex.role.categories:
        members = list(
            dict.fromkeys(i.skill.name for i in items if i.skill and i.skill.category == category)
        )
        if members:
            groups[category] = members
    known = list({i.skill.name: i.skill for i in items if i.skill is not None}.values())
    seen = shown(view, lex) if view is not None else None
    advice = _list_advice(known, duplicates, rules, seen) if items else []
    if not items:
        advice.append(
            Advice(
                "List your skills separated by commas: languages, frameworks, databases, cloud.",
                "list_skills",
            )
        )
    problems = len(advice)
    cross: list[Advice] = []
    if seen is not None and items:
        cross = _cross_advice(known, seen, rules)
    unknown = _unknown_advice(items, listed)
    score = 100 - LIST_PROBLEM * problems - UNKNOWN_ITEM * len(unknown)
    if seen is not None and items:
        score -= min(CROSS_CAP, CROSS_ITEM * (len(seen.unlisted) + len(seen.unshown)))
    # Last, what was not recognised: SkillsReport.fixes leaves it out.
    cross.extend(unknown)
    return SkillsReport(
        items=items,
        groups=groups,
        duplicates=duplicates,
        advice=tuple(advice + cross),
        score=max(0, min(100, score)) if items else 0,
        unlisted=seen.unlisted if seen is not None and items else (),
        unshown=seen.unshown if seen is not None and items else (),
    )


def _plausible(
    items: tuple[Resolved, ...], listed: list[SkillItem], lex: Lexicon
) -> tuple[Resolved, ...]:
    """Each unknown item's "did you mean", kept to what its label or its line lists.

    "Languages: Racket" offers a language, never React; on a line of languages and frameworks
    an unknown item is offered a language or a framework.
    """
    by_line: dict[int, set[str]] = {}
    for item, typed in zip(items, listed, strict=True):
        if item.skill is not None:
            by_line.setdefault(typed.line, set()).add(item.skill.category)
    out: list[Resolved] = []
    for item, typed in zip(items, listed, strict=True):
        hint = label_categories(typed.label) or by_line.get(typed.line, set())
        if item.suggestions and hint:
            fitting = tuple(
                name for name in item.suggestions if lex.skills.by_name[name].category in hint
            )
            item = replace(item, suggestions=fitting)
        out.append(item)
    return tuple(out)


def _unknown_advice(items: tuple[Resolved, ...], listed: list[SkillItem]) -> list[Advice]:
    """One note per unrecognised item, or one per line of prose between the commas.

    "Overview of models to work with text, image and audio data" is a sentence about the
    person's work: one note for the line, not three for its fragments.
    """
    by_line: dict[int, list[Resolved]] = {}
    for item, typed in zip(items, listed, strict=True):
        if item.skill is None:
            by_line.setdefault(typed.line, []).append(item)
    advice: list[Advice] = []
    for unknown in by_line.values():
        words = sum(len(item.input.split()) for item in unknown)
        if words >= PROSE_WORDS and not any(item.suggestions for item in unknown):
            inputs = [item.input for item in unknown]
            quoted = shorten(", ".join(inputs), 80, placeholder="…")
            advice.append(
                Advice(
                    f"“{quoted}” reads as a description, not a list: name the technologies "
                    "themselves (languages, libraries, services).",
                    "unknown",
                    inputs,
                )
            )
            continue
        for item in unknown:
            hint = f" Did you mean {' or '.join(item.suggestions)}?" if item.suggestions else ""
            advice.append(
                Advice(f"I don't recognise “{item.input}”.{hint}", "unknown", [item.input])
            )
    return advice


def _list_advice(
    known: list[Skill], duplicates: tuple[str, ...], rules: SkillsRules, seen: Shown | None
) -> list[Advice]:
    """What the list itself lacks or overdoes; each costs the same number of points."""
    advice: list[Advice] = []
    languages = _primary_languages(known)
    low, high = rules.min_primary_languages, rules.max_primary_languages
    if len(languages) > high:
        drop = _languages_to_drop(languages, len(languages) - high, seen)
        unshown = seen is not None and not any(seen.is_shown(name) for name in drop)
        why = f": nothing else on your resume shows {pronoun(drop)}" if unshown else ""
        advice.append(
            Advice(
                f"Keep {low}–{high} main languages: you list {len(languages)} "
                f"({', '.join(languages)}). Drop {joined(drop)}{why}, or lead with the job's.",
                "drop_languages",
                drop,
            )
        )
    problems = _list_problems(known, rules)
    if "languages" in problems:
        advice.append(
            Advice(f"Name {low}–{high} programming languages you are strong in.", "add_language")
        )
    if "database" in problems:
        advice.append(
            Advice(
                "Add the databases you have used (PostgreSQL, MySQL, MongoDB, Redis…).",
                "add_database",
            )
        )
    if "cloud" in problems:
        advice.append(
            Advice(
                "Add cloud or container experience if you have any (AWS, GCP, Docker…).",
                "add_cloud",
            )
        )
    if duplicates:
        advice.append(
            Advice(f"Remove duplicates: {', '.join(duplicates)}.", "remove_duplicates", duplicates)
        )
    soft = [s.name for s in known if s.category == "soft_skills" or s.duty]
    if soft:
        advice.append(
            Advice(
                f"Show {', '.join(soft[:3])} in your bullets instead of listing {pronoun(soft)}: "
                "recruiters believe what they see you do.",
                "drop_soft_skills",
                soft,
            )
        )
    return advice


def _languages_to_drop(languages: list[str], count: int, seen: Shown | None) -> list[str]:
    """Which languages to drop from a long list: never the first; unshown ones first."""
    candidates = [name for name in reversed(languages[1:])]
    if seen is not None:
        keep = seen.main_stack
        candidates = [n for n in candidates if n not in keep]
        candidates.sort(key=seen.is_shown)
    return sorted(candidates[:count], key=languages.index)


def _cross_advice(known: list[Skill], seen: Shown, rules: SkillsRules) -> list[Advice]:
    """The list against the rest of the resume: add what is used, back up or drop the rest."""
    advice: list[Advice] = []
    if seen.unlisted:
        places = {seen.named_in.get(name) for name in seen.unlisted}
        where = "Your bullets use" if places == {"a job"} else "Your resume names"
        them = pronoun(seen.unlisted)
        advice.append(
            Advice(
                f"{where} {', '.join(seen.unlisted[:6])}, but your skills don't list {them}: "
                f"add {them}.",
                "add_skills",
                seen.unlisted,
            )
        )
    keep, drop = _droppable(known, seen, rules)
    if keep:
        advice.append(
            Advice(
                f"No bullet shows {joined(keep)}: keep {pronoun(keep)} listed, and show "
                f"{'it' if len(keep) == 1 else 'each'} in a bullet or a project.",
                "show_skills",
                keep,
            )
        )
    if drop:
        each = "it" if len(drop) == 1 else "each"
        advice.append(
            Advice(
                f"No bullet shows {', '.join(drop[:6])}: show {each} in a bullet or drop it "
                "from the skills.",
                "show_or_drop_skills",
                drop,
            )
        )
    return advice


def _droppable(known: list[Skill], seen: Shown, rules: SkillsRules) -> tuple[list[str], list[str]]:
    """Split the unshown skills into those to keep (and show) and those that may be dropped.

    A skill is kept when it is the main stack, or when dropping it (with the others dropped so
    far) would break a rule of the list that holds now: the list's score must not fall.
    """
    before = _list_problems(known, rules)
    keep: list[str] = []
    drop: list[str] = []
    for name in seen.unshown:
        remaining = [s for s in known if s.name not in {*drop, name}]
        if name in seen.main_stack or _list_problems(remaining, rules) - before:
            keep.append(name)
        else:
            drop.append(name)
    return keep, drop
