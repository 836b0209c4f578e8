"""Issue 12's consistent advice where people meet it: in the conversation's steps."""

from __future__ import annotations

from bot.engine import Engine
from tests.chat import Chat


async def _at_summary(chat: Chat, level: str) -> None:
    await chat.send("/start")
    await chat.press(level)
    await chat.send("/skip")  # the header


async def test_a_four_month_internship_is_not_told_its_two_bullets_are_thin(
    engine: Engine,
) -> None:
    chat = Chat(engine, "intern-1")
    await _at_summary(chat, "Junior")
    await chat.send("/next")
    await chat.send("/next")
    await chat.send("Backend Intern, Parcelly, Jun 2024 – Sep 2024")
    await chat.send(
        "Built REST endpoints in FastAPI for parcel tracking used by 3 partner shops\n"
        "Wrote 40 integration tests with pytest, catching 6 regressions before release"
    )
    assert "This job" in chat.text
    assert "thin" not in chat.text


async def test_the_guided_summary_spells_technologies_properly(engine: Engine) -> None:
    chat = Chat(engine, "guided-1")
    await _at_summary(chat, "Mid")
    await chat.press("Build it with me")
    for answer in ("4", "python, djnago, postgres", "payment APIs", "cut checkout latency by 40%"):
        await chat.send(answer)
    composed = chat.last[0].text
    assert "Django" in composed and "PostgreSQL" in composed and "djnago" not in composed


async def test_a_guided_summary_that_would_score_lower_keeps_the_original(engine: Engine) -> None:
    chat = Chat(engine, "guided-2")
    original = (
        "Backend developer with 6 years of Python and Django building payment APIs that serve "
        "2M users. Owned the billing service end to end and cut checkout latency by 40%."
    )
    await _at_summary(chat, "Mid")
    await chat.send(original)
    await chat.press("Improve it with me")
    for answer in ("skip", "python", "skip", "skip"):
        await chat.send(answer)
    assert "I kept your original" in chat.text
    await chat.send("/draft")
    assert original in chat.text


async def test_the_skills_step_counts_skills_the_summary_shows(engine: Engine) -> None:
    chat = Chat(engine, "shown-1")
    await _at_summary(chat, "Mid")
    await chat.send(
        "Backend developer with 5 years of Python building payment APIs with Django REST "
        "Framework on PostgreSQL."
    )
    await chat.press("Keep it")
    await chat.send("Python, Django, PostgreSQL, Docker")
    # Python, Django and PostgreSQL are shown by the summary: nothing tells the person to drop
    # them, and the framework the summary names is asked for in the list.
    assert "drop" not in chat.text.casefold()
    assert "Django REST Framework" in chat.text
