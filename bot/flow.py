"""One turn of the coaching conversation, as a pure function of progress and message."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from bot.analysis import (
    analyse_bullet,
    analyse_bullets,
    analyse_resume,
    analyse_skills,
    analyse_summary,
    lexicon_for,
    match_resume,
)
from bot.analysis.text import clean, split_lines
from bot.draft import assemble, draft_text
from bot.export import export_files, is_empty
from bot.faq import FaqMatcher
from bot.feedback import (
    bullets_feedback,
    clip,
    match_feedback,
    resume_feedback,
    review_feedback,
    skills_feedback,
    summary_feedback,
)
from bot.guided import BULLET_QUESTIONS, SUMMARY_QUESTIONS, compose_bullet, compose_summary
from bot.knowledge import LEVELS, FaqEntry, Level, RoleKnowledge
from bot.progress import STEPS, Draft, Entry, Progress, Step
from bot.types import Button, IncomingMessage, Reply, Span, bold, reply

NOT_COVERED = (
    "My guide has nothing on that, so I won't guess. I can tell you about length, the summary, "
    "skills, bullets, projects and ATS keywords: try /faq for the list."
)
MAX_SECTION_CHARS = 4_000
FAQ_CACHE = 4_096
# Whole drafts are larger: fewer of their reviews are kept.
REVIEW_CACHE = 1_024
MAX_POSTING_CHARS = 15_000
MAX_RESUME_CHARS = 30_000
MAX_HEADER_CHARS = 200
_QUESTION_START = re.compile(
    r"^(?:how|what|which|should|shall|can|could|do|does|is|are|am|when|where|why|would|will|"
    r"any|tips?|help)\b",
    re.I,
)
_LEVEL_WORDS: dict[str, Level] = {
    "junior": "junior",
    "jr": "junior",
    "entry": "junior",
    "entry level": "junior",
    "graduate": "junior",
    "intern": "junior",
    "mid": "mid",
    "middle": "mid",
    "mid level": "mid",
    "mid-level": "mid",
    "intermediate": "mid",
    "regular": "mid",
    "senior": "senior",
    "sr": "senior",
    "lead": "senior",
    "staff": "senior",
    "principal": "senior",
}
_YES = frozenset({"yes", "y", "yes.", "yes!", "yep", "sure", "ok", "confirm"})
STEP_TITLES = {
    Step.LEVEL: "Level",
    Step.SUMMARY: "Summary",
    Step.SKILLS: "Skills",
    Step.EXPERIENCE: "Experience",
    Step.PROJECTS: "Projects",
    Step.REVIEW: "Review",
    Step.EXPORT: "Export",
}
COMMANDS: dict[str, str] = {
    "start": "start, or pick up where you left off",
    "help": "what I can do",
    "faq": "questions I can answer",
    "next": "keep this step and go on",
    "back": "go back one step",
    "skip": "skip this step",
    "draft": "your resume so far, as text",
    "export": "your resume as .docx, .md and .txt",
    "status": "progress and scores",
    "match": "compare your resume with a job posting",
    "review": "review a whole resume you paste after the command",
    "restart": "start over (asks first)",
    "delete": "erase everything I store about you (asks first)",
}


# Where the coach waits for typed text (not a button): an adapter may offer a box for it.
TYPED_STEPS = frozenset({Step.SUMMARY, Step.SKILLS, Step.EXPERIENCE, Step.PROJECTS})
TYPED_PENDING = frozenset({"guide_summary", "guide_bullet", "match"})


@dataclass
class Turn:
    """The replies of one turn and the progress to store (None erases the user)."""

    replies: list[Reply]
    progress: Progress | None


def _the_step(step: Step) -> str:
    """A step named in a sentence: "the summary step"."""
    return f"the {STEP_TITLES[step].lower()} step"


def _button(label: str, action: str, progress: Progress, arg: str = "") -> Button:
    """A button whose value carries the turn it was shown on, so a stale press is recognised."""
    return Button(label, f"{action}:{arg}:{progress.turn}")


class Coach:
    """The conversation: built once with the knowledge, then ``turn`` per message."""

    def __init__(self, role: RoleKnowledge) -> None:
        self.role = role
        self.lex = lexicon_for(role)
        self.faq = FaqMatcher.for_role(role)
        # The analysers keep their own results; the review of a whole draft is kept here, with
        # the day, since it judges how old each role is.
        lex = self.lex
        self._review_spans = lru_cache(maxsize=REVIEW_CACHE)(
            lambda text, level, today: tuple(
                review_feedback(analyse_resume(text, lex, level, today), level)
            )
        )
        # Many people ask the same questions.
        self._faq_match = lru_cache(maxsize=FAQ_CACHE)(self.faq.match)
        self._commands: dict[str, Callable[[Progress, str], Turn]] = {
            "start": self._cmd_start,
            "help": self._cmd_help,
            "faq": self._cmd_faq,
            "next": self._cmd_next,
            "back": self._cmd_back,
            "skip": self._cmd_skip,
            "draft": self._cmd_draft,
            "export": self._cmd_export,
            "status": self._cmd_status,
            "match": self._cmd_match,
            "review": self._cmd_review,
            "restart": self._cmd_restart,
            "delete": self._cmd_delete,
        }
        self._actions: dict[str, Callable[[Progress, str], Turn]] = {
            "level": self._on_level_button,
            "next": self._cmd_next,
            "back": self._cmd_back,
            "skip": self._cmd_skip,
            "export": self._cmd_export,
            "example": self._on_example,
            "improve": self._on_improve,
            "restore": self._on_restore,
            "addrole": self._on_add_role,
        }

    # ---- entry point -------------------------------------------------------------------------

    def turn(self, progress: Progress, message: IncomingMessage) -> Turn:
        """Handle one message; the caller stores the returned progress before sending replies."""
        # The caller hands over a progress object of its own (Progress.load builds a new one per
        # turn), so the turn may change it in place.
        progress.turn += 1
        if message.button is not None:
            return self._on_button(progress, message.button)
        text = clean(message.text)
        if not text:
            return self._done(
                progress, self._note("I got an empty message. " + self._hint(progress))
            )
        if text.startswith("/"):
            return self._on_command(progress, text)
        if progress.pending in {"confirm_restart", "confirm_delete"}:
            return self._on_confirmation(progress, text)
        if not progress.started:
            # A first message that is not /start still gets the welcome, then its answer.
            progress.started = True
            first = self._route_text(progress, text)
            first.replies.insert(0, self._welcome(progress))
            return first
        return self._route_text(progress, text)

    def _route_text(self, progress: Progress, text: str) -> Turn:
        if progress.pending != "match":
            answered = self._maybe_faq(progress, text)
            if answered is not None:
                return answered
        return self._on_text(progress, text)

    # ---- helpers -----------------------------------------------------------------------------

    def _done(self, progress: Progress | None, *replies: Reply) -> Turn:
        return Turn(list(replies), progress)

    @staticmethod
    def _note(text: str) -> Reply:
        return reply(text)

    def _hint(self, progress: Progress) -> str:
        return f"We are at {_the_step(progress.step)}. Send your text, or /help."

    def _welcome(self, progress: Progress) -> Reply:
        return reply(
            bold("Hi! I'm your resume coach for backend developer roles."),
            "\nWe'll go step by step: level → summary → skills → experience → projects → review "
            "→ export. Paste what you have at any step and I'll score it and show what to fix "
            "first. Ask a question at any moment (“how long should my resume be?”): I'll answer "
            "and we'll carry on where we were.",
        )

    def _is_past_verb(self, word: str) -> bool:
        return self.lex.verb_of(word) == word.lower()

    def _level(self, progress: Progress) -> Level:
        return progress.level or "mid"

    # ---- prompts -----------------------------------------------------------------------------

    def _prompt(self, progress: Progress) -> list[Reply]:
        """The current step's question, with its buttons, marked when it waits for typing."""
        replies = self._step_question(progress)
        typing = progress.step in TYPED_STEPS or progress.pending in TYPED_PENDING
        return [replace(r, asks_for_text=True) for r in replies] if typing else replies

    def _step_question(self, progress: Progress) -> list[Reply]:
        step = progress.step
        number = STEPS.index(step)
        head = bold(f"Step {number} of 6 · {STEP_TITLES[step]}\n") if number else bold("First, ")
        pending = progress.pending
        if pending == "guide_summary" or pending == "guide_bullet":
            return [self._guided_question(progress)]
        if pending == "match":
            return [reply("Paste the job posting (the requirements part is enough).")]
        if step is Step.LEVEL:
            buttons = tuple(_button(lvl.capitalize(), "level", progress, lvl) for lvl in LEVELS)
            return [reply(head, "what is your experience level?", buttons=buttons)]
        if step is Step.SUMMARY:
            return [
                reply(
                    head,
                    "Paste your summary: 2–4 sentences at the top of your resume. "
                    "No summary yet? Tap “Build it with me”.",
                    buttons=(
                        _button("Build it with me", "improve", progress),
                        _button("Show an example", "example", progress),
                        _button("Skip", "skip", progress),
                    ),
                )
            ]
        if step is Step.SKILLS:
            return [
                reply(
                    head,
                    "Send your skills, separated by commas or one per line "
                    "(e.g. Python, Django, PostgreSQL, Docker, AWS).",
                    buttons=(
                        _button("Show an example", "example", progress),
                        _button("Skip", "skip", progress),
                    ),
                )
            ]
        if step is Step.EXPERIENCE:
            if pending == "role_bullets" and progress.roles:
                return [
                    reply(
                        head,
                        f"Now the bullets for “{clip(progress.roles[-1].header, 80)}”: "
                        "one per line, 3–5 of them.",
                        buttons=(_button("Show an example", "example", progress),),
                    )
                ]
            if pending != "role_header" and progress.roles:
                return [self._entry_done_prompt(progress, head, progress.roles[-1], "job")]
            return [
                reply(
                    head,
                    "Send one job in one line: title, company, dates "
                    "(e.g. Backend Developer, Acme, 2021–now).",
                    buttons=(_button("Skip", "skip", progress),),
                )
            ]
        if step is Step.PROJECTS:
            advised = self._level(progress) in self.role.guidance.projects.rules.advised_for
            why = "Advised at your level: they show hands-on work. " if advised else "Optional. "
            if pending == "project_bullets" and progress.projects:
                return [
                    reply(
                        head,
                        f"What did “{clip(progress.projects[-1].header, 80)}” do and how? "
                        "1–3 lines: the problem, the stack, one design decision or result.",
                    )
                ]
            if pending != "project_header" and progress.projects:
                return [self._entry_done_prompt(progress, head, progress.projects[-1], "project")]
            return [
                reply(
                    head,
                    why + "Send a project's name and stack in one line "
                    "(e.g. Parcel tracker, Go, PostgreSQL, github.com/you/parcels).",
                    buttons=(_button("Skip", "skip", progress),),
                )
            ]
        if step is Step.REVIEW:
            return self._review(progress)
        return [
            reply(
                head,
                "Your draft is ready. Tap Export for .docx, .md and .txt files.",
                buttons=(
                    _button("Export", "export", progress),
                    _button("Back", "back", progress),
                ),
            )
        ]

    def _entry_done_prompt(self, progress: Progress, head: Span, entry: Entry, kind: str) -> Reply:
        """Where a job or project with bullets stands: replace them, add another, or go on."""
        return reply(
            head,
            f"“{clip(entry.header, 80)}” has {len(entry.lines)} bullet(s). Send new bullets to "
            f"replace them, add another {kind}, or go on.",
            buttons=(
                _button("Keep it, go on", "next", progress),
                _button(f"Add another {kind}", "addrole", progress),
                _button("Improve it with me", "improve", progress),
            )
            if kind == "job"
            else (
                _button("Keep it, go on", "next", progress),
                _button(f"Add another {kind}", "addrole", progress),
            ),
        )

    def _review(self, progress: Progress) -> list[Reply]:
        text = draft_text(self.role, progress)
        if not text.strip():
            return [
                reply(
                    bold("Review\n"),
                    "There is nothing to review yet: go /back and write a section.",
                    buttons=(_button("Back", "back", progress),),
                )
            ]
        feedback = self._review_spans(text, self._level(progress), date.today())
        return [
            Reply(
                spans=(bold("Step 5 of 6 · Review\n"), *feedback),
                buttons=(
                    _button("Looks good, export", "next", progress),
                    _button("Back", "back", progress),
                ),
            )
        ]

    # ---- FAQ ---------------------------------------------------------------------------------

    def _looks_like_question(self, text: str) -> bool:
        return (
            len(text) <= 300
            and "\n" not in text
            and (text.rstrip().endswith("?") or bool(_QUESTION_START.match(text)))
        )

    def _maybe_faq(self, progress: Progress, text: str) -> Turn | None:
        if not self._looks_like_question(text):
            return None
        match = self._faq_match(text)
        if match.not_covered:
            return self._done(progress, reply(NOT_COVERED), *self._prompt(progress))
        if match.entry is None:
            if text.rstrip().endswith("?") and progress.step is not Step.SUMMARY:
                return self._done(
                    progress,
                    self._faq_fallback(progress, match.suggestions),
                    *self._prompt(progress),
                )
            return None
        return self._done(progress, self._faq_answer(match.entry.id), *self._prompt(progress))

    def _faq_answer(self, entry_id: str) -> Reply:
        entry = self.role.faq_entry(entry_id)
        related = tuple(
            Button(clip(e.question, 60), f"faq:{e.id}:0")
            for e in self.role.faq
            if e.id in entry.related
        )
        return reply(bold(entry.question + "\n"), entry.answer, buttons=related)

    def _faq_fallback(self, progress: Progress, suggestions: tuple[FaqEntry, ...]) -> Reply:
        options = tuple(Button(clip(e.question, 60), f"faq:{e.id}:0") for e in suggestions)
        if options:
            return reply(
                "I'm not sure I got that question. Did you mean one of these?", buttons=options
            )
        return reply(
            "I can only answer questions about backend resumes. Try /faq for the topics I know."
        )

    # ---- commands ----------------------------------------------------------------------------

    def _on_command(self, progress: Progress, text: str) -> Turn:
        # "/review" takes a whole resume after it, on the same line or the next ones.
        word, *rest_parts = re.split(r"\s", text[1:], maxsplit=1)
        rest = rest_parts[0] if rest_parts else ""
        name = word.split("@", 1)[0].casefold()
        handler = self._commands
        if name not in handler:
            return self._done(
                progress,
                reply(
                    f"I don't know /{clip(name, 30)}. Try /help for the commands, "
                    "or just send your text."
                ),
            )
        if name not in {"delete", "restart"} and progress.pending in {
            "confirm_restart",
            "confirm_delete",
        }:
            progress.pending = None
        return handler[name](progress, rest.strip())

    def _cmd_start(self, progress: Progress, _arg: str) -> Turn:
        if progress.started and (progress.level or progress.step is not Step.LEVEL):
            back = reply(bold("Welcome back!"), f" We were at {_the_step(progress.step)}.")
            return self._done(progress, back, *self._prompt(progress))
        progress.started = True
        return self._done(progress, self._welcome(progress), *self._prompt(progress))

    def _cmd_help(self, progress: Progress, _arg: str) -> Turn:
        lines = [Span(f"\n/{name} — {what}") for name, what in COMMANDS.items()]
        text = reply(
            bold("What I can do"),
            *lines,
            "\nOr just paste your text, or ask a question about backend resumes.",
        )
        return self._done(progress, text, *self._prompt(progress))

    def _cmd_faq(self, progress: Progress, arg: str) -> Turn:
        if arg:
            answered = self._maybe_faq(progress, arg if arg.endswith("?") else arg + "?")
            if answered is not None:
                return answered
        buttons = tuple(Button(clip(e.question, 60), f"faq:{e.id}:0") for e in self.role.faq)
        return self._done(progress, reply("Pick a question, or type your own:", buttons=buttons))

    def _advance(self, progress: Progress) -> None:
        progress.pending = None
        progress.answers = {}
        index = STEPS.index(progress.step)
        if progress.step is Step.LEVEL and progress.level is None:
            progress.level = "mid"
        progress.step = STEPS[min(index + 1, len(STEPS) - 1)]
        if progress.step is Step.EXPERIENCE and progress.roles:
            progress.pending = None

    def _cmd_next(self, progress: Progress, _arg: str) -> Turn:
        if progress.step is Step.EXPORT:
            return self._cmd_export(progress, "")
        self._advance(progress)
        return self._done(progress, *self._prompt(progress))

    def _cmd_back(self, progress: Progress, _arg: str) -> Turn:
        progress.pending = None
        progress.answers = {}
        index = STEPS.index(progress.step)
        progress.step = STEPS[max(index - 1, 0)]
        return self._done(progress, reply("Back one step."), *self._prompt(progress))

    def _cmd_skip(self, progress: Progress, _arg: str) -> Turn:
        if progress.step is Step.LEVEL:
            progress.level = progress.level or "mid"
            note = "I'll assume mid level; you can change it with /back."
        else:
            note = f"Skipped {_the_step(progress.step)}; /back returns to it."
            if progress.step not in progress.skipped:
                progress.skipped = [*progress.skipped, progress.step]
        self._advance(progress)
        return self._done(progress, reply(note), *self._prompt(progress))

    def _cmd_draft(self, progress: Progress, _arg: str) -> Turn:
        text = draft_text(self.role, progress)
        if not text.strip():
            return self._done(
                progress, reply("Your draft is empty so far."), *self._prompt(progress)
            )
        return self._done(progress, reply(bold("Your draft\n\n"), text))

    def _cmd_export(self, progress: Progress, _arg: str) -> Turn:
        doc = assemble(self.role, progress)
        if is_empty(doc):
            return self._done(
                progress, reply("There is nothing to export yet."), *self._prompt(progress)
            )
        files = export_files(doc)
        replies = [reply(f"Here is your resume as {f.filename}.", attachment=f) for f in files]
        missing = [
            name
            for name, present in (
                ("summary", bool(doc.summary)),
                ("skills", bool(doc.skills)),
                ("experience", bool(doc.roles)),
            )
            if not present
        ]
        if missing:
            replies.append(reply("Not written yet, so left out: " + ", ".join(missing) + "."))
        return self._done(progress, *replies)

    def _cmd_status(self, progress: Progress, _arg: str) -> Turn:
        spans: list[Span] = [bold("Progress")]
        level = progress.level or "not set"
        spans.append(Span(f"\nLevel: {level}"))
        scores = self._scores(progress)
        for step in STEPS[1:]:
            mark = "→" if step is progress.step else ("–" if step in progress.skipped else " ")
            score = f" {scores[step]}/100" if step in scores else ""
            spans.append(Span(f"\n{mark} {STEP_TITLES[step]}{score}"))
        return self._done(progress, Reply(spans=tuple(spans)), *self._prompt(progress))

    def _scores(self, progress: Progress) -> dict[Step, int]:
        level = self._level(progress)
        scores: dict[Step, int] = {}
        if progress.summary.text:
            scores[Step.SUMMARY] = analyse_summary(progress.summary.text, self.lex, level).score
        if progress.skills.text:
            scores[Step.SKILLS] = analyse_skills(progress.skills.text, self.lex).score
        roles = [analyse_bullets(e.lines, self.lex).score for e in progress.roles if e.lines]
        if roles:
            scores[Step.EXPERIENCE] = round(sum(roles) / len(roles))
        return scores

    def _cmd_match(self, progress: Progress, arg: str) -> Turn:
        if arg:
            return self._on_posting(progress, arg)
        progress.pending = "match"
        return self._done(progress, *self._prompt(progress))

    def _on_posting(self, progress: Progress, text: str) -> Turn:
        progress.pending = None
        if len(text) > MAX_POSTING_CHARS:
            return self._done(progress, self._too_long(len(text), MAX_POSTING_CHARS, "a posting"))
        resume = draft_text(self.role, progress)
        report = match_resume(resume, text, self.lex)
        return self._done(
            progress, Reply(spans=tuple(match_feedback(report))), *self._prompt(progress)
        )

    def _cmd_review(self, progress: Progress, arg: str) -> Turn:
        """Review a whole pasted resume without storing it: the walk stays where it was."""
        text = arg.strip()
        if not text:
            return self._done(
                progress,
                reply("Send /review followed by your whole resume as text (or send the file)."),
            )
        if len(text) > MAX_RESUME_CHARS:
            return self._done(progress, self._too_long(len(text), MAX_RESUME_CHARS, "a resume"))
        report = analyse_resume(text, self.lex, self._level(progress))
        return self._done(
            progress, Reply(spans=tuple(resume_feedback(report, self._level(progress))))
        )

    def _cmd_restart(self, progress: Progress, _arg: str) -> Turn:
        progress.pending = "confirm_restart"
        return self._done(
            progress,
            reply(
                "Start over from scratch? Your current draft will be cleared.",
                buttons=(
                    _button("Yes, start over", "confirm", progress, "yes"),
                    _button("No, keep it", "confirm", progress, "no"),
                ),
            ),
        )

    def _cmd_delete(self, progress: Progress, _arg: str) -> Turn:
        progress.pending = "confirm_delete"
        return self._done(
            progress,
            reply(
                "This erases everything I store about you, for good. "
                "Type yes to confirm, anything else to cancel.",
            ),
        )

    def _on_confirmation(self, progress: Progress, text: str) -> Turn:
        pending = progress.pending
        progress.pending = None
        if text.strip().casefold() in _YES:
            if pending == "confirm_delete":
                return self._done(
                    None,
                    reply("Done: everything I stored about you is erased. /start begins anew."),
                )
            fresh = Progress(started=True, turn=progress.turn)
            return self._done(fresh, reply("Starting over."), *self._prompt(fresh))
        return self._done(progress, reply("Cancelled; nothing changed."), *self._prompt(progress))

    # ---- buttons -----------------------------------------------------------------------------

    def _on_button(self, progress: Progress, value: str) -> Turn:
        parts = value.split(":")
        if len(parts) != 3 or not parts[2].isdigit():
            return self._done(
                progress, reply("I didn't recognise that button. " + self._hint(progress))
            )
        action, arg, shown = parts
        if action == "faq":
            if arg not in {e.id for e in self.role.faq}:
                return self._done(
                    progress, reply("That question is no longer in my list. Try /faq.")
                )
            return self._done(progress, self._faq_answer(arg))
        if int(shown) != progress.turn - 1:
            return self._done(
                progress,
                reply("That button is from an earlier message, so I left things as they are."),
                *self._prompt(progress),
            )
        if action == "confirm":
            pending = progress.pending
            if pending not in {"confirm_restart", "confirm_delete"}:
                return self._done(progress, *self._prompt(progress))
            return self._on_confirmation(progress, arg)
        actions = self._actions
        if action not in actions:
            return self._done(
                progress, reply("I didn't recognise that button. " + self._hint(progress))
            )
        return actions[action](progress, arg)

    def _on_level_button(self, progress: Progress, arg: str) -> Turn:
        level = _LEVEL_WORDS.get(arg)
        if level is None:
            return self._done(
                progress, reply("Please pick one of the levels."), *self._prompt(progress)
            )
        return self._set_level(progress, level)

    def _set_level(self, progress: Progress, level: Level) -> Turn:
        progress.level = level
        progress.started = True
        if progress.step is Step.LEVEL:
            self._advance(progress)
        return self._done(
            progress, reply(f"{level.capitalize()} level, noted."), *self._prompt(progress)
        )

    def _on_example(self, progress: Progress, _arg: str) -> Turn:
        level = self._level(progress)
        examples = self.role.examples
        if progress.step is Step.SUMMARY:
            text = (examples.summaries.get(level) or [""])[0]
            body = reply(bold(f"An example summary for a {level} developer\n"), text)
        elif progress.step is Step.SKILLS:
            groups = self.role.keywords.get("languages_and_technologies", ())
            body = reply(bold("An example skills section\n"), ", ".join(groups[:12]))
        else:
            pairs = [p for p in examples.bullets if p.level == level] or list(examples.bullets)
            lines = [Span(f"\nWeak: {p.weak}\nStrong: {p.strong}\n") for p in pairs[:2]]
            body = reply(bold(f"Weak and strong bullets ({level})"), *lines)
        return self._done(progress, body, *self._prompt(progress))

    def _on_restore(self, progress: Progress, _arg: str) -> Turn:
        draft = self._current_draft(progress)
        if draft is None or not draft.restore():
            return self._done(
                progress, reply("There is no earlier version to restore."), *self._prompt(progress)
            )
        return self._done(
            progress,
            reply("Restored the previous version:\n", clip(draft.text, 600)),
            *self._prompt(progress),
        )

    def _on_add_role(self, progress: Progress, _arg: str) -> Turn:
        progress.pending = "role_header" if progress.step is Step.EXPERIENCE else "project_header"
        return self._done(progress, *self._prompt(progress))

    def _current_draft(self, progress: Progress) -> Draft | None:
        if progress.step is Step.SUMMARY:
            return progress.summary
        if progress.step is Step.SKILLS:
            return progress.skills
        if progress.step is Step.EXPERIENCE and progress.roles:
            return progress.roles[-1].bullets
        if progress.step is Step.PROJECTS and progress.projects:
            return progress.projects[-1].bullets
        return None

    # ---- guided rewrite ----------------------------------------------------------------------

    def _on_improve(self, progress: Progress, _arg: str) -> Turn:
        if progress.step is Step.SUMMARY:
            progress.pending = "guide_summary"
            progress.answers = {}
            return self._done(
                progress,
                reply("Let's build it from four short answers."),
                self._guided_question(progress),
            )
        if progress.step is Step.EXPERIENCE and progress.roles and progress.roles[-1].lines:
            lines = progress.roles[-1].lines
            scores = [analyse_bullet(line, self.lex).score for line in lines]
            target = scores.index(min(scores))
            progress.pending = "guide_bullet"
            progress.answers = {"target": str(target)}
            intro = reply(
                f"Let's rework bullet {target + 1} ({scores[target]}/100): ",
                clip(lines[target]),
            )
            return self._done(progress, intro, self._guided_question(progress))
        return self._done(
            progress,
            reply("Send your text first, then I can improve it with you."),
            *self._prompt(progress),
        )

    def _guided_question(self, progress: Progress) -> Reply:
        questions = SUMMARY_QUESTIONS if progress.pending == "guide_summary" else BULLET_QUESTIONS
        for key, question in questions:
            if key not in progress.answers:
                index = [k for k, _ in questions].index(key) + 1
                return reply(bold(f"{index}/{len(questions)} "), question)
        return reply("")

    def _on_guided_answer(self, progress: Progress, text: str) -> Turn:
        if len(text) > 500:
            return self._done(
                progress,
                self._too_long(len(text), 500, "this answer"),
                self._guided_question(progress),
            )
        questions = SUMMARY_QUESTIONS if progress.pending == "guide_summary" else BULLET_QUESTIONS
        for key, _ in questions:
            if key not in progress.answers:
                progress.answers = {**progress.answers, key: text}
                break
        if any(key not in progress.answers for key, _ in questions):
            return self._done(progress, self._guided_question(progress))
        if progress.pending == "guide_summary":
            return self._finish_guided_summary(progress)
        return self._finish_guided_bullet(progress)

    def _finish_guided_summary(self, progress: Progress) -> Turn:
        level = self._level(progress)
        before = (
            analyse_summary(progress.summary.text, self.lex, level).score
            if progress.summary.text
            else 0
        )
        composed = compose_summary(level, progress.answers)
        progress.summary.replace(composed)
        progress.pending = None
        progress.answers = {}
        report = analyse_summary(composed, self.lex, level)
        change = reply(bold(f"Summary score {before} → {report.score}\n"), composed)
        return self._done(
            progress, change, self._analysis_reply(progress, summary_feedback(report))
        )

    def _finish_guided_bullet(self, progress: Progress) -> Turn:
        entry = progress.roles[-1]
        lines = entry.lines
        target = int(progress.answers.get("target", "0"))
        if target >= len(lines):
            target = len(lines) - 1
        composed = compose_bullet(progress.answers, self._is_past_verb)
        progress.pending = None
        progress.answers = {}
        if not composed:
            return self._done(
                progress,
                reply("I need at least what you did to write a bullet."),
                *self._prompt(progress),
            )
        old = analyse_bullet(lines[target], self.lex)
        new = analyse_bullet(composed, self.lex)
        lines[target] = composed
        entry.bullets.replace("\n".join(lines))
        gained = [
            label
            for check, label in (
                ("strong_verb", "an action verb"),
                ("quantified", "a result"),
                ("names_technology", "a technology"),
                ("names_system", "the system"),
            )
            if new.checks[check] and not old.checks[check]
        ]
        why = ": added " + " and ".join(gained) if gained else ""
        return self._done(
            progress,
            reply(bold(f"Bullet score {old.score} → {new.score}{why}\n"), composed),
            self._analysis_reply(
                progress, bullets_feedback(analyse_bullets(lines, self.lex), "This job")
            ),
        )

    # ---- text in a step ----------------------------------------------------------------------

    @staticmethod
    def _too_long(size: int, limit: int, what: str) -> Reply:
        return reply(
            f"That's {size:,} characters, more than {what} should hold ({limit:,} at most). "
            "Nothing was saved; send a shorter version."
        )

    def _analysis_reply(self, progress: Progress, spans: list[Span]) -> Reply:
        buttons = [_button("Keep it, go on", "next", progress)]
        if progress.step in {Step.SUMMARY, Step.EXPERIENCE}:
            buttons.append(_button("Improve it with me", "improve", progress))
        if progress.step is Step.EXPERIENCE and len(progress.roles) < 10:
            buttons.append(_button("Add another job", "addrole", progress))
        if progress.step is Step.PROJECTS and len(progress.projects) < 6:
            buttons.append(_button("Add another project", "addrole", progress))
        buttons.append(_button("Show an example", "example", progress))
        draft = self._current_draft(progress)
        if draft is not None and draft.history:
            buttons.append(_button("Restore previous", "restore", progress))
        return Reply(spans=tuple(spans), buttons=tuple(buttons), asks_for_text=True)

    def _on_text(self, progress: Progress, text: str) -> Turn:
        if progress.pending == "match":
            return self._on_posting(progress, text)
        if progress.pending in {"guide_summary", "guide_bullet"}:
            return self._on_guided_answer(progress, text)
        step = progress.step
        if step is Step.LEVEL:
            level = _LEVEL_WORDS.get(text.casefold().strip(" .!"))
            if level is None:
                return self._done(
                    progress, reply("Please choose junior, mid or senior."), *self._prompt(progress)
                )
            return self._set_level(progress, level)
        if len(text) > MAX_SECTION_CHARS:
            return self._done(
                progress,
                self._too_long(len(text), MAX_SECTION_CHARS, "one section"),
                *self._prompt(progress),
            )
        level = self._level(progress)
        if step is Step.SUMMARY:
            progress.summary.replace(text)
            report = analyse_summary(text, self.lex, level)
            return self._done(progress, self._analysis_reply(progress, summary_feedback(report)))
        if step is Step.SKILLS:
            progress.skills.replace(text)
            skills = analyse_skills(text, self.lex)
            return self._done(
                progress,
                self._analysis_reply(progress, skills_feedback(skills, self.role.categories)),
            )
        if step is Step.EXPERIENCE:
            return self._on_entry_text(progress, text, progress.roles, "role", "This job")
        if step is Step.PROJECTS:
            return self._on_entry_text(progress, text, progress.projects, "project", "This project")
        return self._done(
            progress,
            reply("Use the buttons below, or /back to change a section."),
            *self._prompt(progress),
        )

    def _on_entry_text(
        self, progress: Progress, text: str, entries: list[Entry], kind: str, title: str
    ) -> Turn:
        header_state, bullets_state = f"{kind}_header", f"{kind}_bullets"
        if progress.pending == header_state or not entries:
            header = " ".join(text.split())
            if len(header) > MAX_HEADER_CHARS or "\n" in text.strip():
                return self._done(
                    progress,
                    reply(f"Send just the {kind}'s header in one short line first."),
                    *self._prompt(progress),
                )
            entries.append(Entry(header=header))
            progress.pending = bullets_state
            return self._done(progress, *self._prompt(progress))
        lines = split_lines(text)
        entry = entries[-1]
        entry.bullets.replace("\n".join(lines))
        progress.pending = None
        report = analyse_bullets(lines, self.lex, project=entries is progress.projects)
        return self._done(progress, self._analysis_reply(progress, bullets_feedback(report, title)))
