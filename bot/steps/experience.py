"""Experience: each job's header line, then its bullets; a weak bullet can be reworked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot import rewrites
from bot.analysis import analyse_bullet, analyse_roles
from bot.draft import resume_view
from bot.feedback import clip
from bot.guided import BULLET_QUESTIONS, guided_bullet
from bot.progress import MAX_ROLES, Entry, Progress
from bot.steps.base import Turn
from bot.steps.entries import EntriesStep
from bot.steps.entry_views import skipped_note
from bot.types import Button, Reply, bold, reply

if TYPE_CHECKING:
    from bot.dialog import Dialog

# What ``Progress.pending`` holds while a bullet is being reworked from answers.
GUIDE = "guide_bullet"
_GAINS = (
    ("strong_verb", "an action verb"),
    ("quantified", "a result"),
    ("names_technology", "a technology"),
    ("names_system", "the system"),
)


class ExperienceStep(EntriesStep):
    """Jobs, newest first as the person sends them; bullets scored one by one."""

    name = "experience"
    title = "Experience"
    kind = "role"
    noun = "job"
    feedback_title = "This job"
    limit = MAX_ROLES
    header_example = "e.g. Backend Developer, Acme, 2021–now"

    def entries(self, progress: Progress) -> list[Entry]:
        """The jobs."""
        return progress.roles

    def prompt(self, dialog: Dialog, progress: Progress) -> list[Reply]:
        """The next question of a bullet being reworked, or the entries' prompt."""
        if progress.pending == GUIDE:
            return [rewrites.question(BULLET_QUESTIONS, progress)]
        return super().prompt(dialog, progress)

    def ask_header(self, dialog: Dialog, progress: Progress) -> Reply:
        """One job in one line."""
        return reply(
            dialog.heading(self),
            f"Send one job in one line: title, company, dates ({self.header_example}).",
            skipped_note(progress, self.name, asking=True),
            buttons=(dialog.button("Skip", "skip", progress),),
        )

    def ask_bullets(self, dialog: Dialog, progress: Progress, entry: Entry) -> Reply:
        """The job's bullets."""
        return reply(
            dialog.heading(self),
            f"Now the bullets for “{clip(entry.header, 80)}”: one per line, 3–5 of them.",
            buttons=(dialog.button("Show an example", "example", progress),),
        )

    def takes_any_text(self, progress: Progress, text: str) -> bool:
        """The rework's questions take any answer ("skip", "none", "5")."""
        return progress.pending == GUIDE

    def on_text(self, dialog: Dialog, progress: Progress, text: str) -> Turn:
        """An answer to the rework's question, or a header or bullets."""
        if progress.pending == GUIDE:
            return self._on_answer(dialog, progress, text)
        return super().on_text(dialog, progress, text)

    def on_button(self, dialog: Dialog, progress: Progress, action: str, arg: str) -> Turn | None:
        """Improve it with me: rework the weakest bullet of the latest job."""
        if action == "improve":
            return self._start_rework(dialog, progress)
        return super().on_button(dialog, progress, action, arg)

    def score(self, dialog: Dialog, progress: Progress) -> int | None:
        """The average score of the jobs that have bullets."""
        reports = analyse_roles(resume_view(progress), dialog.lex)
        scores = [
            report.score for report, e in zip(reports, progress.roles, strict=False) if e.lines
        ]
        return round(sum(scores) / len(scores)) if scores else None

    def extra_buttons(self, dialog: Dialog, progress: Progress) -> list[Button]:
        """Rework a bullet; close the job; add another job."""
        improve = dialog.button("Improve it with me", "improve", progress)
        return [improve, *super().extra_buttons(dialog, progress)]

    def _reworked(self, progress: Progress) -> Entry | None:
        """The job a rework is about: the open one, else the latest."""
        entry = self.open_entry(progress)
        if entry is None and progress.roles:
            progress.focus = len(progress.roles) - 1
            entry = progress.roles[-1]
        return entry

    def _start_rework(self, dialog: Dialog, progress: Progress) -> Turn:
        entry = self._reworked(progress)
        if entry is None or not entry.lines:
            return dialog.done(
                progress,
                reply("Send your text first, then I can improve it with you."),
                *dialog.prompt(progress),
            )
        lines = entry.lines
        scores = [analyse_bullet(line, dialog.lex).score for line in lines]
        target = scores.index(min(scores))
        progress.pending = GUIDE
        progress.answers = {"target": str(target)}
        intro = reply(
            f"Let's rework bullet {target + 1} ({scores[target]}/100): ", clip(lines[target])
        )
        return dialog.done(progress, intro, rewrites.question(BULLET_QUESTIONS, progress))

    def _on_answer(self, dialog: Dialog, progress: Progress, text: str) -> Turn:
        asking = rewrites.take_answer(dialog, progress, BULLET_QUESTIONS, text)
        if asking is not None:
            return dialog.done(progress, *asking)
        entry = self._reworked(progress)
        if entry is None or not entry.lines:
            progress.pending, progress.answers = None, {}
            return dialog.done(progress, *dialog.prompt(progress))
        lines = entry.lines
        target = min(int(progress.answers.get("target", "0")), len(lines) - 1)
        result = guided_bullet(progress.answers, dialog.lex, lines[target])
        progress.pending = self.state("bullets")
        progress.answers = {}
        if result.kept_original:
            return dialog.done(progress, reply(result.why), *dialog.prompt(progress))
        old = analyse_bullet(lines[target], dialog.lex)
        new = analyse_bullet(result.text, dialog.lex)
        lines[target] = result.text
        entry.bullets.replace("\n".join(lines))
        gained = [label for check, label in _GAINS if new.checks[check] and not old.checks[check]]
        why = ": added " + " and ".join(gained) if gained else ""
        return dialog.done(
            progress,
            reply(bold(f"Bullet score {old.score} → {new.score}{why}\n"), result.text),
            dialog.analysis_reply(progress, self.feedback(dialog, progress, entry)),
        )
