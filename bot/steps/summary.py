"""The summary: 2–4 sentences at the top, pasted or built from four short answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot import rewrites
from bot.analysis import analyse_summary
from bot.feedback import clip, summary_feedback
from bot.guided import SUMMARY_QUESTIONS, guided_summary
from bot.progress import Draft, Progress
from bot.steps.base import Step, Turn
from bot.steps.shown import edit_reply, shown_text
from bot.types import Button, Reply, Span, bold, reply

if TYPE_CHECKING:
    from bot.dialog import Dialog

# What ``Progress.pending`` holds while the summary is being built from answers.
GUIDE = "guide_summary"
_COUNTS = {3: "three", 4: "four"}
# Words that say a text is about a person's work, so a short one can still be a summary.
_ABOUT_WORK = frozenset(
    """developer engineer programmer backend back-end software intern graduate architect lead
    years year experience built build building apis api services systems platform""".split()
)


def _reads_like_summary(dialog: Dialog, text: str) -> bool:
    """Long enough to be a summary, or short and about the person's work; else ask first."""
    words = text.split()
    if len(words) >= 12:
        return True
    about_work = any(w.strip(".,;:!").casefold() in _ABOUT_WORK for w in words)
    return len(words) >= 4 and (about_work or bool(dialog.lex.skills.technologies(text)))


def _years(years: float) -> str:
    """4.0 → "4", 1.5 → "1.5"."""
    return f"{years:g}"


class SummaryStep(Step):
    """The summary, scored against the guide's rules; "Build it with me" composes one."""

    name = "summary"
    title = "Summary"
    typed = True

    def prompt(self, dialog: Dialog, progress: Progress) -> list[Reply]:
        """The summary there is now, or the question for one, or the guided summary's question."""
        if progress.pending == GUIDE:
            return [rewrites.question(self._questions(progress), progress)]
        text = progress.summary.text
        if progress.pending == "replace" and text:
            return [
                reply(
                    "Send your new summary: it replaces the one above, and “Restore previous” "
                    "brings that one back."
                )
            ]
        if text:
            improve = dialog.button("Improve it with me", "improve", progress)
            return [shown_text(dialog, self, progress, "Your summary now:", text, (improve,))]
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

    def takes_any_text(self, progress: Progress, text: str) -> bool:
        """The guided summary's questions take any answer ("skip", "none", "5")."""
        return progress.pending == GUIDE

    def has_content(self, progress: Progress) -> bool:
        """Whether there is a summary."""
        return bool(progress.summary.text)

    def on_text(self, dialog: Dialog, progress: Progress, text: str) -> Turn:
        """A pasted summary, an answer to the guided summary, or a message to ask about."""
        if progress.pending == GUIDE:
            return self._on_answer(dialog, progress, text)
        too_long = self.oversized(dialog, progress, text)
        if too_long is not None:
            return too_long
        if progress.pending != "replace" and not _reads_like_summary(dialog, text):
            return self.hold(dialog, progress, text, "Use this as your summary?")
        return self.store(dialog, progress, text)

    def store(self, dialog: Dialog, progress: Progress, text: str) -> Turn:
        """The new summary, in place of any earlier one (which "Restore previous" brings back)."""
        before = progress.summary.text
        progress.summary.replace(text)
        progress.pending = None
        dialog.keep(progress)
        report = analyse_summary(text, dialog.lex, dialog.level(progress))
        spans = summary_feedback(report)
        if before and before != text:
            spans = [Span(f"Replaced your previous summary (“{clip(before, 120)}”).\n"), *spans]
        return dialog.done(progress, dialog.analysis_reply(progress, spans))

    def on_button(self, dialog: Dialog, progress: Progress, action: str, arg: str) -> Turn | None:
        """Build it with me; show an example."""
        if action == "improve":
            progress.pending = GUIDE
            # Years said at the level question are not asked again.
            progress.answers = {} if progress.years is None else {"years": _years(progress.years)}
            questions = self._questions(progress)
            count = _COUNTS.get(len(questions), str(len(questions)))
            return dialog.done(
                progress,
                reply(f"Let's build it from {count} short answers."),
                rewrites.question(questions, progress),
            )
        if action == "replace":
            progress.pending = "replace"
            return dialog.done(progress, *dialog.prompt(progress))
        if action == "edit" and progress.summary.text:
            return dialog.done(progress, edit_reply("summary", progress.summary.text))
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

    def _questions(self, progress: Progress) -> list[tuple[str, str]]:
        asked = [q for q in SUMMARY_QUESTIONS if q[0] != "years" or progress.years is None]
        return asked

    def _on_answer(self, dialog: Dialog, progress: Progress, text: str) -> Turn:
        asking = rewrites.take_answer(dialog, progress, self._questions(progress), text)
        if asking is not None:
            return dialog.done(progress, *asking)
        level = dialog.level(progress)
        before = progress.summary.text
        result = guided_summary(level, progress.answers, dialog.lex, before)
        progress.pending = None
        progress.answers = {}
        if result.kept_original:
            return dialog.done(progress, reply(result.why), *dialog.prompt(progress))
        score_before = analyse_summary(before, dialog.lex, level).score if before else 0
        progress.summary.replace(result.text)
        dialog.keep(progress)
        report = analyse_summary(result.text, dialog.lex, level)
        change = reply(bold(f"Summary score {score_before} → {report.score}\n"), result.text)
        return dialog.done(
            progress, change, dialog.analysis_reply(progress, summary_feedback(report))
        )
