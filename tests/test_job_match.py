"""Issue 12, point 6: a job match a person can act on.

The tests above the evaluation were written before the fix; each reproduces one problem.
"""

from __future__ import annotations

import pytest
import yaml

from bot.analysis import lexicon_for, match_resume
from bot.analysis.lexicon import Lexicon
from bot.knowledge import RoleKnowledge
from tests.conftest import DATA

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
    advice = [line.casefold() for line in match_resume(FIT, POSTING, lex).advice]
    first_duty = next(i for i, line in enumerate(advice) if "code review" in line)
    technologies = [i for i, line in enumerate(advice) if "rabbitmq" in line or "s3" in line]
    # The technologies the resume lacks come first; duties after every one of them.
    assert technologies == [0, 1], advice
    assert first_duty > max(technologies), advice


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


# The evaluation: three postings of our own, each with a resume that holds every required
# technology and a weak one. Run with -s to see each score and its first three fixes.
JOBS = ("python-orders", "node-serverless", "java-junior")


def _job(name: str) -> dict[str, str]:
    loaded: dict[str, str] = yaml.safe_load(
        (DATA / "analysis" / "jobs" / f"{name}.yaml").read_text()
    )
    return loaded


@pytest.mark.parametrize("name", JOBS)
def test_three_postings_strong_and_weak(lex: Lexicon, name: str) -> None:
    job = _job(name)
    strong = match_resume(job["resume"], job["posting"], lex)
    weak = match_resume(job["weak_resume"], job["posting"], lex)
    for label, report in (("strong", strong), ("weak", weak)):
        print(f"\n{name} ({label}): {report.score}/100")
        for number, line in enumerate(report.advice[:3], 1):
            print(f"  {number}. {line}")
    required = {k.name for k in strong.keywords if k.required and k.kind == "technology"}
    assert required <= set(strong.matched)
    assert strong.score >= 80
    assert weak.score < strong.score
    # The weak resume's first fix is a required technology it lacks.
    first = next(k for k in weak.keywords if k.name in weak.missing and k.name in required)
    assert first.term in weak.advice[0]


@pytest.mark.parametrize("name", JOBS)
def test_naming_every_required_technology_is_enough_for_80(lex: Lexicon, name: str) -> None:
    job = _job(name)
    keywords = match_resume("", job["posting"], lex).keywords
    core = [k for k in keywords if k.required and k.kind == "technology"]
    # Only the required technologies, one per line, and nothing else the posting asks for.
    resume = "\n".join(k.members[0] if k.members else k.name for k in core)
    assert match_resume(resume, job["posting"], lex).score >= 80
