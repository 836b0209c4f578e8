"""/match: a job posting pasted after the command, compared with the draft; nothing stored."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.analysis import match_resume
from bot.draft import draft_text
from bot.feedback import match_feedback
from bot.progress import Progress
from bot.steps.base import Turn
from bot.types import Reply, reply

if TYPE_CHECKING:
    from bot.dialog import Dialog

# What ``Progress.pending`` holds while the coach waits for the posting.
PENDING = "match"
MAX_POSTING_CHARS = 15_000


def prompt() -> Reply:
    """The question while the coach waits for the posting."""
    return reply("Paste the job posting (the requirements part is enough).")


def on_posting(dialog: Dialog, progress: Progress, text: str) -> Turn:
    """Score the draft against a posting; the walk stays where it was."""
    progress.pending = None
    if len(text) > MAX_POSTING_CHARS:
        return dialog.done(progress, dialog.too_long(len(text), MAX_POSTING_CHARS, "a posting"))
    report = match_resume(draft_text(dialog.role, progress), text, dialog.lex)
    return dialog.done(
        progress, Reply(spans=tuple(match_feedback(report))), *dialog.prompt(progress)
    )
