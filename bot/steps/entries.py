"""What jobs and projects share: a header line, then lines under it, each entry editable.

With no entry open, a message starts a new entry (its first line the header, any further lines
its bullets). With an entry open (``Progress.focus``), a message adds lines to it. The open
entry's buttons edit, remove or add a single line, rename, move or delete it; destructive
changes can be undone.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import TYPE_CHECKING, ClassVar

from bot.analysis import analyse_bullets
from bot.analysis.resume import analyse_project, analyse_role
from bot.analysis.text import split_lines, strip_bullet
from bot.draft import resume_view
from bot.feedback import bullets_feedback, clip
from bot.progress import Draft, Entry, Progress
from bot.steps import entry_edits as edits
from bot.steps.base import Step, Turn
from bot.steps.entry_views import entry_view, overview, picker
from bot.types import Button, Reply, Span, bold, reply

if TYPE_CHECKING:
    from bot.dialog import Dialog

MAX_HEADER_CHARS = 200
MAX_LINES = 15


class EntriesStep(Step):
    """A list of entries, each a one-line header and its lines."""

    typed = True
    # "role" or "project": names the pending states and the header note.
    kind: ClassVar[str]
    # What the person calls one entry ("job") and one line ("bullet"), and the feedback's title.
    noun: ClassVar[str]
    line_noun: ClassVar[str] = "bullet"
    feedback_title: ClassVar[str]
    limit: ClassVar[int]
    # After the first lines of a new entry it closes, so the next message starts another one.
    closes_when_described: ClassVar[bool] = False
    # An example of a header line, for the notes that ask for one.
    header_example: ClassVar[str]
    # Entries have lines under them (bullets, details); a certification is its line alone.
    has_lines: ClassVar[bool] = True

    @abstractmethod
    def entries(self, progress: Progress) -> list[Entry]:
        """The step's entries in the progress."""

    @abstractmethod
    def ask_header(self, dialog: Dialog, progress: Progress) -> Reply:
        """The question for a new entry's header line."""

    @abstractmethod
    def ask_bullets(self, dialog: Dialog, progress: Progress, entry: Entry) -> Reply:
        """The question for the lines of an entry that has none yet."""

    def doubt(self, header: str) -> str | None:
        """A question to ask before a header that may not be meant for this step; None: add it."""
        return None

    def store(self, dialog: Dialog, progress: Progress, text: str) -> Turn:
        """A header the person confirmed after ``doubt`` asked about it."""
        return self._new_entry(dialog, progress, text, confirmed=True)

    def state(self, name: str) -> str:
        """A ``Progress.pending`` value of this step ("role_header", "role_bullets", …)."""
        return f"{self.kind}_{name}"

    def open_entry(self, progress: Progress) -> Entry | None:
        """The entry open for editing, if any (an older document names no focus: the last)."""
        entries = self.entries(progress)
        if progress.focus is None and progress.pending == self.state("bullets") and entries:
            progress.focus = len(entries) - 1
        if progress.focus is None or not 0 <= progress.focus < len(entries):
            progress.focus = None
            return None
        return entries[progress.focus]

    # ---- what the step asks ------------------------------------------------------------------

    def prompt(self, dialog: Dialog, progress: Progress) -> list[Reply]:
        """The open entry, the question for a new one, or the list of entries."""
        entry = self.open_entry(progress)
        pending = progress.pending
        if entry is not None and pending == self.state("rename"):
            return [edits.ask_rename(dialog, self, progress, entry)]
        if entry is not None and entry.lines and pending == self.state("edit"):
            return [edits.ask_line(dialog, self, progress, entry)]
        if entry is not None and pending == self.state("pick"):
            return [picker(dialog, self, progress, entry, progress.answers.get("op", "edit"))]
        if entry is not None:
            return [entry_view(dialog, self, progress, entry)]
        if pending == self.state("header") or not self.entries(progress):
            return [self.ask_header(dialog, progress)]
        return [overview(dialog, self, progress)]

    # ---- typed text --------------------------------------------------------------------------

    def on_text(self, dialog: Dialog, progress: Progress, text: str) -> Turn:
        """A header starts an entry; lines go to the open entry; or a rename or an edited line."""
        too_long = self.oversized(dialog, progress, text)
        if too_long is not None:
            return too_long
        entry = self.open_entry(progress)
        if entry is not None and progress.pending == self.state("rename"):
            return edits.rename(dialog, self, progress, entry, text)
        if entry is not None and entry.lines and progress.pending == self.state("edit"):
            return edits.replace_line(dialog, self, progress, entry, text)
        if entry is not None:
            return self.add_lines(dialog, progress, entry, split_lines(text))
        return self._new_entry(dialog, progress, text)

    def has_content(self, progress: Progress) -> bool:
        """Whether there is at least one entry."""
        return bool(self.entries(progress))

    def _new_entry(
        self, dialog: Dialog, progress: Progress, text: str, confirmed: bool = False
    ) -> Turn:
        lines = [line for line in text.split("\n") if line.strip()]
        first = lines[0] if lines else ""
        if strip_bullet(first) != first.strip():
            # Bullets with no job named: kept aside until the person says which job they are for.
            progress.held = f"{progress.held}\n{text}".strip()
            progress.pending = self.state("header")
            return dialog.done(
                progress,
                reply(
                    f"These look like {self.line_noun}s. Which {self.noun} are they for? Send "
                    f"its line first ({self.header_example}) and I'll put them under it."
                ),
            )
        header = " ".join(first.split())
        if len(header) > MAX_HEADER_CHARS:
            return dialog.done(
                progress,
                reply(f"Send the {self.noun}'s line first, on its own: {self.header_example}."),
                *dialog.prompt(progress),
            )
        # Bullets held for this header are not put at risk by a question about it.
        question = None if confirmed or progress.held else self.doubt(header)
        if question is not None:
            return self.hold(dialog, progress, text, question)
        entries = self.entries(progress)
        if len(entries) >= self.limit:
            return dialog.done(
                progress,
                reply(f"You have {self.limit} {self.noun}s, the most I keep: delete one first."),
                *dialog.prompt(progress),
            )
        held, progress.held = progress.held, ""
        entries.append(Entry(header=header))
        dialog.keep(progress)
        if not self.has_lines:
            progress.focus, progress.pending = None, None
            return dialog.done(
                progress, reply(f"Added “{clip(header, 80)}”."), *dialog.prompt(progress)
            )
        progress.focus = len(entries) - 1
        progress.pending = self.state("bullets")
        progress.answers = {"fresh": "1"}
        body = split_lines("\n".join(lines[1:]) + ("\n" + held if held else ""))
        if not body:
            return dialog.done(progress, *dialog.prompt(progress))
        return self.add_lines(dialog, progress, entries[-1], body)

    def add_lines(self, dialog: Dialog, progress: Progress, entry: Entry, lines: list[str]) -> Turn:
        """Add lines under an entry, each message's lines after the ones already there."""
        room = MAX_LINES - len(entry.lines)
        if room <= 0 or not lines:
            return dialog.done(
                progress,
                reply(
                    f"“{clip(entry.header, 60)}” has {MAX_LINES} {self.line_noun}s, the most I "
                    f"keep: edit or remove one first."
                ),
                *dialog.prompt(progress),
            )
        kept = lines[:room]
        entry.bullets.replace("\n".join([*entry.lines, *kept]))
        dialog.keep(progress)
        note = f"Added {len(kept)} {self.line_noun}{'s' if len(kept) != 1 else ''}"
        if len(kept) < len(lines):
            note += f"; {len(lines) - len(kept)} more did not fit ({MAX_LINES} at most)"
        if self.closes_when_described and progress.answers.get("fresh"):
            progress.focus = None
            progress.pending = None
        progress.answers = {}
        spans = [Span(note + ".\n"), *self.feedback(dialog, progress, entry)]
        return dialog.done(progress, dialog.analysis_reply(progress, spans))

    def feedback(self, dialog: Dialog, progress: Progress, entry: Entry) -> list[Span]:
        """The entry's lines scored, judged with the whole resume in view."""
        view = resume_view(progress)
        index = self.entries(progress).index(entry)
        wanted = view.roles if self.kind == "role" else view.projects
        if index >= len(wanted):  # the section is skipped, so the view leaves it out
            report = analyse_bullets(entry.lines, dialog.lex, project=self.kind != "role")
        elif self.kind == "role":
            report = analyse_role(view, dialog.lex, index)
        else:
            report = analyse_project(view, dialog.lex, index)
        return bullets_feedback(report, self.feedback_title)

    # ---- buttons -----------------------------------------------------------------------------

    def on_button(self, dialog: Dialog, progress: Progress, action: str, arg: str) -> Turn | None:
        """Open, add, change or remove an entry or one of its lines; show an example."""
        if action == "addrole":
            progress.pending = self.state("header")
            progress.focus = None
            return dialog.done(progress, *dialog.prompt(progress))
        if action == "open" and arg.isdigit() and int(arg) < len(self.entries(progress)):
            progress.focus, progress.pending = int(arg), self.state("bullets")
            return dialog.done(progress, *dialog.prompt(progress))
        if action == "done":
            progress.focus, progress.pending = None, None
            return dialog.done(progress, *dialog.prompt(progress))
        if action == "example":
            return dialog.done(
                progress, bullet_examples(dialog, progress), *dialog.prompt(progress)
            )
        entry = self.open_entry(progress)
        if entry is not None:
            handled = edits.on_entry_button(dialog, self, progress, entry, action, arg)
            if handled is not None:
                return handled
        return super().on_button(dialog, progress, action, arg)

    def draft(self, progress: Progress) -> Draft | None:
        """The open entry's lines and their earlier versions."""
        entry = self.open_entry(progress)
        return entry.bullets if entry is not None else None

    def extra_buttons(self, dialog: Dialog, progress: Progress) -> list[Button]:
        """Close the open entry; another entry, while there is room for one."""
        buttons = []
        if self.open_entry(progress) is not None:
            focus = str(progress.focus)
            buttons.append(dialog.button(f"Change this {self.noun}", "open", progress, focus))
            buttons.append(dialog.button(f"Done with this {self.noun}", "done", progress))
        elif len(self.entries(progress)) > 1:
            buttons.append(dialog.button(f"See all {self.noun}s", "done", progress))
        if len(self.entries(progress)) < self.limit:
            buttons.append(dialog.button(f"Add another {self.noun}", "addrole", progress))
        return buttons


def bullet_examples(dialog: Dialog, progress: Progress) -> Reply:
    """Two weak bullets beside their strong rewrites, for the user's level."""
    level = dialog.level(progress)
    examples = dialog.role.examples.bullets
    pairs = [p for p in examples if p.level == level] or list(examples)
    lines = [Span(f"\nWeak: {p.weak}\nStrong: {p.strong}\n") for p in pairs[:2]]
    return reply(bold(f"Weak and strong bullets ({level})"), *lines)
