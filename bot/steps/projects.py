"""Projects: a name and stack, then 1–3 lines on what it does; advised for juniors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.feedback import clip
from bot.progress import MAX_PROJECTS, Entry, Progress
from bot.steps.entries import EntriesStep
from bot.steps.entry_views import skipped_note
from bot.types import Reply, reply

if TYPE_CHECKING:
    from bot.dialog import Dialog


class ProjectsStep(EntriesStep):
    """Side projects, open source or course work: hands-on proof where experience is thin.

    A new message is a new project (its first line the name and stack, the rest what it
    does), unless a project is open for editing.
    """

    name = "projects"
    title = "Projects"
    kind = "project"
    noun = "project"
    line_noun = "line"
    feedback_title = "This project"
    limit = MAX_PROJECTS
    closes_when_described = True
    header_example = "e.g. Parcel tracker, Go, PostgreSQL, github.com/you/parcels"

    def entries(self, progress: Progress) -> list[Entry]:
        """The projects."""
        return progress.projects

    def ask_header(self, dialog: Dialog, progress: Progress) -> Reply:
        """A project's name and stack, with whether projects are advised at this level."""
        advised = dialog.level(progress) in dialog.role.guidance.projects.rules.advised_for
        why = "Advised at your level: they show hands-on work. " if advised else "Optional. "
        return reply(
            dialog.heading(self),
            why + "Send a project's name and stack in one line "
            f"({self.header_example}), or the name line and what it does below it.",
            skipped_note(progress, self.name, asking=True),
            buttons=(dialog.button("Skip", "skip", progress),),
        )

    def ask_bullets(self, dialog: Dialog, progress: Progress, entry: Entry) -> Reply:
        """What the project does."""
        return reply(
            dialog.heading(self),
            f"What did “{clip(entry.header, 80)}” do and how? "
            "1–3 lines: the problem, the stack, one design decision or result.",
        )
