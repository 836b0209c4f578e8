"""The skills taxonomy as a lookup: canonical names from aliases and typos, in lists and prose."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.analysis.text import clean, strip_bullet
from bot.knowledge import Skill

# Categories that name a concrete technology, as opposed to a practice or a soft skill.
TECH_CATEGORIES = frozenset(
    {"languages", "frameworks", "databases", "messaging", "cloud", "tools", "testing"}
)
_TECH_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#./_-]*[A-Za-z0-9+#]|[A-Za-z+#]")
_MAX_NGRAM = 4
# Explicit list items: how closely a typo must resemble a known spelling.
_LIST_CUTOFF = 84.0
# How closely an unknown item must resemble a spelling to be offered as "did you mean".
_NEARBY_CUTOFF = 70.0


_SEPARATORS = re.compile(r"[\s.\-_]+")


# Words repeat across texts ("built", "the", "Python"): their keys are computed once.
@lru_cache(maxsize=65_536)
def spelling_key(text: str) -> str:
    """The form two spellings are compared in: case-folded, without spaces, dots, dashes."""
    return _SEPARATORS.sub("", text.casefold())


@lru_cache(maxsize=65_536)
def phrase_key(text: str) -> str:
    """Like ``spelling_key`` but keeping word breaks, so "I am" never reads as "IAM"."""
    return _SEPARATORS.sub(" ", text.casefold()).strip()


@dataclass(frozen=True)
class Resolved:
    """A skill item as typed, and what it resolved to."""

    input: str
    skill: Skill | None
    suggestions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A technology found in running text, with the words used for it."""

    skill: Skill
    text: str
    start: int


def _length_bounds(length: int, cutoff: float) -> tuple[int, int]:
    """The key lengths that can reach ``cutoff`` (0–100) in ``fuzz.ratio`` against ``length``.

    The ratio is 100 * (1 - indel distance / total length), and the distance is at least the
    difference in length, so longer or shorter keys cannot reach the cutoff: skip them.
    """
    slack = 1 - cutoff / 100
    return math.floor(length * (1 - slack) / (1 + slack)), math.ceil(
        length * (1 + slack) / (1 - slack)
    )


def _closest_by_edits(key: str, choices: list[str], max_edits: int) -> str | None:
    """The choice within ``max_edits`` edits (a swap of two letters counts as one), if any."""
    best = process.extractOne(key, choices, scorer=OSA.distance, score_cutoff=max_edits)
    return str(best[0]) if best is not None else None


class SkillIndex:
    """Resolve spellings to taxonomy entries; build once per knowledge load."""

    def __init__(self, skills: Iterable[Skill]) -> None:
        self.skills = tuple(skills)
        self.by_name = {skill.name: skill for skill in self.skills}
        self._by_key: dict[str, Skill] = {}
        self._by_phrase: dict[str, Skill] = {}
        for skill in self.skills:
            for spelling in (skill.name, *skill.aliases):
                self._by_key.setdefault(spelling_key(spelling), skill)
                self._by_phrase.setdefault(phrase_key(spelling), skill)
        # Every word-prefix of a known phrase: a run of words is extended only while it can
        # still grow into a phrase, so most words cost one set lookup.
        self._phrase_prefixes = frozenset(
            " ".join(words[:end])
            for words in (key.split(" ") for key in self._by_phrase)
            for end in range(1, len(words))
        )
        # Acronyms that are also words ("REST"): in running text only when written in capitals.
        self._capitals_only = frozenset(
            spelling_key(alias)
            for skill in self.skills
            for alias in skill.aliases
            if alias.isupper()
        )
        self._keys = list(self._by_key)
        # Typos are guessed only for longer spellings of names that are not ordinary words.
        self._fuzzy_keys = [
            key
            for key, skill in self._by_key.items()
            if not skill.exact_case and len(key) >= 5 and skill.category in TECH_CATEGORIES
        ]

    def exact(self, text: str) -> Skill | None:
        """The skill this spelling names exactly (alias-aware), if any."""
        return self._by_key.get(spelling_key(text))

    @lru_cache(maxsize=8192)  # noqa: B019 - one index per knowledge load, kept for the process
    def resolve(self, item: str) -> Resolved:
        """Name one explicit skill-list item canonically; never force a match."""
        typed = item.strip()
        key = spelling_key(typed)
        if not key:
            return Resolved(typed, None)
        found = self._by_key.get(key)
        if found is not None:
            return Resolved(typed, found)
        size = len(key)
        if size >= 4:
            close = process.extractOne(
                key,
                self._keys_sized(*_length_bounds(size, _LIST_CUTOFF)),
                scorer=fuzz.ratio,
                score_cutoff=_LIST_CUTOFF,
            )
            best = close[0] if close is not None else None
            if best is None and size >= 5:
                best = _closest_by_edits(key, self._keys_sized(size - 1, size + 1), 1)
            if best is not None:
                return Resolved(typed, self._by_key[best])
        nearby = process.extract(
            key,
            self._keys_sized(*_length_bounds(size, _NEARBY_CUTOFF)),
            scorer=fuzz.ratio,
            limit=6,
            score_cutoff=_NEARBY_CUTOFF,
        )
        names = tuple(dict.fromkeys(self._by_key[k].name for k, _, _ in nearby))[:3]
        return Resolved(typed, None, names)

    @lru_cache(maxsize=1024)  # noqa: B019 - one index per knowledge load, kept for the process
    def _keys_sized(self, shortest: int, longest: int, typos_only: bool = False) -> list[str]:
        """The spellings of a length in this range (of typo-prone names only), in their order."""
        keys = self._fuzzy_keys if typos_only else self._keys
        return [key for key in keys if shortest <= len(key) <= longest]

    def mentions(self, text: str) -> list[Mention]:
        """Technologies named in running text, longest spelling first, typos of long names too."""
        tokens = [(m.group(0), m.start()) for m in _TECH_TOKEN.finditer(text)]
        # Each token's keys are computed once; multi-word spellings are tried only where a
        # token can start one, which is what keeps this cheap on long texts.
        phrases = [phrase_key(t) for t, _ in tokens]
        found: list[Mention] = []
        i = 0
        while i < len(tokens):
            hit = self._phrase_at(tokens, phrases, i)
            if hit is not None:
                skill, width = hit
                words = " ".join(t for t, _ in tokens[i : i + width])
                found.append(Mention(skill, words, tokens[i][1]))
                i += width
                continue
            word, start = tokens[i]
            found.extend(Mention(skill, written, start) for skill, written in self._in_word(word))
            i += 1
        return found

    def technologies(self, text: str) -> list[Skill]:
        """Distinct concrete technologies (not practices or soft skills) named in a text."""
        return list(self._technologies(text))

    # Every check reads the same lines (a bullet's own check, the view of the whole resume,
    # each job's "only here"): each text is scanned once.
    @lru_cache(maxsize=16_384)  # noqa: B019 - one index per knowledge load, kept for the process
    def _technologies(self, text: str) -> tuple[Skill, ...]:
        seen: dict[str, Skill] = {}
        for mention in self.mentions(text):
            if mention.skill.category in TECH_CATEGORIES and not mention.skill.concept:
                seen.setdefault(mention.skill.name, mention.skill)
        return tuple(seen.values())

    def _phrase_at(
        self, tokens: list[tuple[str, int]], phrases: list[str], i: int
    ) -> tuple[Skill, int] | None:
        """The longest multi-word spelling starting at token ``i``, with its width in tokens."""
        phrase = phrases[i]
        best: tuple[Skill, int] | None = None
        for width in range(2, min(_MAX_NGRAM, len(tokens) - i) + 1):
            if phrase not in self._phrase_prefixes:
                break
            phrase = f"{phrase} {phrases[i + width - 1]}"
            skill = self._by_phrase.get(phrase)
            if skill is not None:
                written = " ".join(t for t, _ in tokens[i : i + width])
                accepted = self._accept(written, skill)
                best = (accepted, width) if accepted is not None else best
        return best

    @lru_cache(maxsize=65_536)  # noqa: B019 - one index per knowledge load, kept for the process
    def _in_word(self, word: str) -> tuple[tuple[Skill, str], ...]:
        """The skills one token names: itself, a typo of a long name, or parts split by "/"."""
        skill = self._accept(word, self._by_key.get(spelling_key(word)))
        if skill is None and word.endswith("."):
            skill = self._accept(word[:-1], self._by_key.get(spelling_key(word[:-1])))
        if skill is not None:
            return ((skill, word),)
        guess = self._typo(word)
        if guess is not None:
            return ((guess, word),)
        if "/" not in word:
            return ()
        parts = (
            (self._accept(part, self._by_key.get(spelling_key(part))), part)
            for part in word.split("/")
        )
        return tuple((part_skill, part) for part_skill, part in parts if part_skill is not None)

    def _accept(self, written: str, skill: Skill | None) -> Skill | None:
        """The skill, unless running text spells it the way an ordinary word is spelled."""
        if skill is None:
            return None
        spelled = written.strip(".")
        if not spelled.isupper() and spelling_key(spelled) in self._capitals_only:
            return None
        # "Go", "Express", "Spring": only as written with the capital, or as an alias.
        if (
            skill.exact_case
            and spelled.islower()
            and spelling_key(spelled) == spelling_key(skill.name)
        ):
            return None
        return skill

    def _typo(self, word: str) -> Skill | None:
        return self._typo_of_key(spelling_key(word))

    @lru_cache(maxsize=8192)  # noqa: B019 - one index per knowledge load, kept for the process
    def _typo_of_key(self, key: str) -> Skill | None:
        if len(key) < 6 or not key.isalpha() or key in self._by_key:
            return None
        limit = 1 if len(key) < 9 else 2
        size = len(key)
        best = _closest_by_edits(
            key, self._keys_sized(size - limit, size + limit, typos_only=True), limit
        )
        return self._by_key[best] if best is not None else None


_SPLIT = re.compile(r"[,;|\n•·▪]+|\s+(?:and|&)\s+|\s+-\s+")
_PARENS = re.compile(r"\(([^)]*)\)")
_EMPHASIS = re.compile(r"\*\*|__|`")
_LABEL = re.compile(r"^[^:,;/()]{1,40}:\s*")
_QUALIFIER = re.compile(
    r"^(?:some|basic|basics of|familiar with|familiarity with|knowledge of|experience with|"
    r"exposure to|proficient in|strong|advanced|intermediate|beginner|expert in)\s+",
    re.IGNORECASE,
)


def split_skill_items(text: str, index: SkillIndex) -> list[str]:
    """Split a free-form skills list into items, keeping names like CI/CD or TCP/IP whole."""
    lines = [strip_bullet(line) for line in _EMPHASIS.sub("", clean(text)).split("\n")]
    # "Cloud and infrastructure: AWS" — the label goes before anything is split on "and".
    flat = "\n".join(_LABEL.sub("", line) for line in lines)
    flat = _PARENS.sub(lambda m: ", " + m.group(1) + ", ", flat)
    items: list[str] = []
    for raw in _SPLIT.split(flat):
        item = strip_bullet(raw).strip(" .:*_`\"'")
        if ":" in item:
            # "Languages: Python" — the label before the colon is a heading, not a skill.
            item = item.split(":", 1)[1].strip(" .*_`\"'")
        item = _QUALIFIER.sub("", item)
        if not item:
            continue
        if "/" in item and index.exact(item) is None:
            items.extend(part.strip() for part in item.split("/") if part.strip())
        else:
            items.append(item)
    return items
