"""``resume-coach discord`` as a real process against the fake Discord, and its configuration."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from adapters.config import ConfigError
from adapters.discord_bot import SENT_TO_DM
from adapters.discord_settings import MISSING_TOKEN, REJECTED_TOKEN, Settings
from adapters.logs import RedactSecrets
from tests.discord_fake import TOKEN, FakeDiscord, fake_discord
from tests.processes import BotProcess

ROOT = Path(__file__).resolve().parent.parent
SUMMARY = (
    "Backend developer with 4 years of Python and Django experience, building REST APIs "
    "on PostgreSQL for payments; cut p95 latency by 40%."
)
EXIT_TIMEOUT = 20.0


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with fake_discord() as server:
        yield server


def bot_env(tmp_path: Path, fake: FakeDiscord | None, **extra: str) -> dict[str, str]:
    """The process environment: no proxies, no Discord settings but the ones given."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("DISCORD_")
        and name.lower() not in {"http_proxy", "https_proxy", "all_proxy"}
    }
    env.update(
        NO_PROXY="127.0.0.1,localhost",
        no_proxy="127.0.0.1,localhost",
        DATABASE_URL=str(tmp_path / "discord.db"),
        PYTHONUNBUFFERED="1",
    )
    if fake is not None:
        env.update(
            DISCORD_BOT_TOKEN=fake.token,
            DISCORD_API_BASE_URL=fake.api_url,
            DISCORD_GATEWAY_URL=fake.gateway_url,
        )
    env.update(extra)
    return env


class DiscordProcess(BotProcess):
    """The Discord bot as a process, which can also be waited on until it is ready."""

    def __init__(self, tmp_path: Path, env: dict[str, str]) -> None:
        super().__init__("discord", tmp_path, env)

    async def wait_ready(self, timeout: float = 30.0) -> None:
        """Wait until the process logs that it is ready (it polls its own log file)."""
        async with asyncio.timeout(timeout):
            while "Discord bot is ready" not in self.stderr:
                assert self.process is not None and self.process.returncode is None, self.output
                await asyncio.sleep(0.05)

    async def wait(self, timeout: float = EXIT_TIMEOUT) -> int:
        return await super().wait(timeout)


async def test_the_process_coaches_then_stops_cleanly_on_sigterm(
    fake: FakeDiscord, tmp_path: Path
) -> None:
    bot = DiscordProcess(tmp_path, bot_env(tmp_path, fake))
    await bot.start()
    try:
        await bot.wait_ready()
        since = fake.mark()
        await fake.slash("start")
        level = await fake.wait_for_message("experience level", since=since)
        await fake.wait_for_message(SENT_TO_DM, since=since)

        since = fake.mark()
        await fake.press(level, next(c for c in level.custom_ids if "level:mid" in c))
        await fake.wait_for_message("full name", since=since)
        since = fake.mark()
        await fake.send_dm("/skip")
        await fake.wait_for_message("Paste your summary", since=since)

        since = fake.mark()
        await fake.send_dm(SUMMARY)
        await fake.wait_for_message("/100", since=since)

        since = fake.mark()
        await fake.slash("draft")
        draft = await fake.wait_for_message("Your draft", since=since)
        assert "4 years of Python and Django" in draft.content
        await fake.wait_for_message(SENT_TO_DM, since=since)

        assert bot.process is not None
        bot.process.send_signal(signal.SIGTERM)
        assert await bot.wait() == 0
    finally:
        bot.kill()
        (tmp_path / "transcript.txt").write_text("\n".join(fake.transcript()) + "\n")
    output = bot.output
    assert TOKEN not in output
    # INFO logs, and none of them carries what the person wrote.
    assert "Discord bot is ready" in output
    assert "4 years of Python" not in output
    assert "Traceback" not in output
    assert "WARNING" not in output and "ERROR" not in output
    # The commands were published before the gateway connection, and the proxy was used.
    transcript = fake.transcript()
    assert any("PUT /applications/" in line for line in transcript)
    assert any("IDENTIFY" in line for line in transcript)
    print("\n".join(transcript[:25]))


async def test_missing_token_is_one_sentence_and_exit_2(tmp_path: Path) -> None:
    for token in (None, "   "):
        extra = {} if token is None else {"DISCORD_BOT_TOKEN": token}
        bot = DiscordProcess(tmp_path, bot_env(tmp_path, None, **extra))
        await bot.start()
        try:
            assert await bot.wait() == 2
        finally:
            bot.kill()
        assert bot.stderr.strip() == MISSING_TOKEN
        assert (tmp_path / "stdout.txt").read_text() == ""


async def test_rejected_token_is_one_sentence_and_exit_2(fake: FakeDiscord, tmp_path: Path) -> None:
    env = bot_env(tmp_path, fake, DISCORD_BOT_TOKEN="not-the-token")
    bot = DiscordProcess(tmp_path, env)
    await bot.start()
    try:
        assert await bot.wait() == 2
    finally:
        bot.kill()
    assert REJECTED_TOKEN in bot.stderr.splitlines()
    assert "not-the-token" not in bot.output
    assert "Traceback" not in bot.output


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("DISCORD_GUILD_ID", "my-server", "DISCORD_GUILD_ID"),
        ("DISCORD_API_BASE_URL", "discord.com/api", "DISCORD_API_BASE_URL"),
        ("DISCORD_GATEWAY_URL", "http://127.0.0.1:1/gateway", "DISCORD_GATEWAY_URL"),
        ("DISCORD_SHARD_COUNT", "0", "DISCORD_SHARD_COUNT"),
        ("DISCORD_SHARD_COUNT", "two", "DISCORD_SHARD_COUNT"),
    ],
)
def test_bad_settings_are_explained(name: str, value: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message) as caught:
        Settings.from_env({"DISCORD_BOT_TOKEN": TOKEN, name: value})
    text = str(caught.value)
    assert text.endswith(".") and text.count(". ") == 0


def test_settings_from_the_environment() -> None:
    settings = Settings.from_env(
        {
            "DISCORD_BOT_TOKEN": f" {TOKEN}\n",
            "DISCORD_GUILD_ID": "1200000000000000001",
            "DISCORD_API_BASE_URL": "http://127.0.0.1:8080/api/v10/",
            "DISCORD_GATEWAY_URL": "ws://127.0.0.1:8081/",
            "DISCORD_SHARD_COUNT": "4",
        }
    )
    assert settings == Settings(
        TOKEN, 1200000000000000001, "http://127.0.0.1:8080/api/v10", "ws://127.0.0.1:8081/", 4
    )
    assert Settings.from_env({"DISCORD_BOT_TOKEN": TOKEN}) == Settings(TOKEN)
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({})
    assert str(caught.value) == MISSING_TOKEN


def test_the_token_is_redacted_from_log_lines() -> None:
    record = logging.LogRecord(
        "discord", logging.INFO, __file__, 1, "token %s here", (TOKEN,), None
    )
    assert RedactSecrets([TOKEN]).filter(record)
    assert record.getMessage() == "token [token] here"
