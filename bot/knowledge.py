"""Load and validate the YAML knowledge base under ``knowledge/`` once, at start-up."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

Level = Literal["junior", "mid", "senior"]
LEVELS: tuple[Level, ...] = ("junior", "mid", "senior")

_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class KnowledgeError(Exception):
    """A knowledge file is missing or invalid; the message names file, entry and field."""

    def __init__(
        self, file: Path | str, entry: str | None, field: str | None, problem: str
    ) -> None:
        self.file = str(file)
        self.entry = entry
        self.field = field
        self.problem = problem
        where = [self.file]
        if entry:
            where.append(f"entry '{entry}'")
        if field:
            where.append(f"field '{field}'")
        super().__init__(f"knowledge error: {', '.join(where)}: {problem}")


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


class FaqEntry(_Strict):
    """One question the coach can answer, with the other ways people ask it."""

    id: str = Field(pattern=_ID_PATTERN)
    question: str = Field(min_length=3)
    phrasings: list[str] = Field(min_length=2)
    keywords: list[str] = Field(default_factory=list)
    answer: str = Field(min_length=20, max_length=1200)
    related: list[str] = Field(default_factory=list)

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


class Skill(_Strict):
    """One entry of the skills taxonomy."""

    name: str = Field(min_length=1)
    category: str
    aliases: list[str] = Field(default_factory=list)
    primary: bool = True
    frontend: bool = False
    exact_case: bool = False
    concept: bool = False

    _items_non_empty = field_validator("aliases")(_non_empty)


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


def default_root() -> Path:
    """Where the knowledge lives: ``$RESUME_COACH_KNOWLEDGE`` or the project's ``knowledge/``."""
    configured = os.environ.get("RESUME_COACH_KNOWLEDGE")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parent.parent / "knowledge"


_M = TypeVar("_M", bound=BaseModel)


def _read_yaml(path: Path) -> Any:
    if not path.is_file():
        raise KnowledgeError(path, None, None, "file is missing")
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" (line {mark.line + 1})" if mark is not None else ""
        raise KnowledgeError(path, None, None, f"not valid YAML{line}") from exc
    except UnicodeDecodeError as exc:
        raise KnowledgeError(path, None, None, "not UTF-8 text") from exc


def _entry_label(data: Any, loc: tuple[int | str, ...]) -> tuple[str | None, tuple[int | str, ...]]:
    """Find the list item an error points into, and name it by its id or name."""
    node = data
    for depth, key in enumerate(loc):
        if isinstance(key, int) and isinstance(node, list) and key < len(node):
            item = node[key]
            name = None
            if isinstance(item, dict):
                name = item.get("id") or item.get("name")
            label = str(name) if name else f"#{key + 1}"
            return label, loc[depth + 1 :]
        if isinstance(node, dict) and key in node:
            node = node[key]
        else:
            break
    return None, loc


def _parse(model: type[_M], path: Path, data: Any) -> _M:
    if not isinstance(data, dict):
        raise KnowledgeError(path, None, None, "expected a mapping of keys at the top of the file")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = tuple(error["loc"])
        entry, rest = _entry_label(data, loc)
        if entry is None and len(rest) >= 2:
            entry, rest = str(rest[0]), rest[1:]
        field = ".".join(str(part) for part in rest) or None
        raise KnowledgeError(path, entry, field, error["msg"].lower()) from exc


def _normal_alias(text: str) -> str:
    return re.sub(r"[\s.\-_]+", "", text.casefold())


def _check_faq(path: Path, faq: FaqFile) -> None:
    ids = [entry.id for entry in faq.entries]
    seen: set[str] = set()
    for entry in faq.entries:
        if entry.id in seen:
            raise KnowledgeError(path, entry.id, "id", "the same id is used twice")
        seen.add(entry.id)
    for entry in faq.entries:
        for related in entry.related:
            if related not in ids:
                raise KnowledgeError(path, entry.id, "related", f"no entry has the id '{related}'")
        # A topic marked as not covered inside an entry's own wording would hide that entry.
        for text in (entry.question, *entry.phrasings):
            for topic in faq.not_covered:
                if re.search(
                    rf"(?<![a-z0-9]){re.escape(topic.casefold())}(?![a-z0-9])", text.casefold()
                ):
                    raise KnowledgeError(
                        path,
                        entry.id,
                        "phrasings",
                        f"'{text}' names '{topic}', listed as not covered",
                    )


def _check_skills(path: Path, skills: SkillsFile) -> None:
    owner: dict[str, str] = {}
    for skill in skills.skills:
        if skill.category not in skills.categories:
            raise KnowledgeError(
                path, skill.name, "category", f"'{skill.category}' is not one of the categories"
            )
        for index, spelling in enumerate([skill.name, *skill.aliases]):
            key = _normal_alias(spelling)
            if key in owner and owner[key] != skill.name:
                field = "name" if index == 0 else "aliases"
                raise KnowledgeError(
                    path, skill.name, field, f"'{spelling}' is already used by '{owner[key]}'"
                )
            owner[key] = skill.name


def _check_keywords(path: Path, keywords: KeywordsFile, skills: SkillsFile) -> None:
    names = {skill.name for skill in skills.skills}
    for group, words in keywords.groups.items():
        for word in words:
            if word not in names:
                raise KnowledgeError(
                    path, group, "groups", f"'{word}' is not a skill in skills.yaml"
                )


def _check_role(path: Path, role: Role, folder: Path) -> None:
    if role.id != folder.name:
        raise KnowledgeError(path, None, "id", f"must equal the folder name '{folder.name}'")


def load_role(folder: Path) -> RoleKnowledge:
    """Load and validate one role folder; raise ``KnowledgeError`` on the first problem."""
    parsed: dict[str, Any] = {}
    models: dict[str, type[BaseModel]] = {
        "role.yaml": Role,
        "faq.yaml": FaqFile,
        "guidance.yaml": Guidance,
        "examples.yaml": Examples,
        "language.yaml": Language,
        "skills.yaml": SkillsFile,
        "keywords.yaml": KeywordsFile,
        "synonyms.yaml": SynonymsFile,
    }
    for filename, model in models.items():
        path = folder / filename
        parsed[filename] = _parse(model, path, _read_yaml(path))
    role: Role = parsed["role.yaml"]
    faq: FaqFile = parsed["faq.yaml"]
    skills: SkillsFile = parsed["skills.yaml"]
    keywords: KeywordsFile = parsed["keywords.yaml"]
    _check_role(folder / "role.yaml", role, folder)
    _check_faq(folder / "faq.yaml", faq)
    _check_skills(folder / "skills.yaml", skills)
    _check_keywords(folder / "keywords.yaml", keywords, skills)
    return RoleKnowledge(
        folder=folder,
        role=role,
        faq=tuple(faq.entries),
        faq_not_covered=tuple(faq.not_covered),
        guidance=parsed["guidance.yaml"],
        examples=parsed["examples.yaml"],
        language=parsed["language.yaml"],
        categories=dict(skills.categories),
        skills=tuple(skills.skills),
        keywords={group: tuple(words) for group, words in keywords.groups.items()},
        synonyms={word: tuple(v) for word, v in parsed["synonyms.yaml"].synonyms.items()},
    )


def load_knowledge(root: Path | None = None) -> Knowledge:
    """Load every role folder under ``root/roles``."""
    base = root if root is not None else default_root()
    roles_dir = base / "roles"
    if not roles_dir.is_dir():
        raise KnowledgeError(roles_dir, None, None, "folder is missing")
    roles = {
        folder.name: load_role(folder)
        for folder in sorted(roles_dir.iterdir())
        if folder.is_dir() and not folder.name.startswith(".")
    }
    if not roles:
        raise KnowledgeError(roles_dir, None, None, "holds no role folder")
    return Knowledge(root=base, roles=roles)


@cache
def shared_knowledge(root: Path | None = None) -> Knowledge:
    """Load the knowledge once per process and reuse it."""
    return load_knowledge(root)
