"""The ``resume-coach`` command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.analysis import (
    analyse_bullets,
    analyse_resume,
    analyse_skills,
    analyse_summary,
    lexicon_for,
    match_resume,
)
from bot.analysis import report as text_report
from bot.analysis.text import split_lines
from bot.database import StoreUnavailable
from bot.documents import (
    MAX_BINARY_BYTES,
    Unreadable,
    read_document,
    read_resume_file,
    refusal,
)
from bot.exporting import ExportError, export_stored
from bot.faq import FaqMatch, FaqMatcher
from bot.knowledge import LEVELS, KnowledgeError, RoleKnowledge, shared_knowledge

USAGE_EXIT = 2


class UsageError(Exception):
    """The command was called wrongly; the message is one sentence for the user."""


def _role() -> RoleKnowledge:
    return shared_knowledge().role()


def render_match(match: FaqMatch) -> str:
    """Turn a match into the text a person reads."""
    if match.entry is not None:
        lines = [match.entry.answer]
        if match.suggestions:
            lines.append("")
            lines.append("Related: " + "; ".join(e.question for e in match.suggestions))
        return "\n".join(lines)
    if match.not_covered:
        return (
            "My guide has nothing on that, so I won't guess. "
            "Run `resume-coach faq` to see the topics I know."
        )
    if match.suggestions:
        topics = "\n".join(f"  - {e.question}" for e in match.suggestions)
        return f"I'm not sure I understood. Did you mean one of these?\n{topics}"
    return (
        "I don't know that one: I only answer questions about backend developer resumes. "
        "Run `resume-coach faq` to see the topics I know."
    )


def match_as_json(match: FaqMatch) -> dict[str, object]:
    """The stable JSON shape of ``resume-coach ask --json``."""
    return {
        "matched": match.matched,
        "topic": match.entry.id if match.entry else None,
        "score": round(min(match.score, 1.0) * 100, 1),  # a 0–100 confidence
        "answer": match.entry.answer if match.entry else None,
        "suggestions": [e.id for e in match.suggestions],
        "not_covered": match.not_covered,
    }


def cmd_ask(args: argparse.Namespace) -> int:
    """Answer one question from the FAQ."""
    question = " ".join(args.question).strip()
    if not question:
        raise UsageError(
            'Please give a question, e.g. resume-coach ask "how long should my resume be?"'
        )
    match = FaqMatcher.for_role(_role()).match(question)
    if args.json:
        print(json.dumps(match_as_json(match), ensure_ascii=False))
    else:
        print(render_match(match))
    return 0


def cmd_faq(_args: argparse.Namespace) -> int:
    """List the FAQ topics."""
    for entry in _role().faq:
        print(f"{entry.id:<24} {entry.question}")
    return 0


def read_input(source: str, what: str, reader: Callable[[str, bytes], str] = read_document) -> str:
    """A file (.pdf, .docx, .md, .txt) or standard input (``-``) as text, or why not.

    ``reader`` turns the file into text: plain text by default; ``read_resume_file`` keeps a
    whole resume's structure for the resume reader, as a file sent in the chat is read.
    """
    if source == "-":
        name, data = "-.txt", sys.stdin.buffer.read(MAX_BINARY_BYTES + 1)
    else:
        path = Path(source)
        # Not is_file(): a pipe such as <(command) is a fine source too.
        if not path.exists() or path.is_dir():
            raise UsageError(f"I can't find the {what} file {source!r}.")
        with path.open("rb") as handle:
            data = handle.read(MAX_BINARY_BYTES + 1)
        # A file with another suffix (or none, like a pipe) is read as text.
        name = path.name if refusal(path.name, None) is None else f"{path.name}.txt"
    if not data.strip():
        raise UsageError(f"The {what} is empty.")
    try:
        return reader(name, data)
    except Unreadable as exc:
        raise UsageError(f"The {what}: {exc}") from None


def cmd_review(args: argparse.Namespace) -> int:
    """Review a summary, a skills list, bullets, or a whole resume."""
    whole_resume = args.section not in {"summary", "skills", "bullets"}
    text = read_input(args.file, "resume", read_resume_file if whole_resume else read_document)
    role = _role()
    lex = lexicon_for(role)
    level = args.level
    if args.section == "summary":
        summary = analyse_summary(text, lex, level)
        payload, readable = summary.as_json(), text_report.render_summary(summary)
    elif args.section == "skills":
        skills = analyse_skills(text, lex)
        payload, readable = skills.as_json(), text_report.render_skills(skills, role.categories)
    elif args.section == "bullets":
        bullets = analyse_bullets(split_lines(text), lex)
        payload, readable = bullets.as_json(), text_report.render_bullets(bullets)
    else:
        whole = analyse_resume(text, lex, level)
        payload = whole.as_json()
        readable = text_report.render_resume(whole, role.categories, level)
    print(json.dumps(payload, ensure_ascii=False) if args.json else readable)
    return 0


def cmd_match(args: argparse.Namespace) -> int:
    """Compare a resume with a job posting."""
    resume = read_input(args.resume, "resume")
    job = read_input(args.job, "job posting")
    result = match_resume(resume, job, lexicon_for(_role()))
    print(
        json.dumps(result.as_json(), ensure_ascii=False)
        if args.json
        else text_report.render_match(result)
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write a stored user's resume as files (for scripts)."""
    written = export_stored(args.db, args.user, args.format or None, args.paper, args.out)
    for path in written:
        print(path)
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    """Start the console coach."""
    from adapters.console import run_console

    return run_console(args)


def cmd_telegram(args: argparse.Namespace) -> int:
    """Run the coach on Telegram."""
    from adapters.telegram_bot import run

    return run(args)


def cmd_discord(args: argparse.Namespace) -> int:
    """Run the coach on Discord."""
    from adapters.discord_bot import run

    return run(args)


_DB_HELP = "database URL or SQLite file (default: $DATABASE_URL or ./resume-coach.db)"
if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every sub-command."""
    parser = argparse.ArgumentParser(
        prog="resume-coach", description="A coach for Backend Developer resumes."
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _reading_commands(sub)
    _export_command(sub)
    _running_commands(sub)
    return parser


def _reading_commands(sub: Subparsers) -> None:
    """ask, faq, review, match: commands that read and print."""
    ask = sub.add_parser("ask", help="answer one question about backend resumes")
    ask.add_argument("question", nargs="*", help="the question, in your own words")
    ask.add_argument("--json", action="store_true", help="print one JSON object")
    ask.set_defaults(func=cmd_ask)

    faq = sub.add_parser("faq", help="list the questions the coach can answer")
    faq.set_defaults(func=cmd_faq)

    review = sub.add_parser("review", help="review a resume or one of its sections")
    review.add_argument("file", nargs="?", default="-", help="a resume file, or - for stdin")
    review.add_argument(
        "--section", choices=["summary", "skills", "bullets", "auto"], default="auto"
    )
    review.add_argument("--level", choices=LEVELS, default="mid", help="your experience level")
    review.add_argument("--json", action="store_true", help="print one JSON object")
    review.set_defaults(func=cmd_review)

    match = sub.add_parser("match", help="compare a resume with a job posting")
    match.add_argument("--resume", required=True, help="the resume as a file")
    match.add_argument("--job", required=True, help="the job posting as a file")
    match.add_argument("--json", action="store_true", help="print one JSON object")
    match.set_defaults(func=cmd_match)


def _export_command(sub: Subparsers) -> None:
    """export: a stored user's resume as files."""
    export = sub.add_parser("export", help="write a stored user's resume as files")
    export.add_argument("--db", help=_DB_HELP)
    export.add_argument(
        "--user", help="whose resume: a console user name, or PLATFORM:ID (telegram:12345)"
    )
    export.add_argument(
        "--format",
        action="append",
        choices=["pdf", "docx", "md", "txt"],
        help="a format to write (repeat it for several; default: all four)",
    )
    export.add_argument(
        "--paper", choices=["a4", "letter"], help="paper size (default: the person's own)"
    )
    export.add_argument("--out", default=".", help="folder to write the files to")
    export.set_defaults(func=cmd_export)


def _running_commands(sub: Subparsers) -> None:
    """chat, telegram, discord: the coach itself."""
    chat = sub.add_parser("chat", help="chat with the coach in this terminal")
    chat.add_argument("--db", help=_DB_HELP)
    chat.add_argument("--user", help="whose progress to use (default: your OS user name)")
    chat.add_argument("--out", help="folder for exported files (default: the current folder)")
    chat.set_defaults(func=cmd_chat)

    telegram = sub.add_parser("telegram", help="run the coach as a Telegram bot")
    telegram.add_argument("--db", help="database URL or SQLite file (default: $DATABASE_URL)")
    telegram.set_defaults(func=cmd_telegram)

    discord = sub.add_parser("discord", help="run the coach as a Discord bot")
    discord.add_argument("--db", help="database URL or SQLite file (default: $DATABASE_URL)")
    discord.set_defaults(func=cmd_discord)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return USAGE_EXIT
    try:
        result: int = args.func(args)
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return USAGE_EXIT
    except KnowledgeError as exc:
        print(exc, file=sys.stderr)
        return 1
    except (ExportError, StoreUnavailable) as exc:
        print(exc, file=sys.stderr)
        return 1
    return result
