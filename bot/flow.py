"""One turn of the coaching conversation, as a pure function of progress and message.

The ``Coach`` only routes: a message goes to a command, a button, an FAQ answer, a posting the
coach waits for, or the current step. What each of those does lives in its own module:
``bot/commands.py``, ``bot/asking.py``, ``bot/posting.py`` and ``bot/steps/``.
"""

from __future__ import annotations

from dataclasses import replace

from bot import asking, commands, posting
from bot.analysis.text import clean
from bot.asking import NOT_COVERED
from bot.commands import COMMANDS
from bot.dialog import Dialog
from bot.intent import Intent, intent_of
from bot.knowledge import RoleKnowledge
from bot.pasting import JOIN_SECONDS, joined, may_continue
from bot.progress import Option, Progress
from bot.steps import STEPS, Turn
from bot.types import IncomingMessage, Reply, reply

__all__ = ["COMMANDS", "NOT_COVERED", "Coach", "Turn"]

UNKNOWN_BUTTON = "I didn't recognise that button. "
STALE_BUTTON = "That button is from an earlier message, so I left things as they are."


class Coach:
    """The conversation: built once with the knowledge, then ``turn`` per message."""

    def __init__(self, role: RoleKnowledge) -> None:
        self.dialog = Dialog(role, STEPS)

    def turn(self, progress: Progress, message: IncomingMessage, now: float = 0.0) -> Turn:
        """Handle one message; the caller stores the returned progress before sending replies.

        ``now`` (seconds) dates a held part of a long paste, so a late message is not joined.
        """
        # The caller hands over a progress object of its own (Progress.load builds a new one per
        # turn), so the turn may change it in place.
        earlier: list[Reply] = []
        # Whether this part may have a next one is judged on the part itself, not on the text
        # joined so far: a short last part ends the paste.
        continued = message.button is None and may_continue(message.platform, message.text)
        if progress.paste:
            held, waited = progress.paste, now - progress.paste_at
            progress.paste = ""
            if message.flush or message.button is not None or waited > JOIN_SECONDS:
                # No next part came: the held text is a message of its own, handled first.
                first = self._turn(progress, replace(message, text=held, button=None))
                if message.flush or first.progress is None:
                    return first
                progress, earlier = first.progress, first.replies
            elif message.text.startswith("/"):
                progress.paste = held  # a command between the parts: the paste still waits
            else:
                message = replace(message, text=joined(held, message.text))
        if message.flush:
            return Turn([], progress)  # the next part came in time and was joined
        if continued:
            progress.paste, progress.paste_at = message.text, now
            return Turn(earlier, progress)
        turn = self._turn(progress, message)
        turn.replies[:0] = earlier
        return turn

    def _turn(self, progress: Progress, message: IncomingMessage) -> Turn:
        progress.turn += 1
        turn = self._route(progress, message)
        if turn.progress is not None:
            # What the person sees last is what a typed label can press next turn.
            turn.progress.options = [
                Option(label=b.label, value=b.value) for r in turn.replies for b in r.buttons
            ]
        return turn

    def _route(self, progress: Progress, message: IncomingMessage) -> Turn:
        dialog = self.dialog
        if message.button is not None:
            return self._on_button(progress, message.button)
        text = clean(message.text)
        if not text:
            return dialog.done(progress, reply("I got an empty message. " + dialog.hint(progress)))
        if text.startswith("/"):
            return commands.run(dialog, progress, text)
        if progress.pending in commands.CONFIRMATIONS:
            return commands.on_confirmation(dialog, progress, text)
        chosen = typed_option(progress.options, text)
        if chosen is not None:
            return self._on_button(progress, chosen)
        if not progress.started:
            # A first message that is not /start still gets the welcome, then its answer.
            progress.started = True
            first = self._on_text(progress, text)
            first.replies.insert(0, dialog.welcome())
            return first
        return self._on_text(progress, text)

    def _on_text(self, progress: Progress, text: str) -> Turn:
        dialog = self.dialog
        if progress.pending == posting.PENDING:
            # A posting is full of questions' words ("What you'll do"): never an FAQ question.
            return posting.on_posting(dialog, progress, text)
        step = dialog.step(progress)
        intent = intent_of(text)
        # A step that reads its own answers ("Will Smith" as a name, "no" to a guided
        # question) gets them, but a line ending in "?" is always a question.
        own = intent is not None and step.takes_any_text(progress, text)
        if intent is Intent.QUESTION and (text.rstrip().endswith("?") or not own):
            return asking.answer_question(dialog, progress, text)
        if intent is not None and not own:
            return asking.not_content(dialog, progress, intent, text)
        return step.on_text(dialog, progress, text)

    def _on_button(self, progress: Progress, value: str) -> Turn:
        dialog = self.dialog
        parts = value.split(":")
        if len(parts) != 3 or not parts[2].isdigit():
            return dialog.done(progress, reply(UNKNOWN_BUTTON + dialog.hint(progress)))
        action, arg, shown = parts
        if action == "faq":
            # FAQ buttons work at any time: answering changes nothing.
            if arg not in {e.id for e in dialog.role.faq}:
                return dialog.done(
                    progress, reply("That question is no longer in my list. Try /faq.")
                )
            return dialog.done(progress, asking.answer(dialog, arg))
        if int(shown) != progress.turn - 1:
            return dialog.done(progress, reply(STALE_BUTTON), *dialog.prompt(progress))
        if action == "confirm":
            if progress.pending not in commands.CONFIRMATIONS:
                return dialog.done(progress, *dialog.prompt(progress))
            return commands.on_confirmation(dialog, progress, arg)
        own = dialog.step(progress).on_button(dialog, progress, action, arg)
        if own is not None:
            return own
        command = commands.BUTTON_COMMANDS.get(action)
        if command is None:
            return dialog.done(progress, reply(UNKNOWN_BUTTON + dialog.hint(progress)))
        return command(dialog, progress, arg)


def typed_option(options: list[Option], text: str) -> str | None:
    """The value of the latest reply's button whose label was typed ("skip", "Yes"), if any.

    The whole label, its part before a comma ("Yes" for "Yes, use it"), or its first word when
    no other button starts with it ("Done" for "Done with this degree") presses the button.
    """
    typed = text.strip().rstrip(".!").casefold()
    if not typed:
        return None
    firsts = [option.label.casefold().split(" ", 1)[0].strip(",") for option in options]
    for option, first in zip(options, firsts, strict=True):
        label = option.label.casefold()
        if typed in {label, label.split(",", 1)[0].strip()}:
            return option.value
        if typed == first and firsts.count(first) == 1 and len(first) > 2:
            return option.value
    return None
