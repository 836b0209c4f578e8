"""The document sanitised into what every format lays out: a header, then sections in order."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.export.dates import split_dates
from bot.export.model import Entry, ResumeDoc, Section, section_order
from bot.export.sanitise import display_url, lines, normalise_url, one_line, shows_label

# Deliberately loose: anything shaped like name@host.tld gets a mailto: link; the rest is text.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
SEPARATOR = " · "


@dataclass(frozen=True)
class Contact:
    """One piece of the contact line; ``url`` makes ``text`` a link, ``label`` goes before it."""

    text: str
    url: str = ""
    label: str = ""


@dataclass(frozen=True)
class Item:
    """A role, project, degree or certification: title with dates, detail lines, bullets."""

    title: str
    dates: str = ""
    details: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()

    @property
    def heading(self) -> str:
        """The title line as one string, for formats without a right-aligned date column."""
        return SEPARATOR.join(part for part in (self.title, self.dates) if part)


@dataclass(frozen=True)
class Block:
    """One section with something in it: paragraphs, skill lines or items."""

    section: Section
    paragraphs: tuple[str, ...] = ()
    # (label, list): ("Languages: ", "Python, Go"); the label is "" for an unnamed group.
    skills: tuple[tuple[str, str], ...] = ()
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Layout:
    """The resume as every format lays it out: name, title, contact line, sections."""

    name: str
    title: str
    contact: tuple[Contact, ...]
    blocks: tuple[Block, ...]

    @property
    def empty(self) -> bool:
        """True when there is nothing to show at all."""
        return not (self.name or self.title or self.contact or self.blocks)

    @property
    def doc_title(self) -> str:
        """The document title in file properties: "Zoë Łukasiewicz-Nguyễn — Resume"."""
        return f"{self.name} — Resume" if self.name else "Resume"


def _contact(doc: ResumeDoc) -> tuple[Contact, ...]:
    """Email · phone · location · links, each sanitised; links that are not web links go."""
    header = doc.header
    out: list[Contact] = []
    email = one_line(header.email)
    if email:
        out.append(Contact(email, f"mailto:{email}" if _EMAIL.match(email) else ""))
    out += [Contact(text) for text in (one_line(header.phone), one_line(header.location)) if text]
    seen: set[str] = set()
    for link in header.links:
        url = normalise_url(link.url)
        if url is None or url in seen:
            continue  # not a web link, or the same link given twice
        seen.add(url)
        label = one_line(link.label)
        out.append(Contact(display_url(url), url, label if shows_label(label, url) else ""))
    return tuple(out)


def _entries(entries: Sequence[Entry]) -> tuple[Item, ...]:
    """Roles or projects: blank bullets and entries with nothing left are dropped."""
    out = []
    for entry in entries:
        header, dates = (entry.header, entry.dates) if entry.dates else split_dates(entry.header)
        bullets = tuple(b for b in (one_line(raw) for raw in entry.bullets) if b)
        item = Item(one_line(header), one_line(dates), bullets=bullets)
        if item.title or item.bullets:
            out.append(item)
    return tuple(out)


def _joined(*parts: str) -> str:
    """Non-empty parts joined by commas: "BSc Computer Science, TU Berlin"."""
    return ", ".join(p for p in (one_line(part) for part in parts) if p)


def _block(doc: ResumeDoc, section: Section) -> Block:
    """One section's content, sanitised; empty when nothing in it survives."""
    if section is Section.SUMMARY:
        return Block(section, paragraphs=tuple(lines(doc.summary)))
    if section is Section.SKILLS:
        skills = []
        for group, names in doc.skills.items():
            listing = ", ".join(n for n in (one_line(raw) for raw in names) if n)
            if listing:
                label = one_line(group)
                skills.append((f"{label}: " if label else "", listing))
        return Block(section, skills=tuple(skills))
    if section in (Section.EXPERIENCE, Section.PROJECTS):
        entries = doc.roles if section is Section.EXPERIENCE else doc.projects
        return Block(section, items=_entries(entries))
    if section is Section.EDUCATION:
        items = (
            Item(_joined(e.degree, e.school), one_line(e.dates), tuple(lines(e.details)))
            for e in doc.education
        )
    else:
        items = (Item(_joined(c.name, c.issuer), one_line(c.year)) for c in doc.certifications)
    return Block(section, items=tuple(i for i in items if i.title or i.details))


def layout(doc: ResumeDoc) -> Layout:
    """Sanitise every field once, so all four formats leave out exactly the same things."""
    blocks = (_block(doc, section) for section in section_order(doc))
    return Layout(
        name=one_line(doc.header.name),
        title=one_line(doc.header.title),
        contact=_contact(doc),
        blocks=tuple(b for b in blocks if b.paragraphs or b.skills or b.items),
    )


def is_empty(doc: ResumeDoc) -> bool:
    """True when nothing was written, so every export would be blank."""
    return layout(doc).empty
