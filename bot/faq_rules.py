"""Rules of the FAQ matcher that judge its rankings, apart from how they are scored."""

from __future__ import annotations

from bot.faq_text import Asked, names_resume
from bot.knowledge import FaqEntry

# A long message read by its asking sentences alone names an entry when it leads this clearly.
FOCUS_MARGIN = 2.0
# The whole message names its entry this many times more clearly than any other.
CLEAR_LEAD = 3.0


def focus_leads(asked: Asked, ranked: list[tuple[FaqEntry, float]], floor: float) -> bool:
    """Whether a long message read by its asking sentences alone clearly names one entry.

    Those sentences carry the filler of a whole post ("Which is correct? Thoughts?") and score
    lower than a short question; a clear lead over every other entry says as much.
    """
    if not asked.long or len(ranked) < 2:
        return False
    score, runner_up = ranked[0][1], ranked[1][1]
    return score >= floor and score >= FOCUS_MARGIN * runner_up


def clear_lead(entry: FaqEntry, ranked: list[tuple[FaqEntry, float]]) -> bool:
    """Whether a story names its best entry so clearly that its question's own entry can't veto.

    "Why not list that employer?" after a story of being fired is about the firing, unless the
    question's entry is the story's second one too.
    """
    if len(ranked) < 2:
        return True
    return ranked[0][1] >= CLEAR_LEAD * ranked[1][1] and entry is not ranked[1][0]


def offer_talk(entry: FaqEntry, focus: str, off_resume: bool) -> bool:
    """Whether an answer about the job search's own topic ("salary") talks of the offer instead.

    "Should I negotiate my salary?" is the offer; it is answered only when it names the resume.
    """
    return entry.job_search_words and off_resume and not names_resume(focus)
