"""The first step: the user's level (junior, mid, senior), from a button or in words.

"I'm a junior dev with 1.5 years", "4 yoe", "senior, 10+ years" and "mid-level backend
engineer" are all understood; years, when given, are kept for the summary.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.knowledge import LEVELS, Level
from bot.progress import Progress
from bot.steps.base import Step, Turn
from bot.types import Reply, reply

if TYPE_CHECKING:
    from bot.dialog import Dialog

_LEVEL_WORDS: dict[str, Level] = {
    "junior": "junior",
    "jr": "junior",
    "entry": "junior",
    "entry level": "junior",
    "entry-level": "junior",
    "graduate": "junior",
    "grad": "junior",
    "intern": "junior",
    "trainee": "junior",
    "beginner": "junior",
    "mid": "mid",
    "middle": "mid",
    "mid level": "mid",
    "mid-level": "mid",
    "midlevel": "mid",
    "intermediate": "mid",
    "regular": "mid",
    "senior": "senior",
    "sr": "senior",
    "lead": "senior",
    "staff": "senior",
    "principal": "senior",
}
_WORD = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _LEVEL_WORDS), key=len, reverse=True)) + r")\b", re.I
)
_YEARS = re.compile(
    r"(?<![\d.])(\d{1,2}(?:[.,]\d)?)\s*\+?\s*(?:years?|yrs?|yoe|y\.?o\.?e\.?|y)\b"
    r"|^\s*(\d{1,2}(?:[.,]\d)?)\s*\+?\s*$",
    re.I,
)
UNCLEAR = (
    "I couldn't tell your level from that. Please choose one, or tell me your years of "
    "experience (e.g. “4 years”)."
)


def level_in_words(text: str) -> tuple[Level | None, float | None]:
    """The level and the years a message names; a level from the years when only they are given.

    Two different level words ("junior or mid?") leave the level unknown.
    """
    found = {_LEVEL_WORDS[m.group(1).casefold()] for m in _WORD.finditer(text)}
    years_match = _YEARS.search(text)
    years = None
    if years_match is not None:
        years = float((years_match.group(1) or years_match.group(2)).replace(",", "."))
    if len(found) == 1:
        return found.pop(), years
    if not found and years is not None:
        return ("junior" if years < 2 else "mid" if years < 5 else "senior"), years
    return None, years


class LevelStep(Step):
    """Junior, mid or senior: it decides the examples, the length advice and the headline."""

    name = "level"
    title = "Level"
    max_chars = None

    def prompt(self, dialog: Dialog, progress: Progress) -> list[Reply]:
        """The three levels as buttons."""
        buttons = tuple(dialog.button(lvl.capitalize(), "level", progress, lvl) for lvl in LEVELS)
        return [
            reply(
                dialog.heading(self),
                "what is your experience level? (Or tell me in words: “junior, 1 year”.)",
                buttons=buttons,
            )
        ]

    def takes_any_text(self, progress: Progress, text: str) -> bool:
        """A lone number here is years of experience; small talk is still small talk."""
        return any(ch.isdigit() for ch in text) or bool(_WORD.search(text))

    def on_text(self, dialog: Dialog, progress: Progress, text: str) -> Turn:
        """A level, years, or both, typed in words."""
        level, years = level_in_words(text)
        if level is None:
            return dialog.done(progress, reply(UNCLEAR), *dialog.prompt(progress))
        if years is not None:
            progress.years = years
        return self._set(dialog, progress, level)

    def on_button(self, dialog: Dialog, progress: Progress, action: str, arg: str) -> Turn | None:
        """A level button."""
        if action != "level":
            return super().on_button(dialog, progress, action, arg)
        level = _LEVEL_WORDS.get(arg)
        if level is None:
            return dialog.done(
                progress, reply("Please pick one of the levels."), *dialog.prompt(progress)
            )
        return self._set(dialog, progress, level)

    def skip(self, dialog: Dialog, progress: Progress) -> str:
        """No level chosen: mid is assumed."""
        progress.level = progress.level or "mid"
        return "I'll assume mid level; you can change it with /back."

    def leave(self, progress: Progress) -> None:
        """Going on without choosing means mid."""
        if progress.level is None:
            progress.level = "mid"

    def _set(self, dialog: Dialog, progress: Progress, level: Level) -> Turn:
        progress.level = level
        progress.started = True
        if dialog.step(progress) is self:
            dialog.advance(progress)
        years = "" if progress.years is None else f" ({progress.years:g} years)"
        return dialog.done(
            progress,
            reply(f"{level.capitalize()} level, noted{years}."),
            *dialog.prompt(progress),
        )
