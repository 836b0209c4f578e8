"""What a typed message is before any step reads it: a question, small talk, a lone number.

None of these is ever stored as resume content; everything else goes to the current step,
which decides whether the text is what it asks for.
"""

from __future__ import annotations

import re
from enum import Enum

_QUESTION_WORD = re.compile(
    r"^(?:how|what|what's|whats|which|should|shall|can|could|do|does|did|is|are|am|when|where|"
    r"why|would|will|who|whom|any|tips?|help|is it|isn't|aren't|don't|doesn't)(?=[\s,]|$)",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!]\s*$")
_SMALL_TALK = re.compile(
    r"""^(?:
        hi|hii+|hello|hey|heya|hiya|yo|howdy|greetings|good\ (?:morning|afternoon|evening|night)
        |thanks?(?:\ you)?(?:\ so\ much|\ a\ lot)?|thx|ty|tysm|cheers|much\ appreciated
        |ok|okay|k|kk|okey|alright|all\ right|cool|nice|great|awesome|perfect|fine|got\ it|gotcha
        |sure|yes|yeah|yep|yup|no|nope|nah|maybe|lol|lmao|haha+|hehe+|hmm+|uh+|um+|wow|oops|sorry
        |bye|goodbye|see\ you|later|test|testing|ping|hm+
        |done|finished|that'?s\ (?:it|all)|all\ done|continue|next|skip|none|nothing|n/?a
    )(?:\ (?:there|bot|coach|man|mate|buddy))?[\s.!?:)(\-]*$""",
    re.I | re.X,
)
_LONE_NUMBER = re.compile(r"^\s*(?:#|no\.?\s*|option\s*)?\d{1,3}\s*[.)]?\s*$", re.I)


class Intent(Enum):
    """What a message is, when it is not content."""

    QUESTION = "question"
    SMALL_TALK = "small talk"
    NUMBER = "number"


def intent_of(text: str) -> Intent | None:
    """The message's intent, or None when it may be content for the step."""
    stripped = text.strip()
    if _LONE_NUMBER.match(stripped):
        return Intent.NUMBER
    if _SMALL_TALK.match(stripped) or not any(ch.isalnum() for ch in stripped):
        return Intent.SMALL_TALK
    if is_question(stripped):
        return Intent.QUESTION
    return None


def is_question(text: str) -> bool:
    """A single line that asks something: it ends in "?", or opens like a question and is short.

    A summary or bullet that happens to open with "Do…" or "Can…" ends like a statement and is
    longer, so it is not taken for a question.
    """
    if "\n" in text or len(text) > 300:
        return False
    if text.rstrip().endswith("?"):
        return True
    return (
        bool(_QUESTION_WORD.match(text))
        and not _SENTENCE_END.search(text)
        and len(text.split()) <= 20
    )
