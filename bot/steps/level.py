"""The first step: the user's level (junior, mid, senior), from a button or in words."""

from __future__ import annotations

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
    "graduate": "junior",
    "intern": "junior",
    "mid": "mid",
    "middle": "mid",
    "mid level": "mid",
    "mid-level": "mid",
    "intermediate": "mid",
    "regular": "mid",
    "senior": "senior",
    "sr": "senior",
    "lead": "senior",
    "staff": "senior",
    "principal": "senior",
}


class LevelStep(Step):
    """Junior, mid or senior: it decides the examples, the length advice and the headline."""

    name = "level"
    title = "Level"
    max_chars = None

    def prompt(self, dialog: Dialog, progress: Progress) -> list[Reply]:
        """The three levels as buttons."""
        buttons = tuple(dialog.button(lvl.capitalize(), "level", progress, lvl) for lvl in LEVELS)
        return [reply(dialog.heading(self), "what is your experience level?", buttons=buttons)]

    def on_text(self, dialog: Dialog, progress: Progress, text: str) -> Turn:
        """A level typed in words."""
        level = _LEVEL_WORDS.get(text.casefold().strip(" .!"))
        if level is None:
            return dialog.done(
                progress, reply("Please choose junior, mid or senior."), *dialog.prompt(progress)
            )
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
        return dialog.done(
            progress, reply(f"{level.capitalize()} level, noted."), *dialog.prompt(progress)
        )
