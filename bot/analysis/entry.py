"""One entry of experience or projects as it is read, and the rules that grow it line by line.

An entry is a role or a project: header lines (title, company, dates), bullets, a stack line,
or a paragraph describing it. ``bot.analysis.structure`` walks a section's lines and asks these
rules whether a line starts the next entry, adds to the header, or tells the job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.analysis.header_lines import (
    add_header_line,
    date_only,
    duty,
    header_line,
    months_only,
    names_role,
    opening_title,
    prose,
)
from bot.analysis.section_names import YEAR
from bot.documents import Block

STACK = re.compile(
    r"^(?:tech(?:nology|nologies)?\s*stack|stack|technologies|tech|tools|environment|"
    r"skills used|built with)\s*(?:[:—–-]|$)",
    re.I,
)
# How far after bullets a date still marks the next job's header (company, title, dates).
_HEADER_LINES_AT_MOST = 3
_SHORT_SENTENCE_AT_LEAST = 6
# The most words a job's company-and-dates line has when it is typed as a list item.
_HEADER_ITEM_WORDS = 10


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


def stands_alone(entry: Entry) -> bool:
    """A role with no bullets that is still a role: in prose, a row, a heading, or its stack.

    Or a header of its own lines that names a role ("2023-" over "Solutions Architect,
    Perficient"): a current job with nothing written under it yet.
    """
    titled = any(names_role(line) for line in entry.header) and not any(
        prose(line) for line in entry.header
    )
    return (
        entry.described
        or entry.from_row
        or entry.opened_by is not None
        or bool(entry.stack)
        or titled
    )


def add_content(entry: Entry, block: Block) -> None:
    """A bullet, a stack line or a paragraph of description, under an entry."""
    text = block.text.strip()
    if block.kind == "item":
        if _header_item(entry, text):
            add_header_line(entry.header, text)
        elif not text.endswith(":"):
            entry.bullets.append(text)
    elif STACK.match(text):
        entry.stack.append(text)
    else:
        title = None if entry.described or entry.bullets else _opening_title(text, entry)
        if title is not None:
            entry.header.append(title)
        entry.described = True


def _header_item(entry: Entry, text: str) -> bool:
    """A job heading's first item that gives its company and dates, not what was done.

    "#### Backend Developer" over "- Acme, Remote — (06/2021 - 08/2021)": a Word list or an
    indented Markdown line made the header's second line a bullet.
    """
    if entry.bullets or entry.described or entry.stack or entry.opened_by is None:
        return False
    short = len(text.split()) <= _HEADER_ITEM_WORDS
    return short and not dated(entry) and bool(YEAR.search(text)) and not prose(text)


def _opening_title(text: str, entry: Entry) -> str | None:
    """The job title a description opens with ("django developer; helped deliver…"), if any.

    Some people give the company and dates above and start the paragraph with their title;
    it belongs with the header. A header that already names a role keeps its own.
    """
    if any(names_role(line) for line in entry.header):
        return None
    return opening_title(text)


def begins_entry(current: Entry, block: Block, after: list[Block]) -> bool:
    """Whether a header-like line starts the next entry rather than adding to this header."""
    if months_only(block.text) and dated(current):
        return True  # "May – Aug." over "2014", after a job: the next job's dates
    if date_only(block.text) and current.header and all(map(date_only, current.header)):
        return False  # "Nov. 2015" over "Jun. 2020": one range on two lines
    if current.described and (block.kind == "heading" or not dated(current)):
        return True
    if current.described and prose(block.text):
        return False  # "Worked as programmer. [Technologies: …]": more of the description
    if bool(YEAR.search(block.text)) and dated(current):
        return True  # two dated lines are two entries
    if not current.bullets and not current.stack and not current.described:
        return False
    # After bullets, the job's stack line or its description, a line starts an entry if a date
    # follows before the next bullet; otherwise it goes on telling the same job.
    for following in [block, *after[:_HEADER_LINES_AT_MOST]]:
        if following.kind == "item":
            return False
        if YEAR.search(following.text):
            return True
    return False


def second_heading(entry: Entry, block: Block) -> bool:
    """A heading as high as the one right above it, with nothing between, one of them dated.

    "#### Citi – Dublin" over "#### February 2018 – Present", or the other way round: one
    job's company and dates, each on a heading of its own.
    """
    opener = entry.opened_by
    if opener is None or entry.bullets or entry.described or entry.stack:
        return False
    if entry.header[-1] != header_line(opener.text.strip()):
        return False  # lines came under the heading: the next heading is the next job's
    return block.level == opener.level and dated(entry) != bool(YEAR.search(block.text))


def describes(entry: Entry, block: Block) -> bool:
    """A short sentence under a dated header: what the job was, not one more header line.

    "Lead team supporting development of core business systems." under "Viewpoints · 2013".
    """
    text = block.text.strip()
    sentence = text.endswith(".") and len(text.split()) >= _SHORT_SENTENCE_AT_LEAST
    told = (sentence and not YEAR.search(text)) or duty(text)
    return block.kind == "text" and told and dated(entry)


def dated(entry: Entry) -> bool:
    """Whether any header line carries a year."""
    return any(YEAR.search(line) for line in entry.header)
