"""The real discord.py client started against the local fake Discord, for tests and transcripts."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from discord.gateway import DiscordWebSocket
from discord.http import Route

from adapters.discord_bot import CoachBot, use_endpoints
from adapters.discord_settings import Settings
from bot.engine import Engine
from tests.discord_fake import TOKEN, FakeDiscord, fake_discord


@asynccontextmanager
async def discord_fake() -> AsyncIterator[FakeDiscord]:
    """A running fake Discord that discord.py is pointed at; the library's endpoints restored."""
    saved = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    async with fake_discord() as server:
        use_endpoints(server.api_url, server.gateway_url)
        try:
            yield server
        finally:
            # Process-wide settings of the library: the next test must not inherit them.
            Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = saved


@dataclass
class RunningBot:
    """A started client and the failures its handlers reported."""

    client: CoachBot
    errors: list[BaseException]


@asynccontextmanager
async def running_bot(
    fake: FakeDiscord, engine: Engine, settings: Settings | None = None
) -> AsyncIterator[RunningBot]:
    """Start the bot against the fake until it is ready; close it afterwards."""
    client = CoachBot(
        engine,
        settings or Settings(TOKEN, api_base_url=fake.api_url, gateway_url=fake.gateway_url),
        guild_ready_timeout=0.1,
    )
    running = RunningBot(client, [])
    on_error, on_tree_error = client.on_error, client.tree.on_error

    async def collect_error(event: str, *args: Any, **kwargs: Any) -> None:
        running.errors.append(sys.exc_info()[1] or RuntimeError(event))
        await on_error(event, *args, **kwargs)

    async def collect_tree_error(interaction: Any, error: Exception) -> None:
        running.errors.append(error)
        await on_tree_error(interaction, error)

    client.on_error = collect_error  # type: ignore[method-assign]
    client.tree.on_error = collect_tree_error  # type: ignore[method-assign]
    task = asyncio.create_task(client.start(TOKEN))
    ready = asyncio.create_task(client.wait_until_ready())
    try:
        done, _ = await asyncio.wait({task, ready}, timeout=15, return_when="FIRST_COMPLETED")
        if task in done:
            task.result()  # raises why the bot could not start
        assert ready in done, "the bot did not become ready"
        yield running
    finally:
        ready.cancel()
        await client.close()
        await asyncio.wait_for(task, 10)
