"""A resume's structure as people write it: sections by their many names, roles and bullets.

Reads the blocks of ``bot.documents`` (headings, lines, list items, table rows; no markup left),
so Markdown with bold headings, roles in tables or HTML lists, and text pasted from a PDF all
come out the same: sections, and in experience and projects, entries of a header and bullets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.documents import Block

# Each section and the words its heading is made of, in the variants people use.
SECTION_WORDS: dict[str, tuple[str, ...]] = {
    "experience": (
        "experience",
        "employment",
        "work history",
        "job history",
        "career history",
        "career",
        "professional journey",
        "professional background",
        "work",
        "jobs",
        "positions",
        "experience timeline",
        "relevant experience",
        "work experience",
    ),
    "skills": (
        "skills",
        "technical skills",
        "tech stack",
        "stack",
        "technologies",
        "technology",
        "key technologies",
        "proficiencies",
        "key proficiencies",
        "competencies",
        "expertise",
        "tools",
        "tooling",
        "toolbox",
        "languages and technologies",
        "skills & tooling",
        "core skills",
        "technical expertise",
    ),
    "summary": (
        "summary",
        "profile",
        "about",
        "about me",
        "objective",
        "overview",
        "professional summary",
        "about & value",
        "introduction",
        "bio",
    ),
    "projects": (
        "projects",
        "personal projects",
        "side projects",
        "selected projects",
        "open source",
        "pet projects",
        "portfolio",
        "open source contributions",
    ),
    "education": (
        "education",
        "academic background",
        "certifications",
        "certificates",
        "courses",
        "training",
        "education & certifications",
        "degrees",
    ),
}
# The last word of a heading that names its section ("Professional Experience", "Key Skills").
_HEAD_WORDS = {
    "experience": "experience",
    "employment": "experience",
    "history": "experience",
    "journey": "experience",
    "timeline": "experience",
    "skills": "skills",
    "technologies": "skills",
    "stack": "skills",
    "proficiencies": "skills",
    "tooling": "skills",
    "summary": "summary",
    "profile": "summary",
    "projects": "projects",
    "education": "education",
    "certifications": "education",
}
_NAMES = {name: section for section, names in SECTION_WORDS.items() for name in names}
_LABEL_ONLY = re.compile(
    r"^(?:job|role|responsibilities|key responsibilities|achievements|key achievements|"
    r"highlights|duties|tasks|accomplishments|impact|description|other achievements)\s*:?$",
    re.I,
)
_STACK = re.compile(
    r"^(?:tech(?:nology|nologies)?\s*stack|stack|technologies|tech|tools|environment|"
    r"skills used|built with)\s*(?:[:—–-]|$)",
    re.I,
)
_PIPES = re.compile(r"\s+\|\s+")
_SUBLABEL = re.compile(r"^(?:project|client|team|product|module)\s*:\s", re.I)
_KEY_VALUE = re.compile(
    r"^(?:period|dates?|when|location|company|title|position)\s*[:—–-]\s*", re.I
)
_YEAR = re.compile(r"\b(?:19[6-9]\d|20\d\d)\b|\b(?:present|now|current)\b", re.I)
_SENTENCE = re.compile(r"[.!?](?:\s|$)")


@dataclass
class Entry:
    """A role or project as found: header lines, bullets, and any stack line under it."""

    header: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    stack: list[str] = field(default_factory=list)
    # A paragraph about the role was read: the next header line begins another entry.
    described: bool = False
    # The heading that began the entry, if a heading did.
    opened_by: Block | None = None
    # The entry is a table row ("Acme — Backend Developer — 2021–now").
    from_row: bool = False


@dataclass
class Structure:
    """A resume split into its sections, with the entries of experience and projects."""

    headline: list[str] = field(default_factory=list)
    sections: dict[str, list[Block]] = field(default_factory=dict)
    roles: list[Entry] = field(default_factory=list)
    projects: list[Entry] = field(default_factory=list)


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w&]+", " ", text.casefold()).split())


def section_of(block: Block, headed: bool = False) -> str | None:
    """The section a heading-like block opens, or None when it is content.

    A heading (or a line in capitals) may name its section by its last word ("Professional
    Experience", "KEY PROFICIENCIES"); a plain line must be a section's name exactly, so a
    company called "Elemental Technologies" is not taken for the skills. In a document with
    headings (``headed``), only headings and lines in capitals open sections: a bold line
    "Personal Projects:" inside a job is a label, not the projects section.
    """
    if block.kind == "item" or (headed and block.kind != "heading" and not block.text.isupper()):
        return None
    name = _words(block.text)
    prose = block.kind != "heading" and _SENTENCE.search(block.text)
    if not name or len(name.split()) > 5 or prose:
        return None
    if name in _NAMES:
        return _NAMES[name]
    if block.kind == "heading" or block.text.isupper():
        section = _HEAD_WORDS.get(name.split()[-1])
        if section is not None and not _YEAR.search(block.text):
            return section
    return None


def read_structure(blocks: Iterable[Block]) -> Structure:
    """Sections by their headings; an unknown heading outside experience starts "other"."""
    found = Structure()
    current: str | None = None
    blocks = list(blocks)
    headed = any(b.kind == "heading" for b in blocks)
    for block in blocks:
        section = section_of(block, headed)
        if section is not None:
            current = section
            found.sections.setdefault(section, [])
            continue
        if current is None:
            if block.kind in {"heading", "text", "row"}:
                found.headline.append(block.text)
            continue
        if block.kind == "heading" and current not in {"experience", "projects"}:
            current = "other"
            found.sections.setdefault(current, [])
        found.sections[current].append(block)
    found.roles = entries(found.sections.get("experience", []))
    found.projects = entries(found.sections.get("projects", []))
    return found


def entries(blocks: Iterable[Block]) -> list[Entry]:
    """A section's entries: header lines (title, company, dates…), then bullets.

    A company heading with deeper headings under it ("### Acme", "#### Senior Engineer",
    "#### Engineer") gives one entry per deeper heading, each with the company in its header.
    """
    lines = [b for b in blocks if b.text.strip() and not _is_label(b.text.strip())]
    result: list[Entry] = []
    current: Entry | None = None
    parent: Block | None = None
    for at, block in enumerate(lines):
        text = block.text.strip()
        if block.kind == "item" or _STACK.match(text) or _is_paragraph(text):
            if current is not None:
                _add_content(current, block)
            continue
        if block.kind == "heading":
            if parent is not None and block.level <= parent.level:
                parent = None
            opener = current.opened_by if current is not None else None
            empty = current is not None and not current.bullets
            if empty and opener is not None and block.level > opener.level:
                # The heading right above, with nothing under it, was the company's.
                parent = opener
                result.pop()
                current = None
        elif current is not None and not _begins_entry(current, block, lines[at + 1 :]):
            current.header.append(_header_line(text))
            continue
        current = Entry(
            opened_by=block if block.kind == "heading" else None, from_row=block.kind == "row"
        )
        if parent is not None and block.kind == "heading":
            current.header.append(parent.text)
        current.header.append(_header_line(text))
        result.append(current)
    # A header with nothing under it is a stray line, unless it is a dated role on its own
    # (a table row, or a role told in a paragraph).
    return [e for e in result if e.bullets or ((e.described or e.from_row) and _dated(e))]


def _header_line(text: str) -> str:
    """A header line as shown: "Period — …" labels dropped, "a | b" separators as "a · b"."""
    return _PIPES.sub(" · ", _KEY_VALUE.sub("", text))


def _add_content(entry: Entry, block: Block) -> None:
    """A bullet, a stack line or a paragraph of description, under an entry."""
    text = block.text.strip()
    if block.kind == "item":
        if not text.endswith(":"):
            entry.bullets.append(text)
    elif _STACK.match(text):
        entry.stack.append(text)
    else:
        entry.described = True


def _is_label(text: str) -> bool:
    """A line that only labels what follows ("Responsibilities:", "Project: Billing")."""
    if _LABEL_ONLY.match(text) or _SUBLABEL.match(text):
        return True
    return text.endswith(":") and len(text.split()) <= 8 and not _YEAR.search(text)


def _begins_entry(current: Entry, block: Block, after: list[Block]) -> bool:
    """Whether a header-like line starts the next entry rather than adding to this header."""
    if current.described:
        return True
    if bool(_YEAR.search(block.text)) and _dated(current):
        return True  # two dated lines are two entries
    if not current.bullets:
        return False
    # After bullets, a line starts an entry if a date follows before the next bullet.
    for following in [block, *after[:3]]:
        if following.kind == "item":
            return False
        if _YEAR.search(following.text):
            return True
    return False


def _dated(entry: Entry) -> bool:
    return any(_YEAR.search(line) for line in entry.header)


def _is_paragraph(text: str) -> bool:
    """Prose about a role (a description), not a header line."""
    return len(text.split()) >= 14 and bool(_SENTENCE.search(text))
