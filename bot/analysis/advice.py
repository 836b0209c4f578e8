"""One piece of advice: the sentence shown, plus what kind of change it asks for and about what.

``Advice`` is a ``str``, so every report, reply and JSON shape that shows advice keeps working.
The ``kind`` and ``subjects`` let code act on it (a button, a test that follows each piece of
advice literally) without reading the sentence back.
"""

from __future__ import annotations

from collections.abc import Iterable


class Advice(str):
    """A sentence of advice, with the kind of change it asks for and the things it names."""

    kind: str
    subjects: tuple[str, ...]

    def __new__(cls, text: str, kind: str, subjects: Iterable[str] = ()) -> Advice:
        """Advice of ``kind`` ("drop_skills", "add_figure", …) about ``subjects``."""
        made = super().__new__(cls, text)
        made.kind = kind
        made.subjects = tuple(subjects)
        return made

    def __reduce__(self) -> tuple[type[Advice], tuple[str, str, tuple[str, ...]]]:
        """Copies and pickles keep the kind and subjects."""
        return (Advice, (str(self), self.kind, self.subjects))


def joined(names: Iterable[str]) -> str:
    """Names as English: "Python", "Python and Go", "Python, Go and Rust"."""
    items = list(names)
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def pronoun(names: Iterable[str]) -> str:
    """The pronoun for these names: "it" for one thing, "them" for more."""
    return "it" if len(list(names)) == 1 else "them"
