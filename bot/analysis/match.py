"""Compare a resume with a job posting: keywords matched and missing, in the posting's own terms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.analysis.lexicon import Lexicon
from bot.analysis.skills import TECH_CATEGORIES
from bot.analysis.text import clean

_NICE = re.compile(
    r"nice[- ]to[- ]have|bonus|\bplus\b|preferred|desirable|would be great|a plus|optional"
    r"|good to have|extra credit|not required|is an advantage",
    re.IGNORECASE,
)
_REQUIRED = re.compile(
    r"requirements?|required|must[- ]have|must|you have|you bring|what we(?:'re| are) looking for"
    r"|qualifications|essential|minimum",
    re.IGNORECASE,
)
_HEADING = re.compile(r"^\s*(?:#+\s*)?[A-Za-z][\w ,'&/()-]{0,60}:?\s*$")
REQUIRED_WEIGHT = 2
NICE_WEIGHT = 1


@dataclass(frozen=True)
class JobKeyword:
    """One keyword of a posting, with how the posting spells it and whether it is required."""

    name: str
    term: str
    required: bool


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
                {"name": k.name, "term": k.term, "required": k.required} for k in self.keywords
            ],
        }


def _keyword_names(lex: Lexicon) -> frozenset[str]:
    return frozenset(name for group in lex.role.keywords.values() for name in group)


def job_keywords(posting: str, lex: Lexicon) -> list[JobKeyword]:
    """Technologies and ATS keywords in a posting, each marked required or nice-to-have."""
    ats = _keyword_names(lex)
    found: dict[str, JobKeyword] = {}
    in_nice_block = False
    for line in clean(posting).split("\n"):
        is_heading = bool(_HEADING.match(line)) and len(line.split()) <= 8
        if is_heading and _NICE.search(line):
            in_nice_block = True
        elif is_heading and _REQUIRED.search(line):
            in_nice_block = False
        for sentence in re.split(r"(?<=[.!?;])\s+", line):
            nice = in_nice_block or bool(_NICE.search(sentence))
            for mention in lex.skills.mentions(sentence):
                skill = mention.skill
                if skill.category not in TECH_CATEGORIES and skill.name not in ats:
                    continue
                previous = found.get(skill.name)
                if previous is None:
                    found[skill.name] = JobKeyword(skill.name, mention.text, not nice)
                elif not nice and not previous.required:
                    found[skill.name] = JobKeyword(skill.name, previous.term, True)
    return list(found.values())


def match_resume(resume: str, posting: str, lex: Lexicon) -> MatchReport:
    """Score how well a resume covers a posting; advice names missing terms as the posting does."""
    keywords = job_keywords(posting, lex)
    resume_mentions = lex.skills.mentions(clean(resume))
    have = {m.skill.name for m in resume_mentions}
    written = {m.skill.name: m.text for m in resume_mentions}
    matched = [k for k in keywords if k.name in have]
    missing = [k for k in keywords if k.name not in have]
    required_missing = [k for k in missing if k.required]
    total = sum(REQUIRED_WEIGHT if k.required else NICE_WEIGHT for k in keywords)
    got = sum(REQUIRED_WEIGHT if k.required else NICE_WEIGHT for k in matched)
    score = round(100 * got / total) if total else 0

    advice: list[str] = []
    ordered = required_missing + [k for k in missing if not k.required]
    for keyword in ordered[:8]:
        kind = "required" if keyword.required else "nice to have"
        advice.append(
            f"The posting asks for “{keyword.term}” ({kind}). If you have used it, name it in "
            "your skills and in a bullet that shows what you did with it."
        )
    if len(ordered) > 8:
        rest = ", ".join(k.term for k in ordered[8:])
        advice.append(f"Also missing: {rest}.")
    for keyword in matched:
        yours = written.get(keyword.name, keyword.term).casefold()
        theirs = keyword.term.casefold()
        # "CI/CD" against "CI/CD pipelines" is one word; "postgres" against "PostgreSQL" is not.
        if yours not in theirs and theirs not in yours:
            advice.append(
                f"You wrote “{written[keyword.name]}”, the posting says “{keyword.term}”: "
                "use their word so an ATS search finds it."
            )
    if not keywords:
        advice.append("I found no technologies in the posting; paste the requirements part too.")
    elif not missing:
        advice.append(
            "Every keyword of the posting is on your resume: now make the bullets show it."
        )
    return MatchReport(
        score=score,
        keywords=tuple(keywords),
        matched=tuple(k.name for k in matched),
        missing=tuple(k.name for k in missing),
        required_missing=tuple(k.name for k in required_missing),
        advice=tuple(advice),
    )
