"""A message delivered again is applied once: the engine's window of handled platform ids."""

from __future__ import annotations

import asyncio

from bot.deliveries import KEPT_IDS, Deliveries
from bot.engine import Engine
from bot.store import UserKey
from bot.types import Attachment, Button, IncomingMessage, Reply, Span, reply

PLATFORM = "telegram"
SUMMARY = "Backend developer with 5 years of Go and PostgreSQL building payment APIs."


def message(text: str, message_id: str | None, user: str = "7") -> IncomingMessage:
    return IncomingMessage(PLATFORM, user, text, message_id=message_id)


async def turn_counter(engine: Engine, user: str = "7") -> int:
    stored = await engine.store.load(UserKey(PLATFORM, user))
    assert stored is not None
    turn: int = stored.data["turn"]
    return turn


async def begin(engine: Engine, user: str = "7") -> None:
    """/start and the level: the user has a stored progress from here on."""
    await engine.handle(message("/start", "1", user))
    await engine.handle(message("mid", "2", user))


async def test_a_redelivered_message_is_answered_again_but_applied_once(engine: Engine) -> None:
    await begin(engine)
    first = await engine.handle(message(SUMMARY, "3"))
    before = await turn_counter(engine)
    again = await engine.handle(message(SUMMARY, "3"))
    assert again == first
    assert await turn_counter(engine) == before
    # An earlier message's replies went out before the later one was handled: nothing to send.
    assert await engine.handle(message("mid", "2")) == []
    assert await turn_counter(engine) == before


async def test_a_restarted_engine_still_recognises_the_message(db_url: str) -> None:
    engine = await Engine.open(db_url)
    try:
        await begin(engine)
        first = await engine.handle(message(SUMMARY, "3"))
        before = await turn_counter(engine)
    finally:
        await engine.close()
    restarted = await Engine.open(db_url)
    try:
        assert await restarted.handle(message(SUMMARY, "3")) == first
        assert await turn_counter(restarted) == before
    finally:
        await restarted.close()


async def test_a_message_without_an_id_settles_the_latest_replies(engine: Engine) -> None:
    await begin(engine)
    await engine.handle(message(SUMMARY, "3"))
    await engine.handle(message("/status", None))
    assert await engine.handle(message(SUMMARY, "3")) == []
    stored = await engine.store.load(UserKey(PLATFORM, "7"))
    assert stored is not None and stored.deliveries == {"ids": ["1", "2", "3"]}


async def test_two_engines_on_one_database_apply_a_message_once(db_url: str) -> None:
    # Two worker processes, as far as the database can tell: each has its own cache.
    first, second = await Engine.open(db_url), await Engine.open(db_url)
    try:
        await begin(first)
        await begin(second)  # both know the user now (and both ids are seen)
        before = await turn_counter(first)
        for n in range(10):
            text = f"{SUMMARY} Draft {n}."
            answers = await asyncio.gather(
                first.handle(message(text, f"s{n}")), second.handle(message(text, f"s{n}"))
            )
            assert answers[0] == answers[1]
        assert await turn_counter(first) == before + 10
    finally:
        await first.close()
        await second.close()


async def test_the_window_keeps_the_last_ids_only(engine: Engine) -> None:
    await begin(engine)
    for n in range(KEPT_IDS + 5):
        await engine.handle(message("/status", f"m{n}"))
    stored = await engine.store.load(UserKey(PLATFORM, "7"))
    assert stored is not None and stored.deliveries is not None
    ids = stored.deliveries["ids"]
    assert ids == [f"m{n}" for n in range(5, KEPT_IDS + 5)]


async def test_deliveries_are_erased_with_the_user(engine: Engine) -> None:
    await begin(engine)
    await engine.handle(message("/delete", "3"))
    await engine.handle(message("yes", "4"))
    assert await engine.store.row_counts(UserKey(PLATFORM, "7")) == {"users": 0}


def test_replies_round_trip_with_files_buttons_and_formatting() -> None:
    replies = (
        Reply(
            spans=(Span("Score: "), Span("75/100", bold=True)),
            buttons=(Button("Keep it", "next::3"),),
            asks_for_text=True,
        ),
        reply("Your files", attachment=Attachment("resume.docx", b"\x00PK\xff", "app/x")),
        Reply(),
    )
    window = Deliveries().add("9", replies)
    assert Deliveries.load(window.dump()) == window
    assert Deliveries.load(window.dump()).replay("9") == list(replies)
    assert Deliveries.load(window.dump()).replay("8") == []
    assert not window.settled().has_replies and window.settled().ids == ("9",)
    assert Deliveries.load(None) == Deliveries()
