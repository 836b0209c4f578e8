"""A resume's structure as people write it: sections by their many names, roles and bullets.

Reads the blocks of ``bot.documents`` (headings, lines, list items, table rows; no markup left),
so Markdown with bold headings, roles in tables or HTML lists, and text pasted from a PDF all
come out the same: sections, and in experience and projects, entries of a header and bullets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.analysis.entry import (
    STACK,
    Entry,
    add_content,
    begins_entry,
    dated,
    describes,
    second_heading,
    stands_alone,
)
from bot.analysis.glued_headings import unglue
from bot.analysis.header_lines import (
    add_header_line,
    dated_or_titled,
    header_line,
    is_label,
    is_paragraph,
    names_company,
    tagline,
)
from bot.analysis.section_names import NAMES, SECTION_WORDS, YEAR, plain_words, section_of
from bot.documents import Block

__all__ = ["SECTION_WORDS", "Entry", "Structure", "entries", "read_structure", "section_of"]

_PART_WORDS = frozenset(
    {"experience", "highlights", "overall", "summary", "skills", "education", "references"}
)
# Sections told as entries (a header, then bullets); "experience again" is a second one.
_ENTRY_SECTIONS = frozenset({"experience", "experience again", "projects"})
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")
# How many lines above its dates a job's header may start (a title, a company).
_JOB_HEADER_ABOVE = 2


@dataclass
class Structure:
    """A resume split into its sections, with the entries of experience and projects."""

    headline: list[str] = field(default_factory=list)
    sections: dict[str, list[Block]] = field(default_factory=dict)
    roles: list[Entry] = field(default_factory=list)
    projects: list[Entry] = field(default_factory=list)


def read_structure(blocks: Iterable[Block]) -> Structure:
    """Sections by their headings; an unknown heading outside experience starts "other"."""
    found = Structure()
    current: str | None = None
    # The level of the heading that opened the section: a heading as high or higher that
    # names no section ("## Certificates and Courses") ends experience too.
    opened_at = 0
    # The experience section to go back to after a skills heading inside it.
    outer: tuple[str, int] | None = None
    blocks = list(unglue(blocks))
    loose: list[Block] = []  # what comes before the first section's heading
    job_level: int | None = None  # the level of the first heading under the jobs' own
    # Marked-up headings (Markdown's #, Word's styles), not lines in capitals guessed to be.
    # Only when one of them names a section: a stray "### …" left in text out of Word is none.
    headed = any(b.kind == "heading" and b.level > 0 and section_of(b) for b in blocks)
    for at, block in enumerate(blocks):
        if block.kind == "heading" and _SLUG.match(block.text):
            continue  # "# job-ingenious": a page's anchor id, not a heading anyone reads
        section = section_of(block, headed)
        inside = current in _ENTRY_SECTIONS and block.level > opened_at > 0
        first = inside or (current in _ENTRY_SECTIONS and not headed)
        if first and section == "skills" and not _any_role(found.sections[str(current)]):
            # "### Skill Set" inside experience before any job: the skills, then the jobs.
            outer = (str(current), opened_at)
        elif (
            inside
            and not _after_jobs(block, job_level, found.sections[str(current)], blocks[at + 1 :])
            and (section in {"skills", "other"} or _company_like(block, section))
        ):
            # "### Technologies" under a job is its stack, "#### Awards" its part; "### Amplify
            # Education" a company.
            section = None
        elif section is not None and section == current and block.level > opened_at:
            if section == "experience":
                continue  # "### Previously" under "## Currently": the jobs go on
            section = None  # "### Programming Languages" under "## Skills & Expertise"
        elif section is not None:
            outer = None
        if section == "experience" and found.sections.get("experience"):
            section = "experience again"  # told apart below, once its content is read
        if section is not None:
            current, opened_at = section, block.level
            found.sections.setdefault(section, [])
            continue
        if current in _ENTRY_SECTIONS and block.kind == "heading" and job_level is None:
            job_level = block.level
        if current is None:
            loose.append(block)
            if block.kind in {"heading", "text", "row"}:
                found.headline.append(block.text)
            continue
        # "## Experience" then "## Senior Engineer": a job's heading typed one level too high,
        # not a part of its own, when the jobs have nothing yet.
        first_job = current in _ENTRY_SECTIONS and not found.sections[current]
        if (
            block.kind == "heading"
            and not first_job
            and _leaves(current, opened_at, block, outer is not None)
        ):
            # A heading as high as the inner skills heading is the next job's, not a new part.
            back = outer is not None and block.level > outer[1]
            current, opened_at = outer if outer is not None and back else ("other", opened_at)
            outer = None
            found.sections.setdefault(current, [])
        elif outer is not None and current == "skills" and _back_to_jobs(block):
            # Unmarked text: the first dated line after the skills is a job's; its company
            # line may have come just before it.
            current, opened_at = outer
            found.sections[current].extend(_trailing_lines(found.sections["skills"]))
            outer = None
        found.sections[current].append(block)
    _second_experience(found.sections)
    _orphaned_jobs(found.sections)
    found.roles = entries(found.sections.get("experience", []))
    if "experience" not in found.sections:
        # No heading names the jobs ("## .Net Core Developer" over "### Coolblue 2018-2019"
        # and a list, from the top of the page): dated entries with bullets are the jobs.
        found.roles = [e for e in entries(loose) if e.bullets and dated(e)]
    found.projects = entries(found.sections.get("projects", []))
    return found


def _after_jobs(block: Block, job_level: int | None, jobs: list[Block], rest: list[Block]) -> bool:
    """A part's heading as high as the jobs' own, with no job after it: the jobs have ended.

    "#### Senior Engineer" … "#### 💻 Technology" and no job below: the skills, not the last
    job's stack.
    """
    section = section_of(block)
    if section not in {"skills", "other"} or _company_like(block, section):
        return False
    if block.level != job_level or not _any_role(jobs):
        return False
    same = (b for b in rest if b.kind == "heading" and b.level == block.level)
    return not any(dated_or_titled(b.text) for b in same)


def _company_like(block: Block, section: str | None) -> bool:
    """A heading named for a part by its last word only, which may be a company's name.

    "Amplify Education" is a company; no company is called "Personal and volunteer projects".
    """
    return plain_words(block.text) not in NAMES and section != "projects"


def _back_to_jobs(block: Block) -> bool:
    """A plain dated line (not a list item) after a skills list inside the jobs: a job's."""
    return block.kind != "item" and block.level == 0 and _any_role([block])


def _trailing_lines(blocks: list[Block]) -> list[Block]:
    """The plain lines at the end of a section after its last list item, taken out of it."""
    at = len(blocks)
    while at > 0 and blocks[at - 1].kind in {"text", "row"}:
        at -= 1
    taken = blocks[at:]
    del blocks[at:]
    return taken


def _any_role(blocks: list[Block]) -> bool:
    """Whether a section's blocks hold a date yet ("10 years of experience" is not a job's)."""
    return any(YEAR.search(b.text) and not tagline(b.text) for b in blocks)


def _second_experience(sections: dict[str, list[Block]]) -> None:
    """A second section named for experience joins the first, unless it holds no dates at all.

    Without a date it lists what was used ("Technical Experience" after the jobs: languages,
    tools), so it is read as skills.
    """
    again = sections.pop("experience again", None)
    if again is None:
        return
    dated = any(YEAR.search(block.text) for block in again)
    sections.setdefault("experience" if dated else "skills", []).extend(again)


def _orphaned_jobs(sections: dict[str, list[Block]]) -> None:
    """Jobs that a two-column PDF put after the side column, moved back under their heading.

    Read out of such a PDF, "Experience" comes with nothing under it: the side column's parts
    (links, skills, education) follow, and the jobs come last, inside the last of them. The first
    dated line with bullets after it there starts the jobs, with the lines of its header (title,
    company) just above it.
    """
    if "experience" not in sections or sections["experience"]:
        return
    names = list(sections)
    for name in names[names.index("experience") + 1 :]:
        blocks = sections[name]
        for at, block in enumerate(blocks):
            bullets_follow = any(b.kind == "item" for b in blocks[at + 1 : at + 3])
            if block.kind == "item" or not YEAR.search(block.text) or not bullets_follow:
                continue
            start = at
            while start > max(at - _JOB_HEADER_ABOVE, 0) and blocks[start - 1].kind == "text":
                start -= 1
            sections["experience"] = blocks[start:]
            del blocks[start:]
            return


_SKILL_LABEL_WORDS = 2
# A heading this deep or deeper labels a part of a section; it rarely opens one.
_LABEL_LEVEL = 3
_DEEP_LABEL_WORDS = 4


def _leaves(current: str, opened_at: int, block: Block, in_jobs: bool = False) -> bool:
    """Whether a heading that names no section ends the current one (and starts "other").

    A heading as high as the section's own ends it; a deeper one is part of it ("### DevOps
    Tools" under "## Skills", "### Acme" under "## Experience"), except an undated heading
    inside experience that names a part of the resume ("### Experience overall"). Skills inside
    the experience section (``in_jobs``) end at the first job's heading, however deep.
    """
    words = len(block.text.split())
    label = (block.level == 0 and words <= _SKILL_LABEL_WORDS) or (
        block.level >= _LABEL_LEVEL and not in_jobs and words <= _DEEP_LABEL_WORDS
    )
    if current == "skills" and label:
        # "CI/CD" in capitals, "### Serverless" beside "### Databases": one more kind of tool.
        return False
    if opened_at and 0 < block.level <= opened_at:
        return True
    if current in _ENTRY_SECTIONS:
        return _sub_section(block)
    return not (opened_at and block.level > opened_at)


def _sub_section(block: Block) -> bool:
    """An undated heading inside experience that names a part of the resume, not a role."""
    words = plain_words(block.text).split()
    # By its first word: "Experience overall", "Highlights"; "Amplify Education" is a company.
    return not YEAR.search(block.text) and bool(words) and words[0] in _PART_WORDS


def entries(blocks: Iterable[Block]) -> list[Entry]:
    """A section's entries: header lines (title, company, dates…), then bullets.

    A company heading with deeper headings under it ("### Acme", "#### Senior Engineer",
    "#### Engineer") gives one entry per deeper heading, each with the company in its header.
    """
    lines = [b for b in blocks if b.text.strip() and not is_label(b.text.strip())]
    if _one_line_roles(lines):
        # Only a list: each dated item is a role told in one line ("Acme, Engineer (2019–21)").
        return [Entry(header=[header_line(b.text)]) for b in lines if YEAR.search(b.text)]
    result: list[Entry] = []
    current: Entry | None = None
    # A heading with nothing under it over deeper ones (a company), with the header it gives.
    parent: tuple[Block, list[str]] | None = None
    chained: Entry | None = None  # the entry opened right under such a heading
    company: Block | None = None  # an undated heading naming no role, over the jobs below it
    stack_next = ""  # after a stack heading: "line or items", then "items"
    for at, block in enumerate(lines):
        text = block.text.strip()
        if block.kind == "heading" and block.level == 0:
            # A line in capitals inside a job ("GOLANG DEVELOPER") is a title, not a heading.
            block = Block("text", block.text)
        if block.kind == "heading" and section_of(block) == "skills":
            stack_next = "line or items"
            continue
        if _stack_line(block, stack_next):
            # Under "### Technologies": one line, or a list, names the job's stack.
            stack_next = "items" if block.kind == "item" else ""
            if current is not None:
                current.stack.append(text)
            continue
        stack_next = ""
        described = current is not None and describes(current, block)
        if block.kind == "item" or STACK.match(text) or is_paragraph(text) or described:
            if current is not None:
                add_content(current, block)
            continue
        if block.kind == "heading":
            if parent is not None and block.level <= parent[0].level:
                parent = None
            opener = current.opened_by if current is not None else None
            empty = current is not None and not current.bullets
            if empty and opener is not None and block.level > opener.level:
                # The heading right above, with nothing under it, was the company's; deeper
                # ones ("## Acme", "### Engineer", "#### 2020 - Present") tell the same job.
                chain = chained.header if chained is not None and current is chained else []
                parent = (opener, list(chain) or [opener.text])
                result.pop()
                current = None
            elif current is not None and second_heading(current, block):
                # "## Senior Engineer, 2019 to 2021" then "## Acme, Moscow": one header.
                add_header_line(current.header, text)
                continue
        elif current is not None and not begins_entry(current, block, lines[at + 1 :]):
            if current.described and block.kind == "text":
                add_content(current, block)  # the description goes on
            else:
                add_header_line(current.header, text)
            continue
        bare = block.kind == "text" and not names_company(text)
        under = company if bare and current is not None else None
        fresh = current is None
        current = Entry(
            opened_by=block if block.kind == "heading" else None, from_row=block.kind == "row"
        )
        chained = current if fresh else None
        if parent is not None and block.kind == "heading":
            current.header.extend(parent[1])
        if block.kind == "heading":
            company = None if dated_or_titled(text) else block
        elif under is not None:
            # "### BigMachines" over two titles, each with its dates and bullets: both its.
            current.header.append(under.text)
        current.header.append(header_line(text))
        result.append(current)
    # A header with nothing under it is a stray line, unless a dated role on its own (a row, a
    # heading, a role told in prose); where no job has bullets, the headers alone tell the jobs.
    bare = not any(e.bullets or e.described for e in result)
    kept = (e for e in result if e.bullets or ((bare or stands_alone(e)) and dated(e)))
    return list(kept)


def _one_line_roles(lines: list[Block]) -> bool:
    """A list whose items are all dated, with only undated lines beside it ("See … for more").

    Each item is then a role told in one line.
    """
    items = [b for b in lines if b.kind == "item"]
    others = [b for b in lines if b.kind != "item"]
    if not items or any(YEAR.search(b.text) for b in others):
        return False
    return not others or (len(items) > 1 and all(YEAR.search(b.text) for b in items))


def _stack_line(block: Block, stack_next: str) -> bool:
    """Whether a line names the job's stack, after a stack heading ("### Technologies")."""
    if block.kind == "item":
        return bool(stack_next)
    return block.kind == "text" and stack_next == "line or items"
