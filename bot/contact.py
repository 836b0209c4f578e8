"""The header's fields checked for shape: an email, a phone number, web links, a name.

Nothing malformed is stored: each check returns the value to keep, or the sentence that says
what is wrong with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email

from bot.export import Link

MAX_FIELD_CHARS = 100
# E.164 allows at most 15 digits; the shortest national numbers have about 7.
_PHONE_CHARS = re.compile(r"^\+?[\d\s().\-/]+(?:\s*(?:ext\.?|x)\s*\d{1,5})?$", re.I)
_LOOKS_LIKE_EMAIL = re.compile(r"\S+@\S+")
_LOOKS_LIKE_LINK = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|io|dev|me|org|net)/\S*", re.I
)


@dataclass(frozen=True)
class Checked:
    """A field's value to store, or why nothing was stored."""

    value: str = ""
    problem: str = ""


def check_email(text: str) -> Checked:
    """An email address, normalised (the domain in lower case), or what is wrong with it."""
    candidate = text.strip().strip("<>").removeprefix("mailto:")
    try:
        return Checked(validate_email(candidate, check_deliverability=False).normalized)
    except EmailNotValidError:
        return Checked(
            problem="That doesn't look like an email address (like name@example.com), so I "
            "didn't save it. Please check it and send it again, or skip."
        )


def check_phone(text: str) -> Checked:
    """A phone number as written (spaces tidied), or what is wrong with it."""
    candidate = " ".join(text.split())
    digits = sum(ch.isdigit() for ch in candidate)
    if _PHONE_CHARS.match(candidate) and 7 <= digits <= 15:
        return Checked(candidate)
    return Checked(
        problem="That doesn't look like a phone number (7 to 15 digits, e.g. +44 20 7946 0958), "
        "so I didn't save it. Please check it, or skip."
    )


def check_links(text: str) -> tuple[list[str], list[str]]:
    """The web addresses in a message, normalised to https; and the pieces that are not links."""
    good: list[str] = []
    bad: list[str] = []
    for piece in re.split(r"[\s,;]+", text.strip()):
        if not piece:
            continue
        link = Link.parse(piece)
        (good if link is not None else bad).append(link.url if link is not None else piece)
    return good, bad


def check_line(text: str, what: str) -> Checked:
    """A one-line field (name, title, location), kept exactly as typed; or why it isn't one."""
    value = " ".join(text.split())
    if "\n" in text.strip() or len(value) > MAX_FIELD_CHARS:
        return Checked(problem=f"Please send your {what} on one short line.")
    if what == "name" and (_LOOKS_LIKE_EMAIL.search(value) or _LOOKS_LIKE_LINK.search(value)):
        return Checked(problem="That looks like an email or a link, not a name. What is your name?")
    return Checked(value)
