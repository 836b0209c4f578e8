"""The slash commands: one function each, registered in one table.

The table drives /help, Telegram's command menu and Discord's slash commands, so the three
cannot drift apart. A command takes the dialog, the progress and the text after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot import asking, posting
from bot.analysis import analyse_resume
from bot.dialog import Dialog
from bot.documents import as_plain_text
from bot.draft import draft_text
from bot.feedback import clip, resume_feedback
from bot.progress import Progress
from bot.steps.base import Turn
from bot.steps.export import deliver, switch_paper
from bot.types import Reply, Span, bold, reply

MAX_RESUME_CHARS = 30_000
# What ``Progress.pending`` holds while a command waits for "yes".
CONFIRMATIONS = frozenset({"confirm_restart", "confirm_delete"})
_YES = frozenset({"yes", "y", "yes.", "yes!", "yep", "sure", "ok", "confirm"})


@dataclass(frozen=True)
class Command:
    """One command: its name, what /help says of it, and what it does."""

    name: str
    description: str
    run: Callable[[Dialog, Progress, str], Turn]
    # It takes a whole text after it (a resume), more than a slash command option holds.
    takes_text: bool = False


def start(dialog: Dialog, progress: Progress, _arg: str) -> Turn:
    """The welcome, or where we were."""
    if progress.started and (progress.level or not dialog.is_first(progress)):
        back = reply(bold("Welcome back!"), f" We were at {dialog.the_step(progress.step)}.")
        return dialog.done(progress, back, *dialog.prompt(progress))
    progress.started = True
    return dialog.done(progress, dialog.welcome(), *dialog.prompt(progress))


def help_(dialog: Dialog, progress: Progress, _arg: str) -> Turn:
    """Every command, from the table."""
    lines = [Span(f"\n/{c.name} — {c.description}") for c in COMMAND_TABLE]
    text = reply(
        bold("What I can do"),
        *lines,
        "\nOr just paste your text, or ask a question about backend resumes.",
    )
    return dialog.done(progress, text, *dialog.prompt(progress))


def faq(dialog: Dialog, progress: Progress, arg: str) -> Turn:
    """A question after the command is answered; without one, the topics as buttons."""
    if arg:
        return asking.answer_question(dialog, progress, arg)
    buttons = asking.buttons(dialog.role.faq)
    return dialog.done(progress, reply("Pick a question, or type your own:", buttons=buttons))


def next_(dialog: Dialog, progress: Progress, _arg: str) -> Turn:
    """Keep this step and go on (a step may say what going on means, as the last one does)."""
    own = dialog.step(progress).on_button(dialog, progress, "next", "")
    if own is not None:
        return own
    dialog.keep(progress)
    dialog.advance(progress)
    return dialog.done(progress, *dialog.prompt(progress))


def back(dialog: Dialog, progress: Progress, _arg: str) -> Turn:
    """Go back one step."""
    dialog.back(progress)
    return dialog.done(progress, reply("Back one step."), *dialog.prompt(progress))


def skip(dialog: Dialog, progress: Progress, _arg: str) -> Turn:
    """Leave this step out and go on."""
    note = dialog.step(progress).skip(dialog, progress)
    dialog.advance(progress)
    return dialog.done(progress, reply(note), *dialog.prompt(progress))


def draft(dialog: Dialog, progress: Progress, _arg: str) -> Turn:
    """The resume so far, as text."""
    text = draft_text(dialog.role, progress)
    if not text.strip():
        return dialog.done(progress, reply("Your draft is empty so far."), *dialog.prompt(progress))
    return dialog.done(progress, reply(bold("Your draft\n\n"), text))


def export(dialog: Dialog, progress: Progress, _arg: str) -> Turn:
    """The resume as files."""
    return deliver(dialog, progress)


def status(dialog: Dialog, progress: Progress, _arg: str) -> Turn:
    """Each step: where we are, what was skipped, and the scores."""
    spans: list[Span] = [bold("Progress"), Span(f"\nLevel: {progress.level or 'not set'}")]
    current = dialog.step(progress)
    for step in dialog.steps[1:]:
        mark = "→" if step is current else ("–" if step.name in progress.skipped else " ")
        score = step.score(dialog, progress)
        shown = f" {score}/100" if score is not None else ""
        spans.append(Span(f"\n{mark} {step.title}{shown}"))
    return dialog.done(progress, Reply(spans=tuple(spans)), *dialog.prompt(progress))


def match(dialog: Dialog, progress: Progress, arg: str) -> Turn:
    """Compare the draft with a job posting, given after the command or in the next message."""
    if arg:
        return posting.on_posting(dialog, progress, arg)
    progress.pending = posting.PENDING
    return dialog.done(progress, *dialog.prompt(progress))


def review(dialog: Dialog, progress: Progress, arg: str) -> Turn:
    """Review a whole pasted resume without storing it: the walk stays where it was."""
    # Read as sent (Markdown, HTML, reStructuredText, text copied from a PDF): the resume
    # reader reads the marks itself, and flattening them first would lose which heading is a
    # section and which a job. Nothing of the text is shown back as it was sent.
    text = arg.strip()
    if not as_plain_text(text).strip():
        return dialog.done(
            progress,
            reply("Send /review followed by your whole resume as text (or send the file)."),
        )
    if len(text) > MAX_RESUME_CHARS:
        return dialog.done(progress, dialog.too_long(len(text), MAX_RESUME_CHARS, "a resume"))
    level = dialog.level(progress)
    report = analyse_resume(text, dialog.lex, level)
    return dialog.done(progress, Reply(spans=tuple(resume_feedback(report, level))))


def restart(dialog: Dialog, progress: Progress, _arg: str) -> Turn:
    """Start over, once confirmed."""
    progress.pending = "confirm_restart"
    return dialog.done(
        progress,
        reply(
            "Start over from scratch? Your current draft will be cleared.",
            buttons=(
                dialog.button("Yes, start over", "confirm", progress, "yes"),
                dialog.button("No, keep it", "confirm", progress, "no"),
            ),
        ),
    )


def delete(dialog: Dialog, progress: Progress, _arg: str) -> Turn:
    """Erase the user, once confirmed by typing yes."""
    progress.pending = "confirm_delete"
    return dialog.done(
        progress,
        reply(
            "This erases everything I store about you, for good. "
            "Type yes to confirm, anything else to cancel.",
        ),
    )


def on_confirmation(dialog: Dialog, progress: Progress, answer: str) -> Turn:
    """The answer to /restart or /delete: yes does it, anything else cancels."""
    pending = progress.pending
    progress.pending = None
    if answer.strip().casefold() not in _YES:
        return dialog.done(progress, reply("Cancelled; nothing changed."), *dialog.prompt(progress))
    if pending == "confirm_delete":
        return dialog.done(
            None, reply("Done: everything I stored about you is erased. /start begins anew.")
        )
    fresh = Progress(started=True, turn=progress.turn)
    return dialog.done(fresh, reply("Starting over."), *dialog.prompt(fresh))


COMMAND_TABLE: tuple[Command, ...] = (
    Command("start", "start, or pick up where you left off", start),
    Command("help", "what I can do", help_),
    Command("faq", "questions I can answer", faq),
    Command("next", "keep this step and go on", next_),
    Command("back", "go back one step", back),
    Command("skip", "skip this step", skip),
    Command("draft", "your resume so far, as text", draft),
    Command("export", "your resume as PDF, Word, Markdown and text files", export),
    Command("status", "progress and scores", status),
    Command("match", "compare your resume with a job posting", match),
    Command("review", "review a whole resume you paste after the command", review, True),
    Command("restart", "start over (asks first)", restart),
    Command("delete", "erase everything I store about you (asks first)", delete),
)
COMMANDS: dict[str, str] = {command.name: command.description for command in COMMAND_TABLE}
_BY_NAME = {command.name: command for command in COMMAND_TABLE}
# Buttons that do what a command does.
BUTTON_COMMANDS = {
    "next": next_,
    "back": back,
    "skip": skip,
    "export": export,
    "paper": switch_paper,
}


def run(dialog: Dialog, progress: Progress, text: str) -> Turn:
    """A message that starts with "/": the command, with the text after it."""
    # "/review" takes a whole resume after it, on the same line or the next ones.
    word, *rest = re.split(r"\s", text[1:], maxsplit=1)
    name = word.split("@", 1)[0].casefold()
    command = _BY_NAME.get(name)
    if command is None:
        return dialog.done(
            progress,
            reply(
                f"I don't know /{clip(name, 30)}. Try /help for the commands, "
                "or just send your text."
            ),
        )
    if name not in {"delete", "restart"} and progress.pending in CONFIRMATIONS:
        progress.pending = None
    return command.run(dialog, progress, (rest[0] if rest else "").strip())
