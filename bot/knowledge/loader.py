"""Load and validate the YAML knowledge base under ``knowledge/`` once, at start-up."""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from bot.knowledge.schema import (
    Examples,
    FaqFile,
    Guidance,
    KeywordsFile,
    Knowledge,
    Language,
    Role,
    RoleKnowledge,
    SkillsFile,
    SynonymsFile,
)


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


def default_root() -> Path:
    """Where the knowledge lives: ``$RESUME_COACH_KNOWLEDGE`` or the project's ``knowledge/``."""
    configured = os.environ.get("RESUME_COACH_KNOWLEDGE")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2] / "knowledge"


_M = TypeVar("_M", bound=BaseModel)
# libyaml's parser when PyYAML was built with it (its wheels are): the same safe loading, about
# ten times faster, which is most of the coach's start-up time.
_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path) -> Any:
    if not path.is_file():
        raise KnowledgeError(path, None, None, "file is missing")
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_SAFE_LOADER)
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
        for index, spelling in enumerate([skill.name, *skill.aliases, *skill.words]):
            key = _normal_alias(spelling)
            if key in owner and owner[key] != skill.name:
                field = "name" if index == 0 else "aliases"
                field = "words" if index > len(skill.aliases) else field
                raise KnowledgeError(
                    path, skill.name, field, f"'{spelling}' is already used by '{owner[key]}'"
                )
            owner[key] = skill.name
    names = {skill.name for skill in skills.skills}
    for skill in skills.skills:
        for field, related in (("implies", skill.implies), ("part_of", [skill.part_of or ""])):
            for name in related:
                if name and (name not in names or name == skill.name):
                    raise KnowledgeError(
                        path, skill.name, field, f"'{name}' is not another skill in this file"
                    )


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
