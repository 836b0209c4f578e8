"""The FAQ's vocabulary: stems, synonyms folded onto their word, and typos mapped back onto it."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence

import snowballstemmer
from rapidfuzz import fuzz, process
from spellchecker import SpellChecker

from bot.faq_text import FILLER, normalize, tokenize

_TOKEN = re.compile(r"[a-z0-9+#]+(?:'[a-z]+)?")
_STEMMER = snowballstemmer.stemmer("english")
# What separates the words of a multi-word synonym in a message.
_JOINER = r"[\s-]+"
# Idioms whose words would otherwise be read as topic words: "no longer relevant" says nothing of
# length, "at what point" nothing of bullet points, "in reference to" nothing of referees. They
# are dropped before synonyms are folded.
_IDIOMS = re.compile(
    r"(?<![a-z0-9])(?:(?:no|any) longer|at (?:what|which|this|that|some) point"
    r"|(?:in|with) (?:reference|regards?) to)(?![a-z0-9])"
)
# Words the stemmer folds onto a topic word they have nothing to do with: "refer to the docs" is not
# a reference, "referred by a friend" not a referee.
_STEM_EXCEPTIONS = {
    **dict.fromkeys(("refer", "refers", "referred", "referring"), "refer~"),
    # "customer service" is not customizing a resume.
    **dict.fromkeys(("customer", "customers"), "customer"),
    # An interview is an event of the job search; only the interviewer reads the resume.
    **dict.fromkeys(("interview", "interviews", "interviewed", "interviewing"), "interview~"),
}
# An everyday English word ("world", "hold", "finished") is never a typo of a topic word.
COMMON_WORD_FREQUENCY = 100
# How much an everyday word still says: "time" or "two" in a long story rarely names a topic.
RARITY_TOP = 7.0
RARITY_FLOOR = 0.3
# A word longer than a synonym's variant by more than this is another word with the same stem.
INFLECTION = 3
# Per-word results are kept: people reuse words, and the snowball stemmer is pure Python. The
# bound only stops a stream of junk words from growing the caches without end.
CACHE_LIMIT = 50_000


def _remember(cache: dict[str, str], key: str, value: str) -> str:
    if len(cache) >= CACHE_LIMIT:
        cache.clear()
    cache[key] = value
    return value


class Vocabulary:
    """Turns text into stemmed, synonym-folded terms, correcting typos of known words."""

    def __init__(self, texts: Iterable[str], synonyms: Mapping[str, Sequence[str]]) -> None:
        self._stems: dict[str, str] = {}
        self._corrections: dict[str, str] = {}
        phrases: dict[str, str] = {}
        self._word_synonyms: dict[str, str] = {}
        # A folded word's canonical spelling: "long" is read as "length", and is as rare as it.
        self._surfaces: dict[str, str] = {}
        # The variant's own length: "interns" is "intern", "international" only shares its stem.
        self._variant_length: dict[str, int] = {}
        raw_words: set[str] = set(FILLER)
        for text in texts:
            raw_words.update(tokenize(text))
        for canonical, variants in synonyms.items():
            raw_words.update(tokenize(canonical))
            for variant in variants:
                raw_words.update(tokenize(variant))
                words = tokenize(variant)
                if len(words) > 1:
                    phrases[" ".join(words)] = f" {canonical} "
                elif words:
                    stem = self.stem(words[0])
                    self._word_synonyms[stem] = self.stem(canonical)
                    self._surfaces[stem] = normalize(canonical)
                    self._variant_length[stem] = len(words[0])
        # One pass over the text for every multi-word variant, longest first ("bullet points"
        # before "bullet"), whole words only; a hyphen joins them as well as a space does
        # ("front-end", "stay-at-home").
        self._phrases = phrases
        alternatives = sorted(phrases, key=len, reverse=True)
        self._phrase_pattern = (
            re.compile(
                r"(?<![a-z0-9])(?:"
                + "|".join(_JOINER.join(map(re.escape, p.split())) for p in alternatives)
                + r")(?![a-z0-9])"
            )
            if alternatives
            else None
        )
        self.words = frozenset(raw_words)
        # Candidates for a typo, by length: a typo is compared only with words of a similar length.
        self._by_length: dict[int, list[str]] = {}
        for word in sorted(w for w in raw_words if len(w) >= 3 and not w.isdigit()):
            self._by_length.setdefault(len(word), []).append(word)
        self._english = SpellChecker(distance=1).word_frequency

    def stem(self, word: str) -> str:
        """The stem of one word; short words such as "ats" or "aws" are names, kept as they are."""
        if len(word) <= 3:
            return word
        known = self._stems.get(word) or _STEM_EXCEPTIONS.get(word)
        if known is not None:
            return known
        return _remember(self._stems, word, str(_STEMMER.stemWord(word)))

    def frequency(self, word: str) -> int:
        """How common a word is in everyday English (0 when unknown)."""
        # pyspellchecker's WordFrequency has no .get().
        return int(self._english[word]) if word in self._english else 0

    def correct(self, word: str) -> str:
        """Map a misspelt word onto the FAQ's vocabulary when the match is close."""
        if word in self.words or len(word) < 4 or word.isdigit():
            return word
        known = self._corrections.get(word)
        if known is not None:
            return known
        if self.frequency(word) >= COMMON_WORD_FREQUENCY:
            return _remember(self._corrections, word, word)
        size = len(word)
        cutoff = 75 if size <= 5 else 80
        # fuzz.ratio is 2 * matches / (both lengths): words whose lengths differ more than this
        # can never reach the cut-off, so they are not compared at all.
        share = cutoff / 100
        shortest = math.ceil(size * share / (2 - share))
        longest = math.floor(size * (2 - share) / share)
        candidates = [
            candidate
            for length in range(shortest, longest + 1)
            for candidate in self._by_length.get(length, ())
        ]
        best = process.extractOne(word, candidates, scorer=fuzz.ratio, score_cutoff=cutoff)
        return _remember(self._corrections, word, best[0] if best else word)

    def _canonical(self, found: re.Match[str]) -> str:
        return self._phrases[" ".join(re.split(_JOINER, found.group(0)))]

    def pairs(self, text: str, correct: bool = False) -> list[tuple[str, str]]:
        """Each word of the text with its term (stemmed and synonym-folded; filler kept as is).

        A word read as a synonym comes back as the canonical word ("long" as "length").
        """
        lowered = _IDIOMS.sub(" ", normalize(text))
        if self._phrase_pattern is not None:
            lowered = self._phrase_pattern.sub(self._canonical, lowered)
        pairs: list[tuple[str, str]] = []
        for word in _TOKEN.findall(lowered):
            if correct:
                word = self.correct(word)
            if word in FILLER:
                pairs.append((word, word))
                continue
            stem = self.stem(word)
            if len(word) > self._variant_length.get(stem, len(word)) + INFLECTION:
                pairs.append((word, stem))
                continue
            pairs.append((self._surfaces.get(stem, word), self._word_synonyms.get(stem, stem)))
        return pairs

    def terms(self, text: str, correct: bool = False) -> list[str]:
        """Text to stemmed, synonym-folded terms; filler words keep their own spelling."""
        return [term for _, term in self.pairs(text, correct)]

    def rarity(self, word: str) -> float:
        """1.0 for a rare word, down to RARITY_FLOOR for the commonest English ("time", "two")."""
        scale = (RARITY_TOP - math.log10(self.frequency(word) + 1)) / 2.5
        return min(1.0, max(RARITY_FLOOR, scale))
