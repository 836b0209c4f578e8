"""A step's text shown on arrival, with Keep / Replace / Edit, so nothing seems lost."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.progress import Progress
from bot.steps.entry_views import skipped_note
from bot.types import Button, Reply, reply

if TYPE_CHECKING:
    from bot.dialog import Dialog
    from bot.steps.base import Step

SHOWN_CHARS = 900


def shown_text(
    dialog: Dialog,
    step: Step,
    progress: Progress,
    label: str,
    text: str,
    more: tuple[Button, ...] = (),
    replace_label: str = "Replace",
) -> Reply:
    """The step's heading, what is there now, and the buttons to keep, replace or edit it."""
    return reply(
        dialog.heading(step),
        label + "\n",
        clip_block(text),
        skipped_note(progress, step.name),
        "\nKeep it, replace it, or edit it.",
        buttons=(
            dialog.button("Keep it, go on", "next", progress),
            dialog.button(replace_label, "replace", progress),
            dialog.button("Edit", "edit", progress),
            *more,
        ),
    )


def edit_reply(what: str, text: str) -> Reply:
    """The whole text to copy and change; the adapter may put it in the writing box."""
    return reply(
        f"Here is your {what} to copy and change. Send the new version and it replaces this one "
        "(“Restore previous” brings this one back):\n",
        text,
        prefill=text,
    )


def clip_block(text: str, limit: int = SHOWN_CHARS) -> str:
    """Text kept to ``limit`` characters, its line breaks kept, cut on a word with "…"."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip() + "…"
