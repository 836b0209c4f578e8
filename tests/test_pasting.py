"""Issue 12: a long paste the platform split into messages is handled as one message."""

from __future__ import annotations

from bot.engine import Engine
from bot.store import UserKey
from bot.types import IncomingMessage

PLATFORM = "telegram"
# A posting long enough that Telegram splits it: the first part ends near 4,096 characters.
DUTIES = " ".join(
    f"You will build and run service {n} for our payments platform with the team."
    for n in range(52)
)
FIRST_PART = "Requirements: Python, Django, PostgreSQL, Docker. " + DUTIES
SECOND_PART = (
    "Kafka, Kubernetes, Other: GraphQL. You will build APIs for our payments platform and work "
    "with product managers on new features."
)


async def _send(engine: Engine, user: str, text: str = "", *, flush: bool = False) -> str:
    replies = await engine.handle(IncomingMessage(PLATFORM, user, text=text, flush=flush))
    return "\n".join(r.text for r in replies)


async def _at_skills(engine: Engine, user: str) -> None:
    for text in ("/start", "mid", "/skip", "/next"):
        await _send(engine, user, text)
    assert "Skills" in await _send(engine, user, "Python, Django, PostgreSQL")


async def test_the_second_half_of_a_posting_is_joined_not_stored_as_skills(engine: Engine) -> None:
    assert 3_800 < len(FIRST_PART) < 4_096
    await _at_skills(engine, "split-1")
    await _send(engine, "split-1", "/match")
    assert await _send(engine, "split-1", FIRST_PART) == ""  # held for its next part
    answer = await _send(engine, "split-1", SECOND_PART)
    assert "Match with the posting" in answer
    assert "Kubernetes" in answer  # from the second part: both were read as one posting
    stored = await engine.store.load(UserKey(PLATFORM, "split-1"))
    assert stored is not None
    assert stored.data["skills"]["text"] == "Python, Django, PostgreSQL"
    assert stored.data["paste"] == ""
    assert await _send(engine, "split-1", flush=True) == ""  # the timer finds nothing left


async def test_a_long_message_with_no_second_part_is_answered_when_flushed(engine: Engine) -> None:
    await _at_skills(engine, "split-2")
    await _send(engine, "split-2", "/match")
    assert await _send(engine, "split-2", FIRST_PART) == ""
    answer = await _send(engine, "split-2", flush=True)
    assert "Match with the posting" in answer


async def test_a_held_part_survives_a_restart(db_url: str) -> None:
    first = await Engine.open(db_url)
    try:
        await _at_skills(first, "split-3")
        await _send(first, "split-3", "/match")
        assert await _send(first, "split-3", FIRST_PART) == ""
    finally:
        await first.close()
    second = await Engine.open(db_url)
    try:
        answer = await _send(second, "split-3", SECOND_PART)
        assert "Match with the posting" in answer and "Kubernetes" in answer
    finally:
        await second.close()


async def test_short_messages_are_never_held(engine: Engine) -> None:
    await _at_skills(engine, "split-4")
    assert Engine.flush_after(IncomingMessage(PLATFORM, "split-4", text="Docker, AWS")) is None
    assert "Added" in await _send(engine, "split-4", "Docker, AWS")
    # The console has no message limit: nothing it sends is ever held.
    assert Engine.flush_after(IncomingMessage("console", "x", text=FIRST_PART)) is None
