"""Everyday English words, so that no ordinary word is taken for a misspelt technology.

"median" is one letter away from Debian and "linked" from Linkerd: a word people write every
day is never guessed to be a typo of a technology's name. The list is pyspellchecker's word
frequencies (the FAQ reads them too), loaded once, on the first guess, and kept as a set.
"""

from __future__ import annotations

from functools import cache

from spellchecker import SpellChecker

# How often a word must occur in the frequency list to count as everyday English; the same bar
# as the FAQ's typo correction (bot.faq_vocab.COMMON_WORD_FREQUENCY). Technologies that are
# also in the list ("docker", "debian") occur far less often than this.
COMMON_WORD_FREQUENCY = 100


@cache
def _common_words() -> frozenset[str]:
    # Only the common words are kept: a third of the list, and no per-word counts.
    counts = SpellChecker(distance=1).word_frequency.dictionary
    return frozenset(word for word, count in counts.items() if count >= COMMON_WORD_FREQUENCY)


def is_everyday_word(word: str) -> bool:
    """Whether a word (any case) is common English: "documents", "median", "linked"."""
    return word.casefold() in _common_words()
