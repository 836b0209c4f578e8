"""Reading a resume's structure the many ways people write it (our own fixtures, not the corpus)."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from bench.export_samples import junior_sample, senior_sample
from bot.analysis import parse_resume
from bot.documents import as_plain_text, read_document, read_resume_file
from bot.documents.files import accents_joined
from bot.documents.pasted import pasted_blocks
from bot.documents.rst import looks_like_rst
from bot.engine import Engine
from bot.export import ResumeDoc, export_files
from tests.chat import Chat


@pytest.mark.parametrize("sample", [senior_sample, junior_sample])
@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".md", ".txt"])
def test_the_coachs_own_export_reads_back_into_the_same_roles(sample: object, suffix: str) -> None:
    doc: ResumeDoc = sample()  # type: ignore[operator]
    attachment = next(a for a in export_files(doc) if a.filename.endswith(suffix))
    parsed = parse_resume(read_resume_file(attachment.filename, attachment.data))
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
    "restructuredtext with dates as terms and fields": (
        "Experience\n----------\n\nMar 2021 - Present\n    :title: Senior Backend Engineer\n"
        "    :company: Acme\n\n    - Built the billing API in Go\n"
        "    - Cut p99 latency from 900 to 200 ms\n\nJan 2018 - Feb 2021\n"
        "    :title: Backend Engineer\n    :company: Initech\n\n"
        "    * Moved nightly jobs to a queue\n"
    ),
    "restructuredtext line blocks and links": (
        "Work History\n============\n\n| **Senior Backend Engineer**\n| Acme, Berlin\n"
        "| 3/2021 - Present\n\n* Built the billing API in `Go <https://go.dev>`_\n"
        "* Cut p99 latency from 900 to 200 ms\n\n| **Backend Engineer**\n| Initech, Munich\n"
        "| 1/2018 - 2/2021\n\n* Moved nightly jobs to a queue\n"
    ),
    "a plain-text page with leaders": (
        "EXPERIENCE\n\n2021-        Acme, Senior Backend Engineer ------------------- Berlin\n"
        "     • Built the billing API in Go\n     • Cut p99 latency from 900 to 200 ms\n\n"
        "2018-2021    Initech, Backend Engineer ----------------------- Munich\n"
        "     • Moved nightly jobs to a queue\n"
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


def test_a_second_experience_section_without_dates_is_the_skills() -> None:
    parsed = parse_resume(
        "## Experience\n\n### Backend Engineer at Acme\n\n*2019 - 2021*\n\n"
        "- Built the billing API\n\n## Technical Experience\n\n### Programming languages\n\n"
        "- **Go** - services and command-line tools\n- **Python** - scripts\n"
    )
    assert [role.header for role in parsed.roles] == ["Backend Engineer at Acme · 2019 - 2021"]
    assert "Go - services" in parsed.sections["skills"]


def test_a_second_dated_experience_section_adds_its_roles() -> None:
    parsed = parse_resume(
        "## Experience\n\n### Backend Engineer, Acme, 2019 - 2021\n\n- Built the billing API\n\n"
        "## Skills\n\nGo, PostgreSQL\n\n## Earlier experience\n\n"
        "### Developer, Initech, 2015 - 2019\n\n- Moved nightly jobs to a queue\n"
    )
    assert len(parsed.roles) == 2 and "Initech" in parsed.roles[1].header


def test_a_company_named_like_a_section_inside_experience_is_a_company() -> None:
    parsed = parse_resume(
        "## Experience\n\n### Amplify Education\n\n#### Systems Engineer\n\n"
        "March 2012 - May 2014\n\n- Ran the configuration of the servers\n\n"
        "### Cloud Technologies Inc\n\n#### Developer\n\n2010 - 2012\n\n- Wrote the API\n"
    )
    assert [len(role.bullets) for role in parsed.roles] == [1, 1]
    assert "Amplify Education" in parsed.roles[0].header
    assert "Cloud Technologies Inc" in parsed.roles[1].header


def test_a_heading_with_skills_among_its_words_opens_the_skills() -> None:
    parsed = parse_resume(
        "Experience\n==========\n\nDeveloper, Acme, 2019 - 2021\n\n- Wrote the API\n\n"
        "Related Skills and Activities\n=============================\n\n- Python, PostgreSQL\n"
    )
    assert "PostgreSQL" in parsed.sections["skills"]


def test_a_role_with_only_its_stack_under_it_is_kept() -> None:
    parsed = parse_resume(
        "EXPERIENCE\n\nBackend Engineer, Acme, 2021 - Present\nTechnologies: Go, PostgreSQL\n\n"
        "Developer, Initech, 2018 - 2021\n- Moved nightly jobs to a queue\n"
    )
    assert [len(role.bullets) for role in parsed.roles] == [0, 1]


def test_restructuredtext_directives_are_never_run() -> None:
    text = (
        "Jane Doe\n========\n\n.. include:: /etc/passwd\n\n.. raw:: html\n\n   <b>x</b>\n\n"
        ":Email: jane.doe@example.com\n\nExperience\n----------\n\n* Wrote the API\n"
    )
    shown = as_plain_text(text)
    assert "root" not in shown and "<b>" not in shown and "include" not in shown
    assert "Email: jane.doe@example.com" in shown and "- Wrote the API" in shown


def test_markdown_with_underlined_headings_is_not_taken_for_restructuredtext() -> None:
    text = (
        "Experience\n----------\n\n:rocket: Backend Engineer at [Acme](https://acme.example)\n"
        "\n* Built the billing API\n"
    )
    assert not looks_like_rst(text)
    assert "Backend Engineer at Acme" in as_plain_text(text)


def test_lines_indented_alike_under_a_long_one_are_one_paragraph() -> None:
    blocks = pasted_blocks(
        "2018-2021    Initech, Backend Engineer\n"
        "     Led the design and the build of the billing services and their data pipelines\n"
        "     Moved the nightly jobs to a queue. Both served millions of customers.\n"
    )
    assert [b.kind for b in blocks] == ["text", "text"]
    assert blocks[1].text.endswith("millions of customers.")


def test_a_skills_heading_inside_experience_before_the_jobs_is_the_skills() -> None:
    parsed = parse_resume(
        "## Experience\n\n#### 12 years of experience\n\n### Skill Set\n\n"
        "* Backend: Go, PostgreSQL\n* Tools: Docker\n\n### Acme\n\n*(2019 - Present)*<br/>\n"
        "**Backend Engineer**\n\n* Built the billing API\n\n### Initech\n\n*(2015 - 2019)*<br/>\n"
        "**Developer**\n\n* Moved nightly jobs to a queue\n"
    )
    assert [len(role.bullets) for role in parsed.roles] == [1, 1]
    assert "Acme" in parsed.roles[0].header and "Backend Engineer" in parsed.roles[0].header
    assert "Go, PostgreSQL" in parsed.sections["skills"]


def test_a_technologies_heading_under_a_job_stays_its_stack() -> None:
    parsed = parse_resume(
        "## Experience\n\n### Backend Engineer, Acme, 2019 - 2021\n\n- Built the billing API\n\n"
        "### Technologies\n\n- Go, PostgreSQL\n\n### Developer, Initech, 2015 - 2019\n\n"
        "- Moved nightly jobs to a queue\n"
    )
    assert len(parsed.roles) == 2 and "skills" not in parsed.sections


def test_internships_are_jobs_and_named_parts_end_the_jobs_in_plain_text() -> None:
    parsed = parse_resume(
        "Jane Doe\n\nInternship\nAcme, Berlin\nBackend Intern\nMay – July 2019\n"
        "◦ Built the billing API in Go\n◦ Moved nightly jobs to a queue\n\n"
        "Activities\nChess Club · 2018 – Present\n◦ Ran the club's website\n"
    )
    assert len(parsed.roles) == 1 and len(parsed.roles[0].bullets) == 2
    assert "Chess Club" in parsed.sections["other"]


def test_an_achievements_label_inside_a_job_does_not_end_the_jobs() -> None:
    parsed = parse_resume(
        "EXPERIENCE\nBackend Engineer, Acme, 2019 – 2021\nAchievements:\n• Built the billing API\n"
        "Developer, Initech, 2015 – 2019\n• Moved nightly jobs to a queue\n"
    )
    assert [len(role.bullets) for role in parsed.roles] == [1, 1]


def test_a_bullet_the_page_cut_is_joined_when_its_last_line_ends_the_sentence() -> None:
    blocks = pasted_blocks(
        "• Developed robust Java Spring Boot microservices to manage the orders, leveraging\n"
        "Hibernate for efficient ORM and transactional integrity.\n"
        "• Built the billing API in Go for the payments team and its partners\n"
        "Initech Software Developer Nov 2019 – Sep 2023\n"
    )
    assert [b.kind for b in blocks] == ["item", "item", "text"]
    assert blocks[0].text.endswith("transactional integrity.")


def test_a_description_that_opens_with_the_title_gives_the_title() -> None:
    parsed = parse_resume(
        "## Experience\n\n### 05.2019 -- 07.2021 Acme (payments, remote)\n"
        "django developer; helped deliver the billing API and drove the move of the nightly "
        "jobs to a queue, with the tests and the logging that came with it.\n\n"
        "### 2015 -- 2019 Initech\nBackend Engineer. Wrote the reports service and kept the "
        "database healthy for the whole of the company and its customers.\n"
    )
    assert "django developer" in parsed.roles[0].header
    assert "Backend Engineer" in parsed.roles[1].header


def test_a_title_cased_line_naming_skills_opens_them_in_plain_text() -> None:
    parsed = parse_resume(
        "Experience\n\nDeveloper, Acme, 2019 - 2021\n- Wrote the API\n\n"
        "Related Skills and Activities\n- Python, PostgreSQL\n"
        "Strong skills in Python\n"
    )
    assert "PostgreSQL" in parsed.sections["skills"]
    assert len(parsed.roles) == 1 and parsed.roles[0].bullets == ("Wrote the API",)


def test_restructuredtext_fields_named_by_years_are_jobs_told_in_prose() -> None:
    parsed = parse_resume(
        "Employment\n----------\n\n:2019-2021:\n  Senior DevOps engineer at the `Acme Foundation\n"
        "  <https://acme.example>`_ (previously Acme Mobile). Cut the cloud bill and moved the\n"
        "  services to containers, with logs and metrics for all of them.\n\n:2017-2018:\n"
        "  Jr. sysadmin and help-desk in Initech's library, supporting the Windows servers.\n"
    )
    first, second = (role.header for role in parsed.roles)
    assert first == (
        "2019-2021 · Senior DevOps engineer at the Acme Foundation (previously Acme Mobile)"
    )
    assert second == "2017-2018 · Jr. sysadmin and help-desk in Initech's library"


def test_a_heading_naming_the_section_it_is_in_stays_inside_it() -> None:
    parsed = parse_resume(
        "## Experience\n\n### Developer, Acme, 2019 - 2021\n\n- Wrote the API\n\n"
        "## Skills & Expertise\n\n### Programming Languages\n\n- Python\n\n"
        "### Frameworks & APIs\n\n- Django\n"
    )
    assert "Python" in parsed.sections["skills"] and "Django" in parsed.sections["skills"]


def test_text_out_of_a_pdf_joins_the_lines_the_page_cut() -> None:
    blocks = pasted_blocks(
        "- Developing the UI of the service, using HTML, CSS, ExtJS and\nDjango templates;\n"
        "- Managed the release cycles for the licensees (e.g. Cisco) and customers (e.g.\n"
        "Network Magic).\n"
        "Senior Director, Engineering Zillow Group, Seattle, WA 2/2017 - 5/2019\n"
        "Director of Engineering responsible for Home Loans, and Mortech.\n"
        "Worked on the reports service and the database of the whole company, with the\n"
        "\n"
        "Senior Web Developer with Acme Software Co, Ltd.\n"
    )
    assert [b.text for b in blocks] == [
        "Developing the UI of the service, using HTML, CSS, ExtJS and Django templates;",
        "Managed the release cycles for the licensees (e.g. Cisco) and customers (e.g. "
        "Network Magic).",
        "Senior Director, Engineering Zillow Group, Seattle, WA 2/2017 - 5/2019",
        "Director of Engineering responsible for Home Loans, and Mortech.",
        "Worked on the reports service and the database of the whole company, with the",
        "Senior Web Developer with Acme Software Co, Ltd.",
    ]


def test_a_stray_markdown_heading_in_text_out_of_a_file_leaves_it_plain_text() -> None:
    text = (
        "Jane Doe\nBackend developer who builds billing systems, and the tests that keep them.\n"
        "Experience\nAcme Inc\nNov 2020 – Present\n- Built the billing API\n"
        "### Initech (part time) Oct, 2017 – Mar, 2018\n- Moved nightly jobs to a queue\n"
    )
    parsed = parse_resume(text)
    assert [len(role.bullets) for role in parsed.roles] == [1, 1]
    assert "#" not in as_plain_text(text)


def test_markdown_headings_that_name_no_section_leave_plain_section_lines_working() -> None:
    parsed = parse_resume(
        "# Jane Doe\n\nExperience\n\n### Acme\n\n2019 - 2021\n\n- Built the billing API\n"
    )
    assert len(parsed.roles) == 1 and "Acme" in parsed.roles[0].header


def test_month_and_two_digit_year_dates_mark_jobs() -> None:
    parsed = parse_resume(
        "EXPERIENCE\n\nAcme - Rails Developer (Remote) 01/23 - present\n- Built the billing API\n\n"
        "Initech - Utility Worker (Denver, CO) 05/21 - 12/21\n- Moved nightly jobs to a queue\n"
    )
    assert [len(role.bullets) for role in parsed.roles] == [1, 1]
    assert "05/21 - 12/21" in parsed.roles[1].header


def test_jobs_told_by_their_headers_alone_are_all_kept() -> None:
    parsed = parse_resume(
        "Experience\n\nJunior Python Developer (Apr 2022 - ongoing)\nAcme\n\n"
        "Intern Backend Developer (Oct 2021 - Dec 2021)\nInitech\n\n"
        "Certificates and Courses\n- Kubernetes for developers (2021)\n"
    )
    assert ["Acme" in r.header for r in parsed.roles] == [True, False]
    assert "Initech" in parsed.roles[1].header and "education" in parsed.sections


def test_line_breaks_inside_a_word_paragraph_keep_their_lines() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Backend Engineer")
    paragraph.add_run().add_break()
    paragraph.add_run("Acme, Berlin")
    paragraph.add_run().add_break()
    paragraph.add_run("2019 - 2021")
    data = io.BytesIO()
    document.save(data)
    text = read_document("cv.docx", data.getvalue())
    assert text.split("\n") == ["Backend Engineer", "Acme, Berlin", "2019 - 2021"]


def test_a_part_named_heading_under_a_job_stays_in_the_job() -> None:
    parsed = parse_resume(
        "## Experience\n\n### Backend Engineer, Acme, 2019 - 2021\n\n#### Awards\n\n"
        "- Engineer of the year\n\n### Developer, Initech, 2015 - 2019\n\n- Wrote the API\n"
    )
    assert [len(role.bullets) for role in parsed.roles] == [1, 1]


def test_restructuredtext_is_known_by_underlines_markdown_has_no_use_for() -> None:
    text = (
        "Work Experience\n~~~~~~~~~~~~~~~\n\nAcme - Tech Lead (2019 - Present)\n"
        "`````````````````````````````````\n- Built the billing API\n"
    )
    assert looks_like_rst(text)
    parsed = parse_resume(text)
    assert len(parsed.roles) == 1 and "`" not in parsed.roles[0].header


def _word_file(*paragraphs: tuple[str, str]) -> bytes:
    """A .docx of (style, text) paragraphs; the style "" is a plain paragraph."""
    document = docx.Document()
    for style, text in paragraphs:
        document.add_paragraph(text, style=style or None)
    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


def test_a_word_files_heading_levels_tell_the_company_from_its_jobs() -> None:
    data = _word_file(
        ("Title", "Zoë Nguyen"),
        ("Heading 1", "Experience"),
        ("Heading 2", "Acme Corp"),
        ("Heading 3", "Senior Backend Developer"),
        ("", "2021 – now"),
        ("List Bullet", "Cut checkout latency by 40% with Redis caching"),
        ("List Bullet", "Led the move of 12 services to Kubernetes"),
        ("Heading 3", "Backend Developer"),
        ("", "2019 – 2021"),
        ("List Bullet", "Built the billing API in Go for 3 teams"),
        ("Heading 1", "Education"),
        ("", "BSc Computer Science, University of Warsaw, 2015–2019"),
    )
    text = read_resume_file("cv.docx", data)
    assert text.startswith("# Zoë Nguyen\n\n# Experience\n\n## Acme Corp\n\n### Senior")
    parsed = parse_resume(text)
    assert [len(role.bullets) for role in parsed.roles] == [2, 1]
    # The company heading over both jobs belongs to each of them.
    assert parsed.roles[0].header == "Acme Corp · Senior Backend Developer · 2021 – now"
    assert parsed.roles[1].header == "Acme Corp · Backend Developer · 2019 – 2021"
    assert "education" in parsed.sections


def test_a_word_file_without_heading_styles_is_read_as_plain_lines() -> None:
    data = _word_file(("", "EXPERIENCE"), ("", "Backend Developer, Acme, 2019 – 2021"))
    text = read_resume_file("cv.docx", data)
    assert text == "EXPERIENCE\nBackend Developer, Acme, 2019 – 2021"


async def test_review_reads_pasted_markdown_with_its_heading_levels(engine: Engine) -> None:
    chat = Chat(engine, "review-levels")
    await chat.send("/start")
    await chat.press("Mid")
    await chat.send(
        "/review # Zoë Nguyen\n\n## Experience\n\n### Acme Corp\n\n#### Senior Backend Developer\n"
        "2021 – now\n\n- Cut checkout latency by 40% with Redis caching\n\n"
        "#### Backend Developer\n2019 – 2021\n\n- Responsible for deploys\n"
    )
    # The second job keeps the company its heading sits under, and no mark is shown.
    assert "Acme Corp · Backend Developer · 2019 – 2021: weakest bullet" in chat.text
    assert "#" not in chat.text


def test_markdown_dashes_read_as_the_page_shows_them() -> None:
    parsed = parse_resume(
        "## Experience\n\n### Backend Developer --- Acme (Remote)\n\n2019 -- 2021\n\n"
        "- Built the billing API in Go for 3 teams\n"
    )
    assert parsed.roles[0].header == "Backend Developer — Acme (Remote) · 2019 – 2021"


def test_a_plain_text_resume_with_rules_and_hanging_bullets_reads_its_jobs() -> None:
    # The shape of a resume saved as plain text: parts between rules, bullets whose second line
    # is indented to their text, section names in title case.
    text = (
        "Jane Doe\n\nBackend Developer\n\n  jane@example.com\n\n" + "-" * 72 + "\n\n"
        "Summary\n\nBackend developer with six years of Python.\n\n" + "-" * 72 + "\n\n"
        "Experience\n\nSenior Developer at Acme\n\nMarch 2021 - Present\n\n"
        "-   Built the billing API in Django that\n    handles 2M invoices a month.\n"
        "-   Cut p99 latency from 900 ms to 120 ms.\n\n"
        "Developer at Initech\n\nJune 2018 - February 2021\n\n"
        "-   Wrote the ETL jobs in Python and\n    PostgreSQL for the reports team.\n\n"
        "Education\n\nBSc Computer Science, 2018\n"
    )
    roles = parse_resume(text).roles
    assert [(role.header.split(" · ")[0], len(role.bullets)) for role in roles] == [
        ("Senior Developer at Acme", 2),
        ("Developer at Initech", 1),
    ]
    assert (
        roles[0].bullets[0] == "Built the billing API in Django that handles 2M invoices a month."
    )
    blocks = pasted_blocks(text)
    # The rule after the contact line is a separator: no heading is made of the e-mail address.
    assert not any(b.kind == "heading" for b in blocks)


def test_a_paragraph_wrapped_at_a_width_is_rejoined_where_the_next_word_did_not_fit() -> None:
    wrapped = (
        "At Everest I lead the backend work on our cloud ERP platform for clients\n"
        "Europe-wide: an accounting module and the NetSuite to Stripe migration.\n"
    )
    filler = "".join(
        f"- Shipped feature number {n} of the billing platform for finance teams\n"
        for n in range(12)
    )
    blocks = pasted_blocks(wrapped + "\n" + filler)
    assert blocks[0].kind == "text"
    assert blocks[0].text.endswith(
        "clients Europe-wide: an accounting module and the NetSuite to Stripe migration."
    )


def test_a_short_line_after_a_full_one_in_a_pdf_layout_stays_apart() -> None:
    # A PDF with the location at the right margin: the company line reaches the width, and what
    # comes next (a heading, the next job's company) is not its continuation.
    lines = "".join(
        f"- Built monitoring and alerting for the payment services of team number {n:02}\n"
        for n in range(12)
    )
    text = lines + "Tinkoff Moscow, Russia\nSENIOR ENGINEER Sep. 2017 – Nov. 2021\n"
    blocks = pasted_blocks(text)
    assert blocks[-2].text == "Tinkoff Moscow, Russia"


def test_a_jobs_stack_line_ends_its_header_and_the_next_dated_line_starts_a_job() -> None:
    text = (
        "Experience\n\nApple - Staff Software Engineer\n\n2020-Present\n\n"
        "TestFlight server engineering.\nTech: Java, Kotlin, Cassandra, Kafka.\n\n"
        "Amazon - Software Development Engineer\n\n2017-2020\n\n"
        "Subscribe-And-Save.\nTech: Java, DynamoDB, Lambda.\n\n"
        "Education\n\nBSc Computer Science\n"
    )
    headers = [role.header for role in parse_resume(text).roles]
    assert [h.split(" · ")[0] for h in headers] == [
        "Apple - Staff Software Engineer",
        "Amazon - Software Development Engineer",
    ]


def test_restructuredtext_definition_terms_name_their_part_and_volunteering_is_no_job() -> None:
    text = (
        "Jane Doe\n========\n\nSummary\n-------\n\nSkills\n   - Languages: Python, Go\n"
        "   - Databases: PostgreSQL, Redis\n\nWork experience\n---------------\n"
        ":2015-2017: Software Engineer at Balabit\n\nVolunteer Experience\n"
        "--------------------\n\n:2015 Nov.: Mentor at Skool\n"
    )
    resume = parse_resume(text)
    assert [role.header for role in resume.roles] == ["2015-2017: Software Engineer at Balabit"]
    assert "PostgreSQL, Redis" in resume.sections["skills"]


def test_section_names_a_pdf_glued_to_a_line_or_put_after_an_icon_open_their_sections() -> None:
    # Out of a PDF: the section names of a left margin start the first line of their part, and
    # an icon font's glyphs come out as a glyph name ("/cgs") or a stray letter ("g").
    text = (
        "Jane Doe\njane@example.com\n"
        "/cgs Skills\nLanguages Java, Kotlin, Python\n"
        "EXPERIENCE Software Engineer | Gilt Groupe Japan Jan 2014 - Present\n"
        "∠ Maintain the admin application in Ruby on Rails and PostgreSQL.\n"
        "➔ Built the sale creation tool with Meteor and MongoDB.\n"
        "\ng Education\nMSc Computer Engineering, 2012\n"
    )
    resume = parse_resume(text)
    assert "Kotlin" in resume.sections["skills"]
    assert [(r.header, len(r.bullets)) for r in resume.roles] == [
        ("Software Engineer · Gilt Groupe Japan Jan 2014 - Present", 2)
    ]
    assert "education" in resume.sections


def test_an_emoji_before_a_line_is_not_a_bullet() -> None:
    blocks = pasted_blocks("📞 +1 555-555-0100\n🧑 Work Experience\n")
    assert [b.kind for b in blocks] == ["text", "text"]


def test_a_short_sentence_case_line_ending_in_skills_opens_them_in_plain_text() -> None:
    parsed = parse_resume(
        "Experience\n\n2011–Present Software Developer, Klarna, Tel Aviv\n- Built the API\n\n"
        "Education\n\n2009–2011 Computer Science, The Open University\n\n"
        "Software development skills\nBasic Haskell, Postgres, React, Redis\n"
    )
    assert "Haskell" in parsed.sections["skills"]
    # A sentence that happens to end in "skills" stays where it is.
    told = parse_resume("Summary\n\nI have led teams and have strong people skills\n")
    assert "skills" not in told.sections


def test_jobs_a_two_column_pdf_put_after_the_side_column_are_found() -> None:
    # Out of a two-column PDF: "Experience" comes empty, the side column's parts follow, and
    # the jobs come last, inside the last of those parts.
    text = (
        "Jane Doe\n\nExperience\n\nLinks\n\nGitHub:\ngithub.com/janedoe\n\n"
        "Skills\nPostgreSQL, Docker, Laravel\n\nEducation\nUnimontes\nB.Sc. in Information "
        "Systems\n01/2017 – 06/2021\n\nCertifications\nObject-Oriented Design\n\n"
        "Full Stack Developer\nSoteroTech\n\n01/2023 – 02/2025\n\n"
        "• Built a ticketing system with Laravel.\n• Wrote the REST API.\n\n"
        "Backend Developer\nTalkee\n\n06/2021 – 06/2022\n\n• Ran the PostgreSQL migrations.\n"
    )
    resume = parse_resume(text)
    assert [(r.header, len(r.bullets)) for r in resume.roles] == [
        ("Full Stack Developer · SoteroTech · 01/2023 – 02/2025", 2),
        ("Backend Developer · Talkee · 06/2021 – 06/2022", 1),
    ]
    assert "Unimontes" in resume.sections["education"]


def test_experiences_in_the_plural_and_a_key_accomplishments_label() -> None:
    text = (
        "## Experiences\n\n### [Epic Center - Full-Stack Developer](/cv/epic)\n\n"
        "_Aug 2022 - Jan 2024_\\\nTech Stack: `Go`, `PostgreSQL`\n\n**Key Accomplishments**\n\n"
        "- Automated 70% of daily orders with an internal microservice.\n"
        "- Built an e-wallet from the users' transaction history.\n\n## Projects\n"
    )
    roles = parse_resume(text).roles
    assert [(r.header, len(r.bullets)) for r in roles] == [
        ("Epic Center - Full-Stack Developer · Aug 2022 - Jan 2024", 2)
    ]


@pytest.mark.parametrize(
    ("text", "headers"),
    [
        pytest.param(
            # Jekyll's kramdown: the company as the term, the title and dates as its definition.
            (
                "### Experience\n\n"
                "Viewpoints\n: *Senior Engineer, Chicago, IL*\n  __5.2013 – 10.2013__\n"
                "  Lead team supporting development of core business systems.\n\n"
                "Groupon\n: *Engineering Learning & Development Business Partner, Chicago, IL*\n"
                "  __7.2011 – 5.2013__\n"
                "  Built internal tools with Rails and a taxonomy service in Java.\n"
            ),
            [
                "Viewpoints · Senior Engineer, Chicago, IL · 5.2013 – 10.2013",
                "Groupon · Engineering Learning & Development Business Partner, Chicago, IL · "
                "7.2011 – 5.2013",
            ],
            id="kramdown-definition-list",
        ),
        pytest.param(
            (
                "# Experience\n\n## Senior Software Engineer, October 2019 to May 2021\n"
                "## [aScaper](https://example.com/), Moscow\n- Built the crawler in Scala.\n\n"
                "## Software Engineer, August 2018 to June 2019\n## oneFactor, Moscow\n"
                "- Wrote the scoring API.\n"
            ),
            [
                "Senior Software Engineer, October 2019 to May 2021 · aScaper, Moscow",
                "Software Engineer, August 2018 to June 2019 · oneFactor, Moscow",
            ],
            id="company-heading-as-high-as-the-title",
        ),
        pytest.param(
            # Text out of Word: each paragraph its own line, the first a sentence, the next not.
            (
                "EXPERIENCE\n\n2012 Tipforest\n\n"
                "Tipforest is a collaboratively edited open database.\n\n"
                "Worked as programmer. [Technologies: Python, Django, PostgreSQL]\n\n"
                "2011–2012 StyleShare\n\nStyleShare is a social network for fashion lovers.\n\n"
                "Worked as CTO.\n\nEDUCATION\n\nBSc, 2010\n"
            ),
            ["2012 Tipforest", "2011–2012 StyleShare"],
            id="description-goes-on",
        ),
        pytest.param(
            # "## Work Experience" then "## Senior Engineer": the first job's heading one level too
            # high, its company and dates on two headings of their own.
            (
                "## Work Experience\n\n## Senior Software Engineer (contract)\n#### Citi – Dublin\n"
                "#### February 2018 – Present\n- Built REST APIs with JAX-RS and Spring.\n\n"
                "### Software Engineer\n#### IBM – Dublin\n#### July 2015 – February 2017\n"
                "- Wrote the billing service in Java.\n\n## Portfolio & Writings\n\n### Blog\n"
                "#### http://example.com\n- Articles about Java.\n"
            ),
            [
                "Senior Software Engineer (contract) · Citi – Dublin · February 2018 – Present",
                "Software Engineer · IBM – Dublin · July 2015 – February 2017",
            ],
            id="first-job-heading-too-high",
        ),
        pytest.param(
            # The current job alone under "Currently", the rest under "Previously" one level
            # down; the current one has nothing written under it yet.
            (
                "## Currently\n\n`2023-`\nSolutions Architect, *Perficient*\n\n"
                "### Previously\n\n`2017-2023`\nLead .NET Developer, *Rightpoint*\n\n"
                "- Led the rewrite of the booking flow.\n\n## Certifications\n\n`2023`\nAzure\n"
            ),
            [
                "2023- · Solutions Architect, Perficient",
                "2017-2023 · Lead .NET Developer, Rightpoint",
            ],
            id="currently-and-previously",
        ),
        pytest.param(
            # A company heading over two titles, each a bold line with its dates and bullets.
            (
                "Professional Experience\n=======================\n\nBigMachines\n-----------\n\n"
                "**Technical Lead**\n*Jan 2012 - Present*\n\n- Led the server team.\n\n"
                "**Software Engineer**\n*Jan 2011 - Dec 2011*\n\n- Wrote the rules engine.\n\n"
                "Undergraduate Experience\n========================\n\n"
                "**IT Intern**, American Reinsurance\n*Jun 2004 - Sep 2004*\n\n"
                "*References provided upon request.*\n"
            ),
            [
                "BigMachines · Technical Lead · Jan 2012 - Present",
                "BigMachines · Software Engineer · Jan 2011 - Dec 2011",
                "IT Intern, American Reinsurance · Jun 2004 - Sep 2004",
            ],
            id="company-over-titles-then-a-second-experience",
        ),
        pytest.param(
            # Hugo shortcode blocks titled by their argument.
            (
                '{{<cv "Occupation">}}\n\n`Aug 2016 - Sep 2022`\n__Senior Engineer__, [Atlassian]'
                "(https://example.com/)\n\n"
                "Built cloud platform services written in Java and Kotlin.\n\n---\n{{</cv>}}\n"
            ),
            ["Aug 2016 - Sep 2022 · Senior Engineer, Atlassian"],
            id="hugo-shortcodes",
        ),
    ],
)
def test_job_headers_as_people_write_them(text: str, headers: list[str]) -> None:
    assert [role.header for role in parse_resume(text).roles] == headers


def test_a_projects_heading_inside_experience_ends_the_jobs() -> None:
    text = (
        "# Professional experience\n\n## 2013 until 2014: LabSynapse - Rio de Janeiro\n\n"
        "Built a search platform for research funding.\n\n"
        "## Personal and/or volunteer projects\n\nTranslator of two books:\n\n"
        "- Scrum and XP from the trenches\n- Kanban and Scrum\n"
    )
    parsed = parse_resume(text)
    assert [r.header for r in parsed.roles] == ["2013 until 2014: LabSynapse - Rio de Janeiro"]
    assert parsed.roles[0].bullets == ()


def test_duties_written_as_lines_under_a_dated_company_are_not_its_header() -> None:
    # reStructuredText with a grid table and a definition list: each company a term, its dates
    # and its duties (sentence-case lines, no bullets) the definition.
    text = (
        "Jane Doe\n########\n\nTools\n=====\n\n+--------+---------------+\n"
        "| Script | Python, Perl  |\n+--------+---------------+\n\n"
        "Employment History\n==================\nBluehost\n  February 2009 through present\n\n"
        "  Troubleshoot code and configuration issues\n\n"
        "  Train coworkers in troubleshooting techniques\n\n"
        "Enchanted Solutions\n  January 2006 through July 2009\n\n"
        "  Develop and test software modules to customer specifications\n"
    )
    assert [role.header for role in parse_resume(text).roles] == [
        "Bluehost · February 2009 through present",
        "Enchanted Solutions · January 2006 through July 2009",
    ]


def test_field_lists_a_qualified_section_name_and_a_third_person_title() -> None:
    text = (
        "-----------------------------------\n    Work Experience - professional\n"
        "-----------------------------------\n\n:Job Title: Junior DevOps Engineer\n"
        ":Company: Payconiq, Netherlands\n:Date: Jul 2017 – Present\n:Description:\n"
        "    * Managed the Kubernetes clusters.\n\n"
    )
    roles = parse_resume(text).roles
    assert [(r.header, len(r.bullets)) for r in roles] == [
        ("Junior DevOps Engineer · Payconiq, Netherlands · Jul 2017 – Present", 1)
    ]
    text = (
        "### WORKING EXPERIENCES\n\n#### 2020 - Now\n\n"
        "He is a Technical Director at ECM - A young & wild e-commerce company.\n"
    )
    headers = [r.header for r in parse_resume(text).roles]
    assert headers == ["2020 - Now · Technical Director at ECM"]


def test_accents_a_pdf_drew_apart_are_put_back_on_their_letters() -> None:
    assert accents_joined("Presum ´e, S˜ao Paulo, Mau´a, c¸a") == "Presumé, São Paulo, Mauá, ça"
    assert accents_joined("rated 4 ´ 5") == "rated 4 ´ 5"


def test_a_title_told_inside_the_description_joins_the_header() -> None:
    text = (
        "PROFESSIONAL EXPERIENCE\n11/2012 - 04/2013 ClickARQ\n"
        "Architecture crowdsourcing startup, where I worked as CTO and the only developer.\n"
        "06/2012 - 12/2012 Codeminer42\nWorked in several startup projects, with Ruby and Java.\n"
    )
    assert [r.header for r in parse_resume(text).roles] == [
        "11/2012 - 04/2013 ClickARQ · CTO",
        "06/2012 - 12/2012 Codeminer42",
    ]


def test_a_list_of_one_line_roles_with_a_note_after_it() -> None:
    text = (
        "EMPLOYMENT\n\n - Gnosis Software.  Jan 1998-Currently.  Consultant/Developer.\n\n"
        " - MetLife (SC).  Jan 1998-Dec 1998.  Senior Systems Analyst.\n\n"
        "   See the site for more details.\n\nPUBLICATIONS\n\nSee the site.\n"
    )
    assert [r.header for r in parse_resume(text).roles] == [
        "Gnosis Software. Jan 1998-Currently. Consultant/Developer.",
        "MetLife (SC). Jan 1998-Dec 1998. Senior Systems Analyst.",
    ]


def test_a_pdfs_small_capital_headings_and_a_side_column_of_tool_lists() -> None:
    # Small capitals come out in lower case; the side column lists tools under their kinds.
    text = (
        "Amir K\nI write programs and maintain them.\nYou can find me on LinkedIn.\n"
        "experiences\n2018 Golang Developer Bahamta\nI worked on telegram bots written in Go.\n"
        "Programming\nC, C++, Python, Java,\nKotlin, Go\nFrameworks and\nPlatforms\nFlask, Docker\n"
    )
    parsed = parse_resume(text)
    assert [r.header for r in parsed.roles] == ["2018 Golang Developer Bahamta"]
    assert "Kotlin" in parsed.sections["skills"] and "Flask" in parsed.sections["skills"]


def test_an_html_heading_in_markdown_opens_its_section() -> None:
    text = (
        "## Experience\n\n<p>\n<strong>Ruby on Rails Developer</strong>\n<br>\n"
        "<em>Wave,</em> Toronto\n<br>\nDecember 2011 - May 2013\n</p>\n\n"
        "* Built the payroll service\n\n<h2>Languages, Technologies, and Techniques</h2>\n\n"
        "<div>\n  <ul>\n    <li>Ruby</li>\n    <li>MySQL administration</li>\n  </ul>\n</div>\n"
    )
    parsed = parse_resume(text)
    assert [len(r.bullets) for r in parsed.roles] == [1]
    assert "MySQL administration" in parsed.sections["skills"]


def test_jobs_from_the_top_of_a_page_with_no_experience_heading() -> None:
    text = (
        "## .Net Core Fullstack Developer\n### Coolblue BV Netherlands 2018-2019\n\n"
        "**Ecommerce Webshop**\n- .NET Core\n- Angular\n\n"
        "## Business Analyst\n### Cognizant BV Netherlands 2017-2018\n\n- PHP\n"
    )
    roles = parse_resume(text).roles
    assert [(r.header.split(" · ")[0], len(r.bullets)) for r in roles] == [
        (".Net Core Fullstack Developer", 2),
        ("Business Analyst", 1),
    ]


def test_jobs_nested_inside_a_list_item_keep_their_company_line() -> None:
    text = (
        "## Experience\n\n#### **Software Developer**\n[Codeminer42](https://x.example), "
        "Remote - (07/2020 - 06/2022)\n\n- A software boutique in Brazil.\n\n"
        "  #### **Contract Developer (Ruby)**\n  [StackSocial](https://y.example), Remote — "
        "(08/2021 - 06/2022)\n\n  - Coded features and fixed bugs.\n"
    )
    roles = parse_resume(text).roles
    assert [r.header for r in roles] == [
        "Software Developer · Codeminer42, Remote - (07/2020 - 06/2022)",
        "Contract Developer (Ruby) · StackSocial, Remote — (08/2021 - 06/2022)",
    ]


def test_a_word_heading_numbered_as_a_list_item_is_still_a_heading() -> None:
    document = docx.Document()
    document.add_heading("Experience", level=1)
    heading = document.add_heading("Contract Developer (Ruby)", level=4)
    numbering = OxmlElement("w:numPr")
    for tag in ("w:ilvl", "w:numId"):
        child = OxmlElement(tag)
        child.set(qn("w:val"), "0" if tag == "w:ilvl" else "1")
        numbering.append(child)
    heading._p.get_or_add_pPr().append(numbering)
    document.add_paragraph("StackSocial, Remote (08/2021 - 06/2022)")
    document.add_paragraph("Coded features and fixed bugs.", style="List Bullet")
    data = io.BytesIO()
    document.save(data)
    roles = parse_resume(read_resume_file("cv.docx", data.getvalue())).roles
    assert [r.header for r in roles] == [
        "Contract Developer (Ruby) · StackSocial, Remote (08/2021 - 06/2022)"
    ]
