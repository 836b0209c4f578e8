"""Inline words that make part of a sentence nice to have: "(Azure preferred)", "X is a plus".

A marker covers its own clause, in the direction its words point:

- forwards, from the marker to the end of the clause: "preferably Git", "bonus if you have
  Java skills", "Highly desirable: Kubernetes and Helm", "Ideally Go", "We highly appreciate
  MongoDB", "Considered a plus: tools for: Terraform" (a colon after it does not end it);
- backwards, from the start of the clause to the marker: "PostgreSQL experience is a big plus",
  "Experience with AWS, GCP or Azure is an advantage", "Docker preferred", "Kafka is plus",
  "Helm would be added advantage", "Kubernetes is a valuable addition"; and on past a colon right
  after it, over what the colon lists ("The frontend stack would be a plus: React, Redux");
- inside parentheses, the parentheses only: "Cloud experience (Azure preferred)".

A marker that could point either way ("preferred", "desirable", "a plus") points forwards
when it opens its clause ("Preferred: Go") and backwards otherwise ("Go preferred"); alone in
its clause ("Kafka – nice to have"), it covers the clause before.
"""

from __future__ import annotations

import re

_BE = r"(?:is|are|would be|will be)"
# Words that weigh a plus: "a big plus", "significant advantage".
_WEIGHT = (
    r"(?:big|huge|strong|definite|real|added|additional|major|great|nice|significant|distinct"
    r"|valuable|considerable|serious)"
)
_MARKER = re.compile(
    r"\b(?:"
    r"bonus(?: points)? (?:if|for)|(?:a |big |huge )?plus if|preferabl[ey]|ideally|optionally"
    r"|would be (?:great|nice|a plus|an advantage|awesome|cool|ideal|useful|handy)(?: if)?"
    r"|we(?:'d| would) love (?:it )?if|(?:great|nice|good) if|extra points (?:for|if)"
    r"|(?:would|will) (?:also )?help|(?:would|will|could) give you an? (?:edge|advantage)"
    r"|counts? in your favou?r|would be (?:very |much )?appreciated"
    # "is a big plus", "(big plus)", "would be added advantage", "Docker is plus": without its
    # article a marker needs a word before it, or "Python plus Django" would be one.
    rf"|(?:{_BE} )?(?:an? (?:{_WEIGHT} )?|{_WEIGHT} )(?:plus|bonus|advantage|asset)\b"
    rf"|{_BE} (?:plus|bonus|advantage)\b"
    r"|(?:plus|bonus|advantage)(?=:)"
    rf"|(?:{_BE} )?an? (?:valuable|great|nice|welcome|useful) addition\b"
    # "We highly appreciate Go", not a trait asked for: "You appreciate the value of TDD".
    r"|we(?:'d| would)?(?: also| really| highly| greatly| particularly)* appreciate\b"
    r"|(?:(?:is|are) )?(?:a )?nice[- ]to[- ]have|good[- ]to[- ]have"
    r"|(?:highly |very |strongly )?(?:preferred|desirable|desired|advantageous)"
    r"|(?:is|are) (?:very |much |also |strongly )?(?:welcome|appreciated|encouraged)"
    r"|(?:(?:is|are|would be) )?(?:very |also )?(?:helpful|beneficial)|great to have"
    r"|not (?:necessary|essential|mandatory|a requirement)"
    r"|(?:(?:is|are) )?(?:optional|not required|not a must)"
    r")",
    re.IGNORECASE,
)
# Markers whose words only point forwards: "preferably Git", "bonus if you have Java".
_FORWARD = re.compile(
    r"^(?:bonus|preferabl|ideally|optionally|extra points)|\bif$|appreciate$", re.IGNORECASE
)
# Words before a marker that name nothing it could cover: "It would be great to have Go",
# "Considered a plus: Kafka", "We highly appreciate Go".
_FILLER = re.compile(
    r"\b(?:it(?:'s| is)?|this|that|also|and|(?:is |are )?considered|we)\b", re.IGNORECASE
)
# Where a clause ends: a semicolon, a dash between words, a colon, ", but", ", while".
_BOUNDARY = re.compile(r";|\s[–—-]\s|:\s|,\s+(?:but|while|whereas|although)\b", re.IGNORECASE)
# A word that says the rest of the clause before it is required: "Python is required".
_REQUIRED_WORD = re.compile(r"\b(?:required|must|mandatory|essential)\b", re.IGNORECASE)
# An "advantage" that is a verb's object, not a marker: "take advantage of".
_NOT_A_MARKER = re.compile(r"(?:take|taking|took|takes)\s+$", re.IGNORECASE)


def nice_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """The character ranges of ``sentence`` that its inline markers make nice to have."""
    spans: list[tuple[int, int]] = []
    for found in _MARKER.finditer(sentence):
        start, end = found.span()
        if _NOT_A_MARKER.search(sentence[:start]):
            continue
        inside = _parenthesis(sentence, start)
        clause_start = _clause_start(sentence, start)
        if inside is not None:
            # "(Azure preferred)" covers Azure; "Kafka (nice to have)" covers what it follows.
            rest = sentence[inside[0] : start] + sentence[end : inside[1]]
            alone = not rest.strip(" ,.;:-")
            item_start = _item_start(sentence, clause_start, inside[0])
            if alone and _closes_a_list(sentence, clause_start, inside):
                item_start = clause_start
            spans.append((item_start, inside[1]) if alone else inside)
            continue
        clause_end = _clause_end(sentence, end)
        before = _FILLER.sub("", sentence[clause_start:start]).strip(_PUNCTUATION)
        after = sentence[end:clause_end].strip(_PUNCTUATION)
        if _FORWARD.search(found.group(0)) or (not before and after):
            # Forwards, a colon introduces what the marker covers ("a plus: tools for: Kafka").
            spans.append((start, _clause_end(sentence, end, forwards=True)))
            continue
        if not before and clause_start > 0:
            # "Kafka – nice to have": a marker alone in its clause covers the clause before.
            clause_start = _clause_start(sentence, clause_start - 1)
        required = list(_REQUIRED_WORD.finditer(sentence, clause_start, start))
        if sentence[end:].lstrip().startswith(":"):
            # "The frontend stack would be a plus: React, Redux": and what the colon lists.
            end = _clause_end(sentence, end, forwards=True)
        spans.append((required[-1].end() if required else clause_start, end))
    return tuple(spans)


def _closes_a_list(sentence: str, clause_start: int, inside: tuple[int, int]) -> bool:
    """Whether "(nice to have)" ends a whole list, as in "Vue.js, React, and SQL (a plus)".

    After a list closed by "and" or "or", at the end of the sentence, the marker speaks of
    the list; inside one ("Go, Kafka (a plus) and Redis") or after an open one ("Laravel,
    Redis, Node.js (big plus)"), of its own item.
    """
    last = not sentence[inside[1] :].strip(" ).;:")
    return last and bool(_CLOSING_CONJUNCTION.search(sentence, clause_start, inside[0]))


def _parenthesis(sentence: str, at: int) -> tuple[int, int] | None:
    """The parentheses around ``at``, if the marker is inside a pair of them."""
    opened = sentence.rfind("(", 0, at)
    if opened == -1 or sentence.rfind(")", 0, at) > opened:
        return None
    closed = sentence.find(")", at)
    return (opened + 1, closed if closed != -1 else len(sentence))


_PUNCTUATION = " ,.;:()*-–—•"
_CLOSING_CONJUNCTION = re.compile(r",\s*(?:and|or)\s|\w\s(?:and|or)\s(?=[^,]*\($)")
_LIST_SEPARATOR = re.compile(r",\s*|\s(?:and|or)\s")


def _item_start(sentence: str, clause_start: int, at: int) -> int:
    """Where the list item before ``at`` starts: "Go, Kafka (a plus)" covers only Kafka."""
    separators = [m.end() for m in _LIST_SEPARATOR.finditer(sentence, clause_start, at)]
    return separators[-1] if separators else clause_start


def _clause_start(sentence: str, at: int) -> int:
    starts = [m.end() for m in _BOUNDARY.finditer(sentence, 0, at)]
    return starts[-1] if starts else 0


def _clause_end(sentence: str, at: int, forwards: bool = False) -> int:
    found = _BOUNDARY.search(sentence, at)
    # "Nice to have: Redis": the colon right after a marker introduces what it covers.
    if found is not None and not sentence[at : found.start()].strip():
        found = _BOUNDARY.search(sentence, found.end())
    while forwards and found is not None and found.group(0).startswith(":"):
        found = _BOUNDARY.search(sentence, found.end())
    return found.start() if found is not None else len(sentence)
