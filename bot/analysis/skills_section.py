"""Check a skills section: canonical names, groups, and what a backend list should hold."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from bot.analysis.lexicon import RESULTS_KEPT, Lexicon
from bot.analysis.skills import Resolved, split_skill_items
from bot.knowledge import Skill

_CONTAINERS = frozenset({"Docker", "Kubernetes", "Podman", "OpenShift", "Helm"})


@dataclass(frozen=True)
class SkillsReport:
    """Each item resolved, grouped by category, with advice in order."""

    items: tuple[Resolved, ...]
    groups: dict[str, list[str]]
    duplicates: tuple[str, ...]
    advice: tuple[str, ...]
    score: int

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
        }


@lru_cache(maxsize=RESULTS_KEPT)
def analyse_skills(text: str, lex: Lexicon) -> SkillsReport:
    """Parse a free-form skills list and check it against ``guidance.yaml``."""
    rules = lex.role.guidance.skills.rules
    items = tuple(lex.skills.resolve(item) for item in split_skill_items(text, lex.skills))
    names = [i.skill.name for i in items if i.skill is not None]
    duplicates = tuple(sorted({n for n in names if names.count(n) > 1}))
    groups: dict[str, list[str]] = {}
    for category in lex.role.categories:
        members = list(
            dict.fromkeys(i.skill.name for i in items if i.skill and i.skill.category == category)
        )
        if members:
            groups[category] = members
    known = {i.skill.name: i.skill for i in items if i.skill is not None}.values()
    languages = [s.name for s in known if s.category == "languages" and s.primary]
    has_database = any(s.category == "databases" for s in known)
    has_cloud = any(s.category == "cloud" or s.name in _CONTAINERS for s in known)
    soft = [s.name for s in known if s.category == "soft_skills"]

    advice: list[str] = []
    if not items:
        advice.append(
            "List your skills separated by commas: languages, frameworks, databases, cloud."
        )
    if len(languages) > rules.max_primary_languages:
        advice.append(
            f"Keep {rules.min_primary_languages}–{rules.max_primary_languages} main languages: "
            f"you list {len(languages)} ({', '.join(languages)}). Lead with the job's."
        )
    elif items and len(languages) < rules.min_primary_languages:
        advice.append(
            f"Name {rules.min_primary_languages}–{rules.max_primary_languages} programming "
            "languages you are strong in."
        )
    if items and rules.require_database and not has_database:
        advice.append("Add the databases you have used (PostgreSQL, MySQL, MongoDB, Redis…).")
    if items and rules.require_cloud_or_containers and not has_cloud:
        advice.append("Add cloud or container experience if you have any (AWS, GCP, Docker…).")
    if duplicates:
        advice.append(f"Remove duplicates: {', '.join(duplicates)}.")
    if soft:
        them = "them" if len(soft) > 1 else "it"
        advice.append(
            f"Show {', '.join(soft[:3])} in your bullets instead of listing {them}: "
            "recruiters believe what they see you do."
        )
    # Last, one per unrecognised item: SkillsReport.fixes leaves them out.
    for item in items:
        if item.skill is None:
            hint = f" Did you mean {' or '.join(item.suggestions)}?" if item.suggestions else ""
            advice.append(f"I don't recognise “{item.input}”.{hint}")
    score = 100 - 15 * (len(advice) - len([i for i in items if i.skill is None]))
    score -= 5 * len([i for i in items if i.skill is None])
    return SkillsReport(
        items=items,
        groups=groups,
        duplicates=duplicates,
        advice=tuple(advice),
        score=max(0, min(100, score)) if items else 0,
    )
