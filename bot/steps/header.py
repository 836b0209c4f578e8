"""The header: name, target title, email, phone, city and links, one short question each.

Every field can be skipped and changed later; email, phone and links are checked for shape and
nothing malformed is stored. A name is kept exactly as typed, in any script.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.contact import Checked, check_email, check_line, check_links, check_phone
from bot.feedback import clip
from bot.progress import MAX_LINKS, Contact, Progress
from bot.steps.base import Step, Turn
from bot.steps.entry_views import skipped_note
from bot.types import Button, Reply, Span, reply

if TYPE_CHECKING:
    from bot.dialog import Dialog

# Each field, and its question.
FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "Your full name, as it should appear at the top of your resume."),
    ("title", "The job title you are applying for, shown under your name"),
    ("email", "Your email address."),
    ("phone", "Your phone number, with its country code (optional)."),
    ("location", "Your city and country (optional, e.g. Berlin, Germany)."),
    ("links", "Links to your GitHub, LinkedIn or portfolio: send one or more."),
)
_QUESTIONS = dict(FIELDS)
_PREFIXES = {"junior": "Junior ", "mid": "", "senior": "Senior "}
# A field read as written, where a question word may open a name ("Will Smith").
_FREE_FIELDS = frozenset({"name", "title", "location"})
EDITING = "field"


class HeaderStep(Step):
    """Who the resume is for and how to reach them."""

    name = "header"
    title = "Header"
    typed = True

    def prompt(self, dialog: Dialog, progress: Progress) -> list[Reply]:
        """The next field's question, or the header as it stands."""
        field = self._field(progress)
        if field is not None:
            return [self._ask(dialog, progress, field)]
        return [self._card(dialog, progress)]

    def takes_any_text(self, progress: Progress, text: str) -> bool:
        """A name, title or city is read as written, even if it opens like a question."""
        return self._field(progress) in _FREE_FIELDS and not text[:1].islower()

    def on_text(self, dialog: Dialog, progress: Progress, text: str) -> Turn:
        """The answer to the field being asked."""
        field = self._field(progress) or "name"
        contact = progress.contact
        if field == "links":
            return self._add_links(dialog, progress, text)
        checked = _check(field, text)
        if checked.problem:
            return dialog.done(progress, reply(checked.problem), *dialog.prompt(progress))
        setattr(contact, field, checked.value)
        self._answered(dialog, progress, field)
        return dialog.done(progress, reply(f"Saved: {checked.value}"), *dialog.prompt(progress))

    def on_button(self, dialog: Dialog, progress: Progress, action: str, arg: str) -> Turn | None:
        """Skip or clear a field, use the suggested title, finish the links, change a field."""
        field = self._field(progress)
        if action == "skipfield" and field is not None:
            self._answered(dialog, progress, field)
            return dialog.done(progress, *dialog.prompt(progress))
        if action == "clearfield" and field is not None:
            setattr(progress.contact, field, [] if field == "links" else "")
            self._answered(dialog, progress, field)
            return dialog.done(progress, reply(f"Removed your {field}."), *dialog.prompt(progress))
        if action == "usetitle" and field == "title":
            progress.contact.title = _suggested_title(dialog, progress)
            self._answered(dialog, progress, "title")
            return dialog.done(progress, *dialog.prompt(progress))
        if action == "change":
            return dialog.done(progress, self._field_picker(dialog, progress))
        if action == "editfield" and arg in _QUESTIONS:
            progress.pending, progress.answers = EDITING, {"field": arg}
            return dialog.done(progress, *dialog.prompt(progress))
        return super().on_button(dialog, progress, action, arg)

    def skip(self, dialog: Dialog, progress: Progress) -> str:
        """With fields filled, skipping means the rest of the questions, not what was written."""
        if not self.has_content(progress):
            return super().skip(dialog, progress)
        progress.contact.asked = [name for name, _ in FIELDS]
        return "Skipped the rest of the header; what you entered stays. /back returns to it."

    def has_content(self, progress: Progress) -> bool:
        """Whether any field is filled."""
        contact = progress.contact
        return any((contact.name, contact.title, contact.email, contact.phone, contact.links))

    def score(self, dialog: Dialog, progress: Progress) -> int | None:
        """How complete the header is: name and email matter most."""
        if not self.has_content(progress):
            return None
        contact = progress.contact
        weights = (
            (contact.name, 30),
            (contact.email, 30),
            (contact.title, 15),
            (contact.links, 15),
            (contact.location, 5),
            (contact.phone, 5),
        )
        return sum(weight for value, weight in weights if value)

    # ---- the fields --------------------------------------------------------------------------

    def _field(self, progress: Progress) -> str | None:
        """The field being asked: one picked to change, else the first not asked yet."""
        if progress.pending == EDITING and progress.answers.get("field") in _QUESTIONS:
            return progress.answers["field"]
        asked = progress.contact.asked
        return next((name for name, _ in FIELDS if name not in asked), None)

    def _answered(self, dialog: Dialog, progress: Progress, field: str) -> None:
        contact = progress.contact
        if field not in contact.asked:
            contact.asked = [*contact.asked, field]
        if progress.pending == EDITING:
            progress.pending, progress.answers = None, {}
        dialog.keep(progress)

    def _ask(self, dialog: Dialog, progress: Progress, field: str) -> Reply:
        contact = progress.contact
        current = getattr(contact, field)
        question = _QUESTIONS[field]
        buttons: list[Button] = []
        if field == "title":
            suggested = _suggested_title(dialog, progress)
            question += f" (e.g. {suggested})."
            buttons.append(dialog.button(f"Use “{suggested}”", "usetitle", progress))
        shown = ", ".join(current) if isinstance(current, list) else current
        now = f"\nNow: {clip(shown, 200)}" if shown else ""
        done = "Done" if field == "links" and current else "Keep it" if current else "Skip"
        buttons.append(dialog.button(done, "skipfield", progress))
        if current:
            buttons.append(dialog.button("Remove it", "clearfield", progress))
        head = dialog.heading(self) if not contact.asked else ""
        if not contact.asked and progress.pending != EDITING:
            # The header can wait: the review asks for it again before the export.
            buttons.append(dialog.button("Later", "skip", progress))
        return reply(
            head, question, now, buttons=tuple(buttons), prefill=shown if field != "links" else ""
        )

    def _add_links(self, dialog: Dialog, progress: Progress, text: str) -> Turn:
        contact = progress.contact
        good, bad = check_links(text)
        added = [url for url in good if url not in contact.links][: MAX_LINKS - len(contact.links)]
        contact.links = [*contact.links, *added]
        dialog.keep(progress)
        notes = []
        if added:
            notes.append("Saved: " + ", ".join(added) + ".")
        if bad:
            notes.append(
                f"“{clip(' '.join(bad), 80)}” is not a web address (like github.com/you), "
                "so I didn't save it."
            )
        if not added and not bad:
            notes.append("Those links are already in your header.")
        notes.append("Send another link, or tap Done.")
        return dialog.done(progress, reply(" ".join(notes)), *dialog.prompt(progress))

    def _card(self, dialog: Dialog, progress: Progress) -> Reply:
        lines = header_lines(progress.contact) or ["(empty)"]
        return reply(
            dialog.heading(self),
            "Your header:\n",
            Span("\n".join(lines)),
            skipped_note(progress, self.name),
            "\nKeep it, or change a field.",
            buttons=(
                dialog.button("Keep it, go on", "next", progress),
                dialog.button("Change a field", "change", progress),
            ),
        )

    def _field_picker(self, dialog: Dialog, progress: Progress) -> Reply:
        buttons = tuple(
            dialog.button(name.capitalize(), "editfield", progress, name) for name, _ in FIELDS
        )
        return reply("Which field do you want to change?", buttons=buttons)


def header_lines(contact: Contact) -> list[str]:
    """The header as the person will see it on the resume, line by line."""
    reach = " · ".join(v for v in (contact.email, contact.phone, contact.location) if v)
    return [v for v in (contact.name, contact.title, reach, " · ".join(contact.links)) if v]


def _check(field: str, text: str) -> Checked:
    if field == "email":
        return check_email(text)
    if field == "phone":
        return check_phone(text)
    return check_line(text, field)


def _suggested_title(dialog: Dialog, progress: Progress) -> str:
    return _PREFIXES[dialog.level(progress)] + dialog.role.role.title
