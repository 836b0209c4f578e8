"""The skills taxonomy as a lookup: canonical names from aliases and typos, in lists and prose."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.analysis.english import is_everyday_word
from bot.analysis.shared_nouns import shared_names
from bot.analysis.skill_items import split_skill_items as split_skill_items
from bot.analysis.tech_context import (
    at_sentence_start,
    in_tech_context,
    listed_with_technology,
    only_names,
)
from bot.knowledge import Skill

# Categories that name a concrete technology, as opposed to a practice or a soft skill.
TECH_CATEGORIES = frozenset(
    {"languages", "frameworks", "databases", "messaging", "cloud", "tools", "testing"}
)
# "*nix" is the one name in common use that starts with a mark.
_TECH_TOKEN = re.compile(r"\*[Nn][Ii][Xx]\b|[A-Za-z0-9][A-Za-z0-9+#./_-]*[A-Za-z0-9+#]|[A-Za-z+#]")
_MAX_NGRAM = 4
# What a name takes after a hyphen and stays itself: "Kafka-based", "Redis-backed",
# "API-first". The head of such a compound is the name (a whole spelling the lexicon knows,
# "react-native", stays whole).
_COMPOUND_TAIL = re.compile(
    r"-(?:based|backed|powered|driven|native|first|heavy|centric|enabled|compatible|specific"
    r"|friendly|only|related|style|like|aware|ready|certified|oriented|focused|savvy)$",
    re.IGNORECASE,
)
# What may stand between the words of one spelling: "Ruby on Rails", "CI / CD", "Let's".
_PHRASE_GAP = " \t-/&'’"
# Explicit list items: how closely a typo must resemble a known spelling.
_LIST_CUTOFF = 84.0
# How closely an unknown item must resemble a spelling to be offered as "did you mean".
_NEARBY_CUTOFF = 70.0
# How many edits (a swap of two letters is one) a "did you mean" may be away, by length of the
# typed item: none for three letters or fewer, where every edit makes another word.
_SUGGESTION_EDITS = {1: 0, 2: 0, 3: 0, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2, 9: 2}
_SUGGESTION_EDITS_LONG = 3


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


def _currency(text: str, mention: Mention) -> bool:
    """A letter before a dollar sign ("R$ 5.000", "C$ 90k") is a currency, not a language."""
    return text.startswith("$", mention.start + len(mention.text))


def _plausible_typo(key: str, name: str) -> bool:
    """Whether a word may be a name mistyped, given the name's spelling closest to it.

    A first letter is rarely mistyped ("customizations" is not Kustomize), nor both last ones
    ("documentar" is another word than DocumentDB).
    """
    return name[0] == key[0] and not (len(name) == len(key) and name[:-2] == key[:-2])


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


_JOINED = re.compile(r"[A-Za-z]\+[A-Za-z]")
_JOINER = re.compile(r"/|(?<=[A-Za-z])\+(?=[A-Za-z])")


class SkillIndex:
    """Resolve spellings to taxonomy entries; build once per knowledge load."""

    def __init__(self, skills: Iterable[Skill]) -> None:
        self.skills = tuple(skills)
        self.by_name = {skill.name: skill for skill in self.skills}
        self._by_key: dict[str, Skill] = {}
        self._by_phrase: dict[str, Skill] = {}
        for skill in self.skills:
            for spelling in (skill.name, *skill.aliases, *skill.words):
                self._by_key.setdefault(spelling_key(spelling), skill)
                self._by_phrase.setdefault(phrase_key(spelling), skill)
        # Everyday words even with their capital ("Play", "Slick"): never guessed as typos nor
        # offered as "did you mean", and in running text only where the context says so.
        self._words = frozenset(spelling_key(word) for skill in self.skills for word in skill.words)
        # The nouns of two-word spellings, which a list of modifiers may share ("tests", "code").
        self._heads = frozenset(k.split(" ")[1] for k in self._by_phrase if k.count(" ") == 1)
        # Those names, "Go" and "REST" written in lower case ("go", "rest"): words, except in
        # a list of technologies ("python, go or java", "(grpc, rest)").
        self._listed_only = {
            spelling_key(spelling): skill
            for skill in self.skills
            for spelling in (skill.name, *skill.aliases, *skill.words)
            if spelling.isupper()
            or spelling in skill.words
            or (skill.exact_case and spelling == skill.name)
        }
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
        self._keys = [key for key in self._by_key if key not in self._words]
        # Typos are guessed only for longer spellings of names that are not ordinary words.
        self._fuzzy_keys = [
            key
            for key, skill in self._by_key.items()
            if not skill.exact_case
            and len(key) >= 5
            and skill.category in TECH_CATEGORIES
            and key not in self._words
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
        # A typo keeps its first letter: "dokcer" is Docker, "Racket" is not React.
        first = key[0]
        if size >= 4:
            close = process.extractOne(
                key,
                self._keys_sized(*_length_bounds(size, _LIST_CUTOFF), first=first),
                scorer=fuzz.ratio,
                score_cutoff=_LIST_CUTOFF,
            )
            best = close[0] if close is not None else None
            if best is None and size >= 5:
                best = _closest_by_edits(key, self._keys_sized(size - 1, size + 1, first=first), 1)
            if best is not None:
                return Resolved(typed, self._by_key[best])
        return Resolved(typed, None, self._suggestions(key))

    def _suggestions(self, key: str) -> tuple[str, ...]:
        """Known names an unknown item may be a misspelling of: few edits away for its length.

        "MS Office" or "Scheme" resembles nothing closely enough to offer; a four-letter word
        may be one letter off, a long name up to three.
        """
        edits = _SUGGESTION_EDITS.get(len(key), _SUGGESTION_EDITS_LONG)
        if not edits:
            return ()
        size = len(key)
        nearby = process.extract(
            key,
            self._keys_sized(*_length_bounds(size, _NEARBY_CUTOFF), first=key[0]),
            scorer=fuzz.ratio,
            limit=6,
            score_cutoff=_NEARBY_CUTOFF,
        )
        close = [k for k, _, _ in nearby if OSA.distance(key, k) <= edits]
        # The name offered must look like what was typed: "metaprogramming" is near the alias
        # "mob programming", but "Did you mean Pair programming?" would make no sense.
        names = (self._by_key[k].name for k in close)
        plausible = (n for n in names if spelling_key(n).startswith(key[0]))
        return tuple(dict.fromkeys(plausible))[:3]

    @lru_cache(maxsize=4096)  # noqa: B019 - one index per knowledge load, kept for the process
    def _keys_sized(
        self, shortest: int, longest: int, typos_only: bool = False, first: str = ""
    ) -> list[str]:
        """The spellings of a length in this range (of typo-prone names only), in their order."""
        keys = self._fuzzy_keys if typos_only else self._keys
        return [key for key in keys if shortest <= len(key) <= longest and key.startswith(first)]

    def mentions(self, text: str) -> list[Mention]:
        """Technologies named in running text, longest spelling first, typos of long names too.

        A one-letter name ("C", "R"), or an everyday word opening a sentence ("Make", "Go"),
        counts only where the words around it make it a technology (``tech_context``); such a
        name in lower case ("go", "rest") only in a list of technologies ("python, go or java").
        """
        tokens = [(self._head(m.group(0)), m.start()) for m in _TECH_TOKEN.finditer(text)]
        # Each token's keys are computed once; multi-word spellings are tried only where a
        # token can start one, which is what keeps this cheap on long texts.
        phrases = [phrase_key(t) for t, _ in tokens]
        found: list[tuple[Mention, int, int]] = []
        lower: set[int] = set()  # lower-case names that count only in a list of technologies
        i = 0
        while i < len(tokens):
            hit = self._phrase_at(text, tokens, phrases, i)
            if hit is not None:
                skill, width = hit
                words = " ".join(t for t, _ in tokens[i : i + width])
                found.append((Mention(skill, words, tokens[i][1]), i, i + width - 1))
                i += width
                continue
            word, start = tokens[i]
            named = [
                (Mention(skill, written, start), i, i) for skill, written in self._in_word(word)
            ]
            listed = self._listed_only.get(spelling_key(word)) if word.islower() else None
            if not named and listed is not None:
                lower.add(len(found))
                named = [(Mention(listed, word, start), i, i)]
            found.extend(named)
            i += 1
        for skill, written, at in shared_names(text, tokens, phrases, self._by_phrase, self._heads):
            if self._accept(written, skill) is not None:
                found.append((Mention(skill, written, tokens[at][1]), at, at))
        found = [f for f in found if not _currency(text, f[0])]
        doubtful = {n for n, (m, first, _) in enumerate(found) if self._doubtful(m, text, first)}
        if doubtful or lower:
            found = self._confirmed(text, tokens, found, doubtful | lower, lower)
        return [mention for mention, _, _ in found]

    def _head(self, word: str) -> str:
        """The name in "Kafka-based" or "Redis-backed"; a known spelling ("react-native") stays."""
        if not _COMPOUND_TAIL.search(word) or spelling_key(word) in self._by_key:
            return word
        phrase = phrase_key(word)
        if phrase in self._by_phrase or phrase in self._phrase_prefixes:
            return word
        return _COMPOUND_TAIL.sub("", word)

    def _doubtful(self, mention: Mention, text: str, first: int) -> bool:
        """Whether a mention is a name that may be a letter or a word where it stands."""
        key = spelling_key(mention.text)
        if len(key) == 1 or key in self._words:
            return True
        return (
            mention.skill.exact_case
            and key == spelling_key(mention.skill.name)
            and at_sentence_start(text, mention.start)
        )

    @staticmethod
    def _confirmed(
        text: str,
        tokens: list[tuple[str, int]],
        found: list[tuple[Mention, int, int]],
        doubtful: set[int],
        listed_only: set[int],
    ) -> list[tuple[Mention, int, int]]:
        """The mentions without the doubtful ones the context does not make technologies.

        The ``listed_only`` ones count only in a list with other technologies.
        """
        covered = frozenset(t for _, first, last in found for t in range(first, last + 1))
        if only_names(text, tokens, covered):
            return found  # "Go and C": a list item of nothing but names
        sure = {n for n in range(len(found)) if n not in doubtful}
        # A name confirmed by its words confirms its neighbours in a list ("in C and R").
        while True:
            techs = frozenset(t for n in sure for t in range(found[n][1], found[n][2] + 1))
            more = {
                n
                for n in doubtful - sure
                if (listed_with_technology if n in listed_only else in_tech_context)(
                    text, tokens, found[n][1], found[n][2], techs
                )
            }
            if not more:
                break
            sure |= more
        return [item for n, item in enumerate(found) if n in sure]

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
        self, text: str, tokens: list[tuple[str, int]], phrases: list[str], i: int
    ) -> tuple[Skill, int] | None:
        """The longest multi-word spelling starting at token ``i``, with its width in tokens.

        A spelling never reaches over a comma or a full stop: "ASP.NET, Web Forms" is two.
        """
        phrase = phrases[i]
        best: tuple[Skill, int] | None = None
        for width in range(2, min(_MAX_NGRAM, len(tokens) - i) + 1):
            if phrase not in self._phrase_prefixes:
                break
            word, start = tokens[i + width - 2]
            if text[start + len(word) : tokens[i + width - 1][1]].strip(_PHRASE_GAP):
                break
            phrase = f"{phrase} {phrases[i + width - 1]}"
            # A spelling's last word in the plural: "service oriented architectures".
            skill = self._by_phrase.get(phrase) or self._by_phrase.get(phrase.removesuffix("s"))
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
        if "/" not in word and not _JOINED.search(word):
            return ()
        # "Unix/Linux", "HTML+CSS": names joined by a slash or a plus.
        parts = (
            (self._accept(part, self._by_key.get(spelling_key(part))), part)
            for part in _JOINER.split(word)
        )
        return tuple((part_skill, part) for part_skill, part in parts if part_skill is not None)

    def _accept(self, written: str, skill: Skill | None) -> Skill | None:
        """The skill, unless running text spells it the way an ordinary word is spelled."""
        if skill is None:
            return None
        spelled = written.strip(".")
        if not spelled.isupper() and spelling_key(spelled) in self._capitals_only:
            return None
        if spelled.islower() and spelling_key(spelled) in self._words:
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
        # "median" is not a typo of Debian, nor "documents" of DocumentDB.
        if is_everyday_word(word):
            return None
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
        return self._by_key[best] if best is not None and _plausible_typo(key, best) else None
