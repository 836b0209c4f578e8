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
        if action == "undo":
            undone = progress.restore_snapshot()
            note = f"Undone: {undone}." if undone else "There is nothing to undo."
            return dialog.done(progress, reply(note), *dialog.prompt(progress))
        if action == "use":
            held, progress.held = progress.held, ""
            progress.pending = None
            if arg == "yes" and held:
                return self.store(dialog, progress, held)
            return dialog.done(progress, reply("OK, I didn't save it."), *dialog.prompt(progress))
        return None

    def takes_any_text(self, progress: Progress, text: str) -> bool:
        """Whether the step waits for a free answer ("no", "5"), so small talk is an answer."""
        return False

    def has_content(self, progress: Progress) -> bool:
        """Whether the person has written something in this step."""
        return False

    def store(self, dialog: Dialog, progress: Progress, text: str) -> Turn:
        """Put text in the step's section (after any question about it was answered)."""
        return self.on_text(dialog, progress, text)

    def hold(self, dialog: Dialog, progress: Progress, text: str, question: str) -> Turn:
        """Keep a message aside and ask whether it is meant for this step."""
        progress.held = text
        progress.pending = "use"
        return dialog.done(
            progress,
            reply(
                question + "\n“" + clip(text, 300) + "”",
                buttons=(
                    dialog.button("Yes, use it", "use", progress, "yes"),
                    dialog.button("No", "use", progress, "no"),
                ),
            ),
        )

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
        """Leave the step out of the draft; its text is kept for when the person comes back."""
        if self.name not in progress.skipped:
            progress.skipped = [*progress.skipped, self.name]
        if self.has_content(progress):
            return (
                f"Skipped {dialog.the_step(self.name)}: it's left out of your draft and export. "
                "Your text is kept; /back brings it back."
            )
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
