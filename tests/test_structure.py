"""Reading a resume's structure the many ways people write it (our own fixtures, not the corpus)."""

from __future__ import annotations

import pytest

from bench.export_samples import junior_sample, senior_sample
from bot.analysis import parse_resume
from bot.documents import read_document
from bot.export import ResumeDoc, export_files


@pytest.mark.parametrize("sample", [senior_sample, junior_sample])
@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".md", ".txt"])
def test_the_coachs_own_export_reads_back_into_the_same_roles(sample: object, suffix: str) -> None:
    doc: ResumeDoc = sample()  # type: ignore[operator]
    attachment = next(a for a in export_files(doc) if a.filename.endswith(suffix))
    parsed = parse_resume(read_document(attachment.filename, attachment.data))
    assert len(parsed.roles) == len(doc.roles)
    for role, written in zip(parsed.roles, doc.roles, strict=True):
        title = written.header.split(",")[0]
        assert title in role.header
        assert len(role.bullets) == len(written.bullets)
    assert {"summary", "skills", "experience"} <= set(parsed.sections)


LAYOUTS = {
    "one line each": (
        "EXPERIENCE\n"
        "Senior Backend Engineer — Acme — 2021–Present\n"
        "• Built the billing API in Go\n• Cut p99 latency from 900 to 200 ms\n"
        "Backend Engineer — Initech — 2018–2021\n"
        "• Moved nightly jobs to a queue\n"
    ),
    "title, company and dates on lines of their own": (
        "Work Experience\n\nSenior Backend Engineer\nAcme, Berlin\nMar 2021 – Present\n"
        "- Built the billing API in Go\n- Cut p99 latency from 900 to 200 ms\n\n"
        "Backend Engineer\nInitech, Munich\nJan 2018 – Feb 2021\n- Moved nightly jobs to a queue\n"
    ),
    "markdown with bold headings and links": (
        "# **Professional Experience**\n\n## **[Acme](https://acme.example)** — *Senior Backend "
        "Engineer*\n**2021 – Present**\n\n* Built the **billing API** in Go\n"
        "* Cut p99 latency from 900 to 200 ms\n\n## **Initech** — *Backend Engineer*\n"
        "**2018 – 2021**\n\n* Moved nightly jobs to a queue\n"
    ),
    "a company with two positions": (
        "## Experience\n\n### Acme\n\n#### Senior Backend Engineer, 2021–Present\n"
        "- Built the billing API in Go\n- Cut p99 latency from 900 to 200 ms\n\n"
        "#### Backend Engineer, 2018–2021\n- Moved nightly jobs to a queue\n"
    ),
    "an html list in a table": (
        "## Job history\n\n| Role | Dates | What I did |\n|---|---|---|\n"
        "| Senior Backend Engineer at Acme | 2021–Present | <ul><li>Built the billing API in Go"
        "</li><li>Cut p99 latency from 900 to 200 ms</li></ul> |\n"
        "| Backend Engineer at Initech | 2018–2021 | <ul><li>Moved nightly jobs to a queue</li>"
        "</ul> |\n"
    ),
    "labels and a stack line under a role": (
        "PROFESSIONAL EXPERIENCE\n\nSenior Backend Engineer, Acme (2021–Present)\n"
        "Tech stack: Go, PostgreSQL, Kafka\nKey achievements:\n"
        "• Built the billing API in Go\n• Cut p99 latency from 900 to 200 ms\n\n"
        "Backend Engineer, Initech (2018–2021)\n• Moved nightly jobs to a queue\n"
    ),
}


@pytest.mark.parametrize("layout", LAYOUTS, ids=list(LAYOUTS))
def test_roles_are_found_whatever_the_layout(layout: str) -> None:
    parsed = parse_resume(LAYOUTS[layout])
    assert [len(role.bullets) for role in parsed.roles] == [2, 1], parsed.roles
    first, second = (role.header for role in parsed.roles)
    assert "Senior Backend Engineer" in first and "Acme" in first and "2021" in first
    # Two positions at one company: the second carries the company's name too.
    company = "Acme" if layout == "a company with two positions" else "Initech"
    assert company in second and "Backend Engineer" in second and "2018" in second
    shown = " ".join([first, second, *parsed.roles[0].bullets])
    for markup in ("**", "](", "<li>", "|", "# "):
        assert markup not in shown
    assert not any("stack" in role.header.casefold() for role in parsed.roles)
