"""The analysers' rules, one behaviour at a time."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.analysis import (
    analyse_bullet,
    analyse_bullets,
    analyse_resume,
    analyse_skills,
    analyse_summary,
    lexicon_for,
    match_resume,
)
from bot.analysis.lexicon import Lexicon
from bot.analysis.report import render_resume
from bot.analysis.skills import _length_bounds
from bot.feedback import review_feedback, skills_feedback, summary_feedback
from bot.knowledge import RoleKnowledge
from tests.conftest import DATA


@pytest.fixture(scope="module")
def lex(role: RoleKnowledge) -> Lexicon:
    return lexicon_for(role)


def test_weak_bullet_gets_ordered_advice_and_a_template(lex: Lexicon) -> None:
    report = analyse_bullet("Worked on backend services and fixed bugs.", lex)
    assert report.checks["strong_verb"] is False
    assert report.checks["weak_opener"] == "worked on"
    assert report.advice[0].startswith("Start with what you did")
    assert report.advice[1].startswith("Add the result")
    assert "[Action verb" in report.rewrite and "[result" in report.rewrite
    assert "backend services and fixed bugs" in report.rewrite


@pytest.mark.parametrize(
    "text",
    [
        "Worked on backend services and fixed bugs.",
        "Responsible for the payments API",
        "Helped with Kafka consumers for 3 teams",
        "I built stuff",
        "Built a Go service handling 2M requests a day",
    ],
)
def test_rewrite_template_never_invents_numbers_or_technologies(lex: Lexicon, text: str) -> None:
    report = analyse_bullet(text, lex)
    outside_brackets = re.sub(r"\[[^\]]*\]", "", report.rewrite)
    assert set(re.findall(r"\d+", outside_brackets)) <= set(re.findall(r"\d+", text))
    found = {s.name for s in lex.skills.technologies(outside_brackets)}
    assert found <= {s.name for s in lex.skills.technologies(text)}


def test_strong_bullet_scores_high(lex: Lexicon) -> None:
    report = analyse_bullet(
        "Cut p99 latency of the search API from 900 to 180 ms by adding Redis caching", lex
    )
    assert report.score >= 90
    assert report.checks["quantified"] and report.checks["names_technology"]


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("I built a REST API in Flask for 2 clients", "first_person"),
        ("Built an API", "too_short"),
        (" ".join(["Built"] + ["word"] * 60), "too_long"),
        (
            "Leveraged synergies to deliver various cutting-edge Django services for 5 teams",
            "buzzwords",
        ),
        ("The billing service was rewritten in Go by me, cutting costs 30%", "passive"),
    ],
)
def test_bullet_flags(lex: Lexicon, text: str, flag: str) -> None:
    assert analyse_bullet(text, lex).checks[flag]


def test_figures_count_as_words_for_length(lex: Lexicon) -> None:
    # Six words as a reader counts them: the figure is one of them.
    six = analyse_bullet("Wrote 40 integration tests with pytest", lex).checks
    assert six["word_count"] == 6 and not six["too_short"]
    five = analyse_bullet("Fixed 3 bugs in Django", lex).checks
    assert five["word_count"] == 5 and five["too_short"]


def test_role_level_checks(lex: Lexicon) -> None:
    report = analyse_bullets(
        [
            "Built a Go service for 3 teams",
            "Built a Kafka pipeline handling 2M events a day",
            "Builds dashboards in Grafana for 40 engineers",
        ],
        lex,
    )
    assert report.repeated_verbs == {"built": 3}
    assert report.mixed_tenses is True
    too_many = analyse_bullets([f"Built service {n} in Go for {n} users" for n in range(7)], lex)
    assert any("Keep the best 5" in line for line in too_many.advice)
    too_few = analyse_bullets(["Built a Go service for 3 teams"], lex)
    assert any("Add bullets" in line for line in too_few.advice)


def test_summary_checks(lex: Lexicon) -> None:
    report = analyse_summary(
        "Passionate, results-driven team player. Backend developer with over ten years "
        "building payment APIs in Java and Spring Boot that serve 3M users.",
        lex,
        "senior",
    )
    checks = report.checks
    assert checks["sentence_count"] == 2
    assert checks["mentions_years"] and checks["years"] == "over ten years"
    assert set(checks["cliches"]) == {"passionate", "results-driven", "team player"}
    assert {"Java", "Spring Boot"} <= set(checks["technologies"])
    assert report.advice[0].startswith("Cut")
    assert report.example


def test_summary_flags_frontend_first_and_tech_lists(lex: Lexicon) -> None:
    frontend = analyse_summary(
        "Developer building pixel-perfect UI with React, CSS and Figma. Some Node.js.", lex
    )
    assert frontend.checks["frontend_first"]
    listing = analyse_summary(
        "Python, Go, Java, Kotlin, Rust, Ruby, PHP, Scala, Docker, Kubernetes, AWS.", lex
    )
    assert listing.checks["tech_list_without_context"]


@pytest.mark.parametrize("typed", ["5+ years", "7 yrs", "over a decade", "three years", "12 years"])
def test_years_in_many_forms(lex: Lexicon, typed: str) -> None:
    text = f"Backend developer with {typed} of experience building APIs in Go."
    assert analyse_summary(text, lex).checks["mentions_years"]


def test_skills_are_parsed_normalised_and_grouped(lex: Lexicon) -> None:
    report = analyse_skills(
        "Languages: Python, Go and Java; kubernets / AWS\n• postgres, k8s\n- Teamwork, asdfqwer",
        lex,
    )
    as_json = report.as_json()
    names = [s["name"] for s in as_json["skills"]]
    assert names == [
        "Python",
        "Go",
        "Java",
        "Kubernetes",
        "AWS",
        "PostgreSQL",
        "Kubernetes",
        "Teamwork",
    ]
    assert [s["input"] for s in as_json["skills"]][3] == "kubernets"
    assert as_json["unknown"] == ["asdfqwer"]
    assert as_json["duplicates"] == ["Kubernetes"]
    assert any("Teamwork" in line and "bullets" in line for line in report.advice)


def test_skills_flags(lex: Lexicon) -> None:
    many = analyse_skills("Python, Go, Java, Rust, Ruby, PHP", lex)
    assert any("main languages" in line for line in many.advice)
    nothing = analyse_skills("Python, Django", lex)
    assert any("databases" in line for line in nothing.advice)
    assert any("cloud" in line for line in nothing.advice)
    typo = analyse_skills("Djangoo, Postgress, Kuberentes", lex)
    assert [s.name for s in typo.known] == ["Django", "PostgreSQL", "Kubernetes"]


def test_gibberish_is_never_forced_into_a_skill(lex: Lexicon) -> None:
    for junk in ("qwzx", "asdf123", "banana", "microwave", "Florbnik", "zzzzzzzz"):
        assert lex.skills.resolve(junk).skill is None, junk


def test_whole_resume_sections_and_cross_checks(lex: Lexicon) -> None:
    text = (DATA / "analysis" / "resumes" / "mid-python.md").read_text()
    report = analyse_resume(text, lex, "mid", today=date(2026, 11, 29))
    assert {"summary", "skills", "experience"} <= set(report.parsed.sections)
    assert report.roles and all(r.bullets for r, _ in report.roles)
    assert report.checks["word_count"] > 100
    assert report.checks["page_estimate"] >= 1
    assert set(report.scores) >= {"summary", "skills", "experience"}


def test_plain_text_headings_and_cross_section_advice(lex: Lexicon) -> None:
    resume = (
        "Jane Doe\nBackend Developer\n\nSUMMARY\nBackend developer with 5 years of Go.\n\n"
        "SKILLS\nGo, PostgreSQL, Rust, Kafka\n\nEXPERIENCE\nBackend Developer, Acme, 2012–2014\n"
        "- Built a Go billing service used by 40 shops\n- Built Redis caching for 2M lookups\n"
        "- Built dashboards for 3 teams\n"
    )
    report = analyse_resume(resume, lex, "junior", today=date(2026, 11, 29))
    checks = report.checks
    assert checks["sections_found"] == ["summary", "skills", "experience"]
    assert "Rust" in checks["skills_not_shown_in_bullets"]
    assert "Redis" in checks["technologies_missing_from_skills"]
    assert checks["overused_verbs"] == {"built": 3}
    assert checks["old_roles"]
    assert "projects" in checks["sections_missing"]


def test_page_estimate_against_the_level(lex: Lexicon) -> None:
    bullets = "\n".join(
        f"- Built service {n} in Go handling {n}k requests a day" for n in range(150)
    )
    report = analyse_resume(f"EXPERIENCE\nDev, Acme, 2020\n{bullets}", lex, "junior")
    assert report.checks["page_estimate"] > 1
    assert any("page" in line for line in report.advice)


def test_match_prefers_the_postings_spelling(lex: Lexicon) -> None:
    report = match_resume(
        "Built services in JavaScript and postgres.",
        "Must have: NodeJS, Postgres, Docker.",
        lex,
    )
    assert "Node.js" in report.required_missing
    assert any("“NodeJS”" in line for line in report.advice)
    assert "PostgreSQL" in report.matched


TEXTS = st.one_of(
    st.text(max_size=2000),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=500),
    st.sampled_from(
        ["", "🙂" * 300, "שלום עולם " * 50, "\x00\x01\x02\u202e", "<b>*_`", "\n\n\n", "a" * 100_000]
    ),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_gives_a_valid_report(role: RoleKnowledge, text: str) -> None:
    lex = lexicon_for(role)
    reports = [
        analyse_bullet(text, lex).as_json(),
        analyse_bullets(text.split("\n"), lex).as_json(),
        analyse_summary(text, lex).as_json(),
        analyse_skills(text, lex).as_json(),
        analyse_resume(text, lex).as_json(),
        match_resume(text, text, lex).as_json(),
    ]
    for report in reports:
        json.dumps(report)
        assert 0 <= report.get("score", 0) <= 100


def test_group_labels_with_and_are_not_read_as_skills(lex: Lexicon) -> None:
    # The draft writes skills back as "Group name: items"; reading it again must give the same.
    report = analyse_skills(
        "Cloud and infrastructure: Kubernetes, AWS\nMessaging and streaming: Kafka", lex
    )
    assert [s.name for s in report.known] == ["Kubernetes", "AWS", "Kafka"]
    assert not report.unknown


def _typos(lex: Lexicon) -> st.SearchStrategy[str]:
    """Known spellings with a letter dropped, doubled or swapped, and random words."""
    keys = sorted(lex.skills._keys)

    def mangle(key: str, at: int, how: int) -> str:
        i = at % max(1, len(key) - 1)
        edits = (
            key[:i] + key[i + 1 :],
            key[:i] + key[i] + key[i:],
            key[:i] + key[i + 1 : i + 2] + key[i] + key[i + 2 :],
        )
        return edits[how]

    mangled = st.builds(mangle, st.sampled_from(keys), st.integers(0, 40), st.integers(0, 2))
    return st.one_of(
        mangled, st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789+#", max_size=40)
    )


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_length_pruning_never_changes_a_fuzzy_answer(lex: Lexicon, data: st.DataObject) -> None:
    # Only spellings that cannot reach the cutoff are skipped, so the answer is the full scan's.
    key = data.draw(_typos(lex))
    index = lex.skills
    size = len(key)
    for cutoff in (70.0, 84.0):
        full = process.extract(key, index._keys, scorer=fuzz.ratio, limit=6, score_cutoff=cutoff)
        pruned = index._keys_sized(*_length_bounds(size, cutoff))
        assert process.extract(key, pruned, scorer=fuzz.ratio, limit=6, score_cutoff=cutoff) == [
            (k, score, pruned.index(k)) for k, score, _ in full
        ]
    for edits in (1, 2):
        full_best = process.extractOne(key, index._keys, scorer=OSA.distance, score_cutoff=edits)
        near = index._keys_sized(size - edits, size + edits)
        near_best = process.extractOne(key, near, scorer=OSA.distance, score_cutoff=edits)
        assert (full_best or (None,))[0] == (near_best or (None,))[0]


def test_counts_read_as_english(lex: Lexicon) -> None:
    one = analyse_summary("Backend developer with 5 years of Go building payment APIs.", lex)
    two = analyse_summary("Backend developer with 5 years of Go. I build payment APIs.", lex)
    assert "(1 sentence)" in "".join(span.text for span in summary_feedback(one))
    assert "(2 sentences)" in "".join(span.text for span in summary_feedback(two))
    short = analyse_resume("SUMMARY\nBackend developer with 5 years of Go.", lex)
    shown = "".join(span.text for span in review_feedback(short, "mid"))
    assert "about 1 page;" in shown and "aim for 2 pages at most" in shown


def test_the_review_says_when_skills_are_scored_against_the_bullets(lex: Lexicon) -> None:
    experience = (
        "EXPERIENCE\nBackend Developer, Acme, 2021 - now\n- Built billing APIs in Go for 3 teams"
    )
    shown = "".join(
        span.text
        for span in review_feedback(analyse_resume(f"SKILLS\nGo\n\n{experience}", lex), "mid")
    )
    assert "• Skills: " in shown and "checked against your bullets" not in shown
    apart = analyse_resume(f"SKILLS\nGo, Redis\n\n{experience}", lex)
    shown = "".join(span.text for span in review_feedback(apart, "mid"))
    assert "(checked against your bullets: see below)" in shown and "Redis" in shown


def test_an_acronym_that_is_also_a_word_counts_in_prose_only_in_capitals(lex: Lexicon) -> None:
    listed = analyse_skills("Python, REST, rest, gRPC", lex)
    assert [s.name for s in listed.known] == ["Python", "REST APIs", "gRPC"]
    said = [m.skill.name for m in lex.skills.mentions("Built REST endpoints in Go")]
    assert "REST APIs" in said
    assert not lex.skills.mentions("Handled the rest of the migration for the team")


def test_unrecognised_skills_are_shown_not_dropped(lex: Lexicon, role: RoleKnowledge) -> None:
    report = analyse_skills("Python, Django, PostgreSQL, Florbnik, Pyhton3k", lex)
    shown = "".join(span.text for span in skills_feedback(report, role.categories))
    assert "Other (not recognised): Florbnik" in shown
    # Each unknown item is said once, beside the list, not again among the fixes.
    assert shown.count("Florbnik") == 1
    assert "recognise" not in "".join(report.fixes)


def test_cross_section_advice_agrees_in_number(lex: Lexicon) -> None:
    one = analyse_resume(
        "SKILLS\nGo, PostgreSQL\nEXPERIENCE\nDev, Acme, 2021\n"
        "- Cut p99 latency of the Go API from 800 to 150 ms with Redis and PostgreSQL\n",
        lex,
    )
    assert "Your bullets use Redis, but your skills don't list it: add it." in one.advice
    two = analyse_resume(
        "SKILLS\nGo, PostgreSQL, Kafka, AWS\nEXPERIENCE\nDev, Acme, 2021\n"
        "- Cut p99 latency of the Go API from 800 to 150 ms with Redis and Memcached\n",
        lex,
    )
    assert any("skills don't list them: add them." in a for a in two.advice)
    # PostgreSQL (the only database) and AWS (the only cloud) are kept: dropping either would
    # lower the skills score, so the advice is to show them; Kafka may go.
    assert any(
        a.endswith("keep them listed, and show each in a bullet or a project.") for a in two.advice
    )
    assert any(a.endswith("show it in a bullet or drop it from the skills.") for a in two.advice)


def test_a_project_is_told_in_a_few_lines_not_held_to_a_jobs_bullet_count(lex: Lexicon) -> None:
    line = ["Built a REST API in Flask with PostgreSQL for 2,000 students"]
    assert not analyse_bullets(line, lex, project=True).advice
    as_a_job = analyse_bullets(line, lex)
    assert any(a.startswith("Add bullets") for a in as_a_job.advice)
    five = analyse_bullets(
        [f"Built part {n} of the API in Go with PostgreSQL for {n}00 users" for n in range(1, 6)],
        lex,
        project=True,
    )
    assert any(a.startswith("Keep a project to 3 lines") for a in five.advice)


def test_a_job_told_in_a_paragraph_is_named_in_the_review(lex: Lexicon) -> None:
    text = (
        "EXPERIENCE\nBackend Developer, Acme, 2021 - now\n"
        "Led the billing team and built the invoicing service in Go for our customers.\n\n"
        "Developer, Initech, 2018 - 2021\n- Built the billing API in Go for 3 teams\n"
    )
    advice = analyse_resume(text, lex).advice
    told = [a for a in advice if a.kind == "add_bullets"]
    assert len(told) == 1 and told[0] == advice[0]
    assert told[0].startswith("“Backend Developer, Acme, 2021 - now” is told in a paragraph")
    shown = render_resume(analyse_resume(text, lex), lex.role.categories, "mid")
    assert shown.count("No bullets to score") == 1
    with_bullets = text.replace("Led the billing", "- Led the billing")
    assert not [a for a in analyse_resume(with_bullets, lex).advice if a.kind == "add_bullets"]
