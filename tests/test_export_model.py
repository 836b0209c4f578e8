"""The document model: paper size, section order, links and dates in headers."""

from __future__ import annotations

from datetime import date

import pytest

from bot.export import (
    Education,
    Entry,
    Header,
    Link,
    Paper,
    ResumeDoc,
    Section,
    default_paper,
    education_first,
    normalise_url,
    section_order,
    to_text,
)
from bot.export.dates import experience_months, split_dates


@pytest.mark.parametrize(
    ("phone", "location", "paper"),
    [
        ("+1 415 555 0100", "", Paper.LETTER),
        ("+1-(604)-555-0100", "", Paper.LETTER),
        ("001 416 555 0100", "", Paper.LETTER),
        ("+44 20 7946 0000", "", Paper.A4),
        ("", "USA", Paper.LETTER),
        ("", "United States", Paper.LETTER),
        ("", "New York, NY", Paper.LETTER),
        ("", "Austin, TX 78701", Paper.LETTER),
        ("", "Toronto, Canada", Paper.LETTER),
        ("", "Vancouver, BC", Paper.LETTER),
        ("", "Montréal, Québec", Paper.LETTER),
        ("", "Remote (US)", Paper.LETTER),
        ("", "Chicago, IL", Paper.LETTER),
        ("+972 3 555 0100", "Tel Aviv, IL", Paper.A4),
        ("+49 30 1234567", "Berlin, DE", Paper.A4),
        ("", "Berlin, Germany", Paper.A4),
        ("", "Tbilisi, Georgia", Paper.A4),
        ("", "Mexico City, Mexico", Paper.A4),
        ("", "remote, open to relocation for us", Paper.A4),
        ("", "", Paper.A4),
    ],
)
def test_default_paper(phone: str, location: str, paper: Paper) -> None:
    assert default_paper(Header(phone=phone, location=location)) is paper


def _junior(*roles: Entry) -> ResumeDoc:
    return ResumeDoc(
        roles=list(roles), education=[Education("BSc", "SFSU", "2024")], level="junior"
    )


def test_education_comes_first_for_a_junior_with_little_experience() -> None:
    today = date.today().year
    intern = Entry("Backend Intern, Parcelly", ["x"], dates="Jun 2024 – Sep 2024")
    assert education_first(_junior(intern))
    assert section_order(_junior(intern)).index(Section.EDUCATION) < section_order(
        _junior(intern)
    ).index(Section.EXPERIENCE)
    assert education_first(_junior())  # no roles at all
    # Dates in the header count the same as dates given apart.
    assert education_first(_junior(Entry("Intern, Acme, 2024", ["x"])))
    # Two years of work: the work leads, even for a junior.
    two_years = Entry("Developer, Acme", ["x"], dates=f"{today - 2}–now")
    assert not education_first(_junior(two_years))
    # Without readable dates the number of roles decides.
    undated = Entry("Developer, Acme", ["x"])
    assert education_first(_junior(undated))
    assert not education_first(_junior(undated, Entry("Intern, Initech", ["y"])))
    # Mid and senior people: always after, whatever the dates.
    for level in ("mid", "senior", None):
        doc = ResumeDoc(roles=[intern], level=level)  # type: ignore[arg-type]
        assert not education_first(doc)


def test_explicit_order_wins_and_keeps_every_section() -> None:
    doc = ResumeDoc(
        summary="s",
        skills={"": ["Go"]},
        education=[Education("BSc")],
        order=[Section.EDUCATION, Section.SUMMARY],
    )
    assert section_order(doc)[:3] == (Section.EDUCATION, Section.SUMMARY, Section.SKILLS)
    assert [line for line in to_text(doc).splitlines() if line.isupper()] == [
        "EDUCATION",
        "SUMMARY",
        "SKILLS",
    ]


@pytest.mark.parametrize(
    ("raw", "url"),
    [
        ("github.com/zoe", "https://github.com/zoe"),
        ("http://GitHub.com/zoe/", "https://github.com/zoe/"),
        ("https://www.linkedin.com/in/zoë/", "https://www.linkedin.com/in/zo%C3%AB/"),
        ("https://münchen.de", "https://xn--mnchen-3ya.de"),
        ("zoe.dev:8443/cv", "https://zoe.dev:8443/cv"),
        ("javascript:alert(1)", None),
        ("mailto:zoe@example.com", None),
        ("ftp://example.com", None),
        ("my site.com", None),
        ("localhost", None),
        ("https://user:secret@example.com", None),
        ("", None),
    ],
)
def test_links_are_normalised_to_https(raw: str, url: str | None) -> None:
    assert normalise_url(raw) == url
    if url is not None:
        assert normalise_url(url) == url  # normalising twice changes nothing


def test_link_parse_labels_known_sites() -> None:
    assert Link.parse("github.com/zoe") == Link("GitHub", "https://github.com/zoe")
    assert Link.parse("linkedin.com/in/zoe") == Link("LinkedIn", "https://linkedin.com/in/zoe")
    assert Link.parse("zoe.dev", "Portfolio") == Link("Portfolio", "https://zoe.dev")
    assert Link.parse("zoe.dev") == Link("Website", "https://zoe.dev")
    assert Link.parse("not a link") is None


@pytest.mark.parametrize(
    ("header", "title", "dates"),
    [
        ("Backend Developer, Acme, 2021–now", "Backend Developer, Acme", "2021–now"),
        ("Backend Intern, Parcelly, 2024", "Backend Intern, Parcelly", "2024"),
        ("Engineer at Foo (Jan 2019 - Mar 2021)", "Engineer at Foo", "Jan 2019 - Mar 2021"),
        ("Dev | 03/2019 – 12/2020", "Dev", "03/2019 – 12/2020"),
        ("Dev, Acme, September 2019 to Present", "Dev, Acme", "September 2019 to Present"),
        ("Migration to Windows Server 2019", "Migration to Windows Server 2019", ""),
        ("rate-limiter (open source)", "rate-limiter (open source)", ""),
        ("2021–now", "2021–now", ""),
    ],
)
def test_dates_are_split_off_headers(header: str, title: str, dates: str) -> None:
    assert split_dates(header) == (title, dates)


def test_experience_months() -> None:
    today = date(2026, 6, 15)
    assert experience_months(["2021–now"], today) == 66
    assert experience_months(["2024"], today) == 12
    assert experience_months(["Jun 2024 – Sep 2024"], today) == 4
    assert experience_months(["2019–2021", "2020–2022"], today) == 48  # overlap counted once
    assert experience_months(["soon"], today) is None
    assert experience_months([], today) is None
