"""How skills relate: what naming one shows (``implies``), which family it is of (``part_of``).

The relations are data in ``skills.yaml``; this module only follows them.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.knowledge import Skill


class Relations:
    """The ``implies`` and ``part_of`` links of one taxonomy, followed to the end once."""

    def __init__(self, skills: Iterable[Skill]) -> None:
        direct: dict[str, tuple[str, ...]] = {}
        self._family: dict[str, str] = {}
        for skill in skills:
            links = list(skill.implies)
            if skill.part_of:
                self._family[skill.name] = skill.part_of
                links.append(skill.part_of)
            direct[skill.name] = tuple(links)
        # Followed to the end here, so a lookup later is one dictionary read.
        self._shows = {name: self._follow(name, direct) for name in direct}

    @staticmethod
    def _follow(name: str, direct: dict[str, tuple[str, ...]]) -> frozenset[str]:
        seen: set[str] = set()
        todo = list(direct.get(name, ()))
        while todo:
            other = todo.pop()
            if other not in seen and other != name:
                seen.add(other)
                todo.extend(direct.get(other, ()))
        return frozenset(seen)

    def shows(self, name: str) -> frozenset[str]:
        """Everything naming ``name`` shows besides itself (DRF: Django, Python)."""
        return self._shows.get(name, frozenset())

    def closure(self, names: Iterable[str]) -> frozenset[str]:
        """The names and everything they show."""
        out: set[str] = set()
        for name in names:
            out.add(name)
            out |= self.shows(name)
        return frozenset(out)

    def family(self, name: str) -> str | None:
        """The platform or practice a product belongs to (Amazon S3: AWS), if any."""
        return self._family.get(name)
