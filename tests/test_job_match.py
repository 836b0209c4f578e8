"""Issue 12, point 6: a job match a person can act on.

The tests above the evaluation were written before the fix; each reproduces one problem.
"""

from __future__ import annotations

import pytest

from bot.analysis import lexicon_for, match_resume
from bot.analysis.lexicon import Lexicon
from bot.knowledge import RoleKnowledge

POSTING = """Backend Engineer (Python), Orders team

What you will do
- Build and run the order services behind our shop in Python and Django
- Review pull requests: code reviews are how we share what we know
- Join the on-call rotation for the services your team owns (one week in eight)
- Move slow work out of requests and onto message queues

Requirements
- 3+ years with Python, Django and Django REST Framework
- PostgreSQL and solid SQL
- Redis and Celery for caching and background work
- Tests written with pytest
- Docker, Git and CI/CD

Nice to have
- RabbitMQ
- AWS: ECS, S3 and RDS
"""

# Every technology the posting requires, nothing it only would like.
FIT = """SUMMARY
Backend developer with 5 years of experience building order and payment APIs in Python and
Django. Owned the checkout service end to end, serving 2M requests a day.

SKILLS
Python, SQL, Django, Django REST Framework, Celery, pytest, PostgreSQL, Redis, Docker,
GitHub Actions, Git

EXPERIENCE
Backend Developer, Shopfront, 2021 – Present
- Built a Django REST Framework API for 300 merchants that takes 40,000 orders a day
- Moved 30 slow request paths to Celery workers with Redis, cutting p95 latency by 70%
- Cut the slowest PostgreSQL report from 12 s to 400 ms with two partial indexes
- Set up GitHub Actions for 8 repositories, running pytest and building Docker images in 6 min
"""


@pytest.fixture(scope="module")
def lex(role: RoleKnowledge) -> Lexicon:
    return lexicon_for(role)


def test_a_resume_with_every_required_technology_scores_at_least_80(lex: Lexicon) -> None:
    assert match_resume(FIT, POSTING, lex).score >= 80


def test_the_first_fixes_are_technologies_not_duties(lex: Lexicon) -> None:
    first = " ".join(match_resume(FIT, POSTING, lex).advice[:3]).casefold()
    for duty in ("code review", "on-call", "message queue"):
        assert duty not in first, first


def test_duties_are_advice_for_bullets_not_for_the_skills_line(lex: Lexicon) -> None:
    advice = match_resume(FIT, POSTING, lex).advice
    on_call = [line for line in advice if "on-call" in line.casefold()]
    assert on_call, advice
    for line in on_call:
        assert "bullet" in line and "skills" not in line, line


def test_ci_cd_is_satisfied_by_a_ci_tool(lex: Lexicon) -> None:
    report = match_resume(FIT, POSTING, lex)
    assert "CI/CD" in report.matched
    assert "CI/CD" not in report.missing


def test_the_services_of_one_cloud_are_one_fix(lex: Lexicon) -> None:
    advice = match_resume(FIT, POSTING, lex).advice
    about_aws = [line for line in advice if "S3" in line or "ECS" in line or "RDS" in line]
    assert len(about_aws) == 1, about_aws
    assert all(service in about_aws[0] for service in ("ECS", "S3", "RDS"))
