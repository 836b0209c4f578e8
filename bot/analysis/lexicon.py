"""Word lists from ``knowledge/`` turned into fast lookups, built once per role."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from bot.analysis.phrased import PhrasedSkills
from bot.analysis.relations import Relations
from bot.analysis.skills import SkillIndex
from bot.knowledge import RoleKnowledge

# Past tenses that do not end in -ed, so a present-tense opener can be recognised as a verb too.
_IRREGULAR_PAST = {
    "build": "built",
    "lead": "led",
    "write": "wrote",
    "run": "ran",
    "drive": "drove",
    "cut": "cut",
    "set": "set",
    "rebuild": "rebuilt",
    "rewrite": "rewrote",
    "spearhead": "spearheaded",
    "make": "made",
    "take": "took",
    "grow": "grew",
    "teach": "taught",
    "overcome": "overcame",
    "undertake": "undertook",
    "begin": "began",
    "split": "split",
    "shut": "shut",
}
# Openers that end in -ed but say nothing about what was done.
_WEAK_PAST = frozenset(
    "used worked helped assisted participated involved tasked handled contributed supported "
    "required expected needed asked allowed gained learned learnt".split()
)


def _past_form(word: str) -> list[str]:
    """Candidate past tenses for a present-tense or third-person verb."""
    w = word.lower()
    bases = [w]
    if w.endswith("ies"):
        bases.append(w[:-3] + "y")
    elif w.endswith("es"):
        bases.extend([w[:-2], w[:-1]])
    elif w.endswith("s"):
        bases.append(w[:-1])
    out: list[str] = []
    for base in bases:
        if base in _IRREGULAR_PAST:
            out.append(_IRREGULAR_PAST[base])
        out.extend([base + "ed", base + "d"])
        if base.endswith("y"):
            out.append(base[:-1] + "ied")
        if len(base) > 2 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou":
            out.append(base + base[-1] + "ed")
    return out


# Identity, not field-by-field equality: one lexicon per role and process, and a lexicon keys
# the analysers' result caches, so hashing it must be cheap.
@dataclass(frozen=True, eq=False)
class Lexicon:
    """Lookups over one role's language lists and skills."""

    role: RoleKnowledge
    skills: SkillIndex
    strong_verbs: frozenset[str]
    verb_group: dict[str, str]
    weak_openers: tuple[str, ...]
    cliches: tuple[str, ...]
    buzzwords: tuple[str, ...]
    filler: tuple[str, ...]
    vague_words: tuple[str, ...]
    first_person: frozenset[str]
    frontend_terms: tuple[str, ...]
    system_words: tuple[str, ...]
    ownership_words: tuple[str, ...]
    relations: Relations
    role_words: tuple[str, ...] = ()
    verbs_by_group: dict[str, tuple[str, ...]] = field(default_factory=dict)
    phrased: PhrasedSkills = field(default_factory=lambda: PhrasedSkills(()))

    @classmethod
    def from_role(cls, role: RoleKnowledge) -> Lexicon:
        """Build the lookups for one role."""
        lang = role.language
        group_of = {
            verb.lower(): group for group, verbs in lang.strong_verbs.items() for verb in verbs
        }

        def longest_first(items: list[str]) -> tuple[str, ...]:
            return tuple(sorted({i.lower().strip() for i in items}, key=len, reverse=True))

        return cls(
            role=role,
            skills=SkillIndex(role.skills),
            strong_verbs=frozenset(group_of),
            verb_group=group_of,
            weak_openers=longest_first(lang.weak_openers),
            cliches=longest_first(lang.cliches),
            buzzwords=longest_first(lang.buzzwords),
            filler=longest_first(lang.filler),
            vague_words=longest_first(lang.vague_words),
            first_person=frozenset(w.lower() for w in lang.first_person),
            frontend_terms=longest_first(lang.frontend_terms),
            system_words=longest_first(lang.system_words),
            ownership_words=longest_first(lang.ownership_words),
            relations=Relations(role.skills),
            role_words=longest_first(lang.role_words),
            verbs_by_group={g: tuple(v) for g, v in lang.strong_verbs.items()},
            phrased=PhrasedSkills(role.skills),
        )

    def verb_of(self, word: str) -> str | None:
        """The strong verb (past tense) a word is, in any tense, or None."""
        w = word.lower().strip(".,;:")
        if w in self.strong_verbs:
            return w
        for past in _past_form(w):
            if past in self.strong_verbs:
                return past
        if w.endswith("ing") and len(w) > 5:
            for past in _past_form(w[:-3]) + _past_form(w[:-3] + "e"):
                if past in self.strong_verbs:
                    return past
        return None

    def weak_opener(self, text: str) -> str | None:
        """The weak opener a line starts with, if any."""
        lowered = text.lower().lstrip()
        for opener in self.weak_openers:
            if lowered.startswith(opener) and not lowered[len(opener) : len(opener) + 1].isalpha():
                return opener
        return None

    @staticmethod
    def find(text: str, phrases: tuple[str, ...]) -> list[str]:
        """Phrases present as whole words; a longer phrase hides the shorter ones inside it."""
        found = dict.fromkeys(m.group(0) for m in _alternation(phrases).finditer(text.lower()))
        return list(found)

    def systems(self, text: str) -> list[str]:
        """The system words in a text, leaving out those that are part of a job title.

        "Backend developer" or "a backend role" says what someone is, not what they built.
        """
        pattern = _system_pattern(self.system_words, self.role_words)
        return list(dict.fromkeys(m.group(0) for m in pattern.finditer(text.lower())))

    def is_weak_past(self, word: str) -> bool:
        """Whether an -ed opener is an empty one such as 'Used' or 'Helped'."""
        return word.lower() in _WEAK_PAST


@cache
def _alternation(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a whole (longest-first) list, so a text is scanned once per list."""
    body = "|".join(re.escape(phrase) for phrase in phrases)
    return re.compile(r"(?<![a-z0-9])(?:" + body + r")(?![a-z0-9])")


@cache
def _system_pattern(systems: tuple[str, ...], roles: tuple[str, ...]) -> re.Pattern[str]:
    """System words not followed by a role word ("backend" but not "backend developer")."""
    body = "|".join(re.escape(phrase) for phrase in systems)
    title = "|".join(re.escape(word) for word in roles) or r"(?!x)x"
    return re.compile(
        r"(?<![a-z0-9])(?:" + body + r")(?![a-z0-9])(?![\s-]+(?:" + title + r")(?![a-z0-9]))"
    )


# Texts come back turn after turn (/status re-scores every section, the review re-reads the
# draft, many people paste the same lines): the analysers are pure and keep this many results.
RESULTS_KEPT = 4_096


@cache
def lexicon_for(role: RoleKnowledge) -> Lexicon:
    """One lexicon per role and process."""
    return Lexicon.from_role(role)
