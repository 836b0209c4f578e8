"""The summary: 2–4 sentences at the top, pasted or built from four short answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot import rewrites
from bot.analysis import analyse_summary
from bot.feedback import summary_feedback
from bot.guided import SUMMARY_QUESTIONS, compose_summary
from bot.progress import Draft, Progress
from bot.steps.base import Step, Turn
from bot.types import Button, Reply, bold, reply

if TYPE_CHECKING:
    from bot.dialog import Dialog

# What ``Progress.pending`` holds while the summary is being built from answers.
GUIDE = "guide_summary"


class SummaryStep(Step):
    """The summary, scored against the guide's rules; "Build it with me" composes one."""

    name = "summary"
    title = "Summary"
    typed = True
    unsure_questions_are_text = True

    def prompt(self, dialog: Dialog, progress: Progress) -> list[Reply]:
        """Ask for the summary, or the next question of the guided summary."""
        if progress.pending == GUIDE:
            return [rewrites.question(SUMMARY_QUESTIONS, progress)]
        return [
            reply(
                dialog.heading(self),
                "Paste your summary: 2–4 sentences at the top of your resume. "
                "No summary yet? Tap “Build it with me”.",
                buttons=(
                    dialog.button("Build it with me", "improve", progress),
                    dialog.button("Show an example", "example", progress),
                    dialog.button("Skip", "skip", progress),
                ),
            )
        ]

    def on_text(self, dialog: Dialog, progress: Progress, text: str) -> Turn:
        """A pasted summary (it replaces the last one, which can be restored), or an answer."""
        if progress.pending == GUIDE:
            return self._on_answer(dialog, progress, text)
        too_long = self.oversized(dialog, progress, text)
        if too_long is not None:
            return too_long
        progress.summary.replace(text)
        report = analyse_summary(text, dialog.lex, dialog.level(progress))
        return dialog.done(progress, dialog.analysis_reply(progress, summary_feedback(report)))

    def on_button(self, dialog: Dialog, progress: Progress, action: str, arg: str) -> Turn | None:
        """Build it with me; show an example."""
        if action == "improve":
            progress.pending = GUIDE
            progress.answers = {}
            return dialog.done(
                progress,
                reply("Let's build it from four short answers."),
                rewrites.question(SUMMARY_QUESTIONS, progress),
            )
        if action == "example":
            level = dialog.level(progress)
            text = (dialog.role.examples.summaries.get(level) or [""])[0]
            example = reply(bold(f"An example summary for a {level} developer\n"), text)
            return dialog.done(progress, example, *dialog.prompt(progress))
        return super().on_button(dialog, progress, action, arg)

    def score(self, dialog: Dialog, progress: Progress) -> int | None:
        """The summary's score, once there is one."""
        if not progress.summary.text:
            return None
        return analyse_summary(progress.summary.text, dialog.lex, dialog.level(progress)).score

    def draft(self, progress: Progress) -> Draft:
        """The summary text and its earlier versions."""
        return progress.summary

    def extra_buttons(self, dialog: Dialog, progress: Progress) -> list[Button]:
        """A weak summary can be rebuilt from answers."""
        return [dialog.button("Improve it with me", "improve", progress)]

    def _on_answer(self, dialog: Dialog, progress: Progress, text: str) -> Turn:
        asking = rewrites.take_answer(dialog, progress, SUMMARY_QUESTIONS, text)
        if asking is not None:
            return dialog.done(progress, *asking)
        level = dialog.level(progress)
        before = progress.summary.text
        score_before = analyse_summary(before, dialog.lex, level).score if before else 0
        composed = compose_summary(level, progress.answers)
        progress.summary.replace(composed)
        progress.pending = None
        progress.answers = {}
        report = analyse_summary(composed, dialog.lex, level)
        change = reply(bold(f"Summary score {score_before} → {report.score}\n"), composed)
        return dialog.done(
            progress, change, dialog.analysis_reply(progress, summary_feedback(report))
        )
