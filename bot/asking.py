"""Questions at any moment: answered from the FAQ, then the walk goes on where it was."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from bot.feedback import clip
from bot.knowledge import FaqEntry
from bot.progress import Progress
from bot.steps.base import Turn
from bot.types import Button, Reply, bold, reply

if TYPE_CHECKING:
    from bot.dialog import Dialog

NOT_COVERED = (
    "My guide has nothing on that, so I won't guess. I can tell you about length, the summary, "
    "skills, bullets, projects and ATS keywords: try /faq for the list."
)
_QUESTION_START = re.compile(
    r"^(?:how|what|which|should|shall|can|could|do|does|is|are|am|when|where|why|would|will|"
    r"any|tips?|help)\b",
    re.I,
)


def looks_like_question(text: str) -> bool:
    """A short single line that ends in "?" or opens like a question."""
    return (
        len(text) <= 300
        and "\n" not in text
        and (text.rstrip().endswith("?") or bool(_QUESTION_START.match(text)))
    )


def maybe_answer(dialog: Dialog, progress: Progress, text: str) -> Turn | None:
    """The answer to a question, then the step's prompt again; None when it is not one."""
    if not looks_like_question(text):
        return None
    match = dialog.faq_match(text)
    if match.not_covered:
        return dialog.done(progress, reply(NOT_COVERED), *dialog.prompt(progress))
    if match.entry is None:
        if text.rstrip().endswith("?") and not dialog.step(progress).unsure_questions_are_text:
            return dialog.done(progress, fallback(match.suggestions), *dialog.prompt(progress))
        return None
    return dialog.done(progress, answer(dialog, match.entry.id), *dialog.prompt(progress))


def answer(dialog: Dialog, entry_id: str) -> Reply:
    """One FAQ entry, with its related questions as buttons."""
    entry = dialog.role.faq_entry(entry_id)
    related = [e for e in dialog.role.faq if e.id in entry.related]
    return reply(bold(entry.question + "\n"), entry.answer, buttons=buttons(related))


def buttons(entries: Iterable[FaqEntry]) -> tuple[Button, ...]:
    """FAQ questions as buttons; they work at any time, so they carry no turn."""
    return tuple(Button(clip(e.question, 60), f"faq:{e.id}:0") for e in entries)


def fallback(suggestions: tuple[FaqEntry, ...]) -> Reply:
    """A question not understood: the closest topics, or what the coach can answer."""
    options = buttons(suggestions)
    if options:
        return reply(
            "I'm not sure I got that question. Did you mean one of these?", buttons=options
        )
    return reply(
        "I can only answer questions about backend resumes. Try /faq for the topics I know."
    )
