"""Issue 14, point 4: technologies recognised, short names in context, words and verbs not tools.

Each test names the case it guards; both sides of every rule are tested: what must be a
technology and what must stay a word.
"""

from __future__ import annotations

import pytest

from bot.analysis import analyse_bullet, lexicon_for
from bot.analysis.lexicon import Lexicon
from bot.analysis.skill_items import split_skill_items
from bot.analysis.skills_section import analyse_skills
from bot.knowledge import RoleKnowledge


@pytest.fixture(scope="module")
def lex(role: RoleKnowledge) -> Lexicon:
    return lexicon_for(role)


def _named(lex: Lexicon, text: str) -> list[str]:
    return [m.skill.name for m in lex.skills.mentions(text)]


# --- a skills list --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "name"),
    [
        ("C", "C"),
        ("C#", "C#"),
        ("c#", "C#"),
        ("C++", "C++"),
        ("Go", "Go"),
        ("R", "R"),
        ("Rust", "Rust"),
        ("Dart", "Dart"),
        ("Elm", "Elm"),
        ("Lua", "Lua"),
        ("Scheme", "Scheme"),
        ("Racket", "Racket"),
        ("HTML", "HTML"),
        ("CSS", "CSS"),
        ("SCSS", "Sass"),
        ("Ember", "Ember.js"),
        ("NumPy", "NumPy"),
        ("scikit-learn", "scikit-learn"),
        ("Ubuntu", "Ubuntu"),
        ("SvelteKit", "SvelteKit"),
        ("Tcl", "Tcl"),
        ("ksh", "KornShell"),
        ("CherryPy", "CherryPy"),
        ("spring kafka", "Spring for Apache Kafka"),
        ("beanstalkd", "beanstalkd"),
        ("MVVM", "MVVM"),
        ("powermockito", "PowerMock"),
    ],
)
def test_every_mainstream_name_is_recognised_in_a_skills_list(
    lex: Lexicon, item: str, name: str
) -> None:
    resolved = lex.skills.resolve(item)
    assert resolved.skill is not None and resolved.skill.name == name


def test_c_and_c_sharp_are_languages_in_a_list(lex: Lexicon) -> None:
    report = analyse_skills("Languages: C, C#, C/C++, Python", lex)
    assert report.groups["languages"] == ["C", "C#", "C++", "Python"]
    assert not report.unknown


def test_labels_joined_into_one_line_are_not_items(lex: Lexicon) -> None:
    # A page that put its labelled lines on one line: the label after "SQL" is not part of it.
    text = "Languages: Rust, SQL Backend: Node.js, NestJS Cloud & DevOps: AWS Tools: Git"
    assert split_skill_items(text, lex.skills) == ["Rust", "SQL", "Node.js", "NestJS", "AWS", "Git"]


def test_a_label_made_of_names_is_itself_listed(lex: Lexicon) -> None:
    text = "Java and Kotlin: 18 years Spring Framework\nDatabases: PostgreSQL"
    items = split_skill_items(text, lex.skills)
    assert items[:2] == ["Java", "Kotlin"] and "Databases" not in items


def test_how_well_and_etc_are_not_part_of_an_item(lex: Lexicon) -> None:
    text = "- Languages: Golang, Lua. etc\n- Some knowledge of kubernetes"
    assert split_skill_items(text, lex.skills) == ["Golang", "Lua", "kubernetes"]


def test_names_listed_with_spaces_or_inside_a_phrase_are_items(lex: Lexicon) -> None:
    text = (
        "Languages  TypeScript JavaScript Python\n- Skilled with Linux, specifically Ubuntu\n"
        "- Monitoring (Metrics + Prometheus + Grafana)\n- Postgre SQL"
    )
    items = split_skill_items(text, lex.skills)
    assert items[:4] == ["TypeScript", "JavaScript", "Python", "Linux"]
    assert {"Monitoring", "Prometheus", "Grafana"} <= set(items)
    # Two words that are not a name and hold one: left whole for "did you mean".
    assert items[-1] == "Postgre SQL"


def test_a_label_that_lost_its_colon_is_not_an_unknown_skill(lex: Lexicon) -> None:
    report = analyse_skills("- Languages\n- : Ruby, Elm\n- Other Skills and Tools\n- : Linux", lex)
    assert [s.name for s in report.known] == ["Ruby", "Elm", "Linux"]
    assert not report.unknown


# --- did you mean ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "item", ["MS Office", "Photoshop", "Excel", "Banana bread", "Meta-programming"]
)
def test_nothing_is_offered_for_what_resembles_no_technology(lex: Lexicon, item: str) -> None:
    assert lex.skills.resolve(item).suggestions == ()


def test_scheme_and_racket_are_not_offered_sqlalchemy_or_react(lex: Lexicon) -> None:
    report = analyse_skills("Scheme, Racket, MS Office", lex)
    assert not any("SQLAlchemy" in line or "React" in line for line in report.advice)


def test_a_close_misspelling_is_offered_its_name(lex: Lexicon) -> None:
    assert lex.skills.resolve("Jire").suggestions == ("Jira",)


def test_a_suggestion_keeps_the_first_letter(lex: Lexicon) -> None:
    # "Racket" resembles "React" by ratio, but a typo rarely changes its first letter.
    assert "React" not in lex.skills.resolve("Rackit").suggestions


def test_suggestions_stay_in_the_category_the_label_names(lex: Lexicon) -> None:
    def offered(text: str) -> tuple[str, ...]:
        return analyse_skills(text, lex).unknown[0].suggestions

    assert "Helm" in offered("Heml")
    assert offered("Cloud: Heml") == ("Helm",)
    assert offered("Databases: Heml") == ()
    # Without a label, the line's other skills say what it lists.
    assert offered("Python, Java, Heml") == ("HTML",)


# --- short names in running text ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Wrote the parser in C and the CLI in Go", ["C", "Go"]),
        ("Experience with C, C++ and Python", ["C", "C++", "Python"]),
        ("Go developer with five years of backend work", ["Go"]),
        ("Built the forecasting models in R", ["R"]),
        ("Python, R, and SQL for the analytics team", ["Python", "R", "SQL"]),
        ("Rust, which we use for performance-critical agents", ["Rust"]),
        ("Languages: C", ["C"]),
        ("C", ["C"]),
        ("Kept the C/C++ toolchain building on three platforms", ["C", "C++"]),
        ("Rewrote the Lua scripts in Dart", ["Lua", "Dart"]),
    ],
)
def test_short_names_count_where_the_context_makes_them_technologies(
    lex: Lexicon, text: str, names: list[str]
) -> None:
    assert _named(lex, text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Got a C grade in calculus",
        "Moved the R&D team to a new office",
        "Plan B and C were both rejected",
        "Raised a Series C round",
        "Go to market in three weeks",
        "John C. Smith signed off the release",
        "Q&A sessions every Friday",
        # A letter before a dollar sign is a currency (Brazilian reais, Canadian dollars).
        "Salário entre R$ 5.000 e R$ 8.000",
        "Base pay C$ 90,000 to C$ 110,000",
    ],
)
def test_short_names_do_not_count_as_words_or_letters(lex: Lexicon, text: str) -> None:
    assert _named(lex, text) == []


# --- verbs and words are not tools ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Make business and technical decisions",
        "Make sure every release is reviewed",
        "express interest in the data space",
        "Express interest in the data space",
        "Spring into action when incidents happen",
        "Share knowledge with the rest of the team",
        "Echo the customer's needs to the team",
        "Chef for a day at the company retreat",
    ],
)
def test_verbs_and_words_are_not_tools(lex: Lexicon, text: str) -> None:
    assert _named(lex, text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Built the API with Express and Spring", ["Express", "Spring"]),
        ("Wrote Makefiles for every service", ["Make"]),
        ("Used Make and Bazel for builds", ["Make", "Bazel"]),
        ("Designed REST endpoints for billing", ["REST APIs"]),
        ("Spring Boot services on Kubernetes", ["Spring Boot", "Kubernetes"]),
        ("Built a Kafka-based event pipeline", ["Kafka"]),
        ("Moved sessions to a Redis-backed store", ["Redis"]),
        ("Wrote Spring Boot-based services", ["Spring Boot"]),
        ("Shipped a Python/Django-powered admin", ["Python", "Django"]),
        # A hyphenated name the lexicon knows keeps its tail.
        ("Built react-native apps", ["React Native"]),
    ],
)
def test_the_same_names_still_count_as_tools(lex: Lexicon, text: str, names: list[str]) -> None:
    assert _named(lex, text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Cut the median latency by 30%",
        "Linked the billing and order services",
        "Wrote design documents for every change",
        "Helped customize the onboarding flow",
        "Ran a data-driven, customer-first team",
        # Two edits from "documentdb", both at the end: another word, not a typo.
        "Desenvolver e documentar APIs",
    ],
)
def test_everyday_words_are_not_guessed_to_be_misspelt_technologies(
    lex: Lexicon, text: str
) -> None:
    assert _named(lex, text) == []


def test_misspelt_technologies_in_running_text_are_still_found(lex: Lexicon) -> None:
    assert _named(lex, "Deployed on kubernets with terrafrom") == ["Kubernetes", "Terraform"]


def test_a_word_that_differs_in_its_first_letter_is_no_typo_of_a_name(lex: Lexicon) -> None:
    # Two edits from "kustomization", but a first letter is rarely what was mistyped.
    assert _named(lex, "Built customizations for the Oracle E-Business Suite") == [
        "Oracle E-Business Suite"
    ]


# --- an action verb, not an adjective -------------------------------------------------------


def test_a_list_of_topics_gets_no_action_verb(lex: Lexicon) -> None:
    assert not analyse_bullet("Distributed cache, computations, SQL", lex).checks["strong_verb"]
    assert not analyse_bullet("Distributed systems, Kafka, Go", lex).checks["strong_verb"]


def test_the_same_word_as_a_verb_keeps_its_credit(lex: Lexicon) -> None:
    report = analyse_bullet("Distributed traffic across 3 regions, cutting p99 by 40%", lex)
    assert report.checks["strong_verb"]
    assert analyse_bullet("Built APIs, queues, dashboards", lex).checks["strong_verb"]


def test_a_sentence_in_a_skills_list_gets_one_note_not_one_per_fragment(lex: Lexicon) -> None:
    report = analyse_skills(
        "Python, Django\nML: Overview of models for text, image and audio data", lex
    )
    unknown = [a for a in report.advice if a.kind == "unknown"]
    assert len(unknown) == 1
    assert unknown[0].startswith("“Overview of models for text, image")
    assert "reads as a description" in unknown[0]
    # A short unknown name is still named on its own.
    short = analyse_skills("Python, Frobnicator, Grumbleweed", lex)
    notes = [str(a) for a in short.advice if a.kind == "unknown"]
    assert notes == [
        "I don't recognise “Frobnicator”.",
        "I don't recognise “Grumbleweed”.",
    ]


# --- names that are everyday words even with their capital ----------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Play, Akka or others", ["Play Framework", "Akka"]),
        ("Built the admin with Play and Slick", ["Play Framework", "Slick"]),
        ("Deployed the app on Render", ["Render"]),
        ("Rails 7 with Turbo and Stimulus", ["Ruby on Rails", "Turbo", "Stimulus"]),
        ("Go services with Gorilla and Chi", ["Go", "Gorilla", "Chi"]),
    ],
)
def test_word_names_count_where_the_context_makes_them_tools(
    lex: Lexicon, text: str, names: list[str]
) -> None:
    assert _named(lex, text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Play a key role in every release",
        "Helped the team play to its strengths",
        "Render the invoices as PDF files",
        "A slick onboarding flow for new users",
        "Devise a plan for the data migration",
        "Revel in hard problems with the team",
        "Travelled to the office by Railway every day",
    ],
)
def test_word_names_in_ordinary_sentences_are_not_tools(lex: Lexicon, text: str) -> None:
    assert _named(lex, text) == []


@pytest.mark.parametrize("item", ["Plan", "Locker", "Demo", "Slack"])
def test_word_names_are_never_offered_as_did_you_mean(lex: Lexicon, item: str) -> None:
    resolved = lex.skills.resolve(item)
    offered = {resolved.skill.name} if resolved.skill else set(resolved.suggestions)
    assert not offered & {"Play Framework", "Looker", "Domo", "Slick"}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Linux-based systems in production", ["Linux"]),
        ("Kafka-driven pipelines and Go-based services", ["Kafka", "Go"]),
        ("Git and *nix command line tools", ["Git", "Unix"]),
    ],
)
def test_a_name_with_a_qualifier_or_a_wildcard_is_still_found(
    lex: Lexicon, text: str, names: list[str]
) -> None:
    assert _named(lex, text) == names


def test_a_hyphen_that_is_not_a_qualifier_keeps_the_word(lex: Lexicon) -> None:
    assert _named(lex, "Led the Go-to-market plan") == []


@pytest.mark.parametrize(
    ("item", "name"),
    [
        ("PostGIS", "PostGIS"),
        ("MinIO", "MinIO"),
        ("Yandex Cloud", "Yandex Cloud"),
        ("ActiveRecord", "Active Record"),
        ("Capistrano", "Capistrano"),
        ("ScalaTest", "ScalaTest"),
        ("Power BI", "Power BI"),
        ("Google Data Studio", "Looker Studio"),
        ("SSH", "SSH"),
        ("Concourse CI", "Concourse"),
    ],
)
def test_more_mainstream_names_are_recognised_in_a_skills_list(
    lex: Lexicon, item: str, name: str
) -> None:
    resolved = lex.skills.resolve(item)
    assert resolved.skill is not None and resolved.skill.name == name


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("python, go or java", ["Python", "Go", "Java"]),
        ("java, spring and hibernate", ["Java", "Spring", "Hibernate"]),
        ("databases, in particular SQL-like, MongoDB", ["SQL", "MongoDB"]),
        ("systems languages e.g. C ++, C", ["C++", "C"]),
    ],
)
def test_lower_case_names_count_in_a_list_of_technologies(
    lex: Lexicon, text: str, names: list[str]
) -> None:
    assert _named(lex, text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Collaborate with rest of the team",
        "Ready to go to production every week",
        "Solid grasp of the business domain",
        "Let go of old habits",
    ],
)
def test_lower_case_names_outside_a_list_stay_words(lex: Lexicon, text: str) -> None:
    assert _named(lex, text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Solid understanding of OTP", ["OTP"]),
        ("Good knowledge of C and its tooling", ["C"]),
    ],
)
def test_a_grasp_of_a_tool_is_a_technology_context(
    lex: Lexicon, text: str, names: list[str]
) -> None:
    assert _named(lex, text) == names


def test_a_one_time_password_is_not_erlang(lex: Lexicon) -> None:
    assert _named(lex, "Send an OTP to the phone at sign-in") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Write unit and integration tests", ["Integration testing", "Unit testing"]),
        ("Add end-to-end or load tests", ["Load testing", "End-to-end testing"]),
    ],
)
def test_a_noun_shared_by_two_modifiers_names_both(
    lex: Lexicon, text: str, names: list[str]
) -> None:
    assert _named(lex, text) == names


def test_a_list_before_and_does_not_share_its_noun(lex: Lexicon) -> None:
    assert _named(lex, "Python, and integration tests") == ["Python", "Integration testing"]


def test_names_joined_by_a_plus_are_each_found(lex: Lexicon) -> None:
    assert _named(lex, "Basic HTML+CSS, and React+Redux") == ["HTML", "CSS", "React", "Redux"]
    assert _named(lex, "C++ and Notepad++") == ["C++"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Write clean, reusable, and testable code", ["Clean code"]),
        (
            "Add unit, integration, and end-to-end tests",
            ["End-to-end testing", "Integration testing", "Unit testing"],
        ),
    ],
)
def test_a_list_of_modifiers_shares_its_noun(lex: Lexicon, text: str, names: list[str]) -> None:
    assert _named(lex, text) == names


def test_a_spelling_with_its_last_word_in_the_plural_is_found(lex: Lexicon) -> None:
    assert _named(lex, "Familiarity with Service Oriented Architectures") == [
        "Service-oriented architecture"
    ]


def test_a_table_row_out_of_a_pdf_keeps_its_label_apart(lex: Lexicon) -> None:
    # The label column and the first value of a skills table come out on one line.
    text = (
        "Programming Java, Kotlin, SQL\nDatabases Oracle/PostgreSQL\nTools Git, Maven/Gradle\n"
        "Tools/CI Docker, Jenkins"
    )
    assert split_skill_items(text, lex.skills) == [
        "Java",
        "Kotlin",
        "SQL",
        "Oracle",
        "PostgreSQL",
        "Git",
        "Maven",
        "Gradle",
        "Docker",
        "Jenkins",
    ]


def test_contact_details_and_spoken_languages_are_not_skills(lex: Lexicon) -> None:
    # A PDF's page footer and a languages part, read into the skills list.
    text = (
        "Basic Haskell, Postgres, Redis\nP.O Box 100 – Even Yehuda, 0000000 Israel\n"
        "(+972) 55 5550100 • jane.doe@example.com\nIntermediate Node.js, Docker\n"
        "English Native speaker\nSwedish Just enough to order wine\nPortuguese (native)\n"
        "Python, Go"
    )
    assert split_skill_items(text, lex.skills) == [
        "Haskell",
        "Postgres",
        "Redis",
        "Node.js",
        "Docker",
        "Python",
        "Go",
    ]


def test_a_name_with_a_word_about_it_is_the_name(lex: Lexicon) -> None:
    items = split_skill_items("MySQL administration, Strong sql skills", lex.skills)
    assert items == ["MySQL", "sql"]


def test_products_named_after_their_family_in_parentheses(lex: Lexicon) -> None:
    mentions = lex.skills.mentions("Experience in Spring (Core, Boot, Security)")
    names = {m.skill.name for m in mentions}
    assert {"Spring Boot", "Spring Security"} <= names
