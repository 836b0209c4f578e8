"""Questions at any moment: answered from the FAQ, then the walk goes on where it was."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from bot.feedback import clip
from bot.intent import Intent
from bot.knowledge import FaqEntry
from bot.progress import Progress
from bot.steps.base import Turn
from bot.types import Button, Reply, bold, reply

if TYPE_CHECKING:
    from bot.dialog import Dialog

NOT_COVERED = "My guide has nothing on that, so I won't guess. /faq lists every topic I can answer."
_THANKS = re.compile(r"^(?:thanks?|thx|ty|tysm|cheers|much appreciated)", re.I)
_MOVE_ON = re.compile(
    r"^(?:done|finished|that'?s (?:it|all)|all done|continue|next|skip|none|nothing|n/?a)\b",
    re.I,
)
_GREETING = re.compile(r"^(?:hi|hii+|hello|hey|heya|hiya|yo|howdy|greetings|good )", re.I)
NOT_SAVED = "I keep only resume text in your draft, so I didn't save that."
LONE_NUMBER = (
    "A number on its own isn't something I'd put on your resume, so I didn't save it. "
    "To choose an option, tap its button."
)


def answer_question(dialog: Dialog, progress: Progress, text: str) -> Turn:
    """A question: its FAQ answer, or the closest topics; then the step again. Nothing stored."""
    match = dialog.faq_match(text)
    if match.not_covered:
        first = reply(NOT_COVERED)
    elif match.entry is None:
        first = fallback(match.suggestions)
    else:
        first = answer(dialog, match.entry.id)
    return dialog.done(progress, first, *dialog.prompt(progress))


def not_content(dialog: Dialog, progress: Progress, intent: Intent, text: str) -> Turn:
    """Small talk or a lone number: a word back, nothing stored, and the step again."""
    if intent is Intent.NUMBER:
        note = LONE_NUMBER
    elif _MOVE_ON.match(text):
        note = "To go on, send /next (it keeps this step); /skip leaves the step out of your draft."
    elif _THANKS.match(text):
        note = "You're welcome! " + NOT_SAVED
    elif _GREETING.match(text):
        note = "Hi! " + NOT_SAVED
    else:
        note = NOT_SAVED
    return dialog.done(progress, reply(note), *dialog.prompt(progress))


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
