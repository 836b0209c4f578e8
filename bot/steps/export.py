"""The last step: the draft as files to send (.docx, .md, .txt)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.draft import assemble
from bot.export import export_files, is_empty
from bot.progress import Progress
from bot.steps.base import Step, Turn
from bot.types import Reply, reply

if TYPE_CHECKING:
    from bot.dialog import Dialog


class ExportStep(Step):
    """Offers the files; "go on" here means export."""

    name = "export"
    title = "Export"

    def prompt(self, dialog: Dialog, progress: Progress) -> list[Reply]:
        """The draft is ready: export, or go back."""
        return [
            reply(
                dialog.heading(self),
                "Your draft is ready. Tap Export for .docx, .md and .txt files.",
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
    """The draft as files, and which sections are left out because they are not written."""
    doc = assemble(dialog.role, progress)
    if is_empty(doc):
        return dialog.done(
            progress, reply("There is nothing to export yet."), *dialog.prompt(progress)
        )
    files = export_files(doc)
    replies = [reply(f"Here is your resume as {f.filename}.", attachment=f) for f in files]
    missing = [
        name
        for name, present in (
            ("summary", bool(doc.summary)),
            ("skills", bool(doc.skills)),
            ("experience", bool(doc.roles)),
        )
        if not present
    ]
    if missing:
        replies.append(reply("Not written yet, so left out: " + ", ".join(missing) + "."))
    return dialog.done(progress, *replies)
