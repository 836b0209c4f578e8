"""'Improve it with me': a few short questions, one at a time, whose answers a step composes.

The questions and the composing live in ``bot/guided.py``; the step that offers the rewrite
decides what to do with the result. Answers wait in ``Progress.answers`` between messages.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.progress import Progress
from bot.types import Reply, bold, reply

if TYPE_CHECKING:
    from bot.dialog import Dialog

Questions = Sequence[tuple[str, str]]
MAX_ANSWER_CHARS = 500


def question(questions: Questions, progress: Progress) -> Reply:
    """The first question not answered yet, numbered ("2/4 …")."""
    for number, (key, text) in enumerate(questions, 1):
        if key not in progress.answers:
            return reply(bold(f"{number}/{len(questions)} "), text)
    return reply("")


def take_answer(
    dialog: Dialog, progress: Progress, questions: Questions, text: str
) -> list[Reply] | None:
    """Keep an answer; the replies that ask for the next one, or None when all are in."""
    if len(text) > MAX_ANSWER_CHARS:
        return [
            dialog.too_long(len(text), MAX_ANSWER_CHARS, "this answer"),
            question(questions, progress),
        ]
    for key, _ in questions:
        if key not in progress.answers:
            progress.answers = {**progress.answers, key: text}
            break
    if any(key not in progress.answers for key, _ in questions):
        return [question(questions, progress)]
    return None
