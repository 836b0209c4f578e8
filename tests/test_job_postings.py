"""Issue 14, point 5: a posting's required and nice-to-have technologies, as its author wrote them.

Headings in their real variety (Markdown or plain, bold or not), inline markers, sections that
ask for nothing, and the team's stack, which only mentions.
"""

from __future__ import annotations

import pytest

from bot.analysis import lexicon_for, match_resume
from bot.analysis.lexicon import Lexicon
from bot.analysis.match import JobKeyword
from bot.analysis.nice_markers import nice_spans
from bot.analysis.posting_sections import NICE, REQUIRED, heading_strength
from bot.knowledge import RoleKnowledge


@pytest.fixture(scope="module")
def lex(role: RoleKnowledge) -> Lexicon:
    return lexicon_for(role)


def _keywords(lex: Lexicon, posting: str) -> dict[str, JobKeyword]:
    return {k.name: k for k in match_resume("", posting, lex).keywords}


def _split(lex: Lexicon, posting: str) -> tuple[set[str], set[str], set[str]]:
    """Required, nice-to-have and only-mentioned names."""
    found = _keywords(lex, posting).values()
    return (
        {k.name for k in found if k.required},
        {k.name for k in found if not k.required and not k.mentioned},
        {k.name for k in found if k.mentioned},
    )


@pytest.mark.parametrize(
    "heading",
    [
        "## **Nice to have**",
        "## Nice-to-haves",
        "### Bonus points",
        "Bonus points if you have…",
        "Advantages:",
        "We'd be really excited if you've had:",
        "**Pluses**",
        "It would be great if you have:",
        "Desirable",
        "NICE TO HAVE",
        # Portuguese: "it's very interesting that you", "not essential, but we'd like to see".
        "## É muito interessante que você",
        "Não é fundamental, mas gostaríamos de ver:",
        # A CMS's front-matter key.
        "nicehave:",
    ],
)
def test_nice_to_have_headings_in_their_variety(lex: Lexicon, heading: str) -> None:
    posting = f"Requirements\n- Python and Django\n\n{heading}\n- Kafka\n- Redis\n"
    required, nice, _ = _split(lex, posting)
    assert required == {"Python", "Django"}
    assert nice == {"Kafka", "Redis"}


@pytest.mark.parametrize(
    "heading",
    [
        "## Requirements",
        "What you bring:",
        "**Must have**",
        "You have",
        "### Qualifications",
        "About you",
        "What we're looking for:",
        "We look for you to bring:",
        # Duties, not what the employer gives: "what you'll get" alone is the benefits.
        "### What you'll get to do",
        "We'd like to find somebody who:",
        "MINIMUM QUALIFICATIONS",
    ],
)
def test_required_headings_in_their_variety(lex: Lexicon, heading: str) -> None:
    posting = f"{heading}\n- Go and PostgreSQL\n\n## Nice to have\n- Kubernetes\n"
    required, nice, _ = _split(lex, posting)
    assert required == {"Go", "PostgreSQL"}
    assert nice == {"Kubernetes"}


@pytest.mark.parametrize(
    "heading",
    [
        "## Benefits",
        "What we offer",
        "**Perks:**",
        "## About us",
        "Our culture",
        "Why join us?",
        "### Salary",
        "## How to apply",
        "offer:",
    ],
)
def test_sections_that_ask_for_nothing_give_no_keywords(lex: Lexicon, heading: str) -> None:
    posting = (
        f"## Requirements\n- Java\n\n{heading}\n"
        "- A MacBook, and Slack, Jira and Docker courses on us\n"
    )
    assert set(_keywords(lex, posting)) == {"Java"}


def test_the_stack_section_only_mentions(lex: Lexicon) -> None:
    posting = (
        "## Our stack\n- **Backend:** Java, Micronaut\n- **Datastore:** Kafka, Elasticsearch\n\n"
        "## What we're looking for\n- 7+ years of Java\n- Kafka\n\n"
        "## Bonus points\n- Micronaut\n"
    )
    required, nice, mentioned = _split(lex, posting)
    assert required == {"Java", "Kafka"}
    assert nice == {"Micronaut"}
    assert mentioned == {"Elasticsearch"}


def test_a_sentence_about_the_stack_outside_the_requirements_only_mentions(lex: Lexicon) -> None:
    posting = (
        "We are using a modern stack of technologies like PostgreSQL, Kafka and Grafana.\n\n"
        "## Requirements\n- Kotlin and Kafka\n"
    )
    required, _, mentioned = _split(lex, posting)
    assert required == {"Kotlin", "Kafka"}
    assert mentioned == {"PostgreSQL", "Grafana"}


def test_preferred_qualifications_beside_requirements_are_nice(lex: Lexicon) -> None:
    posting = "## Minimum qualifications\n- Python\n\n## Preferred qualifications\n- Go\n"
    required, nice, _ = _split(lex, posting)
    assert (required, nice) == ({"Python"}, {"Go"})


def test_preferred_qualifications_alone_are_the_requirements(lex: Lexicon) -> None:
    posting = "## Preferred qualifications and skills\n- TypeScript\n\n## Nice to have\n- NestJS\n"
    required, nice, _ = _split(lex, posting)
    assert (required, nice) == ({"TypeScript"}, {"NestJS"})


@pytest.mark.parametrize(
    ("line", "required", "nice"),
    [
        ("Cloud experience with AWS or GCP (Azure preferred)", {"AWS", "GCP"}, {"Azure"}),
        ("Knowledge of version control – preferably Git", {"Version control"}, {"Git"}),
        ("Kubernetes experience is a big plus", set(), {"Kubernetes"}),
        ("Expertise in Kotlin, and bonus if you have Java skills", {"Kotlin"}, {"Java"}),
        ("Highly desirable familiarity with Kubernetes and Helm", set(), {"Kubernetes", "Helm"}),
        ("Python is required, and Go is a plus", {"Python"}, {"Go"}),
        ("Experience with AWS, GCP or Azure is an advantage", set(), {"AWS", "GCP", "Azure"}),
        (
            "Knowledge of the frontend stack would be a plus: react, react-redux, TypeScript",
            set(),
            {"React", "Redux", "TypeScript"},
        ),
        ("Kafka is a plus; Go and PostgreSQL are a must", {"Go", "PostgreSQL"}, {"Kafka"}),
    ],
)
def test_inline_markers_make_their_own_clause_nice(
    lex: Lexicon, line: str, required: set[str], nice: set[str]
) -> None:
    got_required, got_nice, _ = _split(lex, f"## Requirements\n- {line}\n")
    assert (got_required, got_nice) == (required, nice)


def test_a_word_bullet_before_an_inline_marker_is_no_word_of_the_clause(lex: Lexicon) -> None:
    posting = "## Qualifications\n\no C#\no Nice to have (SignalR, .NET Core)\n"
    required, nice, _ = _split(lex, posting)
    assert "C#" in required and "SignalR" in nice


def test_words_that_only_look_like_markers_are_not(lex: Lexicon) -> None:
    assert nice_spans("Take advantage of AWS credits") == ()
    assert nice_spans("Python plus Django for the admin") == ()
    posting = "## Requirements\n- Python plus Django\n- Take advantage of AWS\n"
    required, nice, _ = _split(lex, posting)
    assert required == {"Python", "Django", "AWS"} and not nice


def test_a_label_line_heads_only_itself(lex: Lexicon) -> None:
    posting = (
        "Location: Remote\nSalary: up to 100k\nWe need Go and PostgreSQL.\nNice to have: Redis."
    )
    required, nice, _ = _split(lex, posting)
    assert (required, nice) == ({"Go", "PostgreSQL"}, {"Redis"})


@pytest.mark.parametrize(
    ("text", "strength"),
    [
        ("Nice to have", NICE),
        ("What would make you stand out", NICE),
        ("Requirements", REQUIRED),
        ("Who you are", REQUIRED),
        ("Who we are", 0),
        ("What you'll do", None),
    ],
)
def test_heading_strength(text: str, strength: int | None) -> None:
    assert heading_strength(text) == strength


def test_verbs_in_a_posting_are_not_tools(lex: Lexicon) -> None:
    posting = (
        "## What you will do\n- Make business and technical decisions\n"
        "- Express interest in the data space\n- Spring into action when things break\n"
        "- Share what you learn with the rest of the team\n\n## Requirements\n- Go and C\n"
    )
    assert set(_keywords(lex, posting)) == {"Go", "C"}


def test_html_and_css_are_found(lex: Lexicon) -> None:
    required, _, _ = _split(lex, "## Requirements\n- HTML/CSS, Sass and JavaScript\n")
    assert required == {"HTML", "CSS", "Sass", "JavaScript"}


def test_a_stack_only_technology_is_advised_as_such(lex: Lexicon) -> None:
    posting = "## Our stack\n- Elasticsearch\n\n## Requirements\n- Java\n"
    advice = match_resume("Java developer", posting, lex).advice
    assert any("names in its stack" in line and "Elasticsearch" in line for line in advice)


def test_a_product_only_wanted_stays_apart_from_a_family_required(lex: Lexicon) -> None:
    posting = "## Requirements\n- AWS: S3 and ECS\n\n## Nice to have\n- Amazon SQS\n"
    found = _keywords(lex, posting)
    assert found["AWS"].required and set(found["AWS"].members) == {"Amazon S3", "Amazon ECS"}
    assert not found["Amazon SQS"].required


@pytest.mark.parametrize(
    ("line", "nice"),
    [
        ("Kafka (nice to have)", {"Kafka"}),
        ("Experience with Go, Kafka (a plus) and Redis", {"Kafka"}),
        ("Kafka – nice to have", {"Kafka"}),
        ("Knowledge of Terraform would be beneficial", {"Terraform"}),
        ("It would be great to have Kafka experience", {"Kafka"}),
    ],
)
def test_markers_after_what_they_cover(lex: Lexicon, line: str, nice: set[str]) -> None:
    _, got, _ = _split(lex, f"## Requirements\n- {line}\n")
    assert got == nice


@pytest.mark.parametrize(
    ("line", "required", "nice"),
    [
        ("Java; Docker and Helm would be added advantage", {"Java"}, {"Docker", "Helm"}),
        ("Laravel, Redis, Node.js (big plus)", {"Laravel", "Redis"}, {"Node.js"}),
        ("Go is required; Kafka is plus", {"Go"}, {"Kafka"}),
        ("Rust. Proficiency in Python is a significant advantage.", {"Rust"}, {"Python"}),
        ("We highly appreciate experience with MongoDB and Redis", set(), {"MongoDB", "Redis"}),
        ("Python. Kubernetes is a valuable addition.", {"Python"}, {"Kubernetes"}),
        ("Considered a plus: backups of: Terraform, Ansible", set(), {"Terraform", "Ansible"}),
        ("Java is considered a plus", set(), {"Java"}),
    ],
)
def test_markers_without_their_article_or_with_words_around(
    lex: Lexicon, line: str, required: set[str], nice: set[str]
) -> None:
    got_required, got_nice, _ = _split(lex, f"## Requirements\n- {line}\n")
    assert (got_required, got_nice) == (required, nice)


def test_plus_and_advantage_in_ordinary_sentences_are_not_markers() -> None:
    assert nice_spans("Python plus Django for the admin") == ()
    assert nice_spans("Built a competitive advantage with Go") == ()


def test_preferred_skills_as_the_only_list_are_the_requirements(lex: Lexicon) -> None:
    posting = "## about the role\nGreat team.\n\n## preferred skills and qualifications\n- Scala\n"
    required, nice, _ = _split(lex, posting)
    assert (required, nice) == ({"Scala"}, set())


def test_a_lower_case_list_of_protocols_is_read(lex: Lexicon) -> None:
    required, _, _ = _split(lex, "## Requirements\n- Experience with protocols ( grpc, rest )\n")
    assert required == {"gRPC", "REST APIs"}


@pytest.mark.parametrize(
    "heading",
    ["We would love to hear from you if:", "**What you should bring** :", "You must bring"],
)
def test_headings_that_ask_in_other_words(lex: Lexicon, heading: str) -> None:
    posting = f"{heading}\n- Go and gRPC\n\n## Nice to have\n- Go and Kafka\n"
    required, nice, _ = _split(lex, posting)
    assert (required, nice) == ({"Go", "gRPC"}, {"Kafka"})


def test_prose_after_a_requirements_list_is_not_a_requirement(lex: Lexicon) -> None:
    posting = (
        "### Who you are\n- You know Go\n\n"
        "The team runs a dockerized platform in the cloud and ships many times a day.\n\n"
        "### Nice to have\n- Docker\n"
    )
    required, nice, _ = _split(lex, posting)
    assert (required, nice) == ({"Go"}, {"Docker"})


def test_an_encouraged_practice_is_nice(lex: Lexicon) -> None:
    posting = "## Requirements\n- Ruby. Opinions on service-oriented architecture are encouraged.\n"
    required, nice, _ = _split(lex, posting)
    assert (required, nice) == ({"Ruby"}, {"Service-oriented architecture"})


def test_a_long_line_over_a_list_that_says_what_follows_heads_it(lex: Lexicon) -> None:
    posting = (
        "### Requirements\n- Ruby\n\n"
        "**If your experience includes the following, it would be great**\n\n- Redis\n- MySQL\n"
    )
    required, nice, _ = _split(lex, posting)
    assert (required, nice) == ({"Ruby"}, {"Redis", "MySQL"})


def test_a_trait_the_candidate_appreciates_is_no_marker(lex: Lexicon) -> None:
    posting = "## What we look for\n- Appreciate the value of TDD, even if rusty (we use RSpec)\n"
    required, nice, _ = _split(lex, posting)
    assert "TDD" in required and "TDD" not in nice


def test_escaped_dash_lines_are_items_not_headings(lex: Lexicon) -> None:
    posting = (
        "**Requirements**\n\n\\- PHP and Laravel\n\n**Nice to have**\n\n"
        "\\- Experience with Docker\n\n\\- Experience with CI/CD\n\n"
        "**Responsibilities**\n\n\\- Build REST APIs\n"
    )
    required, nice, _ = _split(lex, posting)
    assert nice == {"Docker", "CI/CD"}
    assert required == {"PHP", "Laravel", "REST APIs"}


@pytest.mark.parametrize(
    ("heading", "strength"),
    [
        ("Great if you have", NICE),
        ("Nice if you have:", NICE),
        ("Good-to-haves", NICE),
        ("What sets you apart", NICE),
        ("Cherry on top", NICE),
        ("You'll need", REQUIRED),
        ("Is this you?", REQUIRED),
        ("What we want from you", REQUIRED),
        ("Your toolkit", REQUIRED),
        ("Our expertise", None),
    ],
)
def test_more_headings_in_their_variety(heading: str, strength: int | None) -> None:
    assert heading_strength(heading) == strength


@pytest.mark.parametrize(
    "line",
    [
        "Kafka would help",
        "Kafka would be appreciated",
        "Kafka experience would give you an edge",
        "Extra points for Kafka",
        "Kafka counts in your favour",
        "We'd love it if you know Kafka",
        "It's nice if you know Kafka",
        "Kafka is good-to-have",
    ],
)
def test_more_inline_markers_in_their_variety(lex: Lexicon, line: str) -> None:
    required, nice, _ = _split(lex, f"## Requirements\n- Python\n- {line}\n")
    assert (required, nice) == ({"Python"}, {"Kafka"})


def test_a_tool_that_helps_the_team_is_still_asked_for(lex: Lexicon) -> None:
    required, _, _ = _split(lex, "## Requirements\n- Kafka helps us scale the platform\n")
    assert required == {"Kafka"}


def test_protocols_and_stacks_named_in_a_posting_are_found(lex: Lexicon) -> None:
    posting = (
        "## Requirements\n- LAMP stack, SMTP and JSON-RPC\n- Graphene or Strawberry GraphQL\n"
        "\nWe plan in Trello, Pivotal or Jira. You played a pivotal role before.\n"
    )
    found = _keywords(lex, posting)
    assert {"LAMP", "SMTP", "JSON-RPC", "Graphene", "Strawberry GraphQL"} <= set(found)
    assert "Pivotal Tracker" in found  # in a list of tools
    alone = _keywords(lex, "## Requirements\n- You played a pivotal role in a platform team.\n")
    assert "Pivotal Tracker" not in alone


def test_a_requirement_that_points_at_the_stack_asks_for_it(lex: Lexicon) -> None:
    posting = (
        "### Technology Stack\n\nElixir, Phoenix Framework, Postgres, Docker\n\n"
        "### Requirements\n\nBasic knowledge of stack technologies. Knowledge of Kubernetes "
        "and Terraform is a bonus.\n"
    )
    required, nice, _ = _split(lex, posting)
    assert {"Elixir", "Phoenix", "PostgreSQL", "Docker"} <= required
    assert nice == {"Kubernetes", "Terraform"}
    # Without the pointer, the stack is only mentioned.
    alone = posting.replace("Basic knowledge of stack technologies. ", "")
    assert {"Elixir", "Docker"} <= _split(lex, alone)[2]


def test_lines_pasted_into_one_markdown_paragraph_keep_their_headings(lex: Lexicon) -> None:
    # A posting pasted from a job page: each line its own, no list marks, no blank lines.
    intro = "We are an energy company. " * 12
    posting = (
        f"**Backend Engineer**\n\n{intro.strip()}\nWhat You'll Need\n\n"
        "General interest in technology and problem-solving; Diligent and thoughtful.\n"
        "Good communication skills\nPython\nDjango\nPostgres\n"
        "Plus experience in the following would be a bonus:\nAWS\nTerraform, Packer\n"
    )
    required, nice, _ = _split(lex, posting)
    assert {"Python", "Django", "PostgreSQL"} <= required
    assert nice == {"AWS", "Terraform", "Packer"}


def test_a_paragraph_wrapped_by_its_author_is_still_one_sentence(lex: Lexicon) -> None:
    posting = (
        "## Nice to have\n"
        "Experience running services on Kubernetes in production and operating them with\n"
        "Terraform across several regions.\n"
    )
    _, nice, _ = _split(lex, posting)
    assert nice == {"Kubernetes", "Terraform"}


def test_a_marker_after_a_closed_list_covers_the_list(lex: Lexicon) -> None:
    posting = (
        "## Requirements\n- Ruby on Rails (mandatory).\n"
        "- Knowledge of Vue.js, React, Solr, and advanced SQL (nice to have).\n"
    )
    required, nice, _ = _split(lex, posting)
    assert "Ruby on Rails" in required
    assert {"Vue.js", "React", "Apache Solr"} <= nice


def test_a_label_line_inside_nice_to_have_stays_nice(lex: Lexicon) -> None:
    posting = (
        "### Requirements:\nKnowledge in Git and Linux.\n\n"
        "### Nice to have:\nExperience with cloud services: AWS, GCE, or Azure;\n"
    )
    required, nice, _ = _split(lex, posting)
    assert {"Git", "Linux"} <= required and {"AWS", "Azure"} <= nice


def test_an_empty_requirements_heading_leaves_desired_skills_the_requirements(
    lex: Lexicon,
) -> None:
    posting = (
        "## Job requirements\n\n## Desired skills:\n\n*   Knowledge of Go.\n"
        "*   Experience with Docker (nice to have).\n"
    )
    required, nice, _ = _split(lex, posting)
    assert ("Go" in required, "Docker" in nice) == (True, True)


def test_portuguese_headings_and_items_typed_without_a_space(lex: Lexicon) -> None:
    posting = (
        "## Requisitos\n\n- NodeJS, Typescript;\n- MongoDB;\n\n**Diferenciais:**\n"
        "-Experience with Pipelines CI/CD;\n-Familiar with the AWS ecosystem;\n\n"
        "## Benefícios\n\n- Docker swag\n"
    )
    required, nice, _ = _split(lex, posting)
    assert {"Node.js", "TypeScript", "MongoDB"} <= required
    assert {"CI/CD", "AWS"} <= nice and "Docker" not in required | nice


def test_a_posting_told_in_its_front_matter_keys(lex: Lexicon) -> None:
    posting = (
        "---\ntitle: Software Engineer (Rust)\noffers:\n  - Docker stickers\ndesiredSkills:\n"
        "  - Experience with Linux and Kubernetes\nrequiredSkills:\n"
        "  - Designing REST or gRPC APIs\n  - Nice to have - Experience with Jackson\n---\n"
    )
    required, nice, _ = _split(lex, posting)
    assert {"Rust", "gRPC"} <= required
    assert {"Linux", "Kubernetes", "Jackson"} <= nice and "Docker" not in required | nice


def test_full_stack_is_no_stack_section_and_tight_headings_are_headings(lex: Lexicon) -> None:
    posting = (
        "##Job Description\nWe build web apps.\n\n## Requirements:\n"
        "+\tAdvanced full-stack experience with: Ruby/Ruby on Rails, Python/Django\n\n"
        "####Highly desirable:\n* Git\n"
    )
    required, nice, _ = _split(lex, posting)
    assert {"Ruby", "Ruby on Rails", "Python", "Django"} <= required and nice == {"Git"}
