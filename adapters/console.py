"""The coach in a terminal: each line is a message; buttons are numbered options."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import sys
from pathlib import Path
from typing import TextIO

from bot.engine import Engine
from bot.types import Button, IncomingMessage, Reply

PLATFORM = "console"
BLOCK = '"""'
HELP_LINE = (
    "(Type your answer and press Enter. Several lines in one message: end a line with \\ "
    'or put """ on a line before and after. /quit leaves.)'
)


def render(reply: Reply, bold_on: str = "", bold_off: str = "") -> str:
    """A reply as terminal text, with its buttons as numbered options."""
    text = "".join(f"{bold_on}{s.text}{bold_off}" if s.bold else s.text for s in reply.spans)
    if reply.buttons:
        options = "  ".join(f"[{n}] {b.label}" for n, b in enumerate(reply.buttons, 1))
        text = f"{text}\n{options}" if text else options
    return text


def pick_button(line: str, buttons: tuple[Button, ...]) -> Button | None:
    """The button a typed line chooses: by its number or by its label."""
    choice = line.strip()
    if choice.isdigit() and 1 <= int(choice) <= len(buttons):
        return buttons[int(choice) - 1]
    for button in buttons:
        if button.label.casefold() == choice.casefold():
            return button
    return None


def _read_message(source: TextIO) -> str | None:
    """One message: a line, a line continued with a trailing backslash, or a triple-quoted block."""
    line = source.readline()
    if not line:
        return None
    text = line.rstrip("\n")
    if text.strip() == BLOCK:
        block: list[str] = []
        while (more := source.readline()) and more.strip() != BLOCK:
            block.append(more.rstrip("\n"))
        return "\n".join(block)
    parts = [text]
    while parts[-1].endswith("\\"):
        parts[-1] = parts[-1][:-1]
        more = source.readline()
        if not more:
            break
        parts.append(more.rstrip("\n"))
    return "\n".join(parts)


async def chat(engine: Engine, user: str, out_dir: Path, source: TextIO, sink: TextIO) -> None:
    """Run the conversation until end of input or /quit."""
    interactive = source.isatty()
    bold_on, bold_off = ("\033[1m", "\033[0m") if sink.isatty() else ("", "")
    buttons: tuple[Button, ...] = ()

    async def send(message: IncomingMessage) -> None:
        nonlocal buttons
        replies = await engine.handle(message)
        for item in replies:
            if item.attachment is not None:
                out_dir.mkdir(parents=True, exist_ok=True)
                path = out_dir / item.attachment.filename
                path.write_bytes(item.attachment.data)
                print(f"{render(item, bold_on, bold_off)}\n  saved: {path}", file=sink)
            else:
                print(render(item, bold_on, bold_off), file=sink)
            print(file=sink)
        if replies:
            # Only this turn's options can still be pressed (the engine calls older ones stale).
            # When it ends on a question to type the answer to ("How many years…?"), a typed
            # "1" is that answer, not an option.
            last = replies[-1]
            waits_for_typing = last.asks_for_text and not last.buttons
            shown = (r.buttons for r in reversed(replies) if r.buttons)
            buttons = () if waits_for_typing else next(shown, ())
        sink.flush()

    await send(IncomingMessage(PLATFORM, user, "/start"))
    if interactive:
        print(HELP_LINE + "\n", file=sink)
    while True:
        if interactive:
            print("> ", end="", file=sink, flush=True)
        text = _read_message(source)
        if text is None or text.strip() in {"/quit", "/exit"}:
            break
        chosen = pick_button(text, buttons) if buttons else None
        if chosen is not None:
            await send(IncomingMessage(PLATFORM, user, button=chosen.value))
        else:
            await send(IncomingMessage(PLATFORM, user, text))


def run_console(
    args: argparse.Namespace, stdin: TextIO | None = None, stdout: TextIO | None = None
) -> int:
    """Start the console coach (``resume-coach chat``)."""
    user = args.user or getpass.getuser()
    out_dir = Path(args.out or os.getcwd())

    async def main() -> None:
        engine = await Engine.open(args.db or os.environ.get("DATABASE_URL"))
        try:
            await chat(engine, user, out_dir, stdin or sys.stdin, stdout or sys.stdout)
        finally:
            await engine.close()

    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        print(file=stdout or sys.stdout)
    return 0
