"""The skills section: a list the coach normalises, groups and checks for gaps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.analysis import analyse_skills
from bot.feedback import skills_feedback
from bot.progress import Draft, Progress
from bot.steps.base import Step, Turn
from bot.types import Reply, bold, reply

if TYPE_CHECKING:
    from bot.dialog import Dialog


class SkillsStep(Step):
    """Skills typed or pasted; misspellings and aliases resolve to their usual names."""

    name = "skills"
    title = "Skills"
    typed = True

    def prompt(self, dialog: Dialog, progress: Progress) -> list[Reply]:
        """Ask for the skills."""
        return [
            reply(
                dialog.heading(self),
                "Send your skills, separated by commas or one per line "
                "(e.g. Python, Django, PostgreSQL, Docker, AWS).",
                buttons=(
                    dialog.button("Show an example", "example", progress),
                    dialog.button("Skip", "skip", progress),
                ),
            )
        ]

    def on_text(self, dialog: Dialog, progress: Progress, text: str) -> Turn:
        """A skills list (it replaces the last one, which can be restored)."""
        too_long = self.oversized(dialog, progress, text)
        if too_long is not None:
            return too_long
        progress.skills.replace(text)
        report = analyse_skills(text, dialog.lex)
        return dialog.done(
            progress,
            dialog.analysis_reply(progress, skills_feedback(report, dialog.role.categories)),
        )

    def on_button(self, dialog: Dialog, progress: Progress, action: str, arg: str) -> Turn | None:
        """Show an example."""
        if action == "example":
            groups = dialog.role.keywords.get("languages_and_technologies", ())
            example = reply(bold("An example skills section\n"), ", ".join(groups[:12]))
            return dialog.done(progress, example, *dialog.prompt(progress))
        return super().on_button(dialog, progress, action, arg)

    def score(self, dialog: Dialog, progress: Progress) -> int | None:
        """The skills' score, once there are some."""
        if not progress.skills.text:
            return None
        return analyse_skills(progress.skills.text, dialog.lex).score

    def draft(self, progress: Progress) -> Draft:
        """The skills text and its earlier versions."""
        return progress.skills
