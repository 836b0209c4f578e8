"""Answer free-form questions from the FAQ: weighted, typo-tolerant matching with rapidfuzz."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import snowballstemmer
from rapidfuzz import fuzz, process
from spellchecker import SpellChecker

from bot.knowledge import FaqEntry, RoleKnowledge

# Words that carry no topic on their own. They still count a little, so that
# "how long should my resume be" leans to the resume entry, not the summary one.
FILLER = frozenset(
    """
    a an the and or but if so to of in on at for with about from by as into onto than then
    i im i'm i've ive me my mine we our us you your yours it its it's this that these those there
    he she him her his they them their theirs someone somebody anyone people person
    is am are was were be been being do does did doing done have has had having get got gets
    can could should would will shall may might must ought need needs want wants wanna gonna
    how what whats what's which who whom whose when where why whether
    any some all each every more most few less lot lots very really just also too only
    ok okay pls please thanks thank hey hi hello yo hmm um well like kind sort actually basically
    anything something everything thing things stuff way ways bit part parts
    resume resumes cv cvs backend back end developer developers dev devs engineer engineers
    software job jobs role roles position positions apply applying application applications
    put add include including list listing write writing make making use using show showing
    go goes going put puts keep keeping give mention mentioning talk say tell know knew think
    look looks looking seem seems try tried touched used one not no yes don't dont isnt isn't
    take takes taking took come comes came see find let lets still even ever maybe probably
    good best better great right fine worth ideal okay enough general generally
    """.split()
)

# Words that say a question is about job hunting; with one of them present, an unknown word is
# more likely another way of saying a topic word than a sign the question is off-topic.
CONTEXT = frozenset(
    """
    resume resumes cv cvs job jobs role roles position positions recruiter recruiters hiring
    employer employers interview interviews application applications backend developer developers
    engineer engineers linkedin ats career candidate
    """.split()
)

FILLER_WEIGHT = 0.15
MIN_CONTENT_WEIGHT = 0.5
NEAREST_PHRASING = 0.4
LEADERS = 5
KEYWORD_BOOST = 1.5
ANSWER_CREDIT = 0.5
_TOKEN = re.compile(r"[a-z0-9+#]+(?:'[a-z]+)?")
_STEMMER = snowballstemmer.stemmer("english")
# An everyday English word ("world", "hold", "finished") is never a typo of a topic word.
COMMON_WORD_FREQUENCY = 100


def normalize(text: str) -> str:
    """Lower-case, fold accents and compatibility forms, straighten apostrophes."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return folded.casefold().replace("\u2019", "'")


def tokenize(text: str) -> list[str]:
    """Split text into lower-case word tokens."""
    return _TOKEN.findall(normalize(text))


@dataclass(frozen=True)
class FaqMatch:
    """The outcome of matching one question."""

    question: str
    entry: FaqEntry | None
    score: float
    suggestions: tuple[FaqEntry, ...] = field(default=())
    # A resume question on a topic the guide has no facts on (cover letters, file formats…).
    not_covered: bool = False

    @property
    def matched(self) -> bool:
        """Whether the question was answered with confidence."""
        return self.entry is not None


@dataclass
class _Profile:
    entry: FaqEntry
    strong: dict[str, float]
    answer: frozenset[str]
    phrases: list[set[str]]
    texts: list[str]


class FaqMatcher:
    """Match questions to FAQ entries; build once, then call ``match`` as often as needed."""

    def __init__(
        self,
        entries: Sequence[FaqEntry],
        synonyms: Mapping[str, Sequence[str]] | None = None,
        threshold: float = 0.35,
        suggestion_floor: float = 0.2,
        not_covered: Sequence[str] = (),
    ) -> None:
        self.entries = tuple(entries)
        # Longest first, whole words: "pdf" in "pdf or word?", never "word" in "keywords".
        topics = sorted((normalize(topic) for topic in not_covered), key=len, reverse=True)
        self._not_covered = (
            re.compile(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, topics)) + r")(?![a-z0-9])")
            if topics
            else None
        )
        self.threshold = threshold
        self.suggestion_floor = suggestion_floor
        self._phrase_synonyms: list[tuple[re.Pattern[str], str]] = []
        self._word_synonyms: dict[str, str] = {}
        for canonical, variants in (synonyms or {}).items():
            for variant in variants:
                words = tokenize(variant)
                if len(words) > 1:
                    pattern = re.compile(
                        r"(?<![a-z0-9])" + r"\s+".join(map(re.escape, words)) + r"(?![a-z0-9])"
                    )
                    self._phrase_synonyms.append((pattern, f" {canonical} "))
                elif words:
                    self._word_synonyms[self._stem(words[0])] = self._stem(canonical)
        self._phrase_synonyms.sort(key=lambda pair: len(pair[0].pattern), reverse=True)

        raw_words: set[str] = set(FILLER)
        for entry in self.entries:
            for text in (entry.question, *entry.phrasings, *entry.keywords, entry.answer):
                raw_words.update(tokenize(text))
        for canonical, variants in (synonyms or {}).items():
            raw_words.update(tokenize(canonical))
            for variant in variants:
                raw_words.update(tokenize(variant))
        self._raw_vocabulary = sorted(w for w in raw_words if len(w) >= 3 and not w.isdigit())
        self._raw_set = frozenset(raw_words)
        self._english = SpellChecker(distance=1).word_frequency

        self._profiles = [self._profile(entry) for entry in self.entries]
        frequency: dict[str, int] = {}
        for profile in self._profiles:
            for token in profile.strong:
                frequency[token] = frequency.get(token, 0) + 1
        count = len(self.entries)
        self._idf = {t: math.log((count + 1) / (f + 0.5)) + 0.5 for t, f in frequency.items()}
        ordered = sorted(self._idf.values())
        # Words met only in answers are vocabulary, not topic markers: weigh them like a
        # common topic word.
        answer_only = {t for p in self._profiles for t in p.answer} - set(self._idf)
        median = ordered[len(ordered) // 2] if ordered else 1.0
        self._idf.update({t: median for t in answer_only})
        # An unknown word is as telling as a fairly rare topic word: it points away from the FAQ.
        self._unknown_weight = ordered[len(ordered) * 3 // 4] if ordered else 1.0

    @classmethod
    def for_role(cls, role: RoleKnowledge) -> FaqMatcher:
        """A matcher over one role's FAQ and synonyms."""
        return cls(role.faq, role.synonyms, not_covered=role.faq_not_covered)

    @staticmethod
    def _stem(word: str) -> str:
        # Short words such as "ats" or "aws" are names, not inflected words.
        return word if len(word) <= 3 else str(_STEMMER.stemWord(word))

    def _terms(self, text: str, correct: bool = False) -> list[str]:
        """Text to stemmed, synonym-folded terms; filler words keep their own spelling."""
        lowered = normalize(text)
        for pattern, canonical in self._phrase_synonyms:
            lowered = pattern.sub(canonical, lowered)
        terms: list[str] = []
        for word in _TOKEN.findall(lowered):
            if correct:
                word = self._correct(word)
            if word in FILLER:
                terms.append(word)
                continue
            stem = self._stem(word)
            terms.append(self._word_synonyms.get(stem, stem))
        return terms

    def _content(self, text: str) -> set[str]:
        return {t for t in self._terms(text) if t not in FILLER}

    def _profile(self, entry: FaqEntry) -> _Profile:
        strong: dict[str, float] = {}
        for text in (entry.question, *entry.phrasings):
            for term in self._content(text):
                strong[term] = 1.0
        for keyword in entry.keywords:
            for term in self._content(keyword):
                strong[term] = KEYWORD_BOOST
        phrases = [self._content(text) for text in (entry.question, *entry.phrasings)]
        return _Profile(
            entry=entry,
            strong=strong,
            answer=frozenset(self._content(entry.answer)),
            phrases=[p for p in phrases if p],
            texts=[normalize(text) for text in (entry.question, *entry.phrasings)],
        )

    def _frequency(self, word: str) -> int:
        """How common a word is in everyday English (0 when unknown)."""
        # pyspellchecker's WordFrequency has no .get().
        return int(self._english[word]) if word in self._english else 0

    def _correct(self, word: str) -> str:
        """Map a misspelt word onto the FAQ's vocabulary when the match is close."""
        if word in self._raw_set or len(word) < 4 or word.isdigit():
            return word
        if self._frequency(word) >= COMMON_WORD_FREQUENCY:
            return word
        cutoff = 75 if len(word) <= 5 else 80
        best = process.extractOne(
            word, self._raw_vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff
        )
        return best[0] if best else word

    def _weight(self, term: str, in_context: bool = False) -> float:
        if term in FILLER or term.isdigit():
            return FILLER_WEIGHT
        if term in self._idf:
            return self._idf[term]
        frequency = self._frequency(term)
        if len(term) <= 3 and frequency < COMMON_WORD_FREQUENCY:
            return FILLER_WEIGHT  # a three-letter non-word is most likely a typo
        # An unknown everyday word ("instead", "care") is glue; a rarer one points off-topic.
        weight = self._unknown_weight * min(1.6, max(0.3, (6.2 - math.log10(frequency + 1)) / 1.5))
        return weight / 2 if in_context else weight

    def _score(self, terms: set[str], profile: _Profile, in_context: bool) -> float:
        content = {t: self._weight(t, in_context) for t in terms if t not in FILLER}
        total = sum(content.values())
        if sum(w for t, w in content.items() if not t.isdigit()) < MIN_CONTENT_WEIGHT:
            return 0.0
        covered = 0.0
        boosted = 0.0
        for term, weight in content.items():
            if term in profile.strong:
                covered += weight
                boosted += weight * profile.strong[term]
            elif term in profile.answer:
                covered += weight * ANSWER_CREDIT
        coverage = covered / total
        # How much of the closest phrasing the question actually says.
        best_phrase = 0.0
        for phrase in profile.phrases:
            phrase_total = sum(self._weight(t) for t in phrase)
            said = sum(self._weight(t) for t in phrase if t in content)
            best_phrase = max(best_phrase, said / phrase_total if phrase_total else 0.0)
        focus = min(boosted / total, 1.5)
        return coverage * (0.55 + 0.25 * best_phrase + 0.2 * focus)

    def rank(self, question: str) -> list[tuple[FaqEntry, float]]:
        """Every entry with its score for this question, best first."""
        words = set(tokenize(question))
        terms = set(self._terms(question, correct=True))
        in_context = bool(words & CONTEXT)
        scored = [(p, self._score(terms, p, in_context)) for p in self._profiles]
        scored.sort(key=lambda pair: pair[1], reverse=True)
        # Among the leaders, the one whose phrasing reads most like the question wins a tie:
        # word order and small words ("instead of", "at each job") carry meaning too.
        asked = normalize(question)
        leaders = [
            (p, s + NEAREST_PHRASING * (max(fuzz.ratio(asked, t) for t in p.texts) / 100 - 0.5))
            for p, s in scored[:LEADERS]
            if s > 0
        ]
        rescored = leaders + scored[len(leaders) :]
        rescored.sort(key=lambda pair: pair[1], reverse=True)
        return [(p.entry, s) for p, s in rescored]

    def match(self, question: str) -> FaqMatch:
        """Answer with the best entry when confident; otherwise offer the closest topics."""
        # Words such as "template" or "format" also occur in real entries, so a question on a
        # topic the guide does not cover would otherwise get a confident, wrong answer.
        if self._not_covered is not None and self._not_covered.search(normalize(question)):
            return FaqMatch(question=question, entry=None, score=0.0, not_covered=True)
        ranked = self.rank(question)
        if not ranked:
            return FaqMatch(question=question, entry=None, score=0.0)
        best, score = ranked[0]
        if score >= self.threshold:
            related = tuple(e for e in self.entries if e.id in best.related)
            return FaqMatch(question=question, entry=best, score=score, suggestions=related)
        close = tuple(e for e, s in ranked[:3] if s >= self.suggestion_floor)
        return FaqMatch(question=question, entry=None, score=score, suggestions=close)
