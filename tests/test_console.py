"""The terminal adapter: typed lines and numbered options in, the coach's replies out."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import docx

from adapters.console import chat
from bot.engine import Engine
from bot.store import UserKey

ROOT = Path(__file__).resolve().parent.parent


async def _chat(engine: Engine, lines: list[str], out_dir: Path) -> str:
    sink = io.StringIO()
    await chat(engine, "ada", out_dir, io.StringIO("".join(f"{line}\n" for line in lines)), sink)
    return sink.getvalue()


async def test_numbers_pick_this_turns_options_and_answer_plain_questions(
    engine: Engine, tmp_path: Path
) -> None:
    # "2" picks Mid; "2" picks "Improve it with me"… then the guided questions show no
    # options, so "1" is the number of years asked for, not an option from earlier.
    shown = await _chat(
        engine,
        [
            "2",
            "/skip",
            "Backend developer who likes APIs.",
            "2",
            "1",
            "Python, Flask",
            "order APIs",
            "skip",
        ],
        tmp_path,
    )
    assert "Mid level, noted." in shown
    assert "1/4 How many years" in shown
    assert "from an earlier message" not in shown
    assert "with 1 year of experience building order APIs using Python and Flask." in shown


async def test_labels_blocks_and_export(engine: Engine, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shown = await _chat(
        engine,
        [
            "senior",
            "/skip",
            "Backend developer with 9 years of Go building payment APIs for 3M users.",
            "keep it, go on",
            "Go, PostgreSQL, Kafka",
            "/next",
            "Staff Engineer, Acme, 2019–now",
            '"""',
            "- Led the move of billing to Go, cutting p99 latency from 900 to 120 ms",
            "- Built the Kafka ledger pipeline handling 40k events/s",
            '"""',
            "/export",
        ],
        out,
    )
    assert "Summary:" in shown and "Skills" in shown
    # The two bullets arrived as one message: one job with both.
    stored = await engine.store.load(UserKey("console", "ada"))
    assert stored is not None
    bullets = stored.data["roles"][0]["bullets"]["text"].splitlines()
    assert len(bullets) == 2
    assert {p.name for p in out.iterdir()} == {
        "Resume.pdf",
        "Resume.docx",
        "Resume.md",
        "Resume.txt",
    }
    document = docx.Document(str(out / "Resume.docx"))
    assert any("Kafka ledger pipeline" in p.text for p in document.paragraphs)


def _resume_coach_chat(folder: Path, typed: bytes) -> subprocess.CompletedProcess[bytes]:
    """``resume-coach chat`` (what ``make chat`` runs) with piped input, in a folder of its own."""
    command = Path(sys.executable).with_name("resume-coach")
    return subprocess.run(
        [str(command), "chat", "--db", str(folder / "coach.db")],
        input=typed,
        capture_output=True,
        cwd=folder,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
        timeout=120,
        check=False,
    )


def test_resume_coach_chat_as_a_new_user_runs_it(tmp_path: Path) -> None:
    # A question first, then the level, then a summary with bytes that are not UTF-8.
    typed = b"how long should my resume be?\nmid\n/skip\nBackend dev \xff\xfe with 5 years of Go.\n"
    first = _resume_coach_chat(tmp_path, typed)
    assert first.returncode == 0, first.stderr.decode()
    assert first.stderr == b""
    out = first.stdout.decode()
    assert "How many pages should my backend developer resume be?" in out
    assert "Mid level, noted." in out
    assert "Summary: " in out and "years (5 years)" in out
    # The next start picks up where the person was, with the summary they wrote.
    again = _resume_coach_chat(tmp_path, b"/status\n")
    assert again.returncode == 0, again.stderr.decode()
    resumed = again.stdout.decode()
    assert resumed.startswith("Welcome back! We were at the summary step.")
    assert re.search(r"→ Summary \d+/100", resumed)
