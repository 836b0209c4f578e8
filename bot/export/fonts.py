"""The fonts shipped for the PDF, which scripts each covers, and which a document needs."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

FONT_DIR = Path(__file__).parent / "fonts"


@dataclass(frozen=True)
class FontFace:
    """One font file and the family/style it is registered under in the PDF."""

    family: str
    style: str  # "" or "B"
    file: str

    @property
    def path(self) -> Path:
        """Where the file is, inside the package."""
        return FONT_DIR / self.file


# Noto Sans: Latin with every diacritic (Vietnamese included), Greek and Cyrillic, regular and bold.
MAIN = "NotoSans"
MAIN_FACES = (
    FontFace(MAIN, "", "NotoSans-Regular.ttf"),
    FontFace(MAIN, "B", "NotoSans-Bold.ttf"),
)
# Tried in this order for a character Noto Sans lacks. Regular only: a bold name in Chinese is
# drawn in the regular weight, which reads fine, instead of shipping megabytes more.
FALLBACKS = (
    FontFace("NotoSansArabic", "", "NotoSansArabic-Regular.ttf"),
    FontFace("NotoSansHebrew", "", "NotoSansHebrew-Regular.ttf"),
    # Chinese (20,932 ideographs), Japanese kana and every Korean Hangul syllable.
    FontFace("WenQuanYi", "", "WenQuanYiMicroHei.ttf"),
)


@cache
def coverage(face: FontFace) -> frozenset[int]:
    """The code points a font has glyphs for (read once per process)."""
    font = TTFont(face.path, lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


def _needs_no_glyph(char: str) -> bool:
    """Spaces and format characters (joiners, direction marks) are handled, not drawn."""
    return char.isspace() or unicodedata.category(char) == "Cf"


@dataclass(frozen=True)
class FontPlan:
    """What a document needs: the fallback fonts to load and the characters no font has."""

    fallbacks: tuple[FontFace, ...]
    missing: frozenset[str]


def plan_fonts(texts: Iterable[str]) -> FontPlan:
    """Pick the fallback fonts a document's text needs; loading only those keeps it fast."""
    main = coverage(MAIN_FACES[0])
    needed: dict[FontFace, None] = {}
    missing: set[str] = set()
    for char in set().union(*(set(text) for text in texts)):
        point = ord(char)
        if point in main or _needs_no_glyph(char):
            continue
        face = next((f for f in FALLBACKS if point in coverage(f)), None)
        if face is None:
            missing.add(char)
        else:
            needed[face] = None
    # Keep FALLBACKS' order, so the choice does not depend on set iteration order.
    return FontPlan(tuple(f for f in FALLBACKS if f in needed), frozenset(missing))
