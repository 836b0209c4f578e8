"""Split a pasted resume into its sections, and each job or project into a header and bullets."""

from __future__ import annotations

from dataclasses import dataclass

from bot.analysis.structure import SECTION_WORDS, Entry, read_structure
from bot.documents import plain_text, read_blocks

# Each section and the names its heading goes by (structure.py holds the variants).
SECTION_NAMES: dict[str, tuple[str, ...]] = SECTION_WORDS


@dataclass(frozen=True)
class Role:
    """One job: its header lines and its bullets."""

    header: str
    bullets: tuple[str, ...]


@dataclass(frozen=True)
class ParsedResume:
    """A resume split into sections."""

    headline: str
    sections: dict[str, str]
    roles: tuple[Role, ...] = ()
    projects: tuple[Role, ...] = ()


def parse_resume(text: str) -> ParsedResume:
    """Split a resume (plain text, Markdown, HTML, text pasted from a PDF) into its sections."""
    found = read_structure(read_blocks(text))
    return ParsedResume(
        headline=" ".join(found.headline[:2]),
        sections={name: plain_text(blocks) for name, blocks in found.sections.items()},
        roles=tuple(_role(entry) for entry in found.roles),
        projects=tuple(_role(entry) for entry in found.projects),
    )


def _role(entry: Entry) -> Role:
    return Role(" · ".join(entry.header), tuple(entry.bullets))
