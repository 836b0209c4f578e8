"""The review: the whole draft scored section by section, with what to fix first."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.analysis import analyse_resume
from bot.draft import draft_text
from bot.feedback import review_feedback
from bot.knowledge import Level
from bot.progress import Progress
from bot.steps.base import Step
from bot.types import Reply, Span, bold, reply

if TYPE_CHECKING:
    from bot.dialog import Dialog

# Whole drafts are large: fewer of their reviews are kept than of the analysers' results.
REVIEW_CACHE = 1_024


class ReviewStep(Step):
    """Shows the review of the draft; the person goes back to fix or on to export."""

    name = "review"
    title = "Review"

    def prompt(self, dialog: Dialog, progress: Progress) -> list[Reply]:
        """The review of the draft as it is now."""
        text = draft_text(dialog.role, progress)
        if not text.strip():
            return [
                reply(
                    bold("Review\n"),
                    "There is nothing to review yet: go /back and write a section.",
                    buttons=(dialog.button("Back", "back", progress),),
                )
            ]
        feedback = _review_spans(dialog, text, dialog.level(progress), date.today())
        return [
            Reply(
                spans=(dialog.heading(self), *before_export(progress), *feedback),
                buttons=(
                    dialog.button("Looks good, export", "next", progress),
                    dialog.button("Back", "back", progress),
                ),
            )
        ]


def before_export(progress: Progress) -> list[Span]:
    """What a resume can't be sent without: a way to reach the person, and their education."""
    contact = progress.contact
    missing = []
    if not contact.name or not contact.email:
        absent = " and ".join(
            f for f, v in (("name", contact.name), ("email", contact.email)) if not v
        )
        missing.append(f"Add your {absent} to the header: a recruiter can't reach you without it.")
    if not progress.education and "education" not in progress.skipped:
        missing.append("Add your education (degree, school, years), or skip that step.")
    if not missing:
        return []
    lines = [Span(f"\n{n}. {line}") for n, line in enumerate(missing, 1)]
    return [bold("Fix before you export:"), *lines, Span("\n\n")]


# The review of an unchanged draft is shown again and again (every message in this step);
# it is kept with the day, since it judges how old each role is.
@lru_cache(maxsize=REVIEW_CACHE)
def _review_spans(dialog: Dialog, text: str, level: Level, today: date) -> tuple[Span, ...]:
    report = analyse_resume(text, dialog.lex, level, today)
    return tuple(review_feedback(report, level))
