"""Whether a line names a degree or a school, so education and certifications can ask first."""

from __future__ import annotations

import re

# Degrees and schools as people write them, in English and a few common European spellings.
_DEGREE = re.compile(
    r"\b(?:b\.?\s?sc|m\.?\s?sc|b\.?\s?[as]|m\.?\s?[as]|b\.?\s?eng|m\.?\s?eng|b\.?\s?tech|m\.?\s?tech"
    r"|mba|ph\.?\s?d|dphil|bachelor\w*|master\w*|doctor\w*|degree|diploma|associate of"
    r"|a-levels?|gcses?|abitur|licen[cs]e\w*|baccalaur\w*|magist\w*|ingenieur|engineer's"
    r"|specialist|minor|major|hons?|honou?rs)\b",
    re.IGNORECASE,
)
_SCHOOL = re.compile(
    r"\b(?:universit\w*|univ|college|school|institute|academy|polytechnic\w*|politecnico"
    r"|hochschule|technische|escuela|[eé]cole|lyc[eé]e|gymnasium|bootcamp|campus|faculty)\b",
    re.IGNORECASE,
)
_STUDIES = re.compile(
    r"\b(?:computer science|software engineering|informatics|computing|mathematics|physics"
    r"|information (?:technology|systems)|electrical engineering|studies|studying|graduat\w*"
    r"|expected|class of|gpa)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_CERTIFIED = re.compile(
    r"\b(?:certifi\w*|certificate|exam|credential|associate|professional)\b", re.IGNORECASE
)
# Only what is a degree beyond doubt: "Scrum Master" and "MS Azure" are certifications.
_PLAIN_DEGREE = re.compile(
    r"\b(?:b\.?\s?sc|m\.?\s?sc|ph\.?\s?d|mba|bachelor\w*|master(?:'s|s)?\s+(?:of|in|degree)"
    r"|master's|universit\w*|college|polytechnic\w*|hochschule)\b",
    re.IGNORECASE,
)


def reads_like_education(line: str) -> bool:
    """A degree, a school, a field of study or at least a year: what an education line holds."""
    return any(pattern.search(line) for pattern in (_DEGREE, _SCHOOL, _STUDIES, _YEAR))


def reads_like_degree(line: str) -> bool:
    """A line that is plainly a degree and names no certification ("MSc CS, AGH University")."""
    return bool(_PLAIN_DEGREE.search(line)) and not _CERTIFIED.search(line)
