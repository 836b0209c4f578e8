"""One view of a person's resume, read by every check, so "shown" is decided in one place.

A ``ResumeView`` holds what the person wrote: the summary, the skills line, the jobs and the
projects, each a header and its lines. ``shown`` says, once, which skills the rest of the resume
shows (the summary, a bullet, a project or its stack line), following compound names and
families (Django REST Framework shows Django and Python; Amazon S3 shows AWS). The skills check,
the review and the job match all read that one answer, so their advice cannot disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from bot.analysis.lexicon import RESULTS_KEPT, Lexicon
from bot.analysis.parse import ParsedResume, Role, parse_resume
from bot.analysis.skills import TECH_CATEGORIES, split_skill_items
from bot.analysis.summary import bare_lists
from bot.analysis.text import sentences
from bot.knowledge import Skill


@dataclass(frozen=True)
class EntryView:
    """One job or project: its header line (title, company, dates; or name and stack) and lines."""

    header: str = ""
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResumeView:
    """What the person has written so far, section by section; empty where nothing is written.

    Jobs are in the order the person gave them (newest first, as on a resume). Build it from a
    pasted resume with ``ResumeView.from_text``, or from stored progress with
    ``bot.draft.resume_view``.
    """

    summary: str = ""
    skills: str = ""
    roles: tuple[EntryView, ...] = ()
    projects: tuple[EntryView, ...] = ()

    @classmethod
    def from_text(cls, text: str) -> ResumeView:
        """The view of a whole resume pasted as plain text or Markdown."""
        return cls.from_parsed(parse_resume(text))

    @classmethod
    def from_parsed(cls, parsed: ParsedResume) -> ResumeView:
        """The view of a resume already split into sections."""
        return cls(
            summary=parsed.sections.get("summary", ""),
            skills=parsed.sections.get("skills", ""),
            roles=tuple(EntryView(r.header, r.bullets) for r in parsed.roles),
            projects=tuple(EntryView(p.header, p.bullets) for p in parsed.projects),
        )

    def as_parsed(self) -> ParsedResume:
        """The sections the review reports on, in resume order."""
        sections = {
            name: text
            for name, text in (
                ("summary", self.summary),
                ("skills", self.skills),
                ("experience", _entries_text(self.roles)),
                ("projects", _entries_text(self.projects)),
            )
            if text.strip()
        }
        return ParsedResume(
            headline="",
            sections=sections,
            roles=tuple(Role(e.header, e.lines) for e in self.roles if e.header or e.lines),
            projects=tuple(Role(e.header, e.lines) for e in self.projects if e.header or e.lines),
        )

    @property
    def has_bullets(self) -> bool:
        """Whether any job or project has lines yet: only then can a skill be "not shown"."""
        return any(entry.lines for entry in (*self.roles, *self.projects))

    def outside_skills(self) -> tuple[tuple[str, str], ...]:
        """Every text but the skills line, each with where it is: ("a job", "Built …").

        Web addresses are left out: "github.com/you/parcels" is a link, not a use of GitHub.
        """
        places = [("the summary", self.summary)]
        for where, entries in (("a job", self.roles), ("a project", self.projects)):
            for entry in entries:
                places.append((where, entry.header))
                places.extend((where, line) for line in entry.lines)
        return tuple((where, _ADDRESS.sub(" ", text)) for where, text in places if text.strip())


# "https://github.com/x", "github.com/x/y", "www.acme.io": an address, not a technology.
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+/\S*", re.I)


def _entries_text(entries: tuple[EntryView, ...]) -> str:
    return "\n\n".join(
        "\n".join([e.header, *(f"- {line}" for line in e.lines)]).strip() for e in entries
    )


@dataclass(frozen=True)
class Shown:
    """What the skills line lists, what the rest of the resume shows, and how the two differ."""

    # Skills as typed in the skills line (resolved, in order, without duplicates).
    listed: tuple[Skill, ...]
    # Every skill the rest of the resume shows, with compound names and families followed.
    shown: frozenset[str]
    # Technologies the rest of the resume names (as named) that the skills line does not list.
    unlisted: tuple[str, ...]
    # Where each technology the rest of the resume names is first named: "the summary", "a job"
    # (its header or a bullet) or "a project" (its stack line or a line).
    named_in: dict[str, str]
    # Listed technologies nothing else shows; empty while no job or project has lines yet.
    unshown: tuple[str, ...]
    # The person's main stack: what the summary names, and the first language and framework of
    # the skills line. Advice never tells anyone to drop these.
    main_stack: frozenset[str]

    def is_shown(self, name: str) -> bool:
        """Whether the rest of the resume shows this skill."""
        return name in self.shown


@lru_cache(maxsize=RESULTS_KEPT)
def shown(view: ResumeView, lex: Lexicon) -> Shown:
    """Compare the skills line with the rest of the resume; decided once for every check."""
    relations = lex.relations
    listed = _listed(view.skills, lex)
    listed_closure = relations.closure(s.name for s in listed)
    named: dict[str, Skill] = {}
    named_in: dict[str, str] = {}
    # A summary sentence that only lists technologies shows no use of them (the summary check
    # asks to replace it), so it backs up nothing in the skills line.
    listing = bare_lists(view.summary, lex)
    summary = " ".join(s for s in sentences(" ".join(view.summary.split())) if s not in listing)
    for where, text in view.outside_skills():
        if where == "the summary":
            text = summary
        for skill in lex.skills.technologies(text):
            named.setdefault(skill.name, skill)
            named_in.setdefault(skill.name, where)
    everything = relations.closure(named)
    summary_techs = {s.name for s in lex.skills.technologies(summary)}
    first_language = next((s.name for s in listed if s.category == "languages" and s.primary), None)
    first_framework = next((s.name for s in listed if s.category == "frameworks"), None)
    main = relations.closure(summary_techs) | {n for n in (first_language, first_framework) if n}
    unshown: tuple[str, ...] = ()
    if view.has_bullets:
        unshown = tuple(
            s.name
            for s in listed
            if _is_technology(s)
            and s.name not in everything
            # "AWS (ECS, S3)" under a shown AWS: the family is shown, its products with it.
            and relations.family(s.name) not in everything
        )
    return Shown(
        listed=listed,
        shown=everything,
        unlisted=tuple(name for name in named if name not in listed_closure),
        named_in=named_in,
        unshown=unshown,
        main_stack=frozenset(main),
    )


def _is_technology(skill: Skill) -> bool:
    return skill.category in TECH_CATEGORIES and not skill.concept


def _listed(text: str, lex: Lexicon) -> tuple[Skill, ...]:
    seen: dict[str, Skill] = {}
    for item in split_skill_items(text, lex.skills):
        skill = lex.skills.resolve(item).skill
        if skill is not None:
            seen.setdefault(skill.name, skill)
    return tuple(seen.values())


@lru_cache(maxsize=RESULTS_KEPT)
def only_here(view: ResumeView, lex: Lexicon, kind: str, index: int) -> frozenset[str]:
    """Listed skills that only the lines of this job (``kind`` "roles") or project show.

    Cutting such a line would leave the skill unshown, so advice to cut lines spares it.
    """
    entries: tuple[EntryView, ...] = getattr(view, kind)
    emptied = tuple(replace(e, lines=()) if i == index else e for i, e in enumerate(entries))
    without = replace(view, roles=emptied) if kind == "roles" else replace(view, projects=emptied)
    everywhere, elsewhere = shown(view, lex), shown(without, lex)
    listed = {s.name for s in everywhere.listed if _is_technology(s)}
    return frozenset(n for n in listed if everywhere.is_shown(n) and not elsewhere.is_shown(n))
