"""Split a pasted resume into its sections, and each job or project into a header and bullets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.analysis.text import clean_keep_indent, strip_bullet, words

SECTION_NAMES: dict[str, tuple[str, ...]] = {
    "summary": ("summary", "profile", "about", "about me", "professional summary", "objective"),
    "skills": ("skills", "technical skills", "tech stack", "technologies", "core skills", "stack"),
    "experience": (
        "experience",
        "work experience",
        "professional experience",
        "employment",
        "work history",
        "employment history",
    ),
    "projects": ("projects", "personal projects", "side projects", "selected projects"),
    "education": ("education", "certifications", "courses", "training"),
}
_HEADING_LOOKUP = {name: section for section, names in SECTION_NAMES.items() for name in names}
_MARKED = re.compile(r"^\s*(?:[-*•·▪●◦‣–+]|\d{1,2}[.)])\s+")


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


def _heading(line: str) -> str | None:
    """The section a line is the heading of, if it is one."""
    stripped = line.strip()
    level = len(stripped) - len(stripped.lstrip("#"))
    name = re.sub(r"^#+\s*", "", stripped).strip(" :*_=-").casefold()
    name = re.sub(r"\s+", " ", name)
    if name in _HEADING_LOOKUP:
        return _HEADING_LOOKUP[name]
    # "### Backend Developer — Acme" inside Experience is a role, not a new section.
    if 1 <= level <= 2 and name:
        return name
    if stripped.isupper() and 1 <= len(stripped.split()) <= 4 and len(stripped) > 3:
        return name
    return None


def parse_resume(text: str) -> ParsedResume:
    """Split plain-text or Markdown resume text into sections by their headings."""
    # Keep each line's indentation: an indented line under a bullet continues that bullet.
    lines = [line.rstrip() for line in clean_keep_indent(text).split("\n")]
    sections: dict[str, list[str]] = {}
    headline: list[str] = []
    current: str | None = None
    for line in lines:
        section = _heading(line) if line.strip() else None
        if (
            current is None
            and section not in (None, *SECTION_NAMES)
            and line.lstrip().startswith("# ")
        ):
            headline.append(line.strip().lstrip("# "))
            continue
        if section is not None:
            current = section
            sections.setdefault(section, [])
            continue
        if current is None:
            if line.strip():
                headline.append(line.strip().lstrip("# "))
        else:
            sections[current].append(line)
    body = {name: "\n".join(content).strip("\n") for name, content in sections.items()}
    return ParsedResume(
        headline=" ".join(headline[:2]),
        sections=body,
        roles=_roles(body.get("experience", "")),
        projects=_roles(body.get("projects", "")),
    )


def _roles(text: str) -> tuple[Role, ...]:
    """Group a section's lines into entries: header lines followed by bullets."""
    lines = [line for line in text.split("\n") if line.strip()]
    marked = any(_MARKED.match(line) for line in lines)
    roles: list[Role] = []
    header: list[str] = []
    bullets: list[str] = []
    for line in lines:
        if marked and bullets and not _MARKED.match(line) and _continues(line):
            bullets[-1] = f"{bullets[-1]} {line.strip()}"
            continue
        is_bullet = bool(_MARKED.match(line)) if marked else len(words(line)) >= 7
        if is_bullet:
            bullets.append(strip_bullet(line))
            continue
        if bullets:
            roles.append(Role(" · ".join(header), tuple(bullets)))
            header, bullets = [], []
        header.append(line.strip().lstrip("#").strip(" *_"))
    if header or bullets:
        roles.append(Role(" · ".join(header), tuple(bullets)))
    return tuple(role for role in roles if role.bullets or role.header)


def _continues(line: str) -> bool:
    """Whether a line wraps the bullet above it: indented, or starting in lower case."""
    return line[:1] in {" ", "\t"} or line.lstrip()[:1].islower()
