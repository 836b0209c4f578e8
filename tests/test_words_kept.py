"""Issue 12: the coach never loses or pollutes a word, and shows and edits what is there.

Each test is one problem found by using the coach as a new user would; each failed on the code
before the fix (see the issue's closing note).
"""

from __future__ import annotations

import io
from pathlib import Path

import docx

from adapters.console import chat
from bot.engine import Engine
from bot.store import UserKey
from tests.chat import Chat

GOOD_SUMMARY = (
    "Backend developer with 5 years of Python and Django building payment APIs for 2M users. "
    "Owned the billing service end to end and cut checkout latency by 40%."
)
POSTING_SECOND_HALF = (
    "Kafka, Kubernetes, Other: GraphQL. You will build APIs for our payments platform and "
    "work with product managers on new features. We offer a remote-first team, a learning "
    "budget and 30 days of holiday."
)


async def _at_summary(chat: Chat, level: str = "Junior") -> None:
    await chat.send("/start")
    await chat.press(level)
    await chat.send("/skip")  # the header


async def _at_experience(chat: Chat) -> None:
    await _at_summary(chat)
    await chat.send("/next")
    await chat.send("/next")
    assert "Experience" in chat.text


async def _stored(engine: Engine, chat: Chat) -> dict[str, object]:
    stored = await engine.store.load(UserKey(chat.platform, chat.user_id))
    assert stored is not None
    return stored.data


async def test_bullets_sent_one_per_message_add_up(engine: Engine) -> None:
    chat = Chat(engine, "add-1")
    await _at_experience(chat)
    await chat.send("Backend Intern, Parcelly, Jun 2024 – Sep 2024")
    bullets = [
        "Built REST endpoints in Express for parcel tracking used by 3 partner shops",
        "Wrote 40 integration tests with Jest, catching 6 regressions before release",
        "Cut the tracking page's API calls from 12 to 3 by batching them in one endpoint",
    ]
    for bullet in bullets:
        await chat.send(bullet)
    await chat.send("/draft")
    for bullet in bullets:
        assert bullet in chat.text


async def test_three_lines_pasted_into_the_console_add_three_bullets(
    engine: Engine, tmp_path: Path
) -> None:
    lines = ["junior", "/skip", "/next", "/next", "Backend Intern, Parcelly, 2024"]
    bullets = [
        "Built REST endpoints in Express for parcel tracking",
        "Wrote 40 integration tests with Jest",
        "Added Redis caching to the shop lookup, cutting its p95 from 300 to 40 ms",
    ]
    sink = io.StringIO()
    source = io.StringIO("".join(f"{line}\n" for line in [*lines, *bullets, "/draft"]))
    await chat(engine, "paste-1", tmp_path, source, sink)
    draft = sink.getvalue().rsplit("Your draft", 1)[1]
    for bullet in bullets:
        assert bullet in draft


async def test_a_question_or_chit_chat_is_never_stored(engine: Engine) -> None:
    chat = Chat(engine, "weather-1")
    await _at_summary(chat, "Mid")
    await chat.send(GOOD_SUMMARY)
    await chat.send("what's the weather")
    await chat.send("thanks!")
    assert (await _stored(engine, chat))["summary"] == {"text": GOOD_SUMMARY, "history": []}
    await chat.send("/next")
    await chat.send("what's the weather")
    await chat.send("Python, Django, PostgreSQL")
    await chat.send("what's the weather")
    await chat.send("/next")
    await chat.send("/next")
    await chat.send("what's the weather")
    data = await _stored(engine, chat)
    assert data["projects"] == []
    await chat.send("/export")
    files = {r.attachment.filename: r.attachment.data for r in chat.last if r.attachment}
    text = next(data for name, data in files.items() if name.endswith(".txt")).decode()
    assert "weather" not in text and "thanks" not in text


async def test_a_lone_number_is_never_content(engine: Engine) -> None:
    chat = Chat(engine, "four-1")
    await _at_summary(chat, "Mid")
    await chat.send(GOOD_SUMMARY)
    await chat.send("/draft")
    await chat.send("4")
    data = await _stored(engine, chat)
    assert data["summary"] == {"text": GOOD_SUMMARY, "history": []}
    assert "4" not in chat.text.split("\n")[0] or "option" in chat.text


async def test_a_short_unclear_message_is_asked_about_not_stored(engine: Engine) -> None:
    chat = Chat(engine, "unsure-1")
    await _at_summary(chat, "Mid")
    await chat.send("I like turtles")
    assert "summary?" in chat.text
    assert (await _stored(engine, chat))["summary"]["text"] == ""  # type: ignore[index]
    await chat.press("Yes")
    assert (await _stored(engine, chat))["summary"]["text"] == "I like turtles"  # type: ignore[index]


async def test_skip_leaves_the_step_out_and_back_brings_it_back(engine: Engine) -> None:
    chat = Chat(engine, "skip-1")
    await _at_summary(chat, "Mid")
    await chat.send(GOOD_SUMMARY)
    await chat.send("/skip")
    assert "left out" in chat.text
    await chat.send("/draft")
    assert "payment APIs" not in chat.text
    await chat.send("/export")
    documents = [r.attachment for r in chat.last if r.attachment]
    assert all(b"payment APIs" not in a.data for a in documents if a.filename.endswith(".txt"))
    await chat.send("/back")
    # The text is shown again on arrival, and keeping it puts it back in the draft.
    assert "payment APIs" in chat.text
    await chat.press("Keep")
    await chat.send("/draft")
    assert "payment APIs" in chat.text


async def test_coming_back_to_a_step_shows_what_is_there(engine: Engine) -> None:
    chat = Chat(engine, "back-1")
    await _at_summary(chat, "Mid")
    await chat.send(GOOD_SUMMARY)
    await chat.send("/next")
    await chat.send("Python, Django, PostgreSQL, Redis")
    await chat.send("/back")
    assert "payment APIs" in chat.text and "Keep" in chat.text
    await chat.send("/next")
    assert "Redis" in chat.text
    await chat.send("how long should my resume be?")
    assert "Redis" in chat.last[-1].text


async def test_jobs_can_be_renamed_and_deleted_and_any_jobs_bullets_edited(engine: Engine) -> None:
    chat = Chat(engine, "edit-1")
    await _at_experience(chat)
    await chat.send("Backend Intern, Parcelly, 2024")
    await chat.send("Built REST endpoints in Express for parcel tracking")
    await chat.send("Wrote 40 integration tests with Jest")
    await chat.press("Add another job")
    await chat.send("Support Engineer, Shoply, 2023")
    await chat.send("Answered customer tickets")
    # Back to the first job: fix its second bullet by number.
    await chat.send("/back")
    await chat.send("/next")
    await chat.press("1.")
    assert "Wrote 40 integration tests" in chat.text
    await chat.press("Edit a bullet")
    await chat.press("2")
    await chat.send("Wrote 40 integration tests with Jest, catching 6 regressions before release")
    await chat.press("Change this job")
    await chat.press("Rename")
    await chat.send("Backend Developer Intern, Parcelly, Jun–Sep 2024")
    await chat.press("Done with this job")
    await chat.press("2.")
    await chat.press("Delete this job")
    await chat.press("Yes")
    await chat.send("/draft")
    assert "catching 6 regressions" in chat.text
    assert "Backend Developer Intern, Parcelly" in chat.text
    assert "Shoply" not in chat.text and "Answered customer tickets" not in chat.text


async def test_a_single_bullet_can_be_removed_and_the_removal_undone(engine: Engine) -> None:
    chat = Chat(engine, "remove-1")
    await _at_experience(chat)
    await chat.send("Backend Intern, Parcelly, 2024")
    await chat.send("Built REST endpoints\nWorked on bugs\nWrote 40 integration tests")
    await chat.press("Done")
    await chat.press("1.")
    await chat.press("Remove a bullet")
    await chat.press("2")
    assert "Worked on bugs" in chat.text  # says what it removed
    await chat.send("/draft")
    assert "Worked on bugs" not in chat.text
    await chat.send("/next")
    await chat.send("/back")
    await chat.press("1.")
    await chat.press("Remove a bullet")
    await chat.press("1")
    await chat.press("Undo")
    await chat.send("/draft")
    assert "Built REST endpoints" in chat.text


async def test_projects_can_be_deleted(engine: Engine) -> None:
    chat = Chat(engine, "proj-1")
    await _at_experience(chat)
    await chat.send("/next")
    await chat.send("Parcel tracker, Go, PostgreSQL\nTracks parcels for 3 shops")
    await chat.send("Recipe API, FastAPI\nServes 2k recipes with JWT auth")
    assert len((await _stored(engine, chat))["projects"]) == 2  # type: ignore[arg-type]
    await chat.press("See all projects")
    await chat.press("1.")
    await chat.press("Delete this project")
    await chat.press("Yes")
    await chat.send("/draft")
    assert "Parcel tracker" not in chat.text and "Recipe API" in chat.text


async def test_a_posting_half_at_the_skills_step_is_not_stored_as_skills(engine: Engine) -> None:
    chat = Chat(engine, "split-1")
    await _at_summary(chat, "Mid")
    await chat.send("/next")
    await chat.send("Python, Django, PostgreSQL")
    await chat.send(POSTING_SECOND_HALF)
    await chat.send("/draft")
    assert "payments platform" not in chat.text and "holiday" not in chat.text
    assert "Django" in chat.text


async def test_a_replaced_summary_says_so_and_can_be_undone(engine: Engine) -> None:
    chat = Chat(engine, "replace-1")
    await _at_summary(chat, "Mid")
    await chat.send(GOOD_SUMMARY)
    await chat.send("/next")
    await chat.send("/back")
    await chat.press("Replace")
    await chat.send("Backend developer with 6 years of Go building logistics APIs for 40 shops.")
    assert "Replaced" in chat.text and "payment APIs" in chat.text
    await chat.press("Restore previous")
    await chat.send("/draft")
    assert "payment APIs" in chat.text and "logistics" not in chat.text


async def test_level_in_words(engine: Engine) -> None:
    cases = {
        "junior": ("junior", None),
        "I'm a junior dev with 1.5 years": ("junior", 1.5),
        "4 yoe": ("mid", 4.0),
        "senior, 10+ years": ("senior", 10.0),
        "mid-level backend engineer": ("mid", None),
    }
    for n, (text, (level, years)) in enumerate(cases.items()):
        chat = Chat(engine, f"level-{n}")
        await chat.send("/start")
        await chat.send(text)
        data = await _stored(engine, chat)
        assert (data["level"], data["years"]) == (level, years), text
        assert data["step"] == "header", text
    chat = Chat(engine, "level-unclear")
    await chat.send("/start")
    await chat.send("banana")
    assert chat.last[-1].buttons and "junior" in chat.text.lower()
    assert (await _stored(engine, chat))["step"] == "level"


async def test_known_years_are_not_asked_again_by_the_guided_summary(engine: Engine) -> None:
    chat = Chat(engine, "years-1")
    await chat.send("/start")
    await chat.send("I'm a backend developer with 4 years")
    await chat.send("/skip")
    await chat.press("Build it with me")
    assert "How many years" not in chat.text
    for answer in ("Python, Django", "payment APIs", "skip"):
        await chat.send(answer)
    assert "4 years" in chat.text


async def test_the_export_leaves_out_what_was_skipped(engine: Engine) -> None:
    chat = Chat(engine, "skip-2")
    await _at_summary(chat, "Mid")
    await chat.send(GOOD_SUMMARY)
    await chat.press("Keep")
    await chat.send("Kubernetes, Terraform")
    await chat.send("/skip")
    await chat.send("/export")
    word = next(
        r.attachment for r in chat.last if r.attachment and r.attachment.filename.endswith(".docx")
    )
    body = "\n".join(p.text for p in docx.Document(io.BytesIO(word.data)).paragraphs)
    assert "payment APIs" in body and "Terraform" not in body


async def test_a_typed_label_presses_the_latest_button_and_is_never_stored(engine: Engine) -> None:
    chat = Chat(engine, "typed-1")
    await _at_summary(chat, "Junior")
    await chat.send("skip")  # the summary prompt's Skip button
    assert "Skipped the summary step" in chat.text
    for _ in range(3):  # skills, experience, projects
        await chat.send("/next")
    assert "Education" in chat.text
    await chat.send("BSc Computer Science, University of Warsaw, Expected 2026")
    await chat.send("Done")  # "Done with this degree"
    data = await _stored(engine, chat)
    assert data["education"][0]["bullets"]["text"] == ""  # type: ignore[index]
    assert "Your degrees" in chat.text
    await chat.send("done")  # no such button now: a word, not a detail
    assert "/next" in chat.text
    data = await _stored(engine, chat)
    assert data["education"][0]["bullets"]["text"] == ""  # type: ignore[index]
