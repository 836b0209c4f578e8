"""What the jobs and projects steps show: the list of entries, one entry, a bullet picker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.feedback import clip
from bot.progress import Entry, Progress
from bot.types import Button, Reply, Span, reply

if TYPE_CHECKING:
    from bot.dialog import Dialog
    from bot.steps.entries import EntriesStep

SHOWN_LINE = 160


def overview(dialog: Dialog, step: EntriesStep, progress: Progress) -> Reply:
    """Every entry with its number of bullets; tap one to open it."""
    entries = step.entries(progress)
    lines = [
        Span(f"\n{n}. {clip(e.header, 80)} — {_count(len(e.lines), step.line_noun)}")
        for n, e in enumerate(entries, 1)
    ]
    buttons = [
        dialog.button(f"{n}. {clip(e.header, 40)}", "open", progress, str(n - 1))
        for n, e in enumerate(entries, 1)
    ]
    if len(entries) < step.limit:
        buttons.append(dialog.button(f"Add another {step.noun}", "addrole", progress))
    buttons.append(dialog.button("Keep it, go on", "next", progress))
    return reply(
        dialog.heading(step),
        f"Your {step.noun}s:",
        *lines,
        skipped_note(progress, step.name),
        f"\nTap one to see and change it, send a new {step.noun}'s line to add one, or go on.",
        buttons=tuple(buttons),
    )


def entry_view(dialog: Dialog, step: EntriesStep, progress: Progress, entry: Entry) -> Reply:
    """One entry, its bullets numbered, and what can be done to it."""
    if not entry.lines and step.has_lines:
        return step.ask_bullets(dialog, progress, entry)
    numbered = [Span(f"\n{n}. {clip(line, SHOWN_LINE)}") for n, line in enumerate(entry.lines, 1)]
    return reply(
        dialog.heading(step),
        f"“{clip(entry.header, 120)}”",
        *numbered,
        f"\nSend more lines to add {step.line_noun}s, or choose what to change."
        if step.has_lines
        else "\nChoose what to change.",
        buttons=tuple(entry_buttons(dialog, step, progress)),
    )


def entry_buttons(dialog: Dialog, step: EntriesStep, progress: Progress) -> list[Button]:
    """What can be done to the open entry."""
    focus = progress.focus or 0
    buttons = [dialog.button(f"Done with this {step.noun}", "done", progress)]
    if step.has_lines:
        buttons.append(dialog.button(f"Edit a {step.line_noun}", "pick", progress, "edit"))
        buttons.append(dialog.button(f"Remove a {step.line_noun}", "pick", progress, "remove"))
    buttons.append(dialog.button("Rename", "rename", progress))
    if focus > 0:
        buttons.append(dialog.button("Move up", "moveup", progress))
    buttons.append(dialog.button(f"Delete this {step.noun}", "delete", progress))
    return buttons


def picker(dialog: Dialog, step: EntriesStep, progress: Progress, entry: Entry, op: str) -> Reply:
    """Which bullet to edit or remove: one button per number."""
    numbered = [Span(f"\n{n}. {clip(line, SHOWN_LINE)}") for n, line in enumerate(entry.lines, 1)]
    verb = "edit" if op == "edit" else "remove"
    buttons = [
        dialog.button(str(n), "line", progress, str(n)) for n in range(1, len(entry.lines) + 1)
    ]
    buttons.append(dialog.button("Cancel", "open", progress, str(progress.focus or 0)))
    return reply(
        f"Which {step.line_noun} do you want to {verb}?", *numbered, buttons=tuple(buttons)
    )


def skipped_note(progress: Progress, name: str, asking: bool = False) -> str:
    """A line for a step the person skipped: its text is kept but left out of the draft.

    ``asking``: the step is asking for something new, so there is nothing on screen to keep.
    """
    if name not in progress.skipped:
        return ""
    if asking:
        return "\n(You skipped this step; what you send now puts it back in your draft.)"
    return (
        "\n(You skipped this step, so it is left out of your draft; “Keep it, go on” puts it back.)"
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
