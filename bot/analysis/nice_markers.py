"""Inline words that make part of a sentence nice to have: "(Azure preferred)", "X is a plus".

A marker covers its own clause, in the direction its words point:

- forwards, from the marker to the end of the clause: "preferably Git", "bonus if you have
  Java skills", "Highly desirable: Kubernetes and Helm", "Ideally Go";
- backwards, from the start of the clause to the marker: "PostgreSQL experience is a big plus",
  "Experience with AWS, GCP or Azure is an advantage", "Docker preferred";
- inside parentheses, the parentheses only: "Cloud experience (Azure preferred)".

A marker that could point either way ("preferred", "desirable", "a plus") points forwards
when it opens its clause ("Preferred: Go") and backwards otherwise ("Go preferred").
"""

from __future__ import annotations

import re

_MARKER = re.compile(
    r"\b(?:"
    r"bonus(?: points)? (?:if|for)|(?:a |big |huge )?plus if|preferabl[ey]|ideally|optionally"
    r"|would be (?:great|nice|a plus|an advantage)(?: if)?"
    r"|(?:(?:is|are|would be) )?an? (?:big |huge |strong |definite |real |added |major )?"
    r"(?:plus|bonus|advantage|asset)\b"
    r"|(?:plus|bonus|advantage)(?=:)"
    r"|(?:(?:is|are) )?(?:a )?nice[- ]to[- ]have|good to have"
    r"|(?:highly |very |strongly )?(?:preferred|desirable|desired|advantageous)"
    r"|(?:is|are) (?:very |much |also )?(?:welcome|appreciated)"
    r"|(?:(?:is|are) )?(?:optional|not required|not mandatory|not a must)"
    r")",
    re.IGNORECASE,
)
# Markers whose words only point forwards ("preferably Git") or only backwards ("is a plus").
_FORWARD = re.compile(
    r"^(?:bonus|(?:a |big |huge )?plus if|preferabl|ideally|optionally|would be)", re.IGNORECASE
)
_BACKWARD = re.compile(r"^(?:is|are) ", re.IGNORECASE)
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
        if inside is not None:
            spans.append(inside)
            continue
        clause_start = _clause_start(sentence, start)
        clause_end = _clause_end(sentence, end)
        marker = found.group(0)
        opening = not sentence[clause_start:start].strip(" ,.(*-•")
        if _FORWARD.match(marker) or (opening and not _BACKWARD.match(marker)):
            spans.append((start, clause_end))
        else:
            required = list(_REQUIRED_WORD.finditer(sentence, clause_start, start))
            spans.append((required[-1].end() if required else clause_start, end))
    return tuple(spans)


def _parenthesis(sentence: str, at: int) -> tuple[int, int] | None:
    """The parentheses around ``at``, if the marker is inside a pair of them."""
    opened = sentence.rfind("(", 0, at)
    if opened == -1 or sentence.rfind(")", 0, at) > opened:
        return None
    closed = sentence.find(")", at)
    return (opened + 1, closed if closed != -1 else len(sentence))


def _clause_start(sentence: str, at: int) -> int:
    starts = [m.end() for m in _BOUNDARY.finditer(sentence, 0, at)]
    return starts[-1] if starts else 0


def _clause_end(sentence: str, at: int) -> int:
    found = _BOUNDARY.search(sentence, at)
    # "Nice to have: Redis": the colon right after a marker introduces what it covers.
    if found is not None and not sentence[at : found.start()].strip():
        found = _BOUNDARY.search(sentence, found.end())
    return found.start() if found is not None else len(sentence)
