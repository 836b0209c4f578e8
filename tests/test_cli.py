"""The command line: ``review`` reads any resume file; ``export`` writes a stored user's files."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from bot.engine import Engine
from bot.export import Education, Entry, Header, ResumeDoc, export_files
from tests.chat import Chat

DOC = ResumeDoc(
    header=Header(name="Zoë Nguyễn", title="Backend Developer", email="zoe@example.com"),
    summary="Backend developer with 5 years of Python and Django building payment APIs.",
    skills={"Languages": ["Python", "Go"], "Databases": ["PostgreSQL"]},
    roles=[
        Entry(
            "Backend Developer, Acme, 2021–now",
            (
                "Built a billing API in Django handling 3k req/s",
                "Cut p99 latency from 900 to 200 ms",
            ),
        )
    ],
    education=[Education("BSc Computer Science", "University of Warsaw", "2016–2020")],
    level="mid",
)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".md", ".txt"])
def test_review_reads_the_coachs_own_export_in_every_format(tmp_path: Path, suffix: str) -> None:
    attachment = next(a for a in export_files(DOC) if a.filename.endswith(suffix))
    path = tmp_path / attachment.filename
    path.write_bytes(attachment.data)
    result = _cli("review", str(path))
    assert result.returncode == 0, result.stderr
    assert "Resume review for a mid backend developer" in result.stdout
    assert "binary" not in result.stdout + result.stderr


def test_review_of_markdown_shows_no_markup(tmp_path: Path) -> None:
    path = tmp_path / "cv.md"
    path.write_text(
        "# **Zoe Nguyen**\n\n# **Professional Experience**\n\n## **Acme** — *Backend Developer*\n"
        "**2021 – Present**\n\n* Built a [billing API](https://acme.example) in **Django**\n"
        "* Cut p99 latency from 900 to 200 ms with <b>Redis</b>\n",
        encoding="utf-8",
    )
    result = _cli("review", str(path))
    assert result.returncode == 0, result.stderr
    for markup in ("**", "](", "<b>", "# "):
        assert markup not in result.stdout


def _pdf_without_text() -> bytes:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _locked_pdf() -> bytes:
    reader = pypdf.PdfReader(io.BytesIO(next(a for a in export_files(DOC)).data))
    writer = pypdf.PdfWriter(clone_from=reader)
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("empty.txt", b"   \n", "is empty"),
        ("latin1.txt", "Zoë".encode("latin-1") * 20, "not UTF-8"),
        ("scan.pdf", _pdf_without_text(), "no text I can read"),
        ("locked.pdf", _locked_pdf(), "password-protected"),
        ("broken.pdf", b"%PDF-1.4 not really", "couldn't open that PDF"),
        ("broken.docx", b"PK\x03\x04 not a zip", "couldn't open that .docx"),
        ("big.txt", b"word " * 50_000, "over 200 KB"),
    ],
)
def test_a_bad_file_gets_one_sentence_and_exit_code_2(
    tmp_path: Path, name: str, data: bytes, says: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = _cli("review", str(path))
    assert result.returncode == 2
    assert says in result.stderr and result.stderr.count("\n") == 1
    assert result.stdout == ""


async def test_export_writes_a_stored_users_files(
    engine: Engine, db_url: str, tmp_path: Path
) -> None:
    chat = Chat(engine, "zoe")
    await chat.send("/start")
    await chat.press("Mid")
    await chat.send("Zoë Łukasiewicz-Nguyễn")
    await chat.press("Use")
    await chat.send("zoe@example.com")
    await chat.send("/skip")
    await chat.send(
        "Backend developer with 5 years of Python and Django building payment APIs for 2M users."
    )
    out = tmp_path / "out"
    result = _cli(
        "export",
        "--db",
        db_url,
        "--user",
        "console:zoe",
        "--format",
        "pdf",
        "--format",
        "txt",
        "--paper",
        "letter",
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "Zoe-Lukasiewicz-Nguyen-Resume.pdf",
        "Zoe-Lukasiewicz-Nguyen-Resume.txt",
    ]
    pdf = pypdf.PdfReader(str(out / "Zoe-Lukasiewicz-Nguyen-Resume.pdf"))
    assert round(float(pdf.pages[0].mediabox.width)) == 612
    assert "Zoë Łukasiewicz-Nguyễn" in (out / "Zoe-Lukasiewicz-Nguyen-Resume.txt").read_text()
    missing = _cli("export", "--db", db_url, "--user", "console:nobody", "--out", str(out))
    assert missing.returncode == 1 and "No resume is stored" in missing.stderr
