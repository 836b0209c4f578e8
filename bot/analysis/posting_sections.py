"""A job posting read as its author wrote it: which parts require, which would only like.

The posting is read into blocks (``bot.documents.read_blocks``: headings, paragraphs, list
items, table rows, no markup) and each heading, in its real variety, says what follows it:

- required: "Requirements", "What you (should) bring", "Must have", "Qualifications", "About you",
  "We would love to hear from you if"…;
- nice to have: "Nice to have", "Bonus points", "Advantages", "We'd be excited if you've had"…;
  "Preferred qualifications" too, unless the posting has no requirements section: then they
  are its requirements;
- the stack: "Our stack", "Technology summary": technologies the team uses, only mentioned;
- nothing: "Benefits", "What we offer", "About us", "Our culture", "How to apply"…

Text under no such heading (the introduction, the duties) asks for what it names, but less
firmly than a requirements section: a nice-to-have elsewhere wins over it, and a sentence there
about the team's stack ("we use", "our stack") only mentions. A long paragraph after a section's
list is read as such text too: the posting goes on in its own voice. Inside any sentence, an
inline marker makes its own clause nice to have: "(Azure preferred)", "preferably Git",
"Kubernetes is a plus", "bonus if you know Java". A paragraph written as a bullet ("\\- Docker")
is an item.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from bot.analysis.nice_markers import nice_spans
from bot.analysis.skills import SkillIndex
from bot.documents import Block, read_blocks

# How firmly a part asks, weakest first; a technology takes the firmest of its mentions.
MENTIONED, WEAK, NICE, REQUIRED = 1, 2, 3, 4
_NONE = 0
_PREFERRED = -1  # "Preferred qualifications": NICE or REQUIRED, decided by the whole posting

_NONE_HEADING = re.compile(
    r"benefits?|perks|what we offer|we offer|our offer"
    r"|what you(?:'ll| will)? (?:get|receive|find)(?! to (?:do|work|build))"
    r"|in it for you|why (?:join|us|work|you(?:'ll| will)? love)|love working"
    r"|about (?!you\b|the (?:role|job|position|project|opportunity|work)\b"
    r"|this (?:role|job|position)\b)"
    r"|our (?:culture|values|mission|story|team|company|benefits)|culture(?: and values)?$"
    r"|^(?:the )?company(?: description| overview| info| profile)?$|who we are"
    r"|compensation|salary|^pay\b|equal opportunit|diversity|inclusion|how to apply|to apply"
    r"|apply (?:now|here|today)|application process|^offers?$"
    r"|(?:recruitment|interview|hiring|selection) process|^location|working (?:hours|conditions)"
    r"|employment (?:type|details)|job details|life at|rewards|we provide|^contact|disclaimer"
    r"|privacy|meet the team|next steps|\beeo\b"
    # Portuguese and Spanish postings: benefits, what we offer, hiring terms, how to apply.
    r"|beneficios|oferecemos|ofrecemos|contratacao|como se candidatar|como aplicar|^local$"
    r"|sobre (?:nos|a empresa|la empresa)|^empresa$|^labels$|tempo medio"
)
_NICE_HEADING = re.compile(
    r"nice[- ]?(?:to[- ]?)?haves?|bonus|\bpluses\b|\bplus\b"
    r"|would be (?:great|nice|a plus|awesome|cool)"
    r"|we(?:'d| would)? (?:also |really |be |)*(?:excited|love|appreciate|like)\b"
    r"(?! to (?:see|hear|find|meet))"
    r"|advantage|extra (?:credit|points)|good to have|optional|not required|ideally|even better"
    r"|stand out|brownie points|icing on the cake|\bassets?\b|helpful|beneficial|great to have"
    r"|not (?:necessary|essential|mandatory|a requirement)"
    r"|additional (?:skills|qualifications|experience)|(?:might|may|could) also"
    r"|good[- ]to[- ]haves|(?:great|nice) if|also (?:great|nice)|cherry on (?:the )?top"
    r"|sets? you apart|differentiators?|wow us|\bextras\b|wish ?list|points for"
    r"|diferenciais|diferencial|desejave(?:l|is)|deseables?|valorizado"
    r"|nao e (?:fundamental|obrigatorio|essencial|necessario)|no es (?:obligatorio|imprescindible)"
    r"|gostariamos|seria (?:legal|otimo|bom|interessante)|muito interessante|valoraremos"
)
_PREFERRED_HEADING = re.compile(r"preferred|desir(?:ed|able)")
_STACK_HEADING = re.compile(
    # "Our stack", not "full-stack experience with: …"
    r"(?<!full-)(?<!full )\bstack\b"
    r"|technolog(?:y|ies) (?:summary|we use|used|overview|landscape)|tools we use"
    r"|our (?:tools|tooling|technologies)|what we use|built with|tech we use"
)
_REQUIRED_HEADING = re.compile(
    r"require|must[- ]haves?|must have|you(?: should| will| must)? have"
    r"|you(?:'ll| will| should| must)? bring|(?:love|like) to hear from you"
    r"|you(?:'ll| will)? need|we need|look(?:ing)? for|are we looking|search(?:ing)? for"
    r"|seek(?:ing)?"
    r"|is this you|sounds? like you|are you the one|you should know|superpowers|toolkit"
    r"|must know|your (?:strengths|expertise)|^(?:background|expertise)$|what we want"
    r"|who you are|about you|qualifications?|skills|experience|essentials?|minimum"
    r"|your (?:profile|skills|experience|background)|profile|ideal candidate|you are"
    r"|you(?:'re| are) a (?:great |good )?(?:fit|match)|competenc|expect|like to see"
    r"|you to bring|to succeed|success|candidate|prerequisites|mandatory|what it takes"
    r"|(?:be )?a (?:great |good |strong )?(?:fit|match)"
    r"|requisitos|requerimientos|exigencias|obrigatorios?"
)
# A sentence about the team's own stack, outside a requirements list: it only mentions.
_STACK_SENTENCE = re.compile(
    r"\b(?:our|modern|tech(?:nology)?|technical) stack\b|\bstack (?:of|includes|is)\b"
    r"|\bwe(?:'re| are)? (?:currently |heavily )?(?:use|using|work with|working with|run on"
    r"|running on|rely on|built (?:on|with))\b|\butili[sz]es\b|\btechnologies we use\b",
    re.IGNORECASE,
)
# A requirement that points at the posting's stack list instead of naming it again.
_STACK_REFERENCE = re.compile(
    r"\b(?:(?:our|the|this|above|listed|whole) (?:tech(?:nology)? )?stack|stack technologies"
    r"|technologies (?:above|listed)|(?:above|listed|mentioned) technologies)\b",
    re.IGNORECASE,
)
_CLEAN_HEADING = re.compile(r"[^a-z0-9'’ &/+-]+")
_HEADING_END = (":", "?", "…", "...")


@dataclass(frozen=True)
class PostingPart:
    """One heading, paragraph or item of a posting and how firmly it asks for what it names.

    ``nice_spans`` are the character ranges an inline marker makes nice to have.
    """

    text: str
    strength: int
    nice_spans: tuple[tuple[int, int], ...] = ()

    def strength_at(self, start: int) -> int:
        """How firmly the part asks for what is named at ``start``."""
        if any(a <= start < b for a, b in self.nice_spans):
            return NICE
        return self.strength


def heading_strength(text: str) -> int | None:
    """What a heading says its section asks for; None for a heading that says nothing."""
    folded = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    words = _CLEAN_HEADING.sub(" ", "".join(c for c in folded if not unicodedata.combining(c)))
    words = words.strip()
    if not words:
        return None
    if _NONE_HEADING.search(words):
        return _NONE
    if _NICE_HEADING.search(words):
        return NICE
    if _PREFERRED_HEADING.search(words):
        return _PREFERRED
    if _STACK_HEADING.search(words):
        return MENTIONED
    if _REQUIRED_HEADING.search(words):
        return REQUIRED
    return None


# "- Docker" written as a paragraph, or "-GitHub;" with no space after its mark.
_BULLET_TEXT = re.compile(r"^(?:\\?-|[•●▪·–])(?:\s|(?=[A-Z]))")
_LABEL_LINE = re.compile(r"^([^:]{1,60}):\s+(\S.*)$")
_SENTENCE = re.compile(r"(?<=[.!?;])\s+")
# A heading written as a paragraph: a short line ("Requirements", "Bonus points if you have…").
_SHORT_HEADING_WORDS = 6
_LONG_HEADING_WORDS = 12
# Headings a reader sees as headings, by rank; a line read as one is below all of them.
_TOP_LEVEL = 1
_LINE_LEVEL = 7


@dataclass(frozen=True)
class _Heading:
    strength: int | None
    level: int
    # What the heading names besides saying what follows: "Backend Developer (Node.js)".
    text: str
    # A label line ("Salary: 100k", "Nice to have: Redis") heads only itself.
    local: bool = False


@lru_cache(maxsize=256)
def posting_parts(posting: str, skills: SkillIndex) -> tuple[PostingPart, ...]:
    """The posting's headings, paragraphs and items, each with how firmly it asks."""
    # The front matter is read apart (``_front_matter_parts``), by its keys.
    blocks = read_blocks(_FRONT_MATTER.sub("", posting, count=1))
    headings = [
        _heading(b, blocks[n + 1] if n + 1 < len(blocks) else None, skills)
        for n, b in enumerate(blocks)
    ]
    # A heading with another right under it heads nothing of its own ("## Job requirements"
    # over "## Desired skills:"): it does not make the other one a nice-to-have.
    found = {
        h.strength for n, h in enumerate(headings) if h is not None and not _empty(headings, n)
    }
    # "Preferred qualifications" are nice beside a requirements list; a posting with none asks
    # for what it prefers ("Preferred skills and qualifications", then "We'd also appreciate").
    preferred = NICE if REQUIRED in found else REQUIRED
    firm = bool(found & {REQUIRED, NICE, _PREFERRED})
    parts: list[PostingPart] = []
    current, level = WEAK, _LINE_LEVEL + 1
    listed = False  # the current section has had its list
    for block, heading in zip(blocks, headings, strict=True):
        if heading is None and _after_the_list(block, listed, current):
            # Prose after a requirements list is the posting going on ("Coinbase is seeking…").
            current = WEAK
        strength = current
        if heading is not None and heading.local:
            strength = _resolved(heading.strength, preferred)
            if strength == REQUIRED and current == NICE:
                # "Experience with cloud services: AWS, GCE" under "Nice to have": the label
                # says what the item is about, not that it is required.
                strength = NICE
        elif heading is not None:
            listed = False
            if heading.strength is not None:
                current, level = _resolved(heading.strength, preferred), heading.level
            elif heading.level <= level:
                current, level = WEAK, heading.level
            strength = current
        listed = listed or (heading is None and block.kind == "item")
        text = heading.text if heading is not None else block.text
        if strength != _NONE and text:
            parts.extend(_parts(text, strength, firm))
    return (*_front_matter_parts(posting), *_stack_asked_for(parts))


def _empty(headings: list[_Heading | None], at: int) -> bool:
    """Whether the heading at ``at`` has another section's heading right under it."""
    following = headings[at + 1] if at + 1 < len(headings) else None
    return following is not None and not following.local


def _stack_asked_for(parts: list[PostingPart]) -> list[PostingPart]:
    """The stack's parts as asked for, when a requirement points at it.

    "Technology Stack: Elixir, Phoenix…" then "Requirements: knowledge of the stack
    technologies": the list the requirement names is what it asks for.
    """
    asks = any(p.strength == REQUIRED and _STACK_REFERENCE.search(p.text) for p in parts)
    if not asks:
        return parts
    return [
        PostingPart(p.text, REQUIRED, p.nice_spans) if p.strength == MENTIONED else p for p in parts
    ]


# A paragraph this long after a section's list is prose, not one more requirement.
_PROSE_WORDS = 12


def _after_the_list(block: Block, listed: bool, current: int) -> bool:
    """Whether a paragraph follows the list of a requirements or nice-to-have section."""
    return (
        listed
        and current in (REQUIRED, NICE)
        and block.kind == "text"
        and len(block.text.split()) >= _PROSE_WORDS
    )


def _resolved(strength: int | None, preferred: int) -> int:
    if strength is None:
        return WEAK
    return preferred if strength == _PREFERRED else strength


_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_FRONT_MATTER_KEY = re.compile(r"^([A-Za-z][\w -]{0,30}):\s*(.*)$")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|_")


def _front_matter_parts(posting: str) -> list[PostingPart]:
    """The values of a page's front matter: its title, description, technology tags.

    They are what the page shows as the job's own words, read as the introduction is; a key
    that names a part ("requiredSkills", "desiredSkills", "offerings") says how firmly its
    values ask, as a heading would.
    """
    found = _FRONT_MATTER.match(posting)
    if found is None:
        return []
    parts: list[PostingPart] = []
    strength = WEAK
    for line in found.group(1).split("\n"):
        nested = line[:1].isspace() or line.startswith("-")
        keyed = None if nested else _FRONT_MATTER_KEY.match(line)
        if keyed is not None:
            strength = _front_matter_strength(keyed.group(1))
            value = keyed.group(2)
        else:
            value = line.strip().removeprefix("- ")
        value = value.strip(" \"'")
        if value and not value.startswith("/") and strength != _NONE:
            parts.extend(_parts(value, strength, firm=False))
    return parts


def _front_matter_strength(key: str) -> int:
    """How firmly a front matter key's values ask, as a heading of those words would.

    "desiredSkills" beside "requiredSkills" is nice to have; "offerings" asks for nothing;
    "title" or "summary" read as the introduction.
    """
    strength = heading_strength(_CAMEL.sub(" ", key))
    if strength == _PREFERRED:
        return NICE
    return WEAK if strength is None else strength


def _heading(block: Block, following: Block | None, skills: SkillIndex) -> _Heading | None:
    """What a block says as a heading, or None for a block that is no heading.

    A text line is one when it reads as one: short and saying what follows ("Requirements",
    "Bonus points if you have…", "We'd be excited if you've had:"), and naming no technology;
    so is a list item that ends in a colon and says what follows ("- Nice to have:"). A label
    line or item ("Nice to have: Kafka, Redis") heads only itself.
    """
    text = block.text.strip(" *_#`")
    if block.kind == "heading":
        return _Heading(heading_strength(text), block.level or _TOP_LEVEL, text)
    if block.kind not in ("text", "item") or _BULLET_TEXT.match(text):
        return None  # "- Experience with CI/CD" written as a paragraph is an item
    label = _LABEL_LINE.match(text)
    if label is not None and len(label.group(1).split()) <= _SHORT_HEADING_WORDS:
        strength = heading_strength(label.group(1))
        if strength is not None:
            return _Heading(strength, _LINE_LEVEL, label.group(2), local=True)
    size = len(text.split())
    if block.kind == "item":
        looks = text.endswith(":") and size <= _LONG_HEADING_WORDS
        strength = heading_strength(text) if looks else None
        if strength is None or skills.technologies(text):
            return None
        return _Heading(strength, _LINE_LEVEL, text)
    opens_list = following is not None and (
        following.kind == "item" or bool(_BULLET_TEXT.match(following.text.strip(" *_")))
    )
    looks = (text.endswith(_HEADING_END) and size <= _LONG_HEADING_WORDS) or (
        not text.endswith(".")
        and (
            (size <= _SHORT_HEADING_WORDS and (opens_list or heading_strength(text) is not None))
            # "If your experience includes the following, it would be great" over a list
            or (size <= _LONG_HEADING_WORDS and opens_list and heading_strength(text) is not None)
        )
    )
    if not looks or skills.technologies(text):
        return None
    return _Heading(heading_strength(text), _LINE_LEVEL, text)


def _parts(text: str, strength: int, firm: bool) -> list[PostingPart]:
    """One block's sentences, each with how firmly it asks and its inline nice-to-haves.

    A sentence about the team's stack outside a requirements list only mentions what it names,
    when the posting has a requirements or nice-to-have list to say what it asks for.
    """
    if strength not in (REQUIRED, WEAK):
        return [PostingPart(text, strength)]
    out: list[PostingPart] = []
    for sentence in _SENTENCE.split(text):
        here = strength
        if strength == WEAK and firm and _STACK_SENTENCE.search(sentence):
            here = MENTIONED
        out.append(PostingPart(sentence, here, nice_spans(sentence)))
    return out
