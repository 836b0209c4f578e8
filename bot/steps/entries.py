"""What jobs and projects share: a header line first, then the bullets under it."""

from __future__ import annotations

from abc import abstractmethod
from typing import TYPE_CHECKING, ClassVar

from bot.analysis import analyse_bullets
from bot.analysis.text import split_lines
from bot.feedback import bullets_feedback, clip
from bot.progress import Draft, Entry, Progress
from bot.steps.base import Step, Turn
from bot.types import Button, Reply, Span, bold, reply

if TYPE_CHECKING:
    from bot.dialog import Dialog

MAX_HEADER_CHARS = 200


class EntriesStep(Step):
    """A list of entries, each a one-line header and its bullets; the newest is the one edited."""

    typed = True
    # "role" or "project": names the pending states and the header note.
    kind: ClassVar[str]
    # What the person calls one entry ("job", "project"), and the feedback's title.
    noun: ClassVar[str]
    feedback_title: ClassVar[str]
    limit: ClassVar[int]

    @abstractmethod
    def entries(self, progress: Progress) -> list[Entry]:
        """The step's entries in the progress."""

    @abstractmethod
    def ask_header(self, dialog: Dialog, progress: Progress) -> Reply:
        """The question for a new entry's header line."""

    @abstractmethod
    def ask_bullets(self, dialog: Dialog, progress: Progress, entry: Entry) -> Reply:
        """The question for the bullets of the entry just named."""

    @property
    def header_state(self) -> str:
        """``Progress.pending`` while the coach waits for a header."""
        return f"{self.kind}_header"

    @property
    def bullets_state(self) -> str:
        """``Progress.pending`` while the coach waits for bullets."""
        return f"{self.kind}_bullets"

    def prompt(self, dialog: Dialog, progress: Progress) -> list[Reply]:
        """Ask for the bullets, a new header, or show where the latest entry stands."""
        entries = self.entries(progress)
        if progress.pending == self.bullets_state and entries:
            return [self.ask_bullets(dialog, progress, entries[-1])]
        if progress.pending != self.header_state and entries:
            return [self._where_it_stands(dialog, progress, entries[-1])]
        return [self.ask_header(dialog, progress)]

    def on_text(self, dialog: Dialog, progress: Progress, text: str) -> Turn:
        """A header starts an entry; bullets replace the latest entry's (restorable)."""
        too_long = self.oversized(dialog, progress, text)
        if too_long is not None:
            return too_long
        entries = self.entries(progress)
        if progress.pending == self.header_state or not entries:
            header = " ".join(text.split())
            if len(header) > MAX_HEADER_CHARS or "\n" in text.strip():
                return dialog.done(
                    progress,
                    reply(f"Send just the {self.kind}'s header in one short line first."),
                    *dialog.prompt(progress),
                )
            entries.append(Entry(header=header))
            progress.pending = self.bullets_state
            return dialog.done(progress, *dialog.prompt(progress))
        lines = split_lines(text)
        entries[-1].bullets.replace("\n".join(lines))
        progress.pending = None
        report = analyse_bullets(lines, dialog.lex, project=self.kind == "project")
        feedback = bullets_feedback(report, self.feedback_title)
        return dialog.done(progress, dialog.analysis_reply(progress, feedback))

    def on_button(self, dialog: Dialog, progress: Progress, action: str, arg: str) -> Turn | None:
        """Add another entry; show weak and strong bullets."""
        if action == "addrole":
            progress.pending = self.header_state
            return dialog.done(progress, *dialog.prompt(progress))
        if action == "example":
            return dialog.done(
                progress, bullet_examples(dialog, progress), *dialog.prompt(progress)
            )
        return super().on_button(dialog, progress, action, arg)

    def draft(self, progress: Progress) -> Draft | None:
        """The latest entry's bullets and their earlier versions."""
        entries = self.entries(progress)
        return entries[-1].bullets if entries else None

    def extra_buttons(self, dialog: Dialog, progress: Progress) -> list[Button]:
        """Another entry, while there is room for one."""
        if len(self.entries(progress)) >= self.limit:
            return []
        return [dialog.button(f"Add another {self.noun}", "addrole", progress)]

    def done_buttons(self, dialog: Dialog, progress: Progress) -> tuple[Button, ...]:
        """The buttons under an entry that has its bullets."""
        return (
            dialog.button("Keep it, go on", "next", progress),
            dialog.button(f"Add another {self.noun}", "addrole", progress),
        )

    def _where_it_stands(self, dialog: Dialog, progress: Progress, entry: Entry) -> Reply:
        return reply(
            dialog.heading(self),
            f"“{clip(entry.header, 80)}” has {len(entry.lines)} bullet(s). Send new bullets to "
            f"replace them, add another {self.noun}, or go on.",
            buttons=self.done_buttons(dialog, progress),
        )


def bullet_examples(dialog: Dialog, progress: Progress) -> Reply:
    """Two weak bullets beside their strong rewrites, for the user's level."""
    level = dialog.level(progress)
    examples = dialog.role.examples.bullets
    pairs = [p for p in examples if p.level == level] or list(examples)
    lines = [Span(f"\nWeak: {p.weak}\nStrong: {p.strong}\n") for p in pairs[:2]]
    return reply(bold(f"Weak and strong bullets ({level})"), *lines)
