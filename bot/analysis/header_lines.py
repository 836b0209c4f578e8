"""One line of a resume's experience read alone: a job's header, a label, or prose.

What ``bot.analysis.structure`` asks of a line without looking at its neighbours: whether it
names a role, labels what follows, tells a sentence, or names a company beside its title.
"""

from __future__ import annotations

import re

from bot.analysis.section_names import SENTENCE, YEAR

_LABEL_ONLY = re.compile(
    r"^(?:job|role|(?:(?:key|main|notable|selected|other|major) )?(?:responsibilities|"
    r"achievements|accomplishments|contributions|highlights)|duties|tasks|impact|description)"
    r"\s*:?$",
    re.I,
)
# "References provided upon request.": a closing line, no job's.
_ON_REQUEST = re.compile(r"^\W*references?\b.*\b(?:up)?on request\W*$", re.I)
# A header line that names a company beside the title: "Engineer, Acme", "Engineer at Acme".
_NAMES_COMPANY = re.compile(r"[,@|·]|\s(?:at|for)\s", re.I)
_PIPES = re.compile(r"\s+\|\s+")
_SUBLABEL = re.compile(r"^(?:project|client|team|product|module)\s*:\s", re.I)
_KEY_VALUE = re.compile(
    r"^(?:period|dates?|when|location|company|(?:job )?title|position|organi[sz]ation|employer"
    r"|role|description)\s*[:—–-]\s*",
    re.I,
)
# "12 years of experience", "2009-10-01 of experience": how long, under the heading; no job.
_TAGLINE = re.compile(r"\bof (?:\w+ )?experience\W*$", re.I)
# Words that make a phrase a job title ("python developer", "Lead Engineer", "CTO").
_ROLE_WORD = re.compile(
    r"\b(?:developer|engineer|programmer|architect|lead|manager|consultant|intern|"
    r"administrator|analyst|devops|designer|director|cto|founder|scientist|sre|contractor|"
    r"freelancer|sysadmin|tutor|teacher|instructor|specialist|technician|president|co-?op"
    r"|trainee|apprentice|partner|co-?founder)s?\b",
    re.I,
)
_SUBJECT = re.compile(
    r"^(?:i|he|she|they)\s+(?:am|is|are|was|were|worked as|works as|work as)\s+(?:an?\s+|the\s+)?",
    re.I,
)
_DUTY_WORDS = 4
_DUTY_LOWER = 2
_SMALL = frozenset(
    "a an and as at by de der di du for in la le of on or the to van von with".split()
)
_WORKED_AS = re.compile(
    r"\b(?:worked|working|work|served|serving|acted|hired|joined|employed)\s+as\s+(?:an?\s+|the\s+)?"
    r"(.+?)(?=[,;.:]|\s(?:and|where|on|at|in|for|with|to)\s|$)",
    re.I,
)
_CLAUSE_END = re.compile(r"[;.:,]\s|\s[—–-]\s")
# "Jr. sysadmin": an abbreviation's period ends no clause (marked, then put back).
_ABBREVIATION = re.compile(r"\b(Jr|Sr|St|Inc|Ltd|Co|Corp|Dr|Dept|Univ)\.\s", re.I)
_KEPT_DOT = "\u2024"
_AT_COMPANY = re.compile(r"\s(?:at|in|of|for|with)\s", re.I)
_TITLE_ALONE_AT_MOST = 5
_TITLE_AT_MOST = 12
_SENTENCE_AT_LEAST = 10
_PROSE_WORDS = 3


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# "May – Aug." over "2014": the months of a date whose year is on the next line.
_MONTHS_ONLY = re.compile(rf"^{_MONTH}(?:\s*[-–—]\s*{_MONTH})?$", re.I)
# "Nov. 2015", "(on-going)": a line that is a date and nothing else.
_DATE_ONLY = re.compile(
    rf"^(?:{_MONTH}\s*)?(?:\d{{1,2}}/)?(?:19|20)\d\d$|^\(?(?:on-?going|present|now|current)\)?$",
    re.I,
)


def months_only(text: str) -> bool:
    """A line of month names alone, the year to follow ("May – Aug.")."""
    return bool(_MONTHS_ONLY.match(text.strip()))


def date_only(text: str) -> bool:
    """A line that is one date and nothing else ("Nov. 2015", "(on-going)")."""
    return bool(_DATE_ONLY.match(text.strip()))


_GOING_ON = re.compile(r"^\(?(?:on-?going|present|now|current)\)?$", re.I)


def joined_dates(last: str, line: str) -> str | None:
    """One date told over two lines, as one: "Apr. – Sep." and "2015", "Nov. 2015" and "Jun. 2020".

    None when the two lines are not parts of one date.
    """
    if months_only(last) and date_only(line) and not _GOING_ON.match(line.strip()):
        return f"{last} {line}"
    if date_only(last) and not _GOING_ON.match(last.strip()) and date_only(line):
        return f"{last} {line}" if _GOING_ON.match(line.strip()) else f"{last} – {line}"
    return None


def add_header_line(header: list[str], text: str) -> None:
    """One more line of an entry's header; a date split over two lines is put back together."""
    line = header_line(text)
    joined = joined_dates(header[-1], line) if header else None
    if joined is not None:
        header[-1] = joined
    else:
        header.append(line)


def duty(text: str) -> bool:
    """A line that tells what was done, not who or where ("Train coworkers in testing").

    Header lines are names in capitals: a title, a company, a place. A line with three words in
    lower case besides the small ones, or two that are half its words, naming no role and no
    date, is a duty ("Execute LaserJet software tests").
    """
    words = text.split()
    if len(words) < _DUTY_WORDS or YEAR.search(text) or _ROLE_WORD.search(text):
        return False
    rest = [w for w in words[1:] if w.casefold() not in _SMALL and any(c.isalpha() for c in w)]
    lower = [w for w in rest if w[:1].islower()]
    return len(lower) > _DUTY_LOWER or (len(lower) == _DUTY_LOWER and 2 * len(lower) >= len(rest))


def tagline(text: str) -> bool:
    """Whether a line says how long, not which job ("12 years of experience")."""
    return bool(_TAGLINE.search(text))


def marked(text: str) -> str:
    """The text with abbreviations' periods ("Jr.", "Dept.") kept from ending a sentence."""
    return _ABBREVIATION.sub("\\1" + _KEPT_DOT, text)


def names_role(text: str) -> bool:
    """Whether a line uses a word of a job title ("developer", "Lead", "CTO")."""
    return bool(_ROLE_WORD.search(text))


def names_company(text: str) -> bool:
    """Whether a header line names a company beside the title ("Engineer, Acme")."""
    return bool(_NAMES_COMPANY.search(text))


def opening_title(text: str) -> str | None:
    """The job title a paragraph opens with ("django developer; helped deliver…"), if any."""
    clause = _CLAUSE_END.split(marked(text), maxsplit=1)[0].strip()
    clause = _SUBJECT.sub("", clause)  # "He is a Technical Director at ECM": the title
    worked_as = _WORKED_AS.search(marked(text))
    if not _ROLE_WORD.search(clause) and worked_as is not None:
        clause = worked_as.group(1)  # "a startup, where I worked as CTO and the only developer"
    # "django developer", or with its company: "Senior DevOps engineer at the Endless OS …".
    longest = _TITLE_AT_MOST if _AT_COMPANY.search(clause) else _TITLE_ALONE_AT_MOST
    if len(clause.split()) > longest or not _ROLE_WORD.search(clause):
        return None
    return clause.replace(_KEPT_DOT, ". ")


def dated_or_titled(text: str) -> bool:
    """Whether a line holds a date or a job title."""
    return bool(YEAR.search(text) or _ROLE_WORD.search(text))


def header_line(text: str) -> str:
    """A header line as shown: "Period — …" labels dropped, "a | b" separators as "a · b"."""
    return _PIPES.sub(" · ", _KEY_VALUE.sub("", text))


def is_label(text: str) -> bool:
    """A line that only labels what follows ("Responsibilities:", "Project: Billing")."""
    if _LABEL_ONLY.match(text) or _SUBLABEL.match(text) or _TAGLINE.search(text):
        return True
    if _ON_REQUEST.match(text):
        return True
    return text.endswith(":") and len(text.split()) <= 8 and not YEAR.search(text)


def prose(text: str) -> bool:
    """A line that ends a sentence ("Worked as CTO."), not a header's name or title."""
    return len(text.split()) >= _PROSE_WORDS and bool(SENTENCE.search(marked(text)))


def is_paragraph(text: str) -> bool:
    """Prose about a role (a description), not a header line: long, and a sentence or undated.

    A whole sentence ("Volunteered as a tutor at …, teaching math and English.") may be shorter.
    """
    words = len(text.split())
    if words >= _SENTENCE_AT_LEAST and text.endswith(".") and not YEAR.search(text):
        return True
    return words >= 14 and (bool(SENTENCE.search(marked(text))) or not YEAR.search(text))
