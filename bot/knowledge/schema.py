"""The shape of the knowledge base: one model per YAML file, and what a loaded role holds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Level = Literal["junior", "mid", "senior"]
LEVELS: tuple[Level, ...] = ("junior", "mid", "senior")

_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _non_empty(values: list[str]) -> list[str]:
    if any(not v.strip() for v in values):
        raise ValueError("must not contain empty items")
    return values


class Role(_Strict):
    """Who a role folder is for: ``role.yaml``."""

    id: str = Field(pattern=_ID_PATTERN)
    title: str = Field(min_length=1)
    levels: list[Level] = Field(min_length=1)


class FaqSource(_Strict):
    """Where an answer beyond the guide comes from: a public page, by title and address."""

    title: str = Field(min_length=3)
    url: str = Field(pattern=r"^https?://[^\s/]+\.[^\s]+$")


class FaqEntry(_Strict):
    """One question the coach can answer, with the other ways people ask it."""

    id: str = Field(pattern=_ID_PATTERN)
    question: str = Field(min_length=3)
    phrasings: list[str] = Field(min_length=2)
    keywords: list[str] = Field(default_factory=list)
    answer: str = Field(min_length=20, max_length=1200)
    related: list[str] = Field(default_factory=list)
    # Entries from the guide have none; an entry written from other public guidance names it.
    source: FaqSource | None = None
    # Its topic words have everyday meanings ("photo", "font", "certificate"): the matcher then
    # answers with it only a question that also names a resume or a job.
    everyday_words: bool = False
    # Its topic words belong to the job search beyond the resume too ("salary"): a question that
    # asks about an interview or an offer is declined unless it also names the resume.
    job_search_words: bool = False

    _items_non_empty = field_validator("phrasings", "keywords")(_non_empty)


class FaqFile(_Strict):
    """``faq.yaml``."""

    entries: list[FaqEntry] = Field(min_length=1)
    # Resume topics people ask about that the guide has no facts on: said so, never guessed.
    not_covered: list[str] = Field(default_factory=list)

    _items_non_empty = field_validator("not_covered")(_non_empty)


class SectionAdvice(_Strict):
    """What to include and avoid in one section, in plain sentences."""

    include: list[str] = Field(min_length=1)
    avoid: list[str] = Field(min_length=1)


class SummaryRules(_Strict):
    """Thresholds for the summary."""

    min_sentences: int = Field(ge=1)
    max_sentences: int = Field(ge=1)
    max_tech_list: int = Field(ge=1)
    max_words: int = Field(ge=10)


class SkillsRules(_Strict):
    """Thresholds for the skills section."""

    min_primary_languages: int = Field(ge=0)
    max_primary_languages: int = Field(ge=1)
    require_database: bool
    require_cloud_or_containers: bool


class BulletRules(_Strict):
    """Thresholds for experience bullets."""

    min_per_role: int = Field(ge=1)
    max_per_role: int = Field(ge=1)
    min_words: int = Field(ge=1)
    max_words: int = Field(ge=5)
    max_chars: int = Field(ge=40)
    # Fewer bullets are enough for an earlier role, and for a short one (an internship).
    min_per_older_role: int = Field(default=2, ge=0)
    min_per_short_role: int = Field(default=1, ge=0)
    short_role_months: int = Field(default=6, ge=1)
    # Titles of roles that are short by nature, for headers without dates.
    short_role_words: list[str] = Field(default_factory=list)


class ProjectRules(_Strict):
    """When projects are advised, and how long a project's description may run."""

    advised_for: list[Level]
    max_lines: int = Field(ge=1)


class ResumeRules(_Strict):
    """Whole-resume thresholds: length per level and how old experience may be."""

    max_pages: dict[Level, int]
    words_per_page: int = Field(ge=100)
    old_experience_years: int = Field(ge=1)


class SummaryGuidance(SectionAdvice):
    """Summary advice and rules."""

    rules: SummaryRules


class SkillsGuidance(SectionAdvice):
    """Skills advice and rules."""

    rules: SkillsRules


class BulletGuidance(SectionAdvice):
    """Bullet advice and rules."""

    rules: BulletRules


class ProjectGuidance(SectionAdvice):
    """Project advice and rules."""

    rules: ProjectRules


class ResumeGuidance(SectionAdvice):
    """Whole-resume advice and rules."""

    rules: ResumeRules


class Guidance(_Strict):
    """``guidance.yaml``: per-section advice and the thresholds the analysers read."""

    summary: SummaryGuidance
    skills: SkillsGuidance
    bullets: BulletGuidance
    projects: ProjectGuidance
    resume: ResumeGuidance


class BulletExample(_Strict):
    """A weak bullet and a strong rewrite of it."""

    level: Level
    weak: str = Field(min_length=3)
    strong: str = Field(min_length=3)


class Examples(_Strict):
    """``examples.yaml``."""

    summaries: dict[Level, list[str]]
    bullets: list[BulletExample] = Field(min_length=1)


class Language(_Strict):
    """``language.yaml``: word lists the analysers match against."""

    strong_verbs: dict[str, list[str]] = Field(min_length=1)
    weak_openers: list[str] = Field(min_length=1)
    cliches: list[str] = Field(min_length=1)
    buzzwords: list[str] = Field(min_length=1)
    filler: list[str] = Field(min_length=1)
    vague_words: list[str] = Field(min_length=1)
    first_person: list[str] = Field(min_length=1)
    frontend_terms: list[str] = Field(min_length=1)
    system_words: list[str] = Field(min_length=1)
    ownership_words: list[str] = Field(min_length=1)
    # Words that make a system word part of a job title ("backend developer", "backend role"):
    # such a phrase names no system.
    role_words: list[str] = Field(default_factory=list)


class Skill(_Strict):
    """One entry of the skills taxonomy."""

    name: str = Field(min_length=1)
    category: str
    aliases: list[str] = Field(default_factory=list)
    primary: bool = True
    frontend: bool = False
    exact_case: bool = False
    # Spellings that are everyday words even with their capital ("Play" of Play Framework,
    # "Slick"): in running text they count only where the words around make them technologies.
    words: list[str] = Field(default_factory=list)
    concept: bool = False
    # Naming this skill shows these too (Django REST Framework shows Django, Django shows Python).
    implies: list[str] = Field(default_factory=list)
    # The platform or practice this is one product of (Amazon S3 of AWS, Jenkins of CI/CD): a
    # posting's products of one family are one requirement, and any of them shows the family.
    part_of: str | None = None
    # Work a person does rather than a skill they list (code review, on-call): it belongs in a
    # bullet, not in the skills line.
    duty: bool = False
    # How a posting asks for it as work, words a few apart ("optimi* … performance"): see
    # ``bot.analysis.phrased``.
    phrased: list[str] = Field(default_factory=list)

    _items_non_empty = field_validator("aliases", "implies", "words", "phrased")(_non_empty)


class SkillsFile(_Strict):
    """``skills.yaml``."""

    categories: dict[str, str] = Field(min_length=1)
    skills: list[Skill] = Field(min_length=1)


class SynonymsFile(_Strict):
    """``synonyms.yaml``: words people use for the same thing, folded together when matching."""

    synonyms: dict[str, list[str]] = Field(default_factory=dict)


class KeywordsFile(_Strict):
    """``keywords.yaml``: ATS keyword groups, each keyword a skill name."""

    groups: dict[str, list[str]] = Field(min_length=1)


@dataclass(frozen=True, eq=False)
class RoleKnowledge:
    """Everything the coach knows about one target role."""

    folder: Path
    role: Role
    faq: tuple[FaqEntry, ...]
    faq_not_covered: tuple[str, ...]
    guidance: Guidance
    examples: Examples
    language: Language
    categories: dict[str, str]
    skills: tuple[Skill, ...]
    keywords: dict[str, tuple[str, ...]]
    synonyms: dict[str, tuple[str, ...]]

    def faq_entry(self, entry_id: str) -> FaqEntry:
        """Return the FAQ entry with this id."""
        for entry in self.faq:
            if entry.id == entry_id:
                return entry
        raise KeyError(entry_id)


@dataclass(frozen=True, eq=False)
class Knowledge:
    """All roles found under the knowledge root."""

    root: Path
    roles: dict[str, RoleKnowledge]

    def role(self, role_id: str = "backend-developer") -> RoleKnowledge:
        """Return one role's knowledge."""
        return self.roles[role_id]
