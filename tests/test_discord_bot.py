"""The Discord adapter on the real discord.py, over real sockets, against a fake Discord."""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import AsyncIterator
from typing import Any

import docx
import pytest

from adapters.discord_bot import (
    DMS_CLOSED,
    SENT_TO_DM,
    CoachBot,
)
from adapters.discord_components import TEXT_INPUT_ID, WRITE_BUTTON_ID, WRITE_MODAL_ID
from adapters.discord_render import MESSAGE_LIMIT, message_len
from adapters.discord_settings import Settings
from adapters.discord_sinks import APOLOGY
from bot.commands import COMMAND_TABLE
from bot.documents import FILE_TYPES
from bot.engine import Engine
from bot.store import UserKey
from bot.types import Button, IncomingMessage, Reply, bold, reply
from tests.discord_fake import (
    APP_ID,
    BOT_ID,
    GUILD_ID,
    INTENT_DM_MESSAGES,
    INTENT_GUILDS,
    INTENT_MESSAGE_CONTENT,
    OTHER_BOT_ID,
    OTHER_USER_ID,
    TOKEN,
    USER_ID,
    FakeDiscord,
    RestCall,
    dm_channel_id,
    is_message_send,
)
from tests.discord_running import RunningBot, discord_fake, running_bot
from tests.upload_files import BAD, GOOD

SUMMARY = (
    "Backend developer with 4 years of Python and Django experience, building REST APIs "
    "on PostgreSQL for payments; cut p95 latency by 40%."
)
DM_MESSAGES = f"/channels/{dm_channel_id(USER_ID)}/messages"
ORIGINAL = "/messages/@original"
SLASH_NAMES = {c.name for c in COMMAND_TABLE if not c.takes_text} | {"ask", "write", "review"}


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with discord_fake() as server:
        yield server


def assert_well_formed(fake: FakeDiscord) -> None:
    """What must hold for every test: no pings, messages that fit, interactions answered once."""
    for call in fake.calls:
        if not is_message_send(call):
            continue
        payload = call.payload
        if "content" in payload or "components" in payload or call.files:
            assert payload.get("allowed_mentions", {}).get("parse") == [], call
        assert message_len(call.content) <= MESSAGE_LIMIT
    for interaction_id, sent_at in fake.dispatched.items():
        answers = [
            c for c in fake.calls if c.ok and c.path.startswith(f"/interactions/{interaction_id}/")
        ]
        assert len(answers) == 1, f"interaction {interaction_id} answered {len(answers)} times"
        assert answers[0].at - sent_at < 3.0, "answered after Discord's 3 seconds"


async def _bot(fake: FakeDiscord, engine: Engine) -> AsyncIterator[RunningBot]:
    async with running_bot(fake, engine) as running:
        yield running
    # A handler that raised fails the test, unless the test expected it and cleared the list.
    assert not running.errors, running.errors
    assert_well_formed(fake)


@pytest.fixture
async def bot(fake: FakeDiscord, sqlite_engine: Engine) -> AsyncIterator[RunningBot]:
    async for running in _bot(fake, sqlite_engine):
        yield running


@pytest.fixture
async def bot_on_each_db(fake: FakeDiscord, engine: Engine) -> AsyncIterator[RunningBot]:
    async for running in _bot(fake, engine):
        yield running


# ---- helpers -----------------------------------------------------------------------------


def callback_of(fake: FakeDiscord, interaction_id: int) -> RestCall:
    return next(
        c for c in fake.calls if c.ok and c.path.startswith(f"/interactions/{interaction_id}/")
    )


async def in_dm(fake: FakeDiscord, text: str, last: str) -> list[RestCall]:
    """Write in the DM; the bot's messages up to the one containing ``last``."""
    since = fake.mark()
    await fake.send_dm(text)
    await fake.wait_for_message(last, since=since)
    return fake.sent_messages(since)


async def in_server(
    fake: FakeDiscord, name: str, last: str, options: dict[str, str] | None = None
) -> list[RestCall]:
    """Run a slash command in the server; the bot's messages, once the note says "DM"."""
    since = fake.mark()
    await fake.slash(name, options)
    await fake.wait_for_message(last, since=since)
    await fake.wait_for(lambda c: c.path.endswith(ORIGINAL) and c.method == "PATCH", since=since)
    return fake.sent_messages(since)


async def press(fake: FakeDiscord, message: RestCall, value_part: str, last: str) -> int:
    """Press the button whose custom id contains ``value_part``; the interaction id."""
    since = fake.mark()
    target = next(c for c in message.custom_ids if value_part in c)
    interaction_id = await fake.press(message, target)
    await fake.wait_for_message(last, since=since)
    return interaction_id


def dm_sends(calls: list[RestCall]) -> list[RestCall]:
    return [c for c in calls if c.method == "POST" and c.path == DM_MESSAGES]


# ---- tests -------------------------------------------------------------------------------


async def test_start_publishes_commands_and_connects_with_the_right_intents(
    fake: FakeDiscord, sqlite_engine: Engine
) -> None:
    async with running_bot(fake, sqlite_engine) as running:
        put = next(c for c in fake.calls if c.method == "PUT")
        assert put.path == f"/applications/{APP_ID}/commands"
        assert {c["name"] for c in put.json} == SLASH_NAMES
        ask = next(c for c in put.json if c["name"] == "ask")
        assert ask["options"][0]["name"] == "question"
        assert ask["options"][0]["required"] is True
        # The gateway conversation: HELLO, an immediate heartbeat answered by an ACK, IDENTIFY.
        ops = [(f.direction, f.op, f.t) for f in fake.frames]
        assert ops[:5] == [
            ("send", 10, None),
            ("recv", 1, None),
            ("send", 11, None),
            ("recv", 2, None),
            ("send", 0, "READY"),
        ]
        assert ("send", 0, "GUILD_CREATE") in ops
        identify = next(f.d for f in fake.frames if f.op == 2)
        assert identify["token"] == TOKEN
        # No privileged intent (presences 1<<8, members 1<<1, message content 1<<15): the
        # coach reads only DMs, whose text Discord always sends.
        assert identify["intents"] == INTENT_GUILDS | INTENT_DM_MESSAGES
        assert not identify["intents"] & (INTENT_MESSAGE_CONTENT | 1 << 8 | 1 << 1)
        assert running.client.get_guild(GUILD_ID) is not None
        # Sequence numbers only go up.
        sequences = [f.s for f in fake.frames if f.op == 0]
        assert sequences == sorted(sequences) and len(set(sequences)) == len(sequences)
    assert not running.errors

    # A restart with the same commands reads them and writes nothing: Discord limits writes.
    since = fake.mark()
    async with running_bot(fake, sqlite_engine) as again:
        pass
    assert not again.errors
    methods = [(c.method, c.path) for c in fake.calls_since(since)]
    assert ("GET", f"/applications/{APP_ID}/commands") in methods
    assert not any(method == "PUT" for method, _ in methods)


async def test_development_server_gets_the_commands_at_once(
    fake: FakeDiscord, sqlite_engine: Engine
) -> None:
    settings = Settings(
        TOKEN, guild_id=GUILD_ID, api_base_url=fake.api_url, gateway_url=fake.gateway_url
    )
    async with running_bot(fake, sqlite_engine, settings) as running:
        puts = [c for c in fake.calls if c.method == "PUT"]
        assert [c.path for c in puts] == [f"/applications/{APP_ID}/guilds/{GUILD_ID}/commands"]
        assert {c["name"] for c in puts[0].json} == SLASH_NAMES
        # A server command carries its server id; it reaches the same handler.
        since = fake.mark()
        await fake.slash("help", guild_command=True)
        await fake.wait_for_message("What I can do", since=since)
        await fake.wait_for(lambda c: c.path.endswith(ORIGINAL), since=since)
    assert not running.errors
    assert_well_formed(fake)


async def test_walkthrough_in_a_server_continues_in_the_dm(
    fake: FakeDiscord, bot_on_each_db: RunningBot, engine: Engine
) -> None:
    # /start in the server: a private "thinking" answer, then the coaching in the DM.
    since = fake.mark()
    start_id = await fake.slash("start")
    await fake.wait_for(lambda c: c.path.endswith(ORIGINAL), since=since)
    callback = callback_of(fake, start_id)
    assert callback.json == {"type": 5, "data": {"flags": 64}}
    opened = next(c for c in fake.calls_since(since) if c.path == "/users/@me/channels")
    assert int(opened.json["recipient_id"]) == USER_ID
    welcome, level = dm_sends(fake.calls_since(since))
    assert welcome.content.startswith("**Hi! I'm your resume coach")
    assert "experience level" in level.content
    assert [c for c in level.custom_ids if c.startswith("rc:level:")] == [
        "rc:level:junior:1",
        "rc:level:mid:1",
        "rc:level:senior:1",
    ]
    # A menu waits for a press, not for typing: no writing box under it.
    assert WRITE_BUTTON_ID not in level.custom_ids
    note = next(c for c in fake.calls_since(since) if c.path.endswith(ORIGINAL))
    assert note.method == "PATCH"
    assert note.content == SENT_TO_DM
    # The order: the DM first, then the note that points to it.
    assert level.at <= note.at

    # The level button: its message loses its buttons, the next question follows.
    since = fake.mark()
    press_id = await press(fake, level, "level:mid", "full name")
    update = callback_of(fake, press_id)
    assert update.json["type"] == 7
    buttons = [b for row in update.json["data"]["components"] for b in row["components"]]
    assert buttons and all(b["disabled"] for b in buttons)
    assert (
        fake.messages[int(level.response["id"])]["components"] == update.json["data"]["components"]
    )
    texts = [c.content for c in dm_sends(fake.calls_since(since))]
    assert texts[0] == "Mid level, noted."

    # The header can wait; the summary, typed in the DM: scored.
    await in_dm(fake, "/skip", "Paste your summary")
    sent = await in_dm(fake, SUMMARY, "/100")
    assert "Summary: " in sent[0].content and all(c.path == DM_MESSAGES for c in sent)

    # A question typed in the DM gets the FAQ answer, then the walk goes on.
    sent = await in_dm(fake, "how long should my resume be?", "Your summary now")
    assert any("pages" in c.content for c in sent)

    # /ask in the server: the answer goes to the DM too.
    sent = await in_server(
        fake, "ask", "pages", {"question": "how many pages should my resume be?"}
    )
    assert any(c.path == DM_MESSAGES and "pages" in c.content for c in sent)

    # /export in the server: the files are uploaded to the DM, never to the server.
    since = fake.mark()
    await in_server(fake, "export", "left out")
    uploads = [c for c in fake.calls_since(since) if c.files]
    assert [f.filename for c in uploads for f in c.files] == [
        "Resume.pdf",
        "Resume.docx",
        "Resume.md",
        "Resume.txt",
    ]
    assert all(c.path == DM_MESSAGES for c in uploads)
    document = docx.Document(io.BytesIO(uploads[1].files[0].data))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "4 years of Python and Django" in text
    assert uploads[0].content == "Here is your resume as Resume.pdf."

    # The engine keeps this person under their Discord user id.
    assert await engine.store.load(UserKey("discord", str(USER_ID))) is not None


async def test_slash_command_in_the_dm_answers_in_place(fake: FakeDiscord, bot: RunningBot) -> None:
    since = fake.mark()
    interaction_id = await fake.slash("help", guild=False)
    # Several replies: the first replaces "thinking…", the others are follow-ups.
    await fake.wait_for(
        lambda c: c.path == f"/webhooks/{APP_ID}/interaction-token-{interaction_id}", since=since
    )
    deferred = callback_of(fake, interaction_id).json
    # Deferred, and not ephemeral: in the DM the answer stays in the conversation.
    assert deferred["type"] == 5 and not deferred.get("data", {}).get("flags")
    sent = fake.sent_messages(since)
    assert sent[0].path.endswith(ORIGINAL) and sent[0].method == "PATCH"
    assert sent[0].content.startswith("**What I can do**")
    assert sent[1].method == "POST" and "level" in sent[1].content
    assert not any(c.path == "/users/@me/channels" for c in fake.calls_since(since))


async def test_stale_button_gets_the_engines_note(fake: FakeDiscord, bot: RunningBot) -> None:
    first = (await in_dm(fake, "/start", "experience level"))[-1]
    await in_dm(fake, "/status", "experience level")
    # The old message still shows its buttons; a press on it leaves things as they are.
    await press(fake, first, "level:senior", "from an earlier message")


async def test_buttons_work_after_a_restart(fake: FakeDiscord, sqlite_engine: Engine) -> None:
    async with running_bot(fake, sqlite_engine) as running:
        level = (await in_dm(fake, "/start", "experience level"))[-1]
    assert not running.errors
    # A new process knows nothing of that message: the custom id alone carries the value.
    async with running_bot(fake, sqlite_engine) as again:
        await press(fake, level, "level:junior", "Junior level, noted")
    assert not again.errors
    assert_well_formed(fake)


async def test_long_text_through_the_modal(fake: FakeDiscord, bot: RunningBot) -> None:
    level = (await in_dm(fake, "/start", "experience level"))[-1]
    await press(fake, level, "level:mid", "full name")
    prompt = (await in_dm(fake, "/skip", "Paste your summary"))[-1]
    # The summary prompt waits for typing, so it carries the box.
    assert WRITE_BUTTON_ID in prompt.custom_ids
    # "Write it here" opens the box: the modal is the answer to the press.
    since = fake.mark()
    opened = await fake.press(prompt, WRITE_BUTTON_ID)
    await fake.wait_for(lambda c: c.path.startswith(f"/interactions/{opened}/"), since=since)
    modal = callback_of(fake, opened).json
    assert modal["type"] == 9
    assert modal["data"]["custom_id"] == WRITE_MODAL_ID
    text_input = modal["data"]["components"][0]["components"][0]
    assert text_input["custom_id"] == TEXT_INPUT_ID
    assert text_input["style"] == 2 and text_input["max_length"] == 4000
    # The submitted text reaches the engine as a message.
    since = fake.mark()
    submitted = await fake.submit_modal(WRITE_MODAL_ID, {TEXT_INPUT_ID: SUMMARY})
    await fake.wait_for_message("/100", since=since)
    deferred = callback_of(fake, submitted).json
    assert deferred["type"] == 5 and not deferred.get("data", {}).get("flags")

    # /write opens the same box.
    since = fake.mark()
    command = await fake.slash("write")
    await fake.wait_for(lambda c: c.path.startswith(f"/interactions/{command}/"), since=since)
    assert callback_of(fake, command).json["type"] == 9

    # Submitted in the server: a private note there, the reply in the DM.
    since = fake.mark()
    await fake.submit_modal(WRITE_MODAL_ID, {TEXT_INPUT_ID: "/status"}, guild=True)
    await fake.wait_for_message("Progress", since=since)
    note = await fake.wait_for(lambda c: c.path.endswith(ORIGINAL), since=since)
    assert note.content == SENT_TO_DM


async def test_a_5000_character_reply_is_split(
    fake: FakeDiscord, bot: RunningBot, sqlite_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    paragraphs = [f"Paragraph {n}: " + "word " * 98 for n in range(10)]
    long_text = "\n\n".join(paragraphs)
    assert len(long_text) >= 5_000

    async def canned(message: IncomingMessage) -> list[Reply]:
        return [
            reply(
                bold("A long answer\n"),
                long_text,
                buttons=(Button("Keep it, go on", "next::1"),),
                asks_for_text=True,
            )
        ]

    monkeypatch.setattr(sqlite_engine, "handle", canned)
    sent = await in_dm(fake, "anything", "Paragraph 9")
    # About 500 characters a paragraph: three fit in 2,000, so ten take four messages.
    assert len(sent) == 4
    assert all(message_len(c.content) <= MESSAGE_LIMIT for c in sent)
    # Cut on paragraph breaks: every message starts a paragraph (the first, the heading).
    assert sent[0].content.startswith("**A long answer**")
    assert all(c.content.startswith("Paragraph") for c in sent[1:])
    # The buttons hang under the end of the reply only.
    assert all(c.custom_ids == [] for c in sent[:-1])
    assert sent[-1].custom_ids == ["rc:next::1", WRITE_BUTTON_ID]
    joined = " ".join(c.content for c in sent)
    assert all(p.strip() in joined for p in paragraphs)


async def test_everyone_in_user_text_pings_nobody(fake: FakeDiscord, bot: RunningBot) -> None:
    level = (await in_dm(fake, "/start", "experience level"))[-1]
    await press(fake, level, "level:mid", "full name")
    await in_dm(fake, "/skip", "Paste your summary")
    hostile = (
        "Backend developer @everyone and @here, <@&123456789012345678> **bold** _x_ "
        "with 4 years of Python on PostgreSQL at scale; cut latency by 40%."
    )
    await in_dm(fake, hostile, "/100")
    sent = await in_dm(fake, "/draft", "Your draft")
    draft = sent[-1].content
    assert "@\u200beveryone" in draft and "@\u200bhere" in draft
    assert "<@\u200b&123456789012345678>" in draft
    assert "\\*\\*bold\\*\\*" in draft and "\\_x\\_" in draft
    assert "@everyone" not in draft
    # Every message: nobody can be pinged, whatever the text (checked again at teardown).
    for call in fake.sent_messages():
        assert call.payload["allowed_mentions"]["parse"] == []


async def test_own_other_bots_and_server_messages_are_ignored(
    fake: FakeDiscord, bot: RunningBot, sqlite_engine: Engine
) -> None:
    since = fake.mark()
    await fake.send_dm("/start", user_id=BOT_ID, bot=True)
    await fake.send_dm("/start", user_id=OTHER_BOT_ID, bot=True)
    await fake.send_guild_message("/start", user_id=OTHER_USER_ID)
    # Events are handled in order of arrival; a reply to this one comes after the others.
    await fake.send_dm("/start")
    await fake.wait_for_message("experience level", since=since)
    assert {c.path for c in fake.sent_messages(since)} == {DM_MESSAGES}
    for ignored in (BOT_ID, OTHER_BOT_ID, OTHER_USER_ID):
        assert await sqlite_engine.store.load(UserKey("discord", str(ignored))) is None
    # Without the message content intent, as on Discord, the server message came without its
    # text and the DMs with theirs: the coach needs only those.
    texts = {
        bool(f.d.get("guild_id")): f.d["content"]
        for f in fake.frames
        if f.direction == "send" and f.t == "MESSAGE_CREATE"
    }
    assert texts == {True: "", False: "/start"}


async def test_a_message_without_text_gets_a_note(
    fake: FakeDiscord, bot: RunningBot, sqlite_engine: Engine
) -> None:
    since = fake.mark()
    await fake.dispatch(
        "MESSAGE_CREATE",
        {
            **_dm_payload(""),
            "attachments": [
                {
                    "id": "1",
                    "filename": "cat.png",
                    "size": 10,
                    "url": "https://cdn.invalid/cat.png",
                    "proxy_url": "https://cdn.invalid/cat.png",
                }
            ],
        },
    )
    # A picture is not a resume file: said so, never downloaded, nothing stored.
    call = await fake.wait_for_message("I can read .pdf, .docx, .txt and .md", since=since)
    assert call.content.startswith(FILE_TYPES.split(".")[0])
    assert await sqlite_engine.store.load(UserKey("discord", str(USER_ID))) is None


def _dm_payload(text: str) -> dict[str, Any]:
    from tests.discord_fake import message_payload

    return message_payload(1500000000000000001, dm_channel_id(USER_ID), USER_ID, text)


async def test_429_waits_for_retry_after_then_sends(fake: FakeDiscord, bot: RunningBot) -> None:
    fake.fail_next(429, DM_MESSAGES, retry_after=0.3)
    since = fake.mark()
    await fake.send_dm("/start")
    await fake.wait_for_message("experience level", since=since)
    posts = [c for c in fake.calls_since(since) if c.path == DM_MESSAGES]
    assert [c.status for c in posts[:2]] == [429, 200]
    assert posts[0].json == posts[1].json  # the same message, sent again
    assert posts[1].at - posts[0].at >= 0.3


async def test_429_on_an_interaction_callback_is_retried(
    fake: FakeDiscord, bot: RunningBot
) -> None:
    fake.fail_next(429, "/callback", retry_after=0.1)
    since = fake.mark()
    interaction_id = await fake.slash("status")
    await fake.wait_for(lambda c: c.path.endswith(ORIGINAL), since=since)
    tries = [c for c in fake.calls_since(since) if c.path.endswith("/callback")]
    assert [c.status for c in tries] == [429, 200]
    assert callback_of(fake, interaction_id).json["type"] == 5


async def test_server_error_is_retried(fake: FakeDiscord, bot: RunningBot) -> None:
    fake.fail_next(500, DM_MESSAGES)
    since = fake.mark()
    await fake.send_dm("/start")
    await fake.wait_for_message("experience level", since=since)
    posts = [c for c in fake.calls_since(since) if c.path == DM_MESSAGES]
    assert [c.status for c in posts[:2]] == [500, 200]
    assert posts[0].json == posts[1].json


async def test_closed_dms_are_explained_in_the_server(fake: FakeDiscord, bot: RunningBot) -> None:
    fake.fail_next(
        403, DM_MESSAGES, body={"message": "Cannot send messages to this user", "code": 50007}
    )
    since = fake.mark()
    await fake.slash("start")
    note = await fake.wait_for(lambda c: c.path.endswith(ORIGINAL), since=since)
    assert note.content == DMS_CLOSED
    assert not bot.errors


async def test_a_failing_turn_is_reported_without_text_and_apologised_for(
    fake: FakeDiscord,
    bot: RunningBot,
    sqlite_engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    secret = "my secret summary text"

    async def broken(message: IncomingMessage) -> list[Reply]:
        raise RuntimeError(f"boom while reading {message.text}")

    level = (await in_dm(fake, "/start", "experience level"))[-1]
    monkeypatch.setattr(sqlite_engine, "handle", broken)
    caplog.set_level(logging.INFO)
    # In the DM, from a slash command, and from a button: each is reported and apologised for.
    await in_dm(fake, secret, APOLOGY)
    since = fake.mark()
    await fake.slash("status")
    await fake.wait_for_message(APOLOGY, since=since)
    since = fake.mark()
    await fake.press(level, "rc:level:mid:1")
    await fake.wait_for_message(APOLOGY, since=since)
    assert [type(e).__name__ for e in bot.errors] == [
        "RuntimeError",
        "CommandInvokeError",
        "RuntimeError",
    ]
    bot.errors.clear()
    assert secret not in caplog.text
    assert "RuntimeError" in caplog.text


async def test_shard_count_from_the_environment(
    fake: FakeDiscord, sqlite_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def at_once(self: CoachBot, shard_id: int | None, *, initial: bool = False) -> None:
        return None

    # discord.py waits 5 s between two shards' IDENTIFY, as Discord asks; not needed here.
    monkeypatch.setattr(CoachBot, "before_identify_hook", at_once)
    settings = Settings(
        TOKEN, api_base_url=fake.api_url, gateway_url=fake.gateway_url, shard_count=2
    )
    async with running_bot(fake, sqlite_engine, settings) as running:
        assert sorted(f.d["shard"] for f in fake.frames if f.op == 2) == [[0, 2], [1, 2]]
        # A given count is used as is: nothing asks Discord for one.
        assert not any(c.path == "/gateway/bot" for c in fake.calls)
        # The server's events come on shard 1, DMs on shard 0: both reach the coach.
        await in_server(fake, "start", "experience level")
        await in_dm(fake, "/status", "Progress")
    assert not running.errors
    assert_well_formed(fake)


async def test_shard_count_is_asked_for_but_the_gateway_proxy_is_kept(
    fake: FakeDiscord, bot: RunningBot
) -> None:
    asked = [c for c in fake.calls if c.path == "/gateway/bot"]
    assert len(asked) == 1
    # The one connection went to DISCORD_GATEWAY_URL, identified as shard 0 of 1.
    assert [f.d["shard"] for f in fake.frames if f.op == 2] == [[0, 1]]
    assert bot.client.shard_count == 1


async def test_a_double_press_acts_once(fake: FakeDiscord, bot: RunningBot) -> None:
    level = (await in_dm(fake, "/start", "experience level"))[-1]
    since = fake.mark()
    # Two presses on the same message before the first is answered (a double click).
    await fake.press(level, "rc:level:junior:1")
    await fake.press(level, "rc:level:senior:1")
    await fake.wait_for_message("from an earlier message", since=since)
    texts = [c.content for c in dm_sends(fake.calls_since(since))]
    assert texts.count("Junior level, noted.") == 1
    assert not any("Senior level" in text for text in texts)
    # Each press was acknowledged exactly once (checked for every interaction at teardown).


async def test_stopping_waits_for_the_turn_in_flight(
    fake: FakeDiscord, bot: RunningBot, sqlite_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = asyncio.Event()
    started = asyncio.Event()
    handle = sqlite_engine.handle

    async def slow(message: IncomingMessage) -> list[Reply]:
        started.set()
        await release.wait()
        return await handle(message)

    monkeypatch.setattr(sqlite_engine, "handle", slow)
    since = fake.mark()
    await fake.send_dm("/start")
    await asyncio.wait_for(started.wait(), 10)
    draining = asyncio.create_task(bot.client.drain(timeout=10))
    await asyncio.sleep(0)  # let drain start waiting
    assert not draining.done()
    release.set()
    await asyncio.wait_for(draining, 10)
    # By the time drain returns, the reply is out.
    assert any("experience level" in c.content for c in fake.sent_messages(since))


@pytest.mark.parametrize("kind", ["pdf", "docx", "md", "txt"])
async def test_a_resume_file_sent_in_the_dm_is_reviewed(
    fake: FakeDiscord, bot: RunningBot, kind: str
) -> None:
    name, data = GOOD[kind]
    since = fake.mark()
    await fake.send_dm_file(name, data)
    review = await fake.wait_for_message("Your resume so far", since=since)
    assert "Experience" in review.content and "/100" in review.content
    assert fake.downloads and fake.downloads[-1].endswith(name)


@pytest.mark.parametrize("kind", ["pdf", "docx"])
async def test_review_with_a_file_option_reviews_it(
    fake: FakeDiscord, bot: RunningBot, kind: str
) -> None:
    name, data = GOOD[kind]
    since = fake.mark()
    await fake.slash_with_file("review", name, data)
    review = await fake.wait_for_message("Your resume so far", since=since)
    assert "/100" in review.content


@pytest.mark.parametrize("case", list(BAD), ids=list(BAD))
async def test_a_bad_file_in_the_dm_gets_one_sentence_and_nothing_is_stored(
    fake: FakeDiscord, bot: RunningBot, sqlite_engine: Engine, case: str
) -> None:
    name, data, declared, told, downloaded = BAD[case]
    since = fake.mark()
    fetched = len(fake.downloads)
    await fake.send_dm_file(name, data, declared_size=declared)
    answer = await fake.wait_for_message(told.split(".")[0][:20], since=since)
    assert answer.content.replace("\\", "") == told
    assert (len(fake.downloads) > fetched) is downloaded
    assert await sqlite_engine.store.load(UserKey("discord", str(USER_ID))) is None


async def test_edit_puts_the_text_in_the_writing_box(fake: FakeDiscord, bot: RunningBot) -> None:
    level = (await in_dm(fake, "/start", "experience level"))[-1]
    await press(fake, level, "level:mid", "full name")
    await in_dm(fake, "/skip", "Paste your summary")
    await in_dm(fake, SUMMARY, "/100")
    await in_dm(fake, "/next", "Skills")
    shown = (await in_dm(fake, "/back", "Your summary now"))[-1]
    await press(fake, shown, ":edit:", "to copy and change")
    edit = [c for c in fake.sent_messages() if "to copy and change" in c.content][-1]
    assert WRITE_BUTTON_ID in edit.custom_ids
    since = fake.mark()
    opened = await fake.press(edit, WRITE_BUTTON_ID)
    await fake.wait_for(lambda c: c.path.startswith(f"/interactions/{opened}/"), since=since)
    text_input = callback_of(fake, opened).json["data"]["components"][0]["components"][0]
    assert text_input["value"] == SUMMARY
