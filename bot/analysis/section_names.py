"""The names of a resume's sections, in the variants people use, and which a heading opens."""

from __future__ import annotations

import re

from bot.documents import Block

# Each section and the words its heading is made of, in the variants people use.
SECTION_WORDS: dict[str, tuple[str, ...]] = {
    "experience": (
        "experience",
        "experiences",
        "work experiences",
        "professional experiences",
        "employment",
        "work history",
        "job history",
        "career history",
        "career",
        "professional journey",
        "professional background",
        "work",
        "jobs",
        "positions",
        "experience timeline",
        "professional experience",
        "employment history",
        "work experience",
        "career summary",
        "industry experience",
        "technical experience",
        "relevant experience",
        "work experience",
        "internship",
        "internships",
        # A page that splits its jobs in two: "Currently" over one job, "Previously" over the rest.
        "currently",
        "previously",
        "current position",
        "current positions",
        "current role",
        "previous positions",
        "previous roles",
        "previous employment",
        "past positions",
        "past roles",
        "employment record",
        "occupation",
        "occupations",
    ),
    "skills": (
        "skills",
        "skill set",
        "skillset",
        "technical skills",
        "tech skills",
        "programming languages",
        "tech stack",
        "stack",
        "technologies",
        "technology",
        "key technologies",
        "proficiencies",
        "key proficiencies",
        "competencies",
        "expertise",
        "tools",
        "tooling",
        "toolbox",
        "languages and technologies",
        "skills & tooling",
        "core skills",
        "key skills",
        "skills summary",
        "core competencies",
        "technical proficiencies",
        "areas of expertise",
        "technical expertise",
        "specialized in",
        "specialised in",
        "specializations",
        "specialisations",
        "specialties",
        "technical profile",
        # A side column's lists, each under its own kind of tool and no "Skills" over them.
        "languages",
        "programming",
        "frameworks",
        "frameworks and platforms",
        "frameworks and libraries",
        "libraries",
        "platforms",
        "databases",
        "operating systems",
    ),
    "summary": (
        "summary",
        "profile",
        "about",
        "about me",
        "objective",
        "overview",
        "professional summary",
        "about & value",
        "introduction",
        "bio",
    ),
    "projects": (
        "projects",
        "personal projects",
        "side projects",
        "selected projects",
        "open source",
        "pet projects",
        "portfolio",
        "open source contributions",
    ),
    "education": (
        "education",
        "academic background",
        "certifications",
        "certificates",
        "courses",
        "training",
        "education & certifications",
        "degrees",
        "qualification",
        "qualifications",
    ),
    # Parts that are none of the above; named, they end the one before ("Activities" after
    # the jobs in text read out of a PDF, where no heading is marked).
    "other": (
        "activities",
        "extracurricular activities",
        "volunteering",
        "volunteer work",
        "volunteer experience",
        "volunteering experience",
        "awards",
        "honors",
        "awards and honors",
        "honors and awards",
        "publications",
        "patents",
        "interests",
        "hobbies",
        "references",
        # A side column's parts, which a two-column PDF puts between the jobs' heading and them.
        "links",
        "contact",
        "contacts",
        "contact information",
        "contact info",
    ),
}
# The last word of a heading that names its section ("Professional Experience", "Key Skills").
_HEAD_WORDS = {
    "experience": "experience",
    "experiences": "experience",
    "employment": "experience",
    "history": "experience",
    "journey": "experience",
    "timeline": "experience",
    "skills": "skills",
    "technologies": "skills",
    "stack": "skills",
    "proficiencies": "skills",
    "tooling": "skills",
    "summary": "summary",
    "profile": "summary",
    "projects": "projects",
    "education": "education",
    "certifications": "education",
}
# Kinds of tools: two of them in a heading name the skills ("Languages, Technologies, and
# Techniques"); one alone may be a company's name ("Ingenious Technologies AG").
_TOOL_KINDS = frozenset(
    "languages technologies tools techniques frameworks platforms libraries databases".split()
)
# Every name of a section, to the section it names.
NAMES = {name: section for section, names in SECTION_WORDS.items() for name in names}
_SMALL_WORDS = frozenset({"and", "or", "of", "the", "a", "an", "in", "on", "for", "to", "with"})
# A year, or a word for now: what makes a line a dated one.
YEAR = re.compile(
    r"\b(?:19[6-9]\d|20\d\d)\b|\b(?:present|now|current)\b|\b(?:0?[1-9]|1[0-2])/\d\d\b(?!/)",
    re.I,
)
# "Work Experience - professional", "Skills – technical": a name, then what kind.
_QUALIFIED = re.compile(r"\s+[-–—]\s+[a-z][\w ]*$")
SENTENCE = re.compile(r"[.!?](?:\s|$)")


def plain_words(text: str) -> str:
    """A text as lower-case words, punctuation dropped ("&" kept)."""
    return " ".join(re.sub(r"[^\w&]+", " ", text.casefold()).split())


def _names_skills(words: list[str]) -> bool:
    """Whether a heading's words name the skills: "skills", or two kinds of tools."""
    return "skills" in words or len(_TOOL_KINDS.intersection(words)) >= 2


def section_of(block: Block, headed: bool = False) -> str | None:
    """The section a heading-like block opens, or None when it is content.

    A heading (or a line in capitals) may name its section by its last word ("Professional
    Experience", "KEY PROFICIENCIES"); a plain line must be a section's name exactly, so a
    company called "Elemental Technologies" is not taken for the skills. In a document with
    headings (``headed``), only headings and lines in capitals open sections: a bold line
    "Personal Projects:" inside a job is a label, not the projects section.
    """
    if block.kind == "item" or (headed and block.kind != "heading" and not block.text.isupper()):
        return None
    name = plain_words(_QUALIFIED.sub("", block.text))
    prose = block.kind != "heading" and SENTENCE.search(block.text)
    if not name or len(name.split()) > (7 if block.kind == "heading" else 5) or prose:
        return None
    if name in NAMES:
        # "Achievements:" inside a job labels its bullets; "Achievements" alone is a part.
        labels = NAMES[name] == "other" and block.text.rstrip().endswith(":")
        return None if labels else NAMES[name]
    if block.kind == "heading" or block.text.isupper():
        # "Professional Experience" by its last word; "Technologies I've used:" by its first.
        words = name.split()
        section = _HEAD_WORDS.get(words[-1]) or _HEAD_WORDS.get(words[0])
        # "Related Skills and Activities", "Languages, Technologies, and Techniques", "Backend
        # Frameworks".
        tools = _names_skills(words) or words[-1] in _TOOL_KINDS
        section = section or ("skills" if tools else None)
        if section is not None and not YEAR.search(block.text):
            return section
    else:
        return _plain_heading(block.text, name.split())
    return None


_SENTENCE_CASE_WORDS = 4


def _plain_heading(text: str, words: list[str]) -> str | None:
    """A plain line that reads as a heading in text out of a Word file or a PDF.

    "Related Skills and Tools" or "My Professional Journey" in title case. Only the skills, the
    jobs and a part named by its words alone are read this way: a company called "Elemental
    Technologies" must not open the skills. (A short line ending in "experience" is too often a
    sentence of its own.)
    """
    if YEAR.search(text) or any(ch.isdigit() for ch in text):
        return None
    if "skills" in words and _title_case(text):
        return "skills"
    # "Software development skills": a short line in sentence case that ends in "skills".
    if words[-1] == "skills" and len(words) <= _SENTENCE_CASE_WORDS and text[:1].isupper():
        return "skills"
    if _HEAD_WORDS.get(words[-1]) == "experience" and _title_case(text):
        return "experience"
    # "Certificates and Courses": names of one section joined by "and".
    named = {NAMES.get(w) for w in words if w not in _SMALL_WORDS and w != "&"}
    if _title_case(text) and len(named) == 1 and None not in named:
        return named.pop()
    return None


def _title_case(text: str) -> bool:
    """Every word but the small ones capitalised, as headings are ("Skills and Activities")."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if w.casefold() not in _SMALL_WORDS]
    return bool(words) and all(w[0].isupper() for w in words)
