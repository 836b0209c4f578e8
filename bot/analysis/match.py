"""Compare a resume with a job posting: what it asks for, what the resume shows, what to do first.

The score weighs the posting's required technologies far above everything else: a resume that
holds every one of them scores at least 80. Related items count together (the posting's AWS
services are one requirement, and GitHub Actions or Jenkins satisfy CI/CD): the relations are
data in ``skills.yaml``. The fixes come in the order a person should act on them, and duties
such as code reviews or an on-call rotation are advice for bullets, not for the skills line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.analysis.advice import Advice
from bot.analysis.lexicon import Lexicon
from bot.analysis.posting_sections import MENTIONED, REQUIRED, WEAK, posting_parts
from bot.analysis.skills import TECH_CATEGORIES, Mention
from bot.analysis.text import clean
from bot.knowledge import Skill

# The share of the score the required technologies carry when the posting names any.
REQUIRED_TECHNOLOGY_SHARE = 80
# Within the rest of the score: how much each other kind of keyword weighs.
OTHER_WEIGHTS = {
    ("practice", True): 4,
    ("technology", False): 3,
    ("practice", False): 2,
    ("duty", True): 1,
    ("duty", False): 1,
}
FIXES_LISTED = 8
# Fixes in the order to act on them: what the posting requires first, duties last.
_ORDER = (
    ("technology", True),
    ("technology", False),
    ("practice", True),
    ("practice", False),
    ("duty", True),
    ("duty", False),
)


@dataclass(frozen=True)
class JobKeyword:
    """One thing a posting asks for, as the posting spells it, and whether it is required.

    ``kind`` is "technology", "practice" (REST APIs, CI/CD) or "duty" (code review, on-call, a
    soft skill). A family the posting names several products of (AWS: ECS, S3, RDS) is one
    keyword named after the family, with the products in ``members``.
    """

    name: str
    term: str
    required: bool
    kind: str = "technology"
    members: tuple[str, ...] = ()
    # Named only where the posting describes its stack, not where it asks for anything.
    mentioned: bool = False


@dataclass(frozen=True)
class MatchReport:
    """The match between a resume and a posting."""

    score: int
    keywords: tuple[JobKeyword, ...]
    matched: tuple[str, ...]
    missing: tuple[str, ...]
    required_missing: tuple[str, ...]
    advice: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        """The stable JSON shape."""
        return {
            "score": self.score,
            "matched": list(self.matched),
            "missing": list(self.missing),
            "required_missing": list(self.required_missing),
            "advice": list(self.advice),
            "keywords": [
                {
                    "name": k.name,
                    "term": k.term,
                    "required": k.required,
                    "kind": k.kind,
                    "members": list(k.members),
                    "mentioned": k.mentioned,
                }
                for k in self.keywords
            ],
        }


def _kind(skill: Skill) -> str:
    if skill.category in TECH_CATEGORIES and not skill.concept:
        return "technology"
    if skill.duty or skill.category == "soft_skills":
        return "duty"
    return "practice"


def _mentioned(posting: str, lex: Lexicon) -> list[JobKeyword]:
    """Every technology and ATS keyword the posting names, with how firmly it asks for it.

    A keyword takes the firmest of its mentions (``posting_sections``): a requirements list
    over a nice-to-have over the introduction over the team's stack.
    """
    ats = frozenset(name for group in lex.role.keywords.values() for name in group)
    found: dict[str, tuple[Skill, str, int, bool]] = {}
    for part in posting_parts(posting, lex.skills):
        named = [(m, False) for m in lex.skills.mentions(part.text)]
        # Asked for as work ("Optimize the code for performance"): the duty's words are quoted.
        # Work on a named technology ("Build REST APIs") asks for that technology.
        told = [
            (m, True)
            for m in lex.phrased.mentions(part.text)
            if not any(_ends_inside(m, n) for n, _ in named)
        ]
        for mention, phrased in (*named, *told):
            skill = mention.skill
            if skill.category not in TECH_CATEGORIES and skill.name not in ats:
                continue
            strength = part.strength_at(mention.start)
            previous = found.get(skill.name)
            if previous is None:
                found[skill.name] = (skill, mention.text, strength, phrased)
            elif strength > previous[2]:
                found[skill.name] = (skill, previous[1], strength, previous[3])
    return [
        JobKeyword(
            skill.name,
            term,
            required=strength in (REQUIRED, WEAK),
            kind="duty" if phrased else _kind(skill),
            mentioned=strength == MENTIONED,
        )
        for skill, term, strength, phrased in found.values()
    ]


def _ends_inside(phrase: Mention, name: Mention) -> bool:
    """Whether a phrase's last word is part of a technology's name."""
    end = phrase.start + len(phrase.text)
    return name.start < end <= name.start + len(name.text)


def job_keywords(posting: str, lex: Lexicon) -> list[JobKeyword]:
    """What a posting asks for, the products of one family joined into one keyword."""
    mentioned = _mentioned(posting, lex)
    by_name = {k.name: k for k in mentioned}
    families: dict[str, list[JobKeyword]] = {}
    for keyword in mentioned:
        family = lex.relations.family(keyword.name)
        if family is not None:
            families.setdefault(family, []).append(keyword)
    # A product the posting only would like stays apart from a family it requires: "AWS (S3,
    # ECS)" is required, Amazon SQS nice to have.
    for family, members in families.items():
        head = by_name.get(family)
        if any(k.required for k in [*members, *([head] if head else [])]):
            families[family] = [k for k in members if k.required]
    # A family counts as one when the posting names it, or names two of its products.
    joined = {f for f, ms in families.items() if ms and (f in by_name or len(ms) > 1)}
    out: list[JobKeyword] = []
    done: set[str] = set()
    for keyword in mentioned:
        family = keyword.name if keyword.name in joined else lex.relations.family(keyword.name)
        if family not in joined or (keyword.name != family and keyword not in families[family]):
            out.append(keyword)
        elif family not in done:
            done.add(family)
            out.append(_family(family, by_name.get(family), families[family], lex))
    return out


def _family(
    name: str, head: JobKeyword | None, members: list[JobKeyword], lex: Lexicon
) -> JobKeyword:
    """One keyword for a family and the products of it a posting names: "AWS (ECS, S3, RDS)"."""
    said = head.term if head is not None else name
    # "AWS ECS" under "AWS" reads as "ECS".
    terms = [re.sub(rf"^(?:{re.escape(said)}|{re.escape(name)})\s+", "", k.term) for k in members]
    kinds = {k.kind for k in members} | ({head.kind} if head is not None else set())
    family_skill = lex.skills.by_name.get(name)
    if family_skill is not None:
        kinds.add(_kind(family_skill))
    return JobKeyword(
        name=name,
        term=f"{said} ({', '.join(terms)})",
        required=any(k.required for k in [*members, *([head] if head else [])]),
        kind=next(k for k in ("technology", "practice", "duty") if k in kinds),
        members=tuple(k.name for k in members),
        mentioned=all(k.mentioned for k in [*members, *([head] if head else [])]),
    )


def _weight(keyword: JobKeyword) -> int:
    return OTHER_WEIGHTS.get((keyword.kind, keyword.required), 1)


def _score(keywords: list[JobKeyword], matched: set[str]) -> int:
    """Required technologies carry 80 of 100 points; everything else shares the rest."""
    core = [k for k in keywords if k.required and k.kind == "technology"]
    rest = [k for k in keywords if k not in core]
    core_part = sum(k.name in matched for k in core) / len(core) if core else 0.0
    total = sum(_weight(k) for k in rest)
    rest_part = sum(_weight(k) for k in rest if k.name in matched) / total if rest else 0.0
    # With only one of the two kinds in the posting, that kind is the whole score.
    share = REQUIRED_TECHNOLOGY_SHARE if core and rest else (100 if core else 0)
    return round(share * core_part + (100 - share) * rest_part) if keywords else 0


def match_resume(resume: str, posting: str, lex: Lexicon) -> MatchReport:
    """Score how well a resume covers a posting; advice names missing terms as the posting does."""
    keywords = job_keywords(posting, lex)
    text = clean(resume)
    written = {m.skill.name: m.text for m in lex.skills.mentions(text)}
    # "Optimized API latency by 40%" shows performance tuning without naming it.
    shown = {m.skill.name: m.text for m in lex.phrased.mentions(text)}
    have = lex.relations.closure({**shown, **written})
    matched = [k for k in keywords if k.name in have or any(m in have for m in k.members)]
    missing = [k for k in keywords if k not in matched]
    advice = _missing_advice(missing)
    advice.extend(_wording_advice(matched, written))
    if not keywords:
        advice.append(
            Advice(
                "I found no technologies in the posting; paste the requirements part too.",
                "paste_requirements",
            )
        )
    elif not missing:
        advice.append(
            Advice(
                "Every keyword of the posting is on your resume: now make the bullets show it.",
                "all_present",
            )
        )
    return MatchReport(
        score=_score(keywords, {k.name for k in matched}),
        keywords=tuple(keywords),
        matched=tuple(k.name for k in matched),
        missing=tuple(k.name for k in missing),
        required_missing=tuple(k.name for k in missing if k.required),
        advice=tuple(advice),
    )


def _missing_advice(missing: list[JobKeyword]) -> list[Advice]:
    """One fix per missing keyword, required technologies first and duties last."""
    ordered = sorted(missing, key=lambda k: _ORDER.index((k.kind, k.required)))
    advice = [_fix(keyword) for keyword in ordered[:FIXES_LISTED]]
    if len(ordered) > FIXES_LISTED:
        rest = ordered[FIXES_LISTED:]
        advice.append(
            Advice(
                f"Also missing: {', '.join(k.term for k in rest)}.",
                "also_missing",
                [k.name for k in rest],
            )
        )
    return advice


def _fix(keyword: JobKeyword) -> Advice:
    term = f"“{keyword.term}”"
    if keyword.kind == "duty":
        return Advice(
            f"The posting mentions {term}. If you have done it, show it in a bullet: what you "
            "did and what came of it. It is work you do, not a skill to list.",
            "show_in_bullet",
            [keyword.name],
        )
    asks = "requires" if keyword.required else "would like"
    if keyword.mentioned:
        asks = "names in its stack"
    if keyword.members:
        return Advice(
            f"The posting {asks} {term}. If you have used any of them, name those in your "
            "skills and show one in a bullet.",
            "add_required" if keyword.required else "add_nice",
            [keyword.name, *keyword.members],
        )
    return Advice(
        f"The posting {asks} {term}. If you have used it, name it in your skills and in a "
        "bullet that shows what you did with it.",
        "add_required" if keyword.required else "add_nice",
        [keyword.name],
    )


def _wording_advice(matched: list[JobKeyword], written: dict[str, str]) -> list[Advice]:
    """Where the resume has it under another name, the posting's word helps an ATS find it."""
    advice: list[Advice] = []
    for keyword in matched:
        yours = written.get(keyword.name)
        if yours is None or keyword.members or keyword.kind == "duty":
            continue
        # "CI/CD" against "CI/CD pipelines" is one word; "postgres" against "PostgreSQL" is not.
        if yours.casefold() not in keyword.term.casefold() and (
            keyword.term.casefold() not in yours.casefold()
        ):
            advice.append(
                Advice(
                    f"You wrote “{yours}”, the posting says “{keyword.term}”: "
                    "use their word so an ATS search finds it.",
                    "use_their_word",
                    [keyword.name],
                )
            )
    return advice
