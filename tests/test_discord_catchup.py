"""Discord never sends a missed DM again: after a (re)start the bot reads them back itself."""

from __future__ import annotations

import re
import signal
from collections.abc import AsyncIterator
from pathlib import Path

import discord
import pytest

from adapters.discord_catchup import unanswered
from bot.store import Store, UserKey
from tests.delivery_load import MOST_SKIPS
from tests.discord_fake import USER_ID, FakeDiscord, RestCall, dm_channel_id, fake_discord
from tests.test_discord_process import DiscordProcess, bot_env


def summary(n: int) -> str:
    return f"Backend developer with {n + 1} years of Go and PostgreSQL building payment APIs."


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with fake_discord() as server:
        yield server


def replies_to_user(fake: FakeDiscord, since: int = 0) -> list[RestCall]:
    channel = f"/channels/{dm_channel_id(USER_ID)}/messages"
    return [c for c in fake.sent_messages(since) if c.path == channel]


async def stored_turn(tmp_path: Path) -> tuple[int, str]:
    store = await Store.open(str(tmp_path / "discord.db"))
    try:
        row = await store.load(UserKey("discord", str(USER_ID)))
    finally:
        await store.close()
    assert row is not None
    return int(row.data["turn"]), str(row.data["summary"]["text"])


async def walk_to_summary(fake: FakeDiscord) -> int:
    """/start, the level, then /skip until the summary step; how many messages that took."""
    for sent, text in enumerate(["/start", "mid", *["/skip"] * MOST_SKIPS], 1):
        since = fake.mark()
        await fake.send_dm(text)
        if text == "/start":
            await fake.wait_for_message("experience level", since=since)
            continue
        step = await fake.wait_for_message("Step ", since=since)
        if "Paste your summary" in step.content:
            return sent
    raise AssertionError("the summary step was not reached")


def years(answer: str) -> str | None:
    """The "(N years)" a summary's feedback quotes."""
    found = re.search(r"years (\(\d+ years\))", answer)
    return found.group(1) if found else None


async def start(tmp_path: Path, fake: FakeDiscord, run: int) -> DiscordProcess:
    folder = tmp_path / f"run{run}"
    folder.mkdir()
    bot = DiscordProcess(folder, bot_env(tmp_path, fake))
    await bot.start()
    await bot.wait_ready()
    return bot


async def test_dms_sent_while_the_bot_was_down_are_answered_after_it_starts(
    fake: FakeDiscord, tmp_path: Path
) -> None:
    bot = await start(tmp_path, fake, 1)
    try:
        setup = await walk_to_summary(fake)
        since = fake.mark()
        await fake.send_dm(summary(1))
        await fake.wait_for_message("(2 years)", since=since)

        # Killed after summary 2 was applied but before its reply reached Discord.
        release = fake.hold_next(f"/channels/{dm_channel_id(USER_ID)}/messages")
        since = fake.mark()
        await fake.send_dm(summary(2))
        await fake.wait_for(lambda c: c.status == 0, since=since)
        bot.kill()
        assert await bot.wait() == -signal.SIGKILL
        release.set()
        # While it is down: two more summaries and a /draft, which no gateway delivers.
        for text in (summary(3), summary(4), "/draft"):
            await fake.send_dm(text)
        assert [c.content for c in replies_to_user(fake, since)] == []

        bot = await start(tmp_path, fake, 2)
        draft = await fake.wait_for_message("Your draft", since=since, timeout=30)
        assert summary(4) in draft.content
        # A live DM afterwards comes after the ones read back.
        await fake.send_dm(summary(5))
        await fake.wait_for_message("(6 years)", since=since)
        assert bot.process is not None
        bot.process.send_signal(signal.SIGTERM)
        assert await bot.wait() == 0
    finally:
        bot.kill()
    answers = [c.content for c in replies_to_user(fake, since)]
    # Each summary answered exactly once, in the order sent; summary 2 from its stored replies.
    assert [years(a) for a in answers if years(a)] == [
        "(3 years)",
        "(4 years)",
        "(5 years)",
        "(6 years)",
    ], answers
    assert answers.index(draft.content) == 3
    # Applied once each: the way to the summary step, five summaries and the /draft.
    assert await stored_turn(tmp_path) == (setup + 6, summary(5))
    assert "caught up on 4 missed DM(s) of 1 user(s)" in bot.output


async def test_a_restart_with_nothing_missed_sends_nothing_again(
    fake: FakeDiscord, tmp_path: Path
) -> None:
    bot = await start(tmp_path, fake, 1)
    try:
        setup = await walk_to_summary(fake)
        assert bot.process is not None
        bot.process.send_signal(signal.SIGTERM)
        assert await bot.wait() == 0
        since = fake.mark()
        bot = await start(tmp_path, fake, 2)
        # A live DM waits for this person's catch-up: once it is answered, that is over.
        await fake.send_dm(summary(1))
        await fake.wait_for_message("(2 years)", since=since)
    finally:
        bot.kill()
    assert len(replies_to_user(fake, since)) == 1
    assert await stored_turn(tmp_path) == (setup + 1, summary(1))


def test_only_messages_after_the_bots_last_reply_are_unanswered() -> None:
    class Author:
        def __init__(self, user_id: int, bot: bool) -> None:
            self.id, self.bot = user_id, bot

    class Message:
        def __init__(self, user_id: int, bot: bool = False) -> None:
            self.author = Author(user_id, bot)
            self.type = discord.MessageType.default

    me = Author(1, True)
    person, other_bot = Message(2), Message(3, bot=True)
    mine = Message(1, bot=True)
    pinned = Message(2)
    pinned.type = discord.MessageType.pins_add
    history = [person, mine, person, other_bot, pinned, person]
    assert unanswered(history, me) == [history[2], history[5]]  # type: ignore[arg-type]
    assert unanswered([person, person], me) == [person, person]  # type: ignore[arg-type]
    assert unanswered([], me) == []
