"""Names that share a word with their neighbours: "unit and integration tests", "Spring (Boot)".

A list of modifiers shares its noun; a family's name is shared by the products in parentheses
after it.
"""

from __future__ import annotations

import re

from bot.knowledge import Skill

_JOINING = frozenset({"and", "or", "&"})
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:(?:and|or|&)\s+)?|(?:and|or|&)\s+)", re.IGNORECASE)
_MODIFIERS_MAX = 6


def _modifiers(text: str, tokens: list[tuple[str, int]], head: int) -> list[int]:
    """The words a coordinated list puts before a noun: "clean, reusable, and testable code"."""

    def end(n: int) -> int:
        return tokens[n][1] + len(tokens[n][0])

    if head < 1 or text[end(head - 1) : tokens[head][1]].strip():
        return []
    found = [head - 1]
    while len(found) < _MODIFIERS_MAX:
        before = found[-1] - 1
        if before >= 0 and tokens[before][0].casefold() in _JOINING:
            before -= 1
        if before < 0 or not _LIST_GAP.fullmatch(text[end(before) : tokens[found[-1]][1]]):
            break
        found.append(before)
    return found


def shared_heads(
    text: str,
    tokens: list[tuple[str, int]],
    phrases: list[str],
    by_phrase: dict[str, Skill],
    heads: frozenset[str],
) -> list[tuple[Skill, str, int]]:
    """Spellings whose noun a list of modifiers shares: "unit and integration tests".

    "clean, reusable, and testable code" names clean code. Each comes with its skill, the words
    as written and the index of its modifier.
    """
    out: list[tuple[Skill, str, int]] = []
    for head in (n for n, phrase in enumerate(phrases) if phrase in heads):
        for word in _modifiers(text, tokens, head)[1:]:
            skill = by_phrase.get(f"{phrases[word]} {phrases[head]}")
            if skill is not None:
                out.append((skill, f"{tokens[word][0]} {tokens[head][0]}", word))
    return out


# "Spring (Core, Boot, MVC)": a family's name, then its products' second words in parentheses.
_PRODUCTS = re.compile(r"\s*\(([^()]{1,120})\)")
_PRODUCTS_MAX = 8


def shared_families(
    text: str,
    tokens: list[tuple[str, int]],
    phrases: list[str],
    by_phrase: dict[str, Skill],
) -> list[tuple[Skill, str, int]]:
    """Products named by their second word after their family's: "Spring (Boot, Security)".

    Each comes with its skill, the words as the lexicon joins them and the family's index.
    """
    out: list[tuple[Skill, str, int]] = []
    for at, (word, start) in enumerate(tokens):
        listed = _PRODUCTS.match(text, start + len(word))
        if listed is None:
            continue
        for item in re.split(r",|/|\band\b|\bor\b", listed.group(1))[:_PRODUCTS_MAX]:
            second = " ".join(item.split()).casefold()
            skill = by_phrase.get(f"{phrases[at]} {second}") if second else None
            if skill is not None:
                out.append((skill, f"{word} {item.strip()}", at))
    return out


def shared_names(
    text: str,
    tokens: list[tuple[str, int]],
    phrases: list[str],
    by_phrase: dict[str, Skill],
    heads: frozenset[str],
) -> list[tuple[Skill, str, int]]:
    """Both kinds of shared names: a noun shared by modifiers, a family shared by products."""
    found = shared_heads(text, tokens, phrases, by_phrase, heads)
    return found + shared_families(text, tokens, phrases, by_phrase)
