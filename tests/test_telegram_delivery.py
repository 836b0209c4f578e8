"""How updates are confirmed to Telegram: only once handled, in each chat's order."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator

import aiohttp
import pytest
from telegram import Update

from adapters import telegram_delivery as delivery
from adapters.telegram_bot import build_application, start
from adapters.telegram_delivery import Dispatcher, WebhookReceiver
from adapters.telegram_settings import Webhook
from bot.engine import Engine
from bot.store import UserKey
from tests.delivery_load import MOST_SKIPS, free_port
from tests.telegram_fake import USER_ID, FakeBotApi, fake_bot_api, running_bot

OTHER_USER = USER_ID + 1


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotApi]:
    async with fake_bot_api() as server:
        yield server


async def walk_to_summary(fake: FakeBotApi) -> int:
    """/start, the level, then /skip until the summary step; how many messages that took."""
    for sent, text in enumerate(["/start", "mid", *["/skip"] * MOST_SKIPS], 1):
        since = fake.mark()
        fake.send_text(text)
        if text == "/start":
            await fake.wait_call("sendMessage", "experience level", since)
            continue
        step = await fake.wait_for(
            lambda c: c.method == "sendMessage" and c.ok and c.visible.startswith("Step "), since
        )
        if "Paste your summary" in step.visible:
            return sent
    raise AssertionError("the summary step was not reached")


def offsets(fake: FakeBotApi, since: int = 0) -> list[int]:
    return [int(c.params.get("offset", 0)) for c in fake.calls[since:] if c.method == "getUpdates"]


async def test_polling_confirms_nothing_before_it_is_handled_and_others_go_on(
    fake: FakeBotApi, sqlite_engine: Engine
) -> None:
    async with running_bot(fake, sqlite_engine):
        since = fake.mark()
        release = fake.hold_next("sendMessage")
        fake.send_text("/help")
        held = fake.last_update_id
        fake.send_text("/status")  # the same chat: waits for the /help before it
        fake.send_text("/help", OTHER_USER)  # another chat: answered meanwhile
        await fake.wait_for(lambda c: c.method == "sendMessage", since, answered=False)
        other = await fake.wait_for(
            lambda c: c.method == "sendMessage" and int(c.params["chat_id"]) == OTHER_USER, since
        )
        assert all(offset <= held for offset in offsets(fake, since))
        assert not any(int(c.params["chat_id"]) == USER_ID for c in fake.sent(since))
        release.set()
        status = await fake.wait_call("sendMessage", "Progress", since)
        await fake.wait_until(lambda: fake.pending_updates == 0)
    texts = [c.visible for c in fake.sent(since) if int(c.params["chat_id"]) == USER_ID]
    assert texts[0].startswith("What I can do") and status.visible in texts[1:]
    assert other.ok


async def test_an_update_delivered_again_is_answered_again_not_applied_again(
    fake: FakeBotApi, sqlite_engine: Engine
) -> None:
    async with running_bot(fake, sqlite_engine) as running:
        setup = await walk_to_summary(fake)
        since = fake.mark()
        summary = fake.send_text("Backend developer with 5 years of Go and PostgreSQL.")
        first = await fake.wait_call("sendMessage", "Summary", since)
        # The same update once more, as Telegram sends it after a crash before confirming.
        since = fake.mark()
        again_update = {"update_id": fake.last_update_id, "message": summary}
        await running.app.process_update(Update.de_json(again_update, running.app.bot))
        again = await fake.wait_call("sendMessage", "Summary", since)
    assert again.visible == first.visible and again.buttons == first.buttons
    row = await sqlite_engine.store.load(UserKey("telegram", str(USER_ID)))
    assert row is not None and row.data["turn"] == setup + 1


@contextlib.asynccontextmanager
async def webhook_bot(
    fake: FakeBotApi, engine: Engine, secret: str | None = "s3cret"
) -> AsyncIterator[tuple[str, asyncio.Event, WebhookReceiver]]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    app = build_application(
        fake.token, engine, base_url=fake.base_url, base_file_url=fake.base_file_url
    )
    await app.initialize()
    await start(app)
    stop = asyncio.Event()
    receiver = WebhookReceiver(app, Dispatcher(app), Webhook(url, "127.0.0.1", port, secret))
    receiving = asyncio.create_task(receiver.run(stop))
    await fake.wait_call("setWebhook")
    try:
        yield url, stop, receiver
    finally:
        stop.set()
        await receiving
        await app.shutdown()


async def test_a_webhook_post_is_answered_only_once_its_update_is_handled(
    fake: FakeBotApi, sqlite_engine: Engine
) -> None:
    async with (
        webhook_bot(fake, sqlite_engine) as (url, stop, receiver),
        aiohttp.ClientSession() as session,
    ):
        right = {"X-Telegram-Bot-Api-Secret-Token": "s3cret"}
        async with session.post(url, data="not json", headers=right) as response:
            assert response.status == 400
        async with session.post(url, json={"update_id": 5}, headers={}) as response:
            assert response.status == 403
        release = fake.hold_next("sendMessage")
        fake.send_text("/help")
        await fake.wait_for(lambda c: c.method == "sendMessage", answered=False)
        [post] = fake.webhook.posts
        assert post.status is None  # still open while the reply is on its way
        # Stopping with the turn in flight: a new update is refused (Telegram sends it again,
        # to another worker or after the restart); the one in flight is finished and answered.
        stop.set()
        while not receiver.stopping:
            await asyncio.sleep(0.01)
        async with session.post(url, json={"update_id": 6}, headers=right) as response:
            assert response.status == 503
        release.set()
        await fake.wait_until(lambda: fake.pending_updates == 0)
        assert post.status == 200


async def test_a_webhook_update_whose_answer_failed_is_sent_again_and_applied_once(
    fake: FakeBotApi, sqlite_engine: Engine
) -> None:
    async with webhook_bot(fake, sqlite_engine, secret=None):
        since = fake.mark()
        fake.send_text("/start")
        await fake.wait_call("sendMessage", "experience level", since)
        await fake.wait_until(lambda: fake.pending_updates == 0)
        # As if the answer to Telegram had been lost: the same update comes again.
        update_id = fake.last_update_id
        first = next(c for c in fake.sent(since) if "experience level" in c.visible)
        since = fake.mark()
        fake.push(update_id=update_id, message=dict(fake.messages[(USER_ID, 100)]))
        again = await fake.wait_call("sendMessage", "experience level", since)
        await fake.wait_until(lambda: fake.pending_updates == 0)
    assert again.buttons == first.buttons  # the same turn's buttons: not a second /start
    assert json.dumps(again.params.get("reply_markup"), sort_keys=True) == json.dumps(
        first.params.get("reply_markup"), sort_keys=True
    )


async def test_a_turn_cut_short_by_a_slow_stop_is_not_confirmed(
    fake: FakeBotApi, sqlite_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(delivery, "DRAIN_SECONDS", 0.2)
    release = fake.hold_next("sendMessage")
    try:
        async with running_bot(fake, sqlite_engine):
            since = fake.mark()
            fake.send_text("/help")
            held = fake.last_update_id
            await fake.wait_for(lambda c: c.method == "sendMessage", since, answered=False)
        # Stopped while the reply was still held: left for Telegram to send again.
        assert all(offset <= held for offset in offsets(fake, since))
        assert fake.pending_updates == 1
    finally:
        release.set()
