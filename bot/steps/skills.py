"""The skills section: a list the coach normalises, groups and checks for gaps.

Each message adds to the list (a skill already there is not added twice); Replace starts it
over. A paragraph of prose is not a skills list and is not stored as one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.analysis import analyse_skills
from bot.analysis.skills import split_skill_items
from bot.analysis.text import sentences
from bot.draft import resume_view
from bot.feedback import skills_feedback
from bot.progress import Draft, Progress
from bot.steps.base import Step, Turn
from bot.steps.shown import edit_reply, shown_text
from bot.types import Reply, Span, bold, reply

if TYPE_CHECKING:
    from bot.dialog import Dialog

# An item of more words than this is a sentence, not a skill ("Other: GraphQL. You will…").
LONGEST_ITEM_WORDS = 8
NOT_A_LIST = (
    "That reads like sentences, not a list of skills, so I didn't add it. Send skills "
    "separated by commas (e.g. Python, Django, PostgreSQL); a sentence about your work "
    "belongs in your summary or a bullet."
)


class SkillsStep(Step):
    """Skills typed or pasted; misspellings and aliases resolve to their usual names."""

    name = "skills"
    title = "Skills"
    typed = True

    def prompt(self, dialog: Dialog, progress: Progress) -> list[Reply]:
        """The skills there are now, or the question for them."""
        text = progress.skills.text
        if progress.pending == "replace" and text:
            return [
                reply(
                    "Send your whole skills list: it replaces the one above, and “Restore "
                    "previous” brings that one back."
                )
            ]
        if text:
            note = "Your skills now (send more to add them):"
            return [shown_text(dialog, self, progress, note, text, replace_label="Replace all")]
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
        """Skills to add to the list (or to replace it, after Replace all)."""
        too_long = self.oversized(dialog, progress, text)
        if too_long is not None:
            return too_long
        items = split_skill_items(text, dialog.lex.skills)
        if _is_prose(text, items):
            return dialog.done(progress, reply(NOT_A_LIST), *dialog.prompt(progress))
        before = progress.skills.text
        if progress.pending == "replace" or not before:
            progress.skills.replace(text)
            note = "Replaced your skills list.\n" if before else ""
        else:
            new = _new_items(dialog, before, items)
            if new:
                joiner = "\n" if "\n" in before else ", "
                progress.skills.replace(before.rstrip(" ,") + joiner + ", ".join(new))
            note = f"Added: {', '.join(new)}.\n" if new else "All of these are already listed.\n"
        progress.pending = None
        dialog.keep(progress)
        # Judged with the rest of the resume in view: a skill a bullet shows is not "unused".
        report = analyse_skills(progress.skills.text, dialog.lex, resume_view(progress))
        spans = [Span(note), *skills_feedback(report, dialog.role.categories)]
        return dialog.done(progress, dialog.analysis_reply(progress, spans))

    def on_button(self, dialog: Dialog, progress: Progress, action: str, arg: str) -> Turn | None:
        """Show an example; replace the list; edit it."""
        if action == "example":
            groups = dialog.role.keywords.get("languages_and_technologies", ())
            example = reply(bold("An example skills section\n"), ", ".join(groups[:12]))
            return dialog.done(progress, example, *dialog.prompt(progress))
        if action == "replace":
            progress.pending = "replace"
            return dialog.done(progress, *dialog.prompt(progress))
        if action == "edit" and progress.skills.text:
            progress.pending = "replace"
            return dialog.done(progress, edit_reply("skills list", progress.skills.text))
        return super().on_button(dialog, progress, action, arg)

    def has_content(self, progress: Progress) -> bool:
        """Whether there are skills."""
        return bool(progress.skills.text)

    def score(self, dialog: Dialog, progress: Progress) -> int | None:
        """The skills' score, once there are some."""
        if not progress.skills.text:
            return None
        return analyse_skills(progress.skills.text, dialog.lex, resume_view(progress)).score

    def draft(self, progress: Progress) -> Draft:
        """The skills text and its earlier versions."""
        return progress.skills


def _is_prose(text: str, items: list[str]) -> bool:
    """Sentences rather than a list: an item of many words, or several sentences in a row."""
    if any(len(item.split()) > LONGEST_ITEM_WORDS for item in items):
        return True
    return len(sentences(text)) >= 3 and len(items) <= 2


def _new_items(dialog: Dialog, before: str, items: list[str]) -> list[str]:
    """The items not in the list yet, by their resolved name or, unrecognised, as typed."""

    def key(item: str) -> str:
        resolved = dialog.lex.skills.resolve(item)
        return resolved.skill.name if resolved.skill is not None else item.casefold()

    known = {key(item) for item in split_skill_items(before, dialog.lex.skills)}
    new: list[str] = []
    for item in items:
        if key(item) not in known:
            known.add(key(item))
            new.append(item)
    return new
