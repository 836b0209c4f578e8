"""What every step and command works with: the knowledge, the analysers and the step table.

It also makes the small moves every step makes: prompt, advance, back, button, reply.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

from bot import posting
from bot.analysis import lexicon_for
from bot.faq import FaqMatch, FaqMatcher
from bot.knowledge import Level, RoleKnowledge
from bot.progress import Progress
from bot.steps.base import Step, Turn
from bot.types import Button, Reply, Span, bold, reply

FAQ_CACHE = 4_096


class Dialog:
    """Built once per role with the step table; shared by every turn of every user."""

    def __init__(self, role: RoleKnowledge, steps: Sequence[Step]) -> None:
        self.role = role
        self.lex = lexicon_for(role)
        self.faq = FaqMatcher.for_role(role)
        self.steps = tuple(steps)
        self._index = {step.name: number for number, step in enumerate(self.steps)}
        # Many people ask the same questions.
        self.faq_match: Callable[[str], FaqMatch] = lru_cache(maxsize=FAQ_CACHE)(self.faq.match)

    # ---- where we are ------------------------------------------------------------------------

    def step(self, progress: Progress) -> Step:
        """The step the user is at (the first one if the stored name is no longer a step)."""
        return self.steps[self._index.get(progress.step, 0)]

    def is_first(self, progress: Progress) -> bool:
        """Whether the user is at the first step (choosing a level)."""
        return self.step(progress) is self.steps[0]

    def the_step(self, name: str) -> str:
        """A step named in a sentence: "the summary step"."""
        return f"the {self.steps[self._index.get(name, 0)].title.lower()} step"

    def heading(self, step: Step) -> Span:
        """The line above a step's question: "Step 2 of 6 · Skills", or "First, "."""
        number = self._index[step.name]
        if number == 0:
            return bold("First, ")
        return bold(f"Step {number} of {len(self.steps) - 1} · {step.title}\n")

    def level(self, progress: Progress) -> Level:
        """The user's level, mid until they say."""
        return progress.level or "mid"

    # ---- moving ------------------------------------------------------------------------------

    def prompt(self, progress: Progress) -> list[Reply]:
        """What the coach asks now, marked when it waits for typing."""
        if progress.pending == posting.PENDING:
            replies, typing = [posting.prompt()], True
        else:
            step = self.step(progress)
            replies, typing = step.prompt(self, progress), step.typed
        return [replace(r, asks_for_text=True) for r in replies] if typing else replies

    def advance(self, progress: Progress) -> None:
        """Move on to the next step, dropping anything half-asked."""
        self.step(progress).leave(progress)
        progress.pending = None
        progress.answers = {}
        progress.held = ""
        progress.focus = None
        number = self._index.get(progress.step, 0)
        progress.step = self.steps[min(number + 1, len(self.steps) - 1)].name

    def keep(self, progress: Progress) -> None:
        """The person keeps this step's text: a step skipped before is back in the draft."""
        if progress.step in progress.skipped:
            progress.skipped = [name for name in progress.skipped if name != progress.step]

    def back(self, progress: Progress) -> None:
        """Go back one step, dropping anything half-asked."""
        progress.pending = None
        progress.answers = {}
        progress.held = ""
        progress.focus = None
        number = self._index.get(progress.step, 0)
        progress.step = self.steps[max(number - 1, 0)].name

    # ---- replies -----------------------------------------------------------------------------

    @staticmethod
    def done(progress: Progress | None, *replies: Reply) -> Turn:
        """A turn that stores ``progress`` and sends ``replies``."""
        return Turn(list(replies), progress)

    @staticmethod
    def button(label: str, action: str, progress: Progress, arg: str = "") -> Button:
        """A button whose value carries the turn it was shown on, so a stale press is known."""
        return Button(label, f"{action}:{arg}:{progress.turn}")

    def hint(self, progress: Progress) -> str:
        """Where we are, in one line."""
        return f"We are at {self.the_step(progress.step)}. Send your text, or /help."

    def welcome(self) -> Reply:
        """The first words to a new user, naming the steps in their order."""
        walk = " → ".join(step.title.lower() for step in self.steps)
        return reply(
            bold("Hi! I'm your resume coach for backend developer roles."),
            f"\nWe'll go step by step: {walk}. Paste what you have at any step and I'll score "
            "it and show what to fix first. Ask a question at any moment (“how long should my "
            "resume be?”): I'll answer and we'll carry on where we were.",
        )

    def analysis_reply(self, progress: Progress, spans: Sequence[Span]) -> Reply:
        """Feedback on what was just written, with the step's buttons to go on from it."""
        step = self.step(progress)
        buttons = [
            self.button("Keep it, go on", "next", progress),
            *step.extra_buttons(self, progress),
            self.button("Show an example", "example", progress),
        ]
        draft = step.draft(progress)
        if draft is not None and draft.history:
            buttons.append(self.button("Restore previous", "restore", progress))
        return Reply(spans=tuple(spans), buttons=tuple(buttons), asks_for_text=True)

    @staticmethod
    def too_long(size: int, limit: int, what: str) -> Reply:
        """The reply to a text over a limit: nothing was saved."""
        return reply(
            f"That's {size:,} characters, more than {what} should hold ({limit:,} at most). "
            "Nothing was saved; send a shorter version."
        )
