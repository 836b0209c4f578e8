"""Plain-text helpers the analysers share: cleaning, sentences, words, figures."""

from __future__ import annotations

import re
import unicodedata

# Control and direction characters, and lone surrogates: a platform's JSON may carry half of an
# emoji ("\ud83d"), and no database, file or platform can encode one.
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_BULLET_MARK = re.compile(r"^\s*(?:[-*•·▪●◦‣–—+]|\d{1,2}[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[A-Z0-9\"'(\[])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

NUMBER_WORDS = frozenset(
    """
    two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty
    hundred hundreds thousand thousands million millions billion billions dozen dozens half
    double doubled triple tripled quadrupled twice
    """.split()
)

# A figure: digits with their unit or scale, money, percentages, multipliers, latency percentiles.
_FIGURE = re.compile(
    r"""
    # Every figure starts with a currency sign, a digit or the p of p99: the other positions
    # of the text are passed over at once instead of trying each branch.
    (?=[$€£\dp])
    (?:
    (?:[$€£]\s?\d[\d,.]*\s?(?:k|m|bn|b|million|billion)?\b)     # money
    | (?:\b\d[\d,.]*\s?(?:%|percent\b))                         # percentages
    | (?:\bp(?:50|90|95|99|999)\b)                               # latency percentiles
    | (?:\b\d[\d,.]*\s?[x×]\b)                                   # 3x
    | (?:\b\d[\d,.]*\s?(?:k|m|bn|b|mb|gb|tb|pb|ms|s|sec|rps|qps|tps|req/s|k\+|m\+)\b\+?)
    | (?:\b\d[\d,.]*\+?)                                         # any other number
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)
# Numbers that are part of a name, not a measurement: versions, OAuth 2.0, HTTP/2, S3, EC2.
_NOT_A_FIGURE = re.compile(
    r"""
    \b(?:v|version\s)\d[\d.]*\b
    | \b(?:oauth|http|python|java|php|ipv|es|ecmascript|c\+\+|html|css|angular|vue|web|gen|log4j)
      \s?/?\d[\d.]*\b
    | \b(?!p(?:50|90|95|99|999)\b)[a-z]+\d+[a-z0-9]*\b
    | \b(?:19[5-9]\d|20[0-4]\d)\b(?!\s?(?:%|ms|users|requests|k\b))
    """,
    re.VERBOSE | re.IGNORECASE,
)


def counted(number: int, noun: str) -> str:
    """A number with its noun in the right form: "1 page", "2 pages"."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def clean_keep_indent(text: str) -> str:
    """Normalise Unicode and line ends, drop control and direction characters; keep indentation."""
    text = unicodedata.normalize("NFKC", text)
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).expandtabs(4)


def clean(text: str) -> str:
    """Like ``clean_keep_indent``, then tidy whitespace on every line."""
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in clean_keep_indent(text).split("\n")]
    return "\n".join(lines).strip()


def strip_bullet(line: str) -> str:
    """Remove a leading list marker (-, *, •, 1.) from a line."""
    return _BULLET_MARK.sub("", line).strip()


def split_lines(text: str) -> list[str]:
    """Non-empty lines with their list markers removed."""
    return [stripped for line in clean(text).split("\n") if (stripped := strip_bullet(line))]


def sentences(text: str) -> list[str]:
    """Split prose into sentences; a last sentence without a full stop still counts."""
    flat = " ".join(clean(text).split())
    if not flat:
        return []
    parts = _SENTENCE_END.split(flat)
    return [part.strip() for part in parts if _WORD.search(part)]


def words(text: str) -> list[str]:
    """The words of a text, as written."""
    return _WORD.findall(text)


def word_count(text: str) -> int:
    """How many words a reader counts: figures ("40", "99.9%") too, dashes and bullets not."""
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


def figures(text: str) -> list[str]:
    """Measured figures in a text (numbers, money, percentages, scale), not versions or names."""
    masked = _NOT_A_FIGURE.sub(lambda m: " " * len(m.group(0)), text)
    found = [m.group(0).strip() for m in _FIGURE.finditer(masked)]
    lowered = [w.lower() for w in words(text)]
    found.extend(w for w in lowered if w in NUMBER_WORDS)
    return found
