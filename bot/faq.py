"""Answer free-form questions from the FAQ: weighted, typo-tolerant matching with rapidfuzz.

A short question is scored as a whole. A long one (a paragraph of someone's story with a question in
it, as people write on forums) is read clause by clause (``bot.faq_text``): the sentences that ask
weigh most, the rest counts only through words the FAQ knows, and a message that never mentions the
job search is turned down whatever it shares with an entry.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from bot.faq_rules import clear_lead, focus_leads, offer_talk
from bot.faq_text import (
    CONTEXT,
    FILLER,
    NEUTRAL_ANCHORS,
    Asked,
    normalize,
    off_resume,
    read,
    read_short,
    tokenize,
)
from bot.faq_vocab import COMMON_WORD_FREQUENCY, Vocabulary
from bot.knowledge import FaqEntry, RoleKnowledge

__all__ = ["FaqMatch", "FaqMatcher", "normalize", "tokenize"]

FILLER_WEIGHT = 0.15
MIN_CONTENT_WEIGHT = 0.5
NEAREST_PHRASING = 0.4
LEADERS = 5
KEYWORD_BOOST = 1.5
ANSWER_CREDIT = 0.5
# In a long message, a word outside the sentences that ask says less about the topic.
CONTEXT_WEIGHT = 0.35
# A later question in the same message, often a detail of the first.
FOLLOW_WEIGHT = 0.75
# A phrasing word's strength in a long message: the floor, reaching 1 once a third of the entry's
# phrasings use it.
SETTLED_FLOOR = 0.35
NEUTRAL_WEIGHT = 0.3
SUPPORT_WEIGHT = 0.5
# A long message is answered only when its best entry clearly leads: the story around a question
# spreads small scores over several entries, and a near tie is a guess.
LONG_MARGIN = 1.35
# A smaller lead is enough when one of the sentences that ask, read alone as a short question,
# is answered with the same entry: the story and the question then agree.
AGREE_MARGIN = 1.1
AGREE_SENTENCES = 3
# The first sentence that asks, read alone, outweighs the story when it names another entry this
# clearly (well above the short-question threshold): the answer is then withheld.
VETO_SCORE = 0.6
# (unless the whole story leads clearly: ``bot.faq_rules.clear_lead``).
# The first sentence that asks decides between the two leaders when, read alone, it prefers one of
# them this clearly over every other entry.
LEAD_MARGIN = 1.5
SETTLED_SHARE = 3.0
# A long message whose sentences that ask name the best entry's own topic word ("what do you
# write in cover letters?") is answered below the long threshold when that entry clearly leads:
# many words in a long story dilute the score without making the question less direct. The floor
# only keeps a near-zero score from being answered.
NAMED_FLOOR = 0.08
NEAR_BEST = 0.75


@dataclass(frozen=True)
class FaqMatch:
    """The outcome of matching one question."""

    question: str
    entry: FaqEntry | None
    score: float
    suggestions: tuple[FaqEntry, ...] = field(default=())
    # A resume question on a topic nothing here answers (publications…).
    not_covered: bool = False

    @property
    def matched(self) -> bool:
        """Whether the question was answered with confidence."""
        return self.entry is not None


@dataclass
class _Profile:
    entry: FaqEntry
    strong: dict[str, float]
    # For long messages: a word from one phrasing out of twelve counts less than one the entry
    # keeps coming back to, so a stray "two" or "time" in a phrasing decides nothing.
    settled: dict[str, float]
    answer: frozenset[str]
    # Each phrasing's terms with their weights, and the weights' total, computed once.
    phrases: list[tuple[dict[str, float], float]]
    texts: list[str]
    # Its topic words have everyday meanings ("photo", "font"): only a question that names the
    # job search is scored against it.
    everyday: bool
    # For each term, the phrasings that use it (by index) with its weight there.
    by_term: dict[str, list[tuple[int, float]]] = field(default_factory=dict)

    # Every word that can score for it: its topic words and its answer's.
    known: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.known = frozenset(self.strong) | self.answer
        for at, (weights, _) in enumerate(self.phrases):
            for term, weight in weights.items():
                self.by_term.setdefault(term, []).append((at, weight))

    def closest_phrase(self, asked: Iterable[str]) -> float:
        """How much of its closest phrasing the question says, 0 to 1."""
        said = [0.0] * len(self.phrases)
        for term in asked:
            for at, weight in self.by_term.get(term, ()):
                said[at] += weight
        return max((s / self.phrases[at][1] for at, s in enumerate(said)), default=0.0)


def _nearest(asked_text: str, profile: _Profile) -> float:
    """How closely the entry's nearest phrasing reads like the question, 0 to 1."""
    return max(fuzz.ratio(asked_text, text) for text in profile.texts) / 100


def _may_score(profile: _Profile, content: dict[str, float], everyday: bool) -> bool:
    """Whether a profile can score at all: one sharing no word with the question cannot."""
    return (everyday or not profile.everyday) and not profile.known.isdisjoint(content)


class FaqMatcher:
    """Match questions to FAQ entries; build once, then call ``match`` as often as needed."""

    def __init__(
        self,
        entries: Sequence[FaqEntry],
        synonyms: Mapping[str, Sequence[str]] | None = None,
        threshold: float = 0.35,
        long_threshold: float = 0.2,
        suggestion_floor: float = 0.2,
        not_covered: Sequence[str] = (),
    ) -> None:
        self.entries = tuple(entries)
        # Longest first, whole words: a phrase wins over a shorter topic inside it.
        topics = sorted((normalize(topic) for topic in not_covered), key=len, reverse=True)
        self._not_covered = (
            re.compile(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, topics)) + r")(?![a-z0-9])")
            if topics
            else None
        )
        self.threshold = threshold
        # Long messages spread their weight over more words, so a lower score is as telling.
        self.long_threshold = long_threshold
        self.suggestion_floor = suggestion_floor
        texts = [
            text
            for entry in self.entries
            for text in (entry.question, *entry.phrasings, *entry.keywords, entry.answer)
        ]
        self._vocabulary = Vocabulary(texts, synonyms or {})
        self._neutral = frozenset(
            term for word in NEUTRAL_ANCHORS for term in self._vocabulary.terms(word)
        )

        strong = [self._strong(entry) for entry in self.entries]
        frequency: dict[str, int] = {}
        for terms in strong:
            for token in terms:
                frequency[token] = frequency.get(token, 0) + 1
        count = len(self.entries)
        self._idf = {t: math.log((count + 1) / (f + 0.5)) + 0.5 for t, f in frequency.items()}
        ordered = sorted(self._idf.values())
        # Words met only in answers are vocabulary, not topic markers: weigh them like a
        # common topic word.
        answers = [frozenset(self._content(entry.answer)) for entry in self.entries]
        median = ordered[len(ordered) // 2] if ordered else 1.0
        self._idf.update({t: median for t in frozenset().union(*answers) - set(self._idf)})
        # An unknown word is as telling as a fairly rare topic word: it points away from the FAQ.
        self._unknown_weight = ordered[len(ordered) * 3 // 4] if ordered else 1.0
        # Words of the questions, phrasings and keywords (not of the answers).
        self._topical = frozenset(t for terms in strong for t in terms)
        self._keywords = frozenset(
            t for terms in strong for t, boost in terms.items() if boost >= KEYWORD_BOOST
        )
        self._profiles = [
            self._profile(entry, terms, answer)
            for entry, terms, answer in zip(self.entries, strong, answers, strict=True)
        ]

    @classmethod
    def for_role(cls, role: RoleKnowledge) -> FaqMatcher:
        """A matcher over one role's FAQ and synonyms."""
        return cls(role.faq, role.synonyms, not_covered=role.faq_not_covered)

    def _content(self, text: str) -> set[str]:
        return {t for t in self._vocabulary.terms(text) if t not in FILLER}

    def _strong(self, entry: FaqEntry) -> dict[str, float]:
        strong: dict[str, float] = {}
        for text in (entry.question, *entry.phrasings):
            for term in self._content(text):
                strong[term] = 1.0
        for keyword in entry.keywords:
            for term in self._content(keyword):
                strong[term] = KEYWORD_BOOST
        return strong

    def _profile(
        self, entry: FaqEntry, strong: dict[str, float], answer: frozenset[str]
    ) -> _Profile:
        phrases = []
        for text in (entry.question, *entry.phrasings):
            weights = {t: self._weight(t) for t in self._content(text)}
            if weights:
                phrases.append((weights, sum(weights.values())))
        settled = {}
        for term, strength in strong.items():
            if strength >= KEYWORD_BOOST:
                settled[term] = strength
                continue
            share = sum(term in weights for weights, _ in phrases) / max(len(phrases), 1)
            settled[term] = SETTLED_FLOOR + (1 - SETTLED_FLOOR) * min(1.0, share * SETTLED_SHARE)
        return _Profile(
            entry=entry,
            strong=strong,
            settled=settled,
            answer=answer,
            phrases=phrases,
            texts=[normalize(text) for text in (entry.question, *entry.phrasings)],
            everyday=entry.everyday_words,
        )

    def _weight(self, term: str, in_context: bool = False) -> float:
        if term in FILLER or term.isdigit():
            return FILLER_WEIGHT
        if term in self._idf:
            return self._idf[term]
        frequency = self._vocabulary.frequency(term)
        if len(term) <= 3 and frequency < COMMON_WORD_FREQUENCY:
            return FILLER_WEIGHT  # a three-letter non-word is most likely a typo
        # An unknown everyday word ("instead", "care") is glue; a rarer one points off-topic.
        weight = self._unknown_weight * min(1.6, max(0.3, (6.2 - math.log10(frequency + 1)) / 1.5))
        return weight / 2 if in_context else weight

    def _score(self, content: dict[str, float], profile: _Profile, long: bool = False) -> float:
        """How well the weighted terms of a question fit one entry.

        The question's content weighs at least MIN_CONTENT_WEIGHT (``_scores`` checks it).
        """
        covered = 0.0
        boosted = 0.0
        strengths = profile.settled if long else profile.strong
        # Set intersections run in C: only the question's words the entry knows are visited.
        asked = content.keys()
        for term in asked & strengths.keys():
            weight, strength = content[term], strengths[term]
            covered += weight * min(strength, 1.0)
            boosted += weight * strength
        for term in (asked & profile.answer) - strengths.keys():
            covered += content[term] * ANSWER_CREDIT
        if not covered:
            return 0.0
        total = sum(content.values())
        coverage = covered / total
        # How much of the closest phrasing the question actually says.
        best_phrase = profile.closest_phrase(asked & profile.by_term.keys())
        focus = min(boosted / total, 1.5)
        return coverage * (0.55 + 0.25 * best_phrase + 0.2 * focus)

    def _scores(self, content: dict[str, float], long: bool, everyday: bool) -> list[float]:
        """Every profile's score; nothing for a question with too little content to judge."""
        if sum(w for t, w in content.items() if not t.isdigit()) < MIN_CONTENT_WEIGHT:
            return [0.0] * len(self._profiles)
        return [
            self._score(content, p, long) if _may_score(p, content, everyday) else 0.0
            for p in self._profiles
        ]

    def _short_content(self, question: str) -> dict[str, float]:
        terms = set(self._vocabulary.terms(question, correct=True))
        in_context = not CONTEXT.isdisjoint(tokenize(question))
        return {t: self._weight(t, in_context) for t in terms if t not in FILLER}

    def _long_content(self, asked: Asked) -> dict[str, float]:
        """A long message's terms: the asking clause in full, the story where it is on topic."""
        focus = set(self._vocabulary.terms(asked.focus, correct=True))
        lead = set(self._vocabulary.terms(asked.lead, correct=True))
        content: dict[str, float] = {}
        for word, term in self._vocabulary.pairs(asked.text, correct=True):
            # Personal context ("my parents", "the pandemic") is dropped, not counted against
            # the match: only words some entry knows say what the message is about.
            if term in FILLER or term.isdigit() or term not in self._idf:
                continue
            weight = self._idf[term] * self._vocabulary.rarity(word)
            if term not in self._keywords:
                # Nobody's keyword ("avoid", "consider"): a supporting word, not a topic.
                weight *= SUPPORT_WEIGHT
            if word in NEUTRAL_ANCHORS or term in self._neutral:
                # "resume", "employer": they place the message in a job search, not in an entry.
                weight *= NEUTRAL_WEIGHT
            if term not in focus:
                weight *= CONTEXT_WEIGHT
            elif term not in lead:
                weight *= FOLLOW_WEIGHT
            content[term] = max(content.get(term, 0.0), weight)
        return content

    def _ranked(self, asked: Asked) -> tuple[list[tuple[FaqEntry, float]], bool]:
        """Every entry with its score, best first, and whether it was read as a long message."""
        # A long message that never names the job search is judged by its asking clause alone,
        # as a short question: the unknown words of its story then count against every entry.
        long = asked.long and asked.anchored
        if asked.long and not long and not asked.focus_in_job_search:
            # A story about a boss or a lunch break that asks "what's the matter with her?".
            return [(p.entry, 0.0) for p in self._profiles], False
        text = asked.text if long or not asked.long else asked.focus
        content = self._long_content(asked) if long else self._short_content(text)
        # "What font should I use?" is a resume question in this chat; "a font for my wedding
        # invitation" is not: without a word of the job search, an everyday topic needs every
        # word of the question to be one the FAQ knows.
        everyday = asked.in_job_search or all(
            t in self._topical or w <= FILLER_WEIGHT for t, w in content.items()
        )
        scored = list(zip(self._profiles, self._scores(content, long, everyday), strict=True))
        scored.sort(key=lambda pair: pair[1], reverse=True)
        # The leader whose phrasing reads most like the question wins a tie ("instead of").
        asked_text = normalize(asked.focus)
        leaders = [
            (p, s + NEAREST_PHRASING * (_nearest(asked_text, p) - 0.5))
            for p, s in scored[:LEADERS]
            if s > 0
        ]
        rescored = leaders + scored[len(leaders) :]
        rescored.sort(key=lambda pair: pair[1], reverse=True)
        return [(p.entry, s) for p, s in rescored], long

    def _sentence_answers(self, asked: Asked) -> Iterator[tuple[FaqEntry, float, float]]:
        """Each sentence that asks, read alone as a short question: best entry, score and lead."""
        for sentence in asked.asking[:AGREE_SENTENCES]:
            ranked, _ = self._ranked(read_short(sentence))
            if ranked:
                runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
                yield ranked[0][0], ranked[0][1], ranked[0][1] / max(runner_up, 1e-9)

    def _long_answer(
        self, asked: Asked, ranked: list[tuple[FaqEntry, float]]
    ) -> tuple[tuple[FaqEntry, float] | None, FaqEntry | None]:
        """The entry a long message is safely answered with (or None), and an entry to suggest.

        The first sentence that asks, read alone, speaks for the question; the whole message also
        weighs the story around it. When that sentence clearly names one of the two leaders of the
        whole message, it decides between them. When it clearly names another entry, the story
        and the question pull apart: nothing is answered, and that entry is suggested first.
        Otherwise the best entry must clearly lead the runner-up; a smaller lead will do when a
        sentence that asks names it too.
        """
        best, score = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        if score < self.threshold and not self._names_topic(asked.focus, self._topical):
            return None, None  # "Was I rude?" after a story: the story must score as a question
        readings = self._sentence_answers(asked)
        lead = next(readings, None)
        if lead is not None:
            entry, value, margin = lead
            if value >= self.threshold and margin >= LEAD_MARGIN:
                for leader, leader_score in ranked[:2]:
                    if leader is entry and leader_score >= self.long_threshold:
                        return (leader, leader_score), None
            if entry is not best and value >= VETO_SCORE and not clear_lead(entry, ranked):
                return None, entry
        named = score >= NAMED_FLOOR and self._names(asked, best)
        if named and score >= LONG_MARGIN * runner_up:
            return (best, score), None
        if score < self.long_threshold or score < AGREE_MARGIN * runner_up:
            return None, None
        if score >= LONG_MARGIN * runner_up:
            return (best, score), None
        agree = itertools.chain([lead] if lead else [], readings)
        if any(entry is best and value >= self.threshold for entry, value, _ in agree):
            return (best, score), None
        return None, None

    def _names(self, asked: Asked, entry: FaqEntry) -> bool:
        """Whether the sentences that ask name one of the entry's own topic words."""
        profile = next(p for p in self._profiles if p.entry is entry)
        own = {t for t, b in profile.strong.items() if b >= KEYWORD_BOOST} - self._neutral
        return not own.isdisjoint(self._vocabulary.terms(asked.focus, correct=True))

    def _names_topic(self, text: str, words: frozenset[str] | None = None) -> bool:
        """Whether the text uses an entry's keyword ("gap", "visa"), or one of ``words``."""
        known = (self._keywords if words is None else words) - self._neutral
        return not known.isdisjoint(self._vocabulary.terms(text, correct=words is not None))

    def rank(self, question: str) -> list[tuple[FaqEntry, float]]:
        """Every entry with its score for this question, best first."""
        return self._ranked(read(question))[0]

    def match(self, question: str) -> FaqMatch:
        """Answer with the best entry when confident; otherwise offer the closest topics."""
        asked = read(question)
        # A topic nothing here answers, named where the question asks (the whole of a short one),
        # is said to be outside what the coach knows rather than given the nearest entry.
        if self._not_covered is not None and self._not_covered.search(normalize(asked.focus)):
            return FaqMatch(question=question, entry=None, score=0.0, not_covered=True)
        # Negotiating an offer or answering in an interview is the job search, not the resume:
        # declined unless the asking clause also names a topic of the FAQ ("a gap").
        off = off_resume(asked.focus)
        if off and not self._names_topic(asked.focus):
            return FaqMatch(question=question, entry=None, score=0.0)
        ranked, long = self._ranked(asked)
        if not ranked:
            return FaqMatch(question=question, entry=None, score=0.0)
        best, score = ranked[0]
        answer, hint = self._long_answer(asked, ranked) if long else (ranked[0], None)
        leads = focus_leads(asked, ranked, self.long_threshold)
        talk = answer is not None and offer_talk(answer[0], asked.focus, off)
        confident = (long or score >= self.threshold or leads) and not talk
        if answer is not None and confident:
            best, score = answer
            related = tuple(e for e in self.entries if e.id in best.related)
            return FaqMatch(question=question, entry=best, score=score, suggestions=related)
        # A long message spreads its score over many words: its floor is as much lower as its
        # threshold is, and only entries near the best are offered.
        floor = self.suggestion_floor
        if long:
            floor = max(floor * self.long_threshold / self.threshold, score * NEAR_BEST)
        close = [e for e, s in ranked[:3] if s >= floor]
        if hint is not None:
            close = [hint, *(e for e in close if e is not hint)][:3]
        return FaqMatch(question=question, entry=None, score=score, suggestions=tuple(close))
