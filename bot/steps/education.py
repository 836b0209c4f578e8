"""Education: each degree in one line (degree, school, years), honours or GPA below it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.feedback import clip
from bot.progress import MAX_SCHOOLS, Entry, Progress
from bot.steps.entries import EntriesStep
from bot.steps.entry_views import skipped_note
from bot.steps.schooling import reads_like_education
from bot.types import Reply, Span, bold, reply

if TYPE_CHECKING:
    from bot.dialog import Dialog


class EducationStep(EntriesStep):
    """Degrees and schools; laid out before experience for juniors with little of it."""

    name = "education"
    title = "Education"
    kind = "school"
    noun = "degree"
    line_noun = "detail"
    feedback_title = "This degree"
    limit = MAX_SCHOOLS
    closes_when_described = True
    header_example = "e.g. BSc Computer Science, University of Warsaw, 2019–2023"

    def entries(self, progress: Progress) -> list[Entry]:
        """The degrees."""
        return progress.education

    def ask_header(self, dialog: Dialog, progress: Progress) -> Reply:
        """A degree in one line."""
        return reply(
            dialog.heading(self),
            f"Send your degree, school and years in one line ({self.header_example}; "
            "“Expected 2026” if you are still studying).",
            skipped_note(progress, self.name, asking=True),
            buttons=(dialog.button("Skip", "skip", progress),),
        )

    def doubt(self, header: str) -> str | None:
        """A line naming no degree, school, field or year ("Parcel tracker, Go") is asked about."""
        if reads_like_education(header):
            return None
        return "This doesn't name a degree, a school or a year. Add it to your education anyway?"

    def ask_bullets(self, dialog: Dialog, progress: Progress, entry: Entry) -> Reply:
        """Honours, GPA or a relevant course, if any."""
        return reply(
            f"Anything to add under “{clip(entry.header, 80)}”: honours, a GPA of 3.5 or more, "
            "a thesis or course relevant to backend work? Send it, or tap Done.",
            buttons=(
                dialog.button(f"Done with this {self.noun}", "done", progress),
                dialog.button(f"Add another {self.noun}", "addrole", progress),
            ),
        )

    def feedback(self, dialog: Dialog, progress: Progress, entry: Entry) -> list[Span]:
        """Honours and grades are not bullets: they are shown, not scored."""
        lines = [Span(f"\n• {line}") for line in entry.lines]
        return [bold(clip(entry.header, 120)), *lines]

    def score(self, dialog: Dialog, progress: Progress) -> int | None:
        """Full marks for a degree with a school and dates."""
        if not progress.education:
            return None
        return 100 if any(_complete(entry.header) for entry in progress.education) else 60


def _complete(header: str) -> bool:
    """A degree line that names a degree, a school and a year."""
    return header.count(",") >= 2 and any(ch.isdigit() for ch in header)
