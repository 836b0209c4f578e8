"""The interface every step of the walk shares, and the turn a step returns.

A step says what it asks (``prompt``), what it does with typed text (``on_text``) and with its
own buttons (``on_button``), and how good its section is (``score``, for /status). The order of
the steps is the table in ``bot/steps/__init__.py``; ``Dialog`` gives a step everything else.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from bot.feedback import clip
from bot.progress import Draft, Progress
from bot.types import Button, Reply, reply

if TYPE_CHECKING:
    from bot.dialog import Dialog

MAX_SECTION_CHARS = 4_000


@dataclass
class Turn:
    """The replies of one turn and the progress to store (None erases the user)."""

    replies: list[Reply]
    progress: Progress | None


class Step(ABC):
    """One step of the walk. Subclasses say what they ask; every other default is safe."""

    name: ClassVar[str]
    title: ClassVar[str]
    # The step waits for typed text (not a menu): an adapter may offer a box for it.
    typed: ClassVar[bool] = False
    # The longest text the step takes; None when it reads its own text (a menu's words).
    max_chars: ClassVar[int | None] = MAX_SECTION_CHARS
    # A line ending in "?" that the FAQ can't place is the step's text here, not a question.
    unsure_questions_are_text: ClassVar[bool] = False

    @abstractmethod
    def prompt(self, dialog: Dialog, progress: Progress) -> list[Reply]:
        """What the step asks, for the progress as it is now."""

    def on_text(self, dialog: Dialog, progress: Progress, text: str) -> Turn:
        """Typed text that is neither a command nor a question."""
        return self.oversized(dialog, progress, text) or dialog.done(
            progress,
            reply("Use the buttons below, or /back to change a section."),
            *dialog.prompt(progress),
        )

    def on_button(self, dialog: Dialog, progress: Progress, action: str, arg: str) -> Turn | None:
        """A press on one of this step's buttons; None when the action is not the step's."""
        if action == "restore":
            return self._restore(dialog, progress)
        return None

    def score(self, dialog: Dialog, progress: Progress) -> int | None:
        """The section's score out of 100 for /status; None when there is nothing to score."""
        return None

    def draft(self, progress: Progress) -> Draft | None:
        """The text that "Restore previous" brings back an earlier version of."""
        return None

    def extra_buttons(self, dialog: Dialog, progress: Progress) -> list[Button]:
        """The step's own buttons under feedback, between "Keep it" and "Show an example"."""
        return []

    def skip(self, dialog: Dialog, progress: Progress) -> str:
        """Leave the step without writing it; the note says what that means."""
        if self.name not in progress.skipped:
            progress.skipped = [*progress.skipped, self.name]
        return f"Skipped {dialog.the_step(self.name)}; /back returns to it."

    def leave(self, progress: Progress) -> None:  # noqa: B027 - most steps need no hook
        """Called when the walk moves on from this step."""

    def oversized(self, dialog: Dialog, progress: Progress, text: str) -> Turn | None:
        """The reply to a text longer than the step takes (nothing is stored); None if it fits."""
        if self.max_chars is None or len(text) <= self.max_chars:
            return None
        return dialog.done(
            progress,
            dialog.too_long(len(text), self.max_chars, "one section"),
            *dialog.prompt(progress),
        )

    def _restore(self, dialog: Dialog, progress: Progress) -> Turn:
        draft = self.draft(progress)
        if draft is None or not draft.restore():
            return dialog.done(
                progress, reply("There is no earlier version to restore."), *dialog.prompt(progress)
            )
        return dialog.done(
            progress,
            reply("Restored the previous version:\n", clip(draft.text, 600)),
            *dialog.prompt(progress),
        )
