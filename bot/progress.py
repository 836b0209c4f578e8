"""A user's progress through the walk: what they wrote and where they are, as JSON."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from bot.knowledge import Level

HISTORY_KEPT = 5
MAX_ROLES = 10
MAX_PROJECTS = 6
MAX_SCHOOLS = 6
MAX_CERTIFICATIONS = 10
MAX_LINKS = 6


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Draft(_Model):
    """The current text of one section, and earlier versions that can be restored."""

    text: str = ""
    history: list[str] = Field(default_factory=list)

    def replace(self, text: str) -> None:
        """Put new text in place, keeping the previous version."""
        if self.text and self.text != text:
            self.history = [*self.history, self.text][-HISTORY_KEPT:]
        self.text = text

    def restore(self) -> bool:
        """Go back to the previous version; False when there is none."""
        if not self.history:
            return False
        self.text = self.history[-1]
        self.history = self.history[:-1]
        return True


class Entry(_Model):
    """One job (or project): a header line and its bullets."""

    header: str = ""
    bullets: Draft = Field(default_factory=Draft)

    @property
    def lines(self) -> list[str]:
        """The bullets, one per line."""
        return [line for line in self.bullets.text.split("\n") if line.strip()]


class Contact(_Model):
    """The header of the resume: who it is for and how to reach them."""

    name: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""
    location: str = ""
    # Normalised https addresses (GitHub, LinkedIn, a portfolio…), in the order given.
    links: list[str] = Field(default_factory=list, max_length=MAX_LINKS)
    # The fields asked so far (answered or skipped), so the walk asks each once.
    asked: list[str] = Field(default_factory=list)


class Option(_Model):
    """A button of the latest reply, so that typing its label presses it."""

    label: str
    value: str


class Undo(_Model):
    """The written content as it was before the last change that can be undone."""

    what: str
    content: dict[str, Any]


# The parts of the progress that are the resume itself; an undo point holds them.
CONTENT_FIELDS = (
    "contact",
    "summary",
    "skills",
    "roles",
    "projects",
    "education",
    "certifications",
    "skipped",
)


class Progress(_Model):
    """Everything stored about one user."""

    level: Level | None = None
    # Years of experience, when the person said (in words at the level question).
    years: float | None = None
    # The name of a step in the step table (bot/steps); a name no longer in it means the first.
    step: str = "level"
    started: bool = False
    summary: Draft = Field(default_factory=Draft)
    skills: Draft = Field(default_factory=Draft)
    roles: list[Entry] = Field(default_factory=list, max_length=MAX_ROLES)
    projects: list[Entry] = Field(default_factory=list, max_length=MAX_PROJECTS)
    contact: Contact = Field(default_factory=Contact)
    # Each a line "degree, school, years" with honours or GPA as its lines.
    education: list[Entry] = Field(default_factory=list, max_length=MAX_SCHOOLS)
    # Each a line "name, issuer, year".
    certifications: list[Entry] = Field(default_factory=list, max_length=MAX_CERTIFICATIONS)
    # "a4" or "letter" once the person chose; until then the default follows their header.
    paper: str | None = None
    # What the coach waits for inside a step: a role header, a guided answer, a confirmation.
    pending: str | None = None
    answers: dict[str, str] = Field(default_factory=dict)
    # Bumped on every turn that shows buttons; a button carries it, so an old one can be told apart.
    turn: int = 0
    skipped: list[str] = Field(default_factory=list)
    # A message the coach holds while it asks what it is ("Use this as your summary?").
    held: str = ""
    # The job or project open for editing (an index into roles or projects).
    focus: int | None = None
    # The latest reply's buttons: a typed label presses one; anything else is text.
    options: list[Option] = Field(default_factory=list)
    undo: Undo | None = None
    # The first part of a long paste the platform split, waiting for its next part.
    paste: str = ""
    paste_at: float = 0.0

    def snapshot(self, what: str) -> None:
        """Keep the content as it is now, so the change about to be made can be undone."""
        self.undo = Undo(
            what=what, content=self.model_dump(mode="json", include=set(CONTENT_FIELDS))
        )

    def restore_snapshot(self) -> str | None:
        """Put back the content of the undo point; what was undone, or None if nothing."""
        if self.undo is None:
            return None
        what, content = self.undo.what, self.undo.content
        restored = Progress.model_validate({**self.dump(), **content, "undo": None})
        for name in CONTENT_FIELDS:
            setattr(self, name, getattr(restored, name))
        self.undo = None
        return what

    def dump(self) -> dict[str, Any]:
        """The JSON document to store."""
        return self.model_dump(mode="json")

    @classmethod
    def load(cls, data: dict[str, Any] | None) -> Progress:
        """Rebuild progress from a stored document (a fresh start when there is none)."""
        return cls() if data is None else cls.model_validate(data)
