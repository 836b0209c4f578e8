"""Changes to one job or project: rename, move, delete it; edit or remove one of its lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.feedback import clip
from bot.progress import Entry, Progress
from bot.steps.base import Turn
from bot.steps.entry_views import picker
from bot.types import Button, Reply, Span, reply

if TYPE_CHECKING:
    from bot.dialog import Dialog
    from bot.steps.entries import EntriesStep

MAX_HEADER_CHARS = 200


def on_entry_button(
    dialog: Dialog, step: EntriesStep, progress: Progress, entry: Entry, action: str, arg: str
) -> Turn | None:
    """A button of the open entry; None when the action is not one of these."""
    if action == "pick" and entry.lines:
        progress.pending, progress.answers = step.state("pick"), {"op": arg}
        return dialog.done(progress, picker(dialog, step, progress, entry, arg))
    if action == "line" and arg.isdigit() and 1 <= int(arg) <= len(entry.lines):
        if progress.answers.get("op") == "remove":
            return _remove_line(dialog, step, progress, entry, int(arg))
        progress.pending, progress.answers = step.state("edit"), {"line": arg}
        return dialog.done(progress, *dialog.prompt(progress))
    if action == "rename":
        progress.pending = step.state("rename")
        return dialog.done(progress, *dialog.prompt(progress))
    if action == "moveup" and progress.focus:
        return _move_up(dialog, step, progress, entry)
    if action == "delete":
        return _delete(dialog, step, progress, entry, arg)
    return None


def ask_rename(dialog: Dialog, step: EntriesStep, progress: Progress, entry: Entry) -> Reply:
    """The question for an entry's new header line."""
    return reply(
        f"Send the new line for this {step.noun}. Now: “{entry.header}”",
        prefill=entry.header,
    )


def ask_line(dialog: Dialog, step: EntriesStep, progress: Progress, entry: Entry) -> Reply:
    """The question for the new text of one line."""
    number = _line_number(progress, entry)
    current = entry.lines[number - 1]
    return reply(
        f"Send the new text for {step.line_noun} {number}. Now: “{current}”", prefill=current
    )


def rename(dialog: Dialog, step: EntriesStep, progress: Progress, entry: Entry, text: str) -> Turn:
    """Give the open entry a new header line (undoable)."""
    header = " ".join(text.split())
    if "\n" in text.strip() or len(header) > MAX_HEADER_CHARS:
        return dialog.done(
            progress,
            reply(f"Send the {step.noun}'s new line on its own."),
            *dialog.prompt(progress),
        )
    old = entry.header
    progress.snapshot(f"the rename of “{clip(old, 60)}”")
    entry.header = header
    progress.pending = step.state("bullets")
    return dialog.done(
        progress,
        reply(f"Renamed (was “{clip(old, 80)}”).", buttons=(_undo(dialog, progress),)),
        *dialog.prompt(progress),
    )


def replace_line(
    dialog: Dialog, step: EntriesStep, progress: Progress, entry: Entry, text: str
) -> Turn:
    """Put new text in place of one line; the old version can be restored."""
    new = " ".join(text.split())
    number = _line_number(progress, entry)
    lines = entry.lines
    old = lines[number - 1]
    lines[number - 1] = new
    entry.bullets.replace("\n".join(lines))
    progress.pending, progress.answers = step.state("bullets"), {}
    dialog.keep(progress)
    spans = [
        Span(f"{step.line_noun.capitalize()} {number} replaced (was “{clip(old, 100)}”).\n"),
        *step.feedback(dialog, progress, entry),
    ]
    return dialog.done(progress, dialog.analysis_reply(progress, spans))


def _remove_line(
    dialog: Dialog, step: EntriesStep, progress: Progress, entry: Entry, number: int
) -> Turn:
    lines = entry.lines
    progress.snapshot(f"removing {step.line_noun} {number}")
    removed = lines.pop(number - 1)
    entry.bullets.replace("\n".join(lines))
    progress.pending, progress.answers = step.state("bullets"), {}
    return dialog.done(
        progress,
        reply(
            f"Removed {step.line_noun} {number}: “{clip(removed, 120)}”.",
            buttons=(_undo(dialog, progress),),
        ),
        *dialog.prompt(progress),
    )


def _move_up(dialog: Dialog, step: EntriesStep, progress: Progress, entry: Entry) -> Turn:
    entries = step.entries(progress)
    at = progress.focus or 0
    progress.snapshot(f"moving “{clip(entry.header, 60)}”")
    entries[at - 1], entries[at] = entries[at], entries[at - 1]
    progress.focus = at - 1
    return dialog.done(
        progress,
        reply(f"Moved up to number {at}.", buttons=(_undo(dialog, progress),)),
        *dialog.prompt(progress),
    )


def _delete(
    dialog: Dialog, step: EntriesStep, progress: Progress, entry: Entry, answer: str
) -> Turn:
    if answer == "":
        progress.pending = step.state("delete")
        count = len(entry.lines)
        what = f" and its {count} {step.line_noun}{'s' if count != 1 else ''}" if count else ""
        return dialog.done(
            progress,
            reply(
                f"Delete “{clip(entry.header, 80)}”{what}?",
                buttons=(
                    dialog.button("Yes, delete it", "delete", progress, "yes"),
                    dialog.button("No, keep it", "delete", progress, "no"),
                ),
            ),
        )
    progress.pending = step.state("bullets")
    if answer != "yes":
        return dialog.done(progress, reply("Kept it."), *dialog.prompt(progress))
    progress.snapshot(f"deleting “{clip(entry.header, 60)}”")
    del step.entries(progress)[progress.focus or 0]
    progress.focus, progress.pending = None, None
    return dialog.done(
        progress,
        reply(f"Deleted “{clip(entry.header, 80)}”.", buttons=(_undo(dialog, progress),)),
        *dialog.prompt(progress),
    )


def _line_number(progress: Progress, entry: Entry) -> int:
    number = int(progress.answers.get("line", "1") or "1")
    return min(max(number, 1), len(entry.lines))


def _undo(dialog: Dialog, progress: Progress) -> Button:
    return dialog.button("Undo", "undo", progress)
