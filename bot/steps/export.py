"""The last step: the draft as files to send: PDF, Word, Markdown and plain text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.draft import assemble, paper_for
from bot.export import Paper, export_files, is_empty
from bot.progress import Progress
from bot.steps.base import Step, Turn
from bot.types import Reply, reply

if TYPE_CHECKING:
    from bot.dialog import Dialog

PAPER_NAMES = {Paper.A4: "A4", Paper.LETTER: "US Letter"}


class ExportStep(Step):
    """Offers the files; "go on" here means export."""

    name = "export"
    title = "Export"

    def prompt(self, dialog: Dialog, progress: Progress) -> list[Reply]:
        """The draft is ready: export, or go back."""
        return [
            reply(
                dialog.heading(self),
                "Your draft is ready. Tap Export for PDF, Word, Markdown and text files.",
                buttons=(
                    dialog.button("Export", "export", progress),
                    dialog.button("Back", "back", progress),
                ),
            )
        ]

    def on_button(self, dialog: Dialog, progress: Progress, action: str, arg: str) -> Turn | None:
        """Export (and "go on", which has nowhere else to go)."""
        if action in {"export", "next"}:
            return deliver(dialog, progress)
        return super().on_button(dialog, progress, action, arg)


def deliver(dialog: Dialog, progress: Progress) -> Turn:
    """The draft as files (PDF first), the paper size with a button to switch, what is missing."""
    doc = assemble(dialog.role, progress)
    if is_empty(doc):
        return dialog.done(
            progress, reply("There is nothing to export yet."), *dialog.prompt(progress)
        )
    paper = paper_for(progress, doc)
    files = export_files(doc, paper)
    replies = [reply(f"Here is your resume as {f.filename}.", attachment=f) for f in files]
    other = Paper.LETTER if paper is Paper.A4 else Paper.A4
    if progress.paper:
        why = "as you chose"
    elif paper is Paper.LETTER:
        why = "from your phone number or city: the US and Canada use it"
    else:
        why = "used everywhere but the US and Canada"
    replies.append(
        reply(
            f"Paper size: {PAPER_NAMES[paper]} ({why}).",
            buttons=(
                dialog.button(f"Send as {PAPER_NAMES[other]}", "paper", progress, other.value),
            ),
        )
    )
    missing = [
        name
        for name, present in (
            ("your name", bool(doc.header.name)),
            ("your email", bool(doc.header.email)),
            ("summary", bool(doc.summary)),
            ("skills", bool(doc.skills)),
            ("experience", bool(doc.roles)),
            ("education", bool(doc.education)),
        )
        if not present
    ]
    if missing:
        replies.append(reply("Not written yet, so left out: " + ", ".join(missing) + "."))
    return dialog.done(progress, *replies)


def switch_paper(dialog: Dialog, progress: Progress, arg: str) -> Turn:
    """Remember the paper size the person chose and send the files again in it."""
    if arg in {"a4", "letter"}:
        progress.paper = arg
    return deliver(dialog, progress)
