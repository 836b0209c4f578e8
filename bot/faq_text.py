"""Reading a question for the FAQ matcher: its words, its sentences, and the clause that asks.

Questions people post online are long: a paragraph of personal context ("I've been looking for
a year...", "my parents say...") and somewhere in it the sentence that asks. Scoring every word the
same lets the story drown the question, so a long message is split into the sentences that ask
(``focus``) and the rest, and the matcher weighs them differently.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

# Words that carry no topic on their own. They still count a little, so that
# "how long should my resume be" leans to the resume entry, not the summary one.
FILLER = frozenset(
    """
    a an the and or but if so to of in on at for with about from by as into onto than then within
    i im i'm i've ive me my mine we our us you your yours it its it's this that these those there
    he she him her his they them their theirs someone somebody anyone people person
    is am are was were be been being do does did doing done have has had having get got gets
    can could should would will shall may might must ought need needs want wants wanna gonna
    how what whats what's which who whom whose when where why whether
    any some all each every more most few less lot lots very really just also too only
    ok okay pls please thanks thank hey hi hello yo hmm um well like kind sort actually basically
    question questions advice tip tips thought thoughts suggestion suggestions wonder wondering
    anything something everything thing things stuff way ways bit part parts
    resume resumes cv cvs backend back end developer developers dev devs engineer engineers
    software job jobs role roles position positions apply applying application applications
    put add include including list listing write writing make making use using show showing
    go goes going put puts keep keeping give mention mentioning talk say tell know knew think
    look looks looking seem seems try tried touched used one not no yes don't dont isnt isn't
    take takes taking took come comes came see find let lets still even ever maybe probably
    good best better great right fine worth ideal okay enough general generally bad worse worst
    """.split()
)

# Words that say a question is about job hunting; with one of them present, an unknown word is
# more likely another way of saying a topic word than a sign the question is off-topic.
CONTEXT = frozenset(
    """
    resume resumes cv cvs job jobs role roles position positions recruiter recruiters hiring
    employer employers interview interviews application applications backend developer developers
    engineer engineers linkedin ats career candidate candidates
    """.split()
)

# Words that place a long message in a job search. A paragraph about a boss, lunch breaks or
# weekend work shares words with the FAQ ("manager", "meeting", "hours") but names none of these,
# and is turned down however well its words happen to match an entry.
ANCHORS = frozenset(
    """
    resume resumes cv cvs vitae application applications apply applying applied applicant
    applicants recruiter recruiters recruiting hiring hire hired employer employers interview
    interviews interviewer interviewers candidate candidates posting postings portfolio linkedin
    ats screening screener
    """.split()
)
# Wider: words that place even a short question among resumes and jobs. An entry whose topic
# words have everyday meanings ("photo", "certificate", "gpa") answers only questions that use
# one, so that "a photo of my cat" or "an ssl certificate" is not taken for a resume question.
JOB_WORDS = (
    ANCHORS
    | CONTEXT
    | frozenset(
        """
        section sections header heading bullet bullets summary skills experience career careers
        programmer programmers grad graduate graduates include included including list listed
        listing mention mentioned
        """.split()
    )
)
_OWN_TOPICS = frozenset("linkedin application applications portfolio".split())
# Of those, the ones that only say "job search", not which topic (unlike "linkedin" or "ats"): in a
# long message they are not evidence for an entry such as what-recruiters-want.
NEUTRAL_ANCHORS = ANCHORS - {"portfolio", "linkedin", "ats"}
# The same, in several words: a job search, or a line only a resume has.
_ANCHOR_PHRASES = re.compile(
    r"\b(?:cover letters?|job (?:hunt|hunting|search|searching|seekers?|ads?|descriptions?)|"
    r"job-hunting|references? (?:available )?(?:on|upon) request|(?:new|job) opportunit(?:y|ies)"
    r"|(?:a|my) (?:new|next) (?:job|position|role))\b"
)

# The job search beyond the resume: negotiating an offer, a counter-offer, what to say in an
# interview. Asked about without naming a topic of the FAQ ("a gap"), it is declined (see
# bench/corpus/labels/README.md), however many words it shares with an entry.
_OFF_RESUME = re.compile(
    r"\b(?:negotiat\w*|counter[- ]?offers?|job offers?|tell me about yourself|interview questions?|"
    r"(?:in|during|at|for) (?:an?|the|my|your|this) (?:job |phone |technical )?interviews?"
    r"|(?:technical|coding|phone|video|onsite|on-site|final|behaviou?ral) interviews?"
    r"|interview (?:process|processes|rounds?|prep|preparation)|interviewees?|interviewers? asks?"
    r"|(?:career|job) fairs?|crack(?:ing)? (?:the |an |my |this |these )?(?:\w+ )?interviews?"
    # The hiring side: recruiting developers is not writing one's resume.
    r"|recruiting (?:software )?(?:developers|engineers|programmers)"
    r"|as an? (?:technical )?recruiter)\b"
)

_TOKEN = re.compile(r"[a-z0-9+#]+(?:'[a-z]+)?")
# Sentence ends, line breaks, ellipses ("..." marks a cut in a quoted question), and a colon that
# introduces a new sentence ("So my question is this: At which point..."). Not a break: the dot of
# an abbreviation ("e.g. Java"), or an ellipsis that closes a list ("(languages, platforms, …) when
# polishing your CV?"), which would cut the question in two.
_BREAK = re.compile(
    r"(?<=[.!?])(?<!\.\.\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\betc\.)(?<!\bvs\.)[\"')\]]*\s+"
    r"|\n+|\s*(?:\.{3,}|…)(?![)\],.])\s*|(?<=:)\s+(?=[\"“A-Z])"
)
# First words of a direct question that lost its question mark.
_OPENERS = frozenset(
    """
    should shall do does did is are was were am can could would will how what whats what's which
    when where why who any
    """.split()
)
# An indirect question: "I don't know how to explain...", "I wonder whether...".
_INDIRECT = re.compile(
    r"\b(?:wonder(?:ing)?|not sure|unsure|don'?t know|do not know|no idea|would like to know|"
    r"(?:confused|torn|undecided) (?:about|on|over|between|whether|if|as to)|can'?t decide|"
    r"my question|question is|any (?:advice|tips|thoughts|ideas)|advice on|what do you think"
    r"|(?:have|got) a question (?:about|on|regarding|concerning))\b"
)
# Longer than this, or two sentences longer than SHORT_WORDS, a message is read clause by clause.
LONG_WORDS = 18
SHORT_WORDS = 10


def normalize(text: str) -> str:
    """Lower-case, fold accents and compatibility forms, straighten apostrophes."""
    if text.isascii():
        return text.lower()  # the common case, and NFKD changes nothing in it
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return folded.casefold().replace("\u2019", "'")


def tokenize(text: str) -> list[str]:
    """Split text into lower-case word tokens."""
    return _TOKEN.findall(normalize(text))


@dataclass(frozen=True)
class Asked:
    """A question as the matcher reads it."""

    text: str
    # The sentences that ask; the whole text when it is short or nothing in it asks.
    focus: str
    # The first of them: in a forum post the title, or the question the rest explains.
    lead: str
    long: bool
    # Whether the message names the job search at all (see ANCHORS).
    anchored: bool
    # Whether it uses any word of a resume or a job (see JOB_WORDS), and whether its asking
    # clause does.
    in_job_search: bool
    focus_in_job_search: bool
    # Each sentence that asks, in order (empty for a short question).
    asking: tuple[str, ...] = ()


_WH = frozenset("which what how when where why whether".split())
# Words that ask for a verdict and name nothing: "Is this acceptable?", "Would that be wise?"
_VERDICTS = frozenset(
    """
    acceptable appropriate correct wrong normal wise smart advisable allowed alright matter
    matters problem problematic issue true professional weird strange silly mistake idea
    recommend suggest advise advice think thoughts opinion
    """.split()
)


def _asks(sentence: str) -> bool:
    # "Should I...", or a question word among the first three ("At which point can you...").
    words = tokenize(sentence)
    return bool(words) and (words[0] in _OPENERS or not _WH.isdisjoint(words[:3]))


def read(text: str) -> Asked:
    """Split a message into the clause that asks and its context."""
    words = tokenize(text)
    sentences = [s.strip() for s in _BREAK.split(text) if s and s.strip()]
    long = len(words) > LONG_WORDS or (len(sentences) > 1 and len(words) > SHORT_WORDS)
    anchored = not ANCHORS.isdisjoint(words) or bool(_ANCHOR_PHRASES.search(normalize(text)))
    # "LinkedIn stock price" or "a visa application" name no job search: those words are topics
    # of their own (or have other uses) and do not count here.
    in_job_search = not (JOB_WORDS - _OWN_TOPICS).isdisjoint(words) or bool(
        _ANCHOR_PHRASES.search(normalize(text))
    )
    if not long:
        return Asked(text, text, text, False, anchored, in_job_search, in_job_search)
    direct = [s for s in sentences if s.rstrip("\"')] ").endswith("?")]
    if not direct:
        direct = [s for s in sentences if _asks(s)]
    indirect = [s for s in sentences if s not in direct and _INDIRECT.search(normalize(s))]
    chosen = set(direct) | set(indirect)
    # "My question is this:" introduces the sentence that asks, which takes its place.
    for before, after in itertools.pairwise(sentences):
        if before in indirect and before.endswith(":"):
            chosen.add(after)
            chosen.discard(before)
    # "Is this OK?" asks about the sentence before it, which says what "this" is, when no
    # sentence that asks names anything itself.
    if chosen and all(_says_nothing(s) for s in chosen):
        for before, after in itertools.pairwise(sentences):
            if after in chosen:
                chosen.add(before)
    asking = [s for s in sentences if s in chosen]
    focus = " ".join(asking) or text
    lead = asking[0] if asking else text
    focus_in_job_search = not (JOB_WORDS - _OWN_TOPICS).isdisjoint(tokenize(focus))
    return Asked(
        text, focus, lead, True, anchored, in_job_search, focus_in_job_search, tuple(asking)
    )


def _says_nothing(sentence: str) -> bool:
    """Whether a sentence asks only for a verdict on something said before ("Is that wise?")."""
    return all(w in FILLER or w in _VERDICTS for w in tokenize(sentence))


def read_short(text: str) -> Asked:
    """One sentence read as a short question, however many words it has."""
    words = tokenize(text)
    anchored = not ANCHORS.isdisjoint(words) or bool(_ANCHOR_PHRASES.search(normalize(text)))
    in_job_search = not (JOB_WORDS - _OWN_TOPICS).isdisjoint(words) or bool(
        _ANCHOR_PHRASES.search(normalize(text))
    )
    return Asked(text, text, text, False, anchored, in_job_search, in_job_search)


_RESUME_WORDS = frozenset("resume resumes cv cvs vitae application applications".split())


def names_resume(text: str) -> bool:
    """Whether the text names the papers themselves: the resume, a cover letter, an application."""
    return not _RESUME_WORDS.isdisjoint(tokenize(text)) or "cover letter" in normalize(text)


def off_resume(text: str) -> bool:
    """Whether the text asks about the job search beyond the resume (an offer, an interview)."""
    return bool(_OFF_RESUME.search(normalize(text)))
