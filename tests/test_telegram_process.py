"""``resume-coach telegram`` as a real process against the fake Bot API, and its configuration."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import signal
import socket
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from adapters.config import ConfigError
from adapters.logs import RedactSecrets
from adapters.telegram_bot import run
from adapters.telegram_settings import (
    MISSING_TOKEN,
    REJECTED_TOKEN,
    Settings,
    file_url_for,
    webhook_from_env,
)
from tests.processes import BotProcess
from tests.telegram_fake import TOKEN, USER_ID, FakeBotApi, fake_bot_api

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotApi]:
    async with fake_bot_api() as server:
        yield server


def bot_env(tmp_path: Path, fake: FakeBotApi | None, **extra: str) -> dict[str, str]:
    """The process environment: no proxies, no Telegram settings but the ones given."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("TELEGRAM_")
        and name.lower() not in {"http_proxy", "https_proxy", "all_proxy"}
    }
    env.update(
        NO_PROXY="127.0.0.1,localhost",
        no_proxy="127.0.0.1,localhost",
        DATABASE_URL=str(tmp_path / "telegram.db"),
        PYTHONUNBUFFERED="1",
    )
    if fake is not None:
        env.update(TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_API_BASE_URL=fake.base_url)
    env.update(extra)
    return env


async def test_process_walkthrough_then_sigterm_finishes_the_turn_and_exits_0(
    fake: FakeBotApi, tmp_path: Path
) -> None:
    bot = BotProcess("telegram", tmp_path, bot_env(tmp_path, fake))
    await bot.start()
    try:
        await fake.wait_for(lambda c: c.method == "getUpdates", answered=False, timeout=30)
        commands = await fake.wait_call("setMyCommands")
        assert len(commands.params["commands"]) >= 10

        since = fake.mark()
        fake.send_text("/start")
        prompt = await fake.wait_call("sendMessage", "experience level", since)
        since = fake.mark()
        fake.press(prompt, prompt.button("Senior"))
        await fake.wait_call("sendMessage", "full name", since)
        await fake.wait_call("editMessageReplyMarkup", since=since)
        since = fake.mark()
        fake.send_text("/skip")
        await fake.wait_call("sendMessage", "Paste your summary", since)
        since = fake.mark()
        fake.send_text(
            "Senior backend engineer with 9 years of Go and Python, leading a team of 5 "
            "that runs payment APIs on PostgreSQL and Kafka at 3,000 requests per second."
        )
        await fake.wait_call("sendMessage", "Summary", since)

        # SIGTERM while the /draft reply is still on its way: the turn is finished first.
        release = fake.hold_next("sendMessage")
        since = fake.mark()
        fake.send_text("/draft")
        draft_update = fake.last_update_id
        await fake.wait_for(lambda c: c.method == "sendMessage", since, answered=False)
        assert bot.process is not None
        bot.process.send_signal(signal.SIGTERM)
        await bot.wait_for_log("stopping: waiting for")
        stopping = fake.mark()
        release.set()
        assert await bot.wait(timeout=20) == 0
    finally:
        bot.kill()
    draft = await fake.wait_call("sendMessage", "Your draft", since, timeout=1)
    assert "9 years of Go and Python" in draft.visible
    # Nothing was confirmed while the turn was held; once it finished, it was confirmed.
    polls = [c for c in fake.calls[since:] if c.method == "getUpdates"]
    held = [c for c in fake.calls[since:stopping] if c.method == "getUpdates"]
    assert all(int(c.params.get("offset", 0)) <= draft_update for c in held)
    assert int(polls[-1].params["offset"]) > draft_update
    assert fake.pending_updates == 0
    output = bot.output
    assert TOKEN not in output and TOKEN.partition(":")[2] not in output
    assert "Telegram bot stopped" in output
    assert "Senior backend engineer" not in output  # no resume text in the logs
    print("\n".join(fake.transcript()))


async def test_missing_token_exits_2_with_one_sentence(tmp_path: Path) -> None:
    bot = BotProcess("telegram", tmp_path, bot_env(tmp_path, None))
    await bot.start()
    try:
        assert await bot.wait() == 2
    finally:
        bot.kill()
    stderr = (tmp_path / "stderr.txt").read_text()
    assert stderr.splitlines() == [MISSING_TOKEN]
    assert MISSING_TOKEN.count(". ") == 0 and MISSING_TOKEN.endswith(".")
    assert (tmp_path / "stdout.txt").read_text() == ""


def test_blank_token_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(argparse.Namespace(db=None), env={"TELEGRAM_BOT_TOKEN": "  \t"}) == 2
    assert capsys.readouterr().err.strip() == MISSING_TOKEN


async def test_rejected_token_exits_2_without_printing_it(fake: FakeBotApi, tmp_path: Path) -> None:
    wrong = "654321:WRONG-token-never-to-be-printed"
    bot = BotProcess("telegram", tmp_path, bot_env(tmp_path, fake, TELEGRAM_BOT_TOKEN=wrong))
    await bot.start()
    try:
        assert await bot.wait() == 2
    finally:
        bot.kill()
    stderr = (tmp_path / "stderr.txt").read_text()
    assert stderr.splitlines()[-1] == REJECTED_TOKEN
    assert wrong not in stderr and wrong.partition(":")[2] not in stderr
    assert [c.method for c in fake.calls] == ["getMe"]


async def _wait_for_port(port: int, timeout: float) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            if asyncio.get_running_loop().time() > deadline:
                raise
            await asyncio.sleep(0.05)
        else:
            writer.close()
            return


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def test_webhook_mode_receives_updates_and_checks_the_secret(
    fake: FakeBotApi, tmp_path: Path
) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/tg/hook"
    env = bot_env(
        tmp_path,
        fake,
        TELEGRAM_WEBHOOK_URL=url,
        TELEGRAM_WEBHOOK_LISTEN="127.0.0.1",
        TELEGRAM_WEBHOOK_PORT=str(port),
        TELEGRAM_WEBHOOK_SECRET="s3cret-Value_1",
    )
    bot = BotProcess("telegram", tmp_path, env)
    await bot.start()
    try:
        hook = await fake.wait_call("setWebhook", timeout=30)
        assert hook.params["url"] == url
        assert hook.params["secret_token"] == "s3cret-Value_1"
        assert hook.params["allowed_updates"] == ["message", "callback_query"]
        update = {
            "update_id": 1,
            "message": {
                "message_id": 1,
                "date": 1,
                "chat": FakeBotApi.private_chat(),
                "from": FakeBotApi.user(),
                "text": "/start",
                "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
            },
        }
        fake.messages[(USER_ID, 1)] = update["message"]  # so the fake knows the chat
        # setWebhook may reach the fake a moment before the bot's own server listens.
        await _wait_for_port(port, timeout=20)
        async with aiohttp.ClientSession() as session:
            wrong = {"X-Telegram-Bot-Api-Secret-Token": "nope"}
            async with session.post(url, data=json.dumps(update), headers=wrong) as response:
                assert response.status == 403
            right = {
                "X-Telegram-Bot-Api-Secret-Token": "s3cret-Value_1",
                "Content-Type": "application/json",
            }
            async with session.post(url, data=json.dumps(update), headers=right) as response:
                assert response.status == 200
        await fake.wait_call("sendMessage", "experience level")
        assert bot.process is not None
        bot.process.send_signal(signal.SIGTERM)
        assert await bot.wait(timeout=20) == 0
    finally:
        bot.kill()
    assert TOKEN.partition(":")[2] not in bot.output


def test_settings_from_the_environment() -> None:
    settings = Settings.from_env(
        {"TELEGRAM_BOT_TOKEN": " 1:abc ", "TELEGRAM_API_BASE_URL": "http://localhost:8081/bot"}
    )
    assert settings.token == "1:abc"
    assert settings.base_url == "http://localhost:8081/bot"
    assert settings.base_file_url == "http://localhost:8081/file/bot"
    assert settings.webhook is None
    assert file_url_for("https://api.example.com/bot/") == "https://api.example.com/file/bot"
    for bad in ("localhost:8081/bot", "http://localhost:8081/", "ftp://host/bot"):
        with pytest.raises(ConfigError):
            file_url_for(bad)

    hook = webhook_from_env({"TELEGRAM_WEBHOOK_URL": "https://bot.example.com/tg/hook"})
    assert hook is not None
    assert (hook.listen, hook.port, hook.secret, hook.path) == ("0.0.0.0", 8443, None, "tg/hook")
    for bad_env in (
        {"TELEGRAM_WEBHOOK_PORT": "http"},
        {"TELEGRAM_WEBHOOK_PORT": "70000"},
        {"TELEGRAM_WEBHOOK_SECRET": "has spaces"},
    ):
        with pytest.raises(ConfigError):
            webhook_from_env({"TELEGRAM_WEBHOOK_URL": "https://bot.example.com/", **bad_env})


def test_the_token_never_reaches_a_log_line(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("tests.telegram.redact")
    handler = caplog.handler
    handler.addFilter(RedactSecrets([TOKEN, TOKEN.partition(":")[2]]))
    try:
        logger.warning("calling %s/getMe", f"http://api/bot{TOKEN}")
        try:
            raise RuntimeError(f"failed at /bot{TOKEN}/sendMessage")
        except RuntimeError:
            logger.exception("request failed")
    finally:
        handler.removeFilter(handler.filters[-1])
    text = caplog.text
    assert "[token]" in text
    assert TOKEN.partition(":")[2] not in text
