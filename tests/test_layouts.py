"""Resume layouts met on real pages: nested job headings, skills under kinds of tools."""

from __future__ import annotations

from bot.analysis import parse_resume

NESTED_JOBS = """## ViacomCBS
### Senior Software Engineer
#### April 2020 - Present

- Working in the architecture team

## Evolution Graphic
### Fullstack Developer
#### December 2013 - December 2014

- Fullstack web development using Ruby and PHP
"""


def test_company_title_and_dates_on_nested_headings_are_one_job() -> None:
    roles = parse_resume(NESTED_JOBS).roles
    assert [r.header for r in roles] == [
        "ViacomCBS · Senior Software Engineer · April 2020 - Present",
        "Evolution Graphic · Fullstack Developer · December 2013 - December 2014",
    ]


def test_headings_naming_kinds_of_tools_are_the_skills() -> None:
    parsed = parse_resume(
        f"{NESTED_JOBS}\n---\n\n"
        "### Backend Frameworks\n- Express.js\n\n### Databases\n- MySQL\n\n"
        "### Serverless\n- AWS Lambda\n\n### Content Management Systems\n- Umbraco\n"
    )
    skills = parsed.sections["skills"]
    assert all(name in skills for name in ("Express.js", "MySQL", "AWS Lambda", "Umbraco"))


def test_a_skills_heading_before_the_jobs_still_ends_at_the_first_job() -> None:
    parsed = parse_resume(
        "## Experience\n### Skill Set\n- Ruby\n\n"
        "### Acme\nDeveloper, 2019 - 2021\n- Wrote the API\n"
    )
    assert len(parsed.roles) == 1 and "Acme" in parsed.roles[0].header


def test_a_heading_typed_tight_with_closing_hashes_loses_them() -> None:
    parsed = parse_resume(
        "Skills\n------\n\n####Programming languages####\nC#, F#\n\n"
        "####Web and application servers####\nWindows server, IIS\n"
    )
    assert not any(
        "#" in text.replace("C#", "").replace("F#", "") for text in parsed.sections.values()
    )
    assert "Windows server, IIS" in parsed.sections["skills"]


def test_a_date_told_over_two_lines_is_one_date() -> None:
    parsed = parse_resume(
        "Experience\nJun. 2020\n(on-going)\nSenior Data Engineer, Lumapps, Paris\n"
        "○ Designed streaming data pipelines\nNov. 2015\nJun. 2020\n"
        "Senior Software Engineer, Murex, Paris\n○ Built pricing services\n"
        "Apr. – Sep.\n2015\nTools intern, Murex, Paris\n"
        "Developed a visualization tool to replay the load of market data.\n"
        "May – Aug.\n2014\nFullstack intern, Fidbacks, Paris\n○ Extended the scrapers\n"
    )
    assert [r.header.split(" · ")[0] for r in parsed.roles] == [
        "Jun. 2020 (on-going)",
        "Nov. 2015 – Jun. 2020",
        "Apr. – Sep. 2015",
        "May – Aug. 2014",
    ]


def test_bullets_pasted_as_glyphs_or_words_os_are_items() -> None:
    parsed = parse_resume(
        "## Experience\n\n### Acme, Developer, 2019 - 2021\n\n"
        "• Built the billing API\no Cut its latency by 40%\n"
    )
    assert parsed.roles[0].bullets == ("Built the billing API", "Cut its latency by 40%")


def test_a_dated_first_item_under_a_job_heading_is_its_header() -> None:
    roles = parse_resume(
        "## Work\n\n#### Backend Developer (Ruby)\n\n- Cyanna, Remote — (06/2021 - 08/2021)\n"
        "- Kept the compliance service running\n\n#### Intern\n\n- Agrosmart, 2020 - 2021\n"
        "- Wrote the field notebook API in 2020\n"
    ).roles
    assert [r.header for r in roles] == [
        "Backend Developer (Ruby) · Cyanna, Remote — (06/2021 - 08/2021)",
        "Intern · Agrosmart, 2020 - 2021",
    ]
    assert [len(r.bullets) for r in roles] == [1, 1]


def test_a_skills_heading_as_high_as_the_jobs_after_the_last_job_ends_them() -> None:
    parsed = parse_resume(
        "# Work\n\n#### Backend Developer\n\nAcme, 2019 - 2021\n\n- Built the billing API\n\n"
        "#### 💻 Technology\n\n- Proficiency: Ruby, Rails, Docker\n\n#### 🗣 Languages\n\n"
        "Portuguese: Native speaker\n"
    )
    assert len(parsed.roles) == 1 and parsed.roles[0].bullets == ("Built the billing API",)
    assert "Ruby, Rails, Docker" in parsed.sections["skills"]
