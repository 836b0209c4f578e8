"""The engine: one turn per message — load the user's progress, run the coach, commit, reply."""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from bot.flow import Coach
from bot.knowledge import shared_knowledge
from bot.progress import Progress
from bot.store import Store, StoreUnavailable, UserKey, VersionConflict, database_url
from bot.types import IncomingMessage, Reply, reply

log = logging.getLogger(__name__)

CONFLICT_RETRIES = 30
BACKOFF_SECONDS = 0.002
UNAVAILABLE = (
    "I can't reach my storage right now, so nothing was saved. Please try again in a moment."
)


class _KeyedLocks:
    """One lock per user, dropped when nobody waits on it, so memory does not grow with users."""

    def __init__(self) -> None:
        self._locks: dict[UserKey, tuple[asyncio.Lock, int]] = {}

    @asynccontextmanager
    async def hold(self, key: UserKey) -> AsyncIterator[None]:
        lock, users = self._locks.get(key, (asyncio.Lock(), 0))
        self._locks[key] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[key]
            if users <= 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)


class Engine:
    """Platform-neutral: adapters pass ``IncomingMessage`` in and send the ``Reply`` list out."""

    def __init__(self, coach: Coach, store: Store) -> None:
        self.coach = coach
        self.store = store
        self._locks = _KeyedLocks()

    @classmethod
    async def open(cls, db: str | None = None, knowledge: Path | None = None) -> Engine:
        """Load the knowledge and open (and migrate) the database."""
        coach = Coach(shared_knowledge(knowledge).role())
        store = await Store.open(database_url(db))
        return cls(coach, store)

    async def handle(self, message: IncomingMessage) -> list[Reply]:
        """Run one turn; the replies are returned only after the new progress is committed."""
        key = UserKey(message.platform, message.user_id)
        async with self._locks.hold(key):
            for attempt in range(CONFLICT_RETRIES):
                try:
                    return await self._turn(key, message)
                except VersionConflict:
                    # Another process changed this user meanwhile; the turn is pure, so rerun it,
                    # after a random pause so that two processes stop colliding.
                    await asyncio.sleep(random.uniform(0, BACKOFF_SECONDS * 2 ** min(attempt, 6)))
                except StoreUnavailable as exc:
                    log.warning("storage unavailable: %s", exc)
                    return [reply(UNAVAILABLE)]
        log.error("gave up after %d version conflicts", CONFLICT_RETRIES)
        return [reply(UNAVAILABLE)]

    async def _turn(self, key: UserKey, message: IncomingMessage) -> list[Reply]:
        stored = await self.store.load(key)
        progress = Progress.load(stored.data if stored else None)
        turn = self.coach.turn(progress, message)
        if turn.progress is None:
            await self.store.delete(key)
        else:
            await self.store.save(key, turn.progress.dump(), stored.version if stored else 0)
        return turn.replies

    async def close(self) -> None:
        """Release the database."""
        await self.store.close()
