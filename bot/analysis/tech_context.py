"""Whether a name that is also a letter or a word is meant as a technology where it stands.

"C", "R", "Go", "Make", "Express" and "Spring" name technologies, and also a grade, a letter, a
verb or a season. In a skills list they are taken as written (``SkillIndex.resolve``); in
running text a one-letter name always needs the words around it to say it is a technology, and
a name that is an everyday word needs them when it opens a sentence, where every word has its
capital ("Make business decisions", "Spring into action"); a spelling the taxonomy lists as a word
even with its capital ("Play", "Render") needs them wherever it stands. What says so:

- a list of technologies around it: "C, C++ and Python", "Go/Rust", "Languages: C";
- a word before it that introduces a tool: "written in C", "experience with R", "using Go";
- a word after it that only a technology takes: "Go developer", "C library", "R scripts".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Words before a name that make it a tool: "in Go", "with R", "using C", "such as Go".
_TOOL_BEFORE = frozenset(
    "in with using use uses via on including like plus languages language written coded "
    "programmed programming knowledge experience proficiency proficient expertise".split()
)
# Words that, with "of", introduce a tool: "understanding of OTP", "knowledge of C".
_GRASP = frozenset(
    "understanding knowledge experience use command mastery familiarity proficiency".split()
)
# Words after a name that only a technology takes: "Go developer", "C code", "R scripts".
_TOOL_AFTER = frozenset(
    """
    developer developers engineer engineers programmer programmers programming code codebase
    codebases coding language library libraries framework frameworks sdk sdks backend backends
    service services microservice microservices app apps application applications api apis
    server servers runtime compiler compilers module modules binding bindings extension
    extensions script scripts scripting tooling ecosystem stack project projects experience
    skills proficiency expertise knowledge developement development test tests toolchain
    program programs is was
    """.split()
)
# Words before a single letter that make it a letter: "a C grade", "Plan B", "Series C".
_LETTER_BEFORE = frozenset(
    "a an plan series vitamin grade grades type class section level part option phase round "
    "tier group block floor room building unit row column".split()
)
_LIST_SEPARATOR = frozenset({",", "/", "&", "+", "|", ";", "(", ")", ",("})
_JOINING_WORDS = frozenset({"and", "or", "&"})
_VERSION = re.compile(r"^\d[\d.]*$")
# Where a sentence starts: nothing before, or the end of one, a colon, a list mark or a line.
_SENTENCE_START = re.compile(r"(?:^|[.!?;:\n•▪·*–—]|^\s*-|\n\s*-)\s*$")


def at_sentence_start(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a line or a list item."""
    return bool(_SENTENCE_START.search(text[max(0, start - 8) : start])) or start == 0


def _separator(text: str, end: int, start: int) -> str:
    return text[end:start].strip()


def _glued(text: str, start: int, end: int) -> bool:
    """A letter glued to '&' or an apostrophe is an abbreviation ("R&D", "Q&A"), not a name."""
    before = text[start - 1 : start]
    after = text[end : end + 1]
    return before in {"&", "'", "’"} or after in {"&", "'", "’"}


def in_tech_context(
    text: str,
    tokens: Sequence[tuple[str, int]],
    first: int,
    last: int,
    techs: frozenset[int],
) -> bool:
    """Whether the name spanning tokens ``first``..``last`` is meant as a technology.

    ``techs`` holds the indices of tokens already known to name technologies: a name in a list
    with one of them is one too.
    """
    word, start = tokens[first]
    end = tokens[last][1] + len(tokens[last][0])
    single = len(word) == 1
    if single and _glued(text, start, end):
        return False
    if not text[:start].strip(" -*•(\"'") and not text[end:].strip(" .;,:!)\"'"):
        return True  # the whole item is the name: a list item
    # A verb or a letter opening a sentence goes on with words; a name may stop at a comma:
    # "Rust, which we use for agents", "Go (1.22)".
    if text[end : end + 1] in {",", ":", "("} and at_sentence_start(text, start):
        return True
    before = [t.casefold() for t, _ in tokens[max(0, first - 2) : first]]
    after = tokens[last + 1][0].casefold() if last + 1 < len(tokens) else ""
    if after in _TOOL_AFTER or _VERSION.match(after):
        return True
    if single and before and before[-1] in _LETTER_BEFORE:
        return False
    if before and (before[-1] in _TOOL_BEFORE or before[-2:] == ["such", "as"]):
        return True
    if len(before) == 2 and before[1] == "of" and before[0] in _GRASP:
        return True  # "understanding of OTP", "knowledge of C"
    return listed_with_technology(text, tokens, first, last, techs)


def listed_with_technology(
    text: str,
    tokens: Sequence[tuple[str, int]],
    first: int,
    last: int,
    techs: frozenset[int],
) -> bool:
    """Whether a list around the name holds a technology, or a label introduces it alone.

    "C, C++", "R and Python", "Languages: C".
    """
    start = tokens[first][1]
    end = tokens[last][1] + len(tokens[last][0])
    # Backwards: "Python, C" or "Python and C".
    if first > 0:
        previous, p_start = tokens[first - 1]
        gap = _separator(text, p_start + len(previous), start)
        if gap in _LIST_SEPARATOR and first - 1 in techs:
            return True
        if previous.casefold() in _JOINING_WORDS and not gap and first - 2 in techs:
            return True
        if gap.endswith(":"):
            following = _separator(text, end, tokens[last + 1][1]) if last + 1 < len(tokens) else ""
            if last + 1 >= len(tokens) or following[:1] in {",", ";", "/", "."}:
                return True
    # Forwards: "C, Python" or "C and Python".
    if last + 1 < len(tokens):
        following_word, n_start = tokens[last + 1]
        gap = _separator(text, end, n_start)
        if gap in _LIST_SEPARATOR and last + 1 in techs:
            return True
        if following_word.casefold() in _JOINING_WORDS and not gap and last + 2 in techs:
            return True
    return False


_LIST_PUNCTUATION = re.compile(r"[\s,/&;()+|.:-]*")


def only_names(text: str, tokens: Sequence[tuple[str, int]], names: frozenset[int]) -> bool:
    """Whether a text is nothing but a list of the names at ``names`` ("Go and C", "C, R")."""
    position = 0
    for index, (word, start) in enumerate(tokens):
        if not _LIST_PUNCTUATION.fullmatch(text[position:start]):
            return False
        if index not in names and word.casefold() not in _JOINING_WORDS:
            return False
        position = start + len(word)
    return bool(_LIST_PUNCTUATION.fullmatch(text[position:]))
