"""DMs the bot missed, read back from Discord and handled in order after a (re)connection.

Discord does not deliver a gateway event again: a DM sent while the bot is down, restarting
or reconnecting without a resume is simply never dispatched. So whenever the DM shard
connects or resumes, the bot reads the DM history of each recently active user from the
last message it handled on, and handles what was not answered yet, oldest first. Messages
already applied are recognised by the engine (their ids are stored with the progress); one
whose replies never went out is answered from the stored replies.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

import discord
from discord.utils import time_snowflake

from bot.deliveries import Deliveries
from bot.engine import Engine
from bot.store import Recent, StoreUnavailable

log = logging.getLogger(__name__)

# Bounds: how far back, for how many users, how many messages each. A restart or a deploy is
# minutes; someone who wrote more than an hour ago and got no answer has moved on.
WINDOW = timedelta(hours=1)
MOST_USERS = 500
MOST_MESSAGES = 50
# REST calls at once: Discord's rate limits are per route, and live traffic needs some too.
AT_ONCE = 4
# The longest a live DM waits for a catch-up: past it, it is handled anyway (a catch-up
# stuck on Discord's rate limits must not silence anyone).
LONGEST_WAIT_SECONDS = 30.0

Handler = Callable[[discord.Message], Awaitable[None]]


class CatchUp:
    """Reads back missed DMs; live DMs of a user being caught up wait for it, to keep order."""

    def __init__(self, client: discord.Client, engine: Engine, platform: str) -> None:
        self._client = client
        self._engine = engine
        self._platform = platform
        # Cleared until the list of users to catch up with is known.
        self._planned = asyncio.Event()
        self._pending: dict[int, asyncio.Event] = {}
        self._task: asyncio.Task[None] | None = None

    def begin(self, handle: Handler) -> None:
        """The DM shard (re)connected: catch up, with ``handle`` for each missed DM."""
        # Synchronous up to here: a DM dispatched after this event waits for the plan.
        self._planned.clear()
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = asyncio.create_task(self._run(handle), name="discord-catch-up")

    async def turn_of(self, user_id: int) -> None:
        """Wait until a live DM of this user may be handled: after their missed ones."""
        try:
            async with asyncio.timeout(LONGEST_WAIT_SECONDS):
                await self._planned.wait()
                waiting = self._pending.get(user_id)
                if waiting is not None:
                    await waiting.wait()
        except TimeoutError:
            log.warning("a DM waited too long for the catch-up; handled now")

    async def close(self) -> None:
        """Stop catching up (the bot is stopping)."""
        self._planned.set()
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def _run(self, handle: Handler) -> None:
        recent: list[Recent] = []
        try:
            since = datetime.now(UTC) - WINDOW
            recent = await self._engine.recent_users(self._platform, since, MOST_USERS)
        except StoreUnavailable as exc:
            log.warning("cannot catch up on missed DMs: %s", exc)
        finally:
            for user in recent:
                if user.user_id.isdigit():
                    self._pending.setdefault(int(user.user_id), asyncio.Event())
            self._planned.set()
        limit = asyncio.Semaphore(AT_ONCE)
        counts = await asyncio.gather(*(self._user(user, handle, limit) for user in recent))
        if sum(counts):
            log.info("caught up on %d missed DM(s) of %d user(s)", sum(counts), len(recent))

    async def _user(self, user: Recent, handle: Handler, limit: asyncio.Semaphore) -> int:
        """Handle one user's unanswered DMs; how many there were."""
        if not user.user_id.isdigit():
            return 0
        user_id = int(user.user_id)
        try:
            async with limit:
                channel = await self._client.create_dm(discord.Object(id=user_id))
                history = [
                    message
                    async for message in channel.history(
                        limit=MOST_MESSAGES,
                        after=discord.Object(id=start_after(user)),
                        oldest_first=True,
                    )
                ]
            missed = unanswered(history, self._client.user)
            for message in missed:
                await handle(message)
            return len(missed)
        except discord.HTTPException as exc:
            log.warning("could not read a DM history back (%s)", type(exc).__name__)
            return 0
        finally:
            waiting = self._pending.pop(user_id, None)
            if waiting is not None:
                waiting.set()


def start_after(user: Recent) -> int:
    """The snowflake to read the DM history after: just before the last DM handled.

    The last one handled is read too: when no reply of the bot follows it, its replies
    never went out, and the engine sends the stored ones.
    """
    floor = time_snowflake(datetime.now(UTC) - WINDOW)
    last = Deliveries.load(user.deliveries).last_id
    if last is not None and last.isdigit():
        return max(int(last) - 1, floor)
    return max(time_snowflake(user.updated_at), floor)


def unanswered(
    history: list[discord.Message], me: discord.ClientUser | None
) -> list[discord.Message]:
    """The people's messages after the bot's last one (history oldest first)."""
    mine = [n for n, message in enumerate(history) if me is not None and message.author.id == me.id]
    after = mine[-1] + 1 if mine else 0
    return [
        message for message in history[after:] if not message.author.bot and message.type in TYPED
    ]


# What a person writes; other message types (calls, pins) are not for the coach.
TYPED = frozenset({discord.MessageType.default, discord.MessageType.reply})
