"""The coach in a terminal: one line in, the coach's answer out."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from bot.cli import render_match
from bot.faq import FaqMatcher
from bot.knowledge import shared_knowledge

WELCOME = (
    "Resume Coach for Backend Developers. For now I answer questions about backend resumes;\n"
    "the guided walkthrough (summary, skills, bullets, export) is not built yet.\n"
    "Ask anything, e.g. 'how long should my resume be?'. Type /faq for the topics, /quit to leave."
)


def run_console(
    _args: argparse.Namespace, stdin: TextIO | None = None, stdout: TextIO | None = None
) -> int:
    """Read questions line by line until end of input or /quit."""
    source = stdin or sys.stdin
    out = stdout or sys.stdout
    role = shared_knowledge().role()
    matcher = FaqMatcher.for_role(role)
    interactive = source.isatty()
    print(WELCOME, file=out)
    while True:
        if interactive:
            print("> ", end="", file=out, flush=True)
        line = source.readline()
        if not line:
            break
        text = line.strip()
        if not text:
            continue
        if text in {"/quit", "/exit"}:
            break
        if text == "/faq":
            reply = "\n".join(f"- {entry.question}" for entry in role.faq)
        elif text.startswith("/"):
            reply = "I know /faq and /quit for now. Or just ask a question."
        else:
            reply = render_match(matcher.match(text))
        print(reply + "\n", file=out, flush=True)
    return 0
