"""Sample resumes for the export benchmark, the rendered previews and the export tests."""

from __future__ import annotations

from bot.export import Certification, Education, Entry, Header, Link, ResumeDoc

_SENIOR_ROLES = [
    (
        "Staff Backend Engineer, Acme Payments, Berlin, 2022–now",
        [
            "Cut p99 latency of the checkout API from 800 ms to 120 ms by adding Redis caching "
            "and batching PostgreSQL queries, for 4M requests a day",
            "Led the move of 40 services from MySQL 5.7 to PostgreSQL 16 with zero downtime, "
            "using logical replication and dual writes behind feature flags",
            "Designed the idempotency layer for card payments that ended double charges "
            "(about 300 a month before) across three payment providers",
            "Mentored 6 engineers; two were promoted to senior within 18 months",
            "Wrote the incident review process the company adopted; time to mitigate fell "
            "from 95 to 30 minutes over a year",
        ],
    ),
    (
        "Senior Backend Developer, Parcelly, Warsaw, 2019–2022",
        [
            "Built the parcel tracking platform in Go and Kafka, processing 25M events a day "
            "for 1,200 partner shops",
            "Replaced a nightly batch with streaming updates, so customers saw status changes "
            "within 5 seconds instead of the next morning",
            "Reduced AWS costs by 38% (USD 41k a month) by right-sizing Kubernetes workloads "
            "and moving cold data to S3 Glacier",
            "Introduced contract tests between 14 services, cutting integration incidents by 60%",
        ],
    ),
    (
        "Backend Developer, Initech, Kraków, 2016–2019",
        [
            "Wrote the billing service in Python and Django that invoices 2M customers a month",
            "Automated the month-end reconciliation that took finance 3 days, now 20 minutes",
            "Added tracing with OpenTelemetry to 12 services, finding the 3 slowest endpoints",
            "Moved the CI pipeline from Jenkins to GitLab CI, halving build times to 9 minutes",
        ],
    ),
    (
        "Junior Developer, Softhouse, Gdańsk, 2014–2016",
        [
            "Maintained REST APIs for a logistics client in Java and Spring",
            "Wrote integration tests that raised coverage from 35% to 80%",
            "Fixed 120 production bugs, keeping the support backlog under 20 tickets",
        ],
    ),
]
_SENIOR_PROJECTS = [
    (
        "pg-queue (open source), 2021–now",
        [
            "A PostgreSQL-backed job queue for Python with SKIP LOCKED; 1,900 GitHub stars and "
            "used in production by 30 companies",
            "Kept the p99 enqueue time under 2 ms at 5,000 jobs a second in benchmarks",
        ],
    ),
    (
        "Talk: Zero-downtime database migrations, PyCon PL, 2023",
        ["45-minute talk to 400 people; slides and code on GitHub"],
    ),
]


def senior_sample() -> ResumeDoc:
    """A realistic two-page senior resume, with a name in Latin script with diacritics."""
    return ResumeDoc(
        header=Header(
            name="Zoë Łukasiewicz-Nguyễn",
            title="Senior Backend Developer",
            email="zoe.nguyen@example.com",
            phone="+49 30 1234 5678",
            location="Berlin, Germany",
            links=[
                Link("GitHub", "github.com/zoe-ln"),
                Link("LinkedIn", "https://www.linkedin.com/in/zoe-ln/"),
                Link("Portfolio", "zoe.dev"),
            ],
        ),
        summary=(
            "Backend engineer with 11 years of Python and Go, building payment and logistics "
            "platforms that handle millions of requests a day. I make slow systems fast and "
            "risky migrations boring, and I grow the engineers around me.\n"
            "Looking for a staff or principal role on a platform team."
        ),
        skills={
            "Languages": ["Python", "Go", "SQL", "Java"],
            "Frameworks": ["Django", "FastAPI", "gRPC", "Spring"],
            "Databases": ["PostgreSQL", "MySQL", "Redis", "Kafka"],
            "Cloud & DevOps": ["AWS", "Kubernetes", "Terraform", "Docker", "GitLab CI"],
            "Practices": ["Observability (OpenTelemetry)", "Incident response", "Code review"],
        },
        roles=[Entry(header, bullets) for header, bullets in _SENIOR_ROLES],
        projects=[Entry(header, bullets) for header, bullets in _SENIOR_PROJECTS],
        education=[
            Education(
                "MSc Computer Science",
                "Warsaw University of Technology",
                "2012–2014",
                "Thesis on distributed consensus; graduated with honours",
            ),
            Education("BSc Computer Science", "Jagiellonian University", "2009–2012"),
        ],
        certifications=[
            Certification("AWS Certified Solutions Architect – Professional", "AWS", "2023"),
            Certification("Certified Kubernetes Application Developer", "CNCF", "2021"),
        ],
        level="senior",
    )


def junior_sample() -> ResumeDoc:
    """A one-page junior resume: one internship, so Education comes before Experience."""
    return ResumeDoc(
        header=Header(
            name="王小明",
            title="Junior Backend Developer",
            email="xiaoming.wang@example.com",
            phone="+1 (415) 555-0100",
            location="San Francisco, CA",
            links=[Link("GitHub", "github.com/xiaoming-w")],
        ),
        summary=(
            "Junior backend developer who built REST APIs with Node.js and PostgreSQL during an "
            "internship. Comfortable with authentication flows and writing integration tests."
        ),
        skills={
            "Languages": ["JavaScript", "TypeScript", "Python", "SQL"],
            "Frameworks": ["Express", "FastAPI", "Jest"],
            "Tools": ["PostgreSQL", "Docker", "Git"],
        },
        roles=[
            Entry(
                "Backend Intern, Parcelly",
                [
                    "Built REST endpoints in Express for parcel tracking used by 3 partner shops",
                    "Wrote 40 integration tests with Jest, catching 6 regressions before release",
                ],
                dates="Jun 2024 – Sep 2024",
            )
        ],
        projects=[
            Entry(
                "Recipe API, Python, FastAPI, PostgreSQL",
                ["Designed a FastAPI service with JWT auth serving 2k recipes"],
            )
        ],
        education=[
            Education(
                "BSc Computer Science",
                "San Francisco State University",
                "Expected 2025",
                "GPA 3.7/4.0; Dean's List 2023, 2024",
            )
        ],
        certifications=[Certification("AWS Certified Cloud Practitioner", "AWS", "2024")],
        level="junior",
    )


def long_resume(roles: int, bullets: int = 4, seed: int = 0) -> ResumeDoc:
    """A resume long enough to break pages at many positions: bullets of varied lengths."""
    words = "built designed cut latency migrated PostgreSQL services Kafka tests reliable".split()
    made = []
    for r in range(roles):
        lines = []
        for b in range(bullets + (r + seed) % 3):
            length = 6 + ((r * 7 + b * 5 + seed) % 29)
            lines.append(f"Bullet {r}.{b} " + " ".join(words[(i + b) % 10] for i in range(length)))
        made.append(Entry(f"Role {r} title, Company {r}", lines, dates=f"{2000 + r}–{2001 + r}"))
    return ResumeDoc(
        header=Header(name="Ольга Петрова", title="Backend Developer", email="olga@example.com"),
        summary="Backend developer. " * (1 + seed % 4),
        skills={"Languages": ["Python", "Go"]},
        roles=made,
        education=[Education("MSc Computer Science", "Moscow State University", "2000")],
        level="mid",
    )
