"""Everything the coach knows about a role, from the YAML files under ``knowledge/``.

``schema`` says what each file holds; ``loader`` reads, validates and caches them.
"""

from bot.knowledge.loader import (
    KnowledgeError,
    default_root,
    load_knowledge,
    load_role,
    shared_knowledge,
)
from bot.knowledge.schema import (
    LEVELS,
    BulletExample,
    Examples,
    FaqEntry,
    FaqSource,
    Guidance,
    Knowledge,
    Language,
    Level,
    Role,
    RoleKnowledge,
    Skill,
)

__all__ = [
    "LEVELS",
    "BulletExample",
    "Examples",
    "FaqEntry",
    "FaqSource",
    "Guidance",
    "Knowledge",
    "KnowledgeError",
    "Language",
    "Level",
    "Role",
    "RoleKnowledge",
    "Skill",
    "default_root",
    "load_knowledge",
    "load_role",
    "shared_knowledge",
]
