"""Certifications: each in one line (name, issuer, year); optional."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.progress import MAX_CERTIFICATIONS, Entry, Progress
from bot.steps.entries import EntriesStep
from bot.steps.entry_views import skipped_note
from bot.steps.schooling import reads_like_degree
from bot.types import Reply, reply

if TYPE_CHECKING:
    from bot.dialog import Dialog


class CertificationsStep(EntriesStep):
    """Certifications a backend employer recognises (cloud, Kubernetes, security…)."""

    name = "certifications"
    title = "Certifications"
    kind = "cert"
    noun = "certification"
    line_noun = "detail"
    feedback_title = "This certification"
    limit = MAX_CERTIFICATIONS
    has_lines = False
    header_example = "e.g. AWS Certified Developer – Associate, Amazon Web Services, 2023"

    def entries(self, progress: Progress) -> list[Entry]:
        """The certifications."""
        return progress.certifications

    def ask_header(self, dialog: Dialog, progress: Progress) -> Reply:
        """A certification in one line, or skip."""
        return reply(
            dialog.heading(self),
            f"Optional: any certifications? Send each in one line ({self.header_example}).",
            skipped_note(progress, self.name, asking=True),
            buttons=(dialog.button("Skip", "skip", progress),),
        )

    def doubt(self, header: str) -> str | None:
        """A degree sent here is asked about: it belongs under Education."""
        if not reads_like_degree(header):
            return None
        return (
            "This reads like a degree, which goes under Education (/back). "
            "Add it to your certifications anyway?"
        )

    def ask_bullets(self, dialog: Dialog, progress: Progress, entry: Entry) -> Reply:
        """Certifications have no lines: the list is shown instead."""
        return self.ask_header(dialog, progress)
