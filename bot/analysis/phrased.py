"""Practices a posting asks for as work rather than by name: "Optimize the code for performance".

A skill's ``phrased`` patterns (``skills.yaml``) are words a few words apart within one clause.
In a pattern, words are separated by spaces, ``a|b`` is either word (one word each), ``word*``
any word that begins so, and ``…`` stands for up to ``GAP`` words of the same clause between
its neighbours.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.analysis.skills import Mention
from bot.knowledge import Skill

# Up to this many words between the two halves of a pattern: "design and build robust APIs".
GAP = 4
# Words inside one clause: a full stop, a semicolon or a colon ends what a verb governs (a dot
# inside a name, "Node.js", does not).
_BETWEEN = r"(?:[^\w.;:!?]|[.:](?=\w))+"
_WORD_GAP = rf"(?:{_BETWEEN}[\w'’]+){{0,{GAP}}}?{_BETWEEN}"
_ADJACENT = r"[\s-]+"


def _slot(slot: str) -> str:
    """One word of a pattern as a regular expression."""
    words = []
    for word in slot.split("|"):
        stem = re.escape(word.rstrip("*"))
        words.append(rf"{stem}[\w'’]*" if word.endswith("*") else stem)
    return "(?:" + "|".join(words) + ")"


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """A ``phrased`` pattern as a case-blind regular expression over whole words."""
    halves = [half.split() for half in pattern.split("…")]
    joined = _WORD_GAP.join(_ADJACENT.join(_slot(s) for s in half) for half in halves)
    return re.compile(rf"(?<![\w-]){joined}(?![\w-])", re.IGNORECASE)


class PhrasedSkills:
    """Finds the skills a text asks for as work, by their ``phrased`` patterns."""

    def __init__(self, skills: Iterable[Skill]) -> None:
        self._patterns = [
            (skill, compile_pattern(pattern)) for skill in skills for pattern in skill.phrased
        ]

    def mentions(self, text: str) -> list[Mention]:
        """Every place the text asks for a skill as work, in order of place."""
        found = [
            Mention(skill, hit.group(0), hit.start())
            for skill, pattern in self._patterns
            for hit in pattern.finditer(text)
        ]
        return sorted(found, key=lambda mention: mention.start)
