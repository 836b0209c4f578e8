"""A free-form skills list split into items, each with the label it was listed under.

People write skills lists in every shape: "Python, Go", "Languages: Python; Databases: MySQL",
"- Some knowledge of kubernetes", or one line where a PDF or a page joined several labelled
lines ("… Rust, SQL Backend: Node.js, Express Cloud & DevOps: AWS"). The label says what the
items are ("Languages"), which is what a "did you mean" may offer; it is never an item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from bot.analysis.text import clean, strip_bullet
from bot.knowledge import Skill


class _Names(Protocol):
    def exact(self, text: str) -> Skill | None: ...


@dataclass(frozen=True)
class SkillItem:
    """One item of a skills list, the label it was listed under ("" for none), its line."""

    text: str
    label: str
    line: int


# Separators; a spaced "+" joins a group ("Prometheus + Grafana"), unlike C++'s.
_SPLIT = re.compile(r"[,;|•·▪]+|\s+(?:and|&|\+)\s+|\s+-\s+")
# The most words a skill's name has ("Amazon Elastic Kubernetes Service" aside).
_LONGEST_NAME = 4
_PARENS = re.compile(r"\(([^)]*)\)")
_EMPHASIS = re.compile(r"\*\*|__|`")
_LABEL = re.compile(r"^([^:,;/()]{1,40}):\s*")
# Words that say how well, not what: "some knowledge of kubernetes" is Kubernetes.
_QUALIFIER = re.compile(
    r"^(?:some|basic|basics of|familiar with|familiarity with|knowledge of|experience with|"
    r"exposure to|proficient in|proficiency in|strong|advanced|intermediate|beginner|expert in|"
    r"working knowledge of|understanding of|good|solid|deep|hands-on|hands on)\s+",
    re.IGNORECASE,
)
# "Lua. etc", "and more": the end of a list, not an item.
_TRAILER = re.compile(r"[\s.,]*\b(?:etc|and more|and so on|and others)\.?$", re.IGNORECASE)
# Words a label is made of; an item of only these ("Other Skills", "Tools") is a label.
LABEL_WORDS = frozenset(
    """
    languages language programming frameworks framework libraries library tools tooling
    databases database db dbs storage datastores datastore data cloud devops infrastructure infra
    platforms platform technologies technology technical tech skills skill other others misc
    miscellaneous testing tests quality messaging queues streaming backend frontend web and &
    core stack hard soft general familiar with some ci
    """.split()
)


# What a label says its items are: "Languages", "Cloud & DevOps", "Storage".
_LABEL_CATEGORY = {
    **dict.fromkeys(("language", "languages", "programming"), "languages"),
    **dict.fromkeys(("framework", "frameworks", "library", "libraries", "web"), "frameworks"),
    **dict.fromkeys(
        ("database", "databases", "db", "dbs", "storage", "datastore", "datastores"), "databases"
    ),
    **dict.fromkeys(("messaging", "queue", "queues", "streaming", "mq", "brokers"), "messaging"),
    **dict.fromkeys(
        ("cloud", "devops", "infrastructure", "infra", "containers", "hosting"), "cloud"
    ),
    **dict.fromkeys(("tools", "tooling"), "tools"),
    **dict.fromkeys(("testing", "tests", "quality", "qa"), "testing"),
}
_WORD = re.compile(r"[a-z]+")
_LABEL_PARTS = re.compile(r",|&|/|\band\b")


def label_categories(label: str) -> frozenset[str]:
    """The categories a label names ("Cloud & DevOps": cloud); empty for none it names."""
    return frozenset(
        _LABEL_CATEGORY[w] for w in _WORD.findall(label.casefold()) if w in _LABEL_CATEGORY
    )


def skill_items(text: str, index: _Names) -> list[SkillItem]:
    """Split a free-form skills list into items, keeping names like CI/CD or TCP/IP whole."""
    out: list[SkillItem] = []
    lines = [strip_bullet(line) for line in _EMPHASIS.sub("", clean(text)).split("\n")]
    for number, line in enumerate(lines):
        if _not_a_skills_line(line):
            continue
        label = ""
        # "Cloud and infrastructure: AWS" — the label goes before anything is split on "and".
        found = _LABEL.match(line)
        if found is not None:
            label, line = found.group(1).strip(), line[found.end() :]
            # "Java and Kotlin: 18 years Spring": a label of names is itself what is known.
            named = [p.strip() for p in _LABEL_PARTS.split(label) if p.strip()]
            if named and all(index.exact(p) is not None for p in named):
                out.extend(SkillItem(name, "", number) for name in named)
        line = _PARENS.sub(lambda m: ", " + m.group(1) + ", ", line)
        for chunk in line.split(","):
            label = _chunk_items(chunk, label, number, index, out)
    return out


# What a PDF's page footer or a languages part brings into a skills list: contact details, and
# spoken languages with their level ("Hebrew Native speaker", "English (intermediate)").
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.\w|\bp\.?\s?o\.? box\b|https?://", re.IGNORECASE)
_PHONE = re.compile(r"\+?\d[\d ()./-]{7,}\d")
_PHONE_DIGITS = 9
_SPOKEN = re.compile(
    r"^\W*(?:english|spanish|german|french|hebrew|swedish|russian|ukrainian|portuguese|chinese|"
    r"mandarin|cantonese|japanese|korean|arabic|hindi|italian|dutch|polish|turkish|czech|greek|"
    r"finnish|norwegian|danish|romanian|hungarian|vietnamese|thai|indonesian|bengali|urdu|"
    r"persian|farsi|tamil|telugu|belarusian|serbian|croatian|bulgarian|slovak)\b"
    # With its level, or told in words ("Swedish Just enough to order wine"): no list.
    r"(?:[\s:,(–-]*(?:native|fluent|mother tongue|intermediate|basic|advanced|proficien\w*|"
    r"conversational|beginner|elementary|bilingual|upper|pre-intermediate|working|professional|"
    r"limited|full|[abc][12]\b)|[^,;]*$)",
    re.IGNORECASE,
)


def _not_a_skills_line(line: str) -> bool:
    """Contact details or a spoken language with its level: never items of a skills list."""
    if _CONTACT.search(line) or _SPOKEN.search(line):
        return True
    phone = _PHONE.search(line)
    return phone is not None and sum(ch.isdigit() for ch in phone.group(0)) >= _PHONE_DIGITS


def _chunk_items(chunk: str, label: str, line: int, index: _Names, out: list[SkillItem]) -> str:
    """The items of one comma-separated chunk, added to ``out``; returns the label now in force.

    A chunk with a colon inside a line starts a new label: "SQL Backend: Node.js" is the item
    SQL, then the label Backend over Node.js.
    """
    if "://" in chunk:
        return label
    *heads, chunk = chunk.split(":")
    for head in heads:
        words = head.split()
        kept = next(
            (k for k in range(len(words) - 1, 0, -1) if index.exact(" ".join(words[:k]))), 0
        )
        if kept:
            _add(" ".join(words[:kept]), label, line, index, out)
        label = " ".join(words[kept:]).strip(" .*_`\"'")
    for raw in _SPLIT.split(chunk):
        _add(raw, label, line, index, out)
    return label


def _add(raw: str, label: str, line: int, index: _Names, out: list[SkillItem]) -> None:
    item = strip_bullet(raw).strip(" .:*_`\"'")
    item = _TRAILER.sub("", item).strip(" .:")
    while True:
        shorter = _QUALIFIER.sub("", item)
        if shorter == item:
            break
        item = shorter
    if not item or _is_label(item, index):
        return
    label, item = _lost_colon(item, label, index)
    inner = _inner_skills(item, index) if index.exact(item) is None else []
    edge = bool(inner) and (item.startswith(inner[0]) or item.endswith(inner[-1]))
    if len(inner) >= 2 or (inner and (len(item.split()) >= 3 or edge)):
        # "TypeScript JavaScript HTML" listed with spaces, "Skilled with Linux", "MySQL
        # administration": the names in it.
        out.extend(SkillItem(name, label, line) for name in inner)
    elif "/" in item and index.exact(item) is None:
        out.extend(SkillItem(p.strip(), label, line) for p in item.split("/") if p.strip())
    else:
        out.append(SkillItem(item, label, line))


def _lost_colon(item: str, label: str, index: _Names) -> tuple[str, str]:
    """The label and the item of "Programming Java" or "Tools Git": a table row out of a PDF.

    The label's words come first and the rest is a known name; otherwise nothing changes.
    """
    words = item.split()
    lead = 0
    while lead < len(words) - 1 and _label_word(words[lead]):
        lead += 1
    rest = " ".join(words[lead:])
    known = index.exact(rest) is not None or all(index.exact(p) for p in rest.split("/"))
    if lead and index.exact(item) is None and known:
        return " ".join(words[:lead]), rest
    return label, item


def _label_word(word: str) -> bool:
    """A word of a label, or several joined by a slash ("Tools/CI")."""
    return all(part in LABEL_WORDS for part in word.casefold().split("/"))


def _inner_skills(item: str, index: _Names) -> list[str]:
    """The skill names a phrase holds, longest first, in order ("Experience deploying to AWS")."""
    words = item.split()
    found: list[str] = []
    at = 0
    while at < len(words):
        for size in range(min(_LONGEST_NAME, len(words) - at), 0, -1):
            name = " ".join(words[at : at + size]).strip(".()\"'")
            if name and index.exact(name) is not None:
                found.append(name)
                at += size
                break
        else:
            at += 1
    return found


def _is_label(item: str, index: _Names) -> bool:
    """Whether an item is a label that lost its colon: "Frameworks", "Other Skills"."""
    words = item.casefold().split()
    return all(w in LABEL_WORDS for w in words) and index.exact(item) is None


def split_skill_items(text: str, index: _Names) -> list[str]:
    """The items of a free-form skills list, as typed."""
    return [item.text for item in skill_items(text, index)]
