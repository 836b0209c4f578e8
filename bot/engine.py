"""The engine: one turn per message — load the user's progress, run the coach, commit, reply."""

from __future__ import annotations

import asyncio
import logging
import random
from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from pathlib import Path

from bot.flow import Coach
from bot.knowledge import shared_knowledge
from bot.progress import Progress
from bot.store import (
    SaveRequest,
    Store,
    Stored,
    StoreUnavailable,
    UserKey,
    VersionConflict,
    database_url,
)
from bot.throttle import Throttle
from bot.types import IncomingMessage, Reply, reply

log = logging.getLogger(__name__)

CONFLICT_RETRIES = 30
BACKOFF_SECONDS = 0.002
# How many users' latest progress stays in memory; beyond it the least recent are reloaded.
CACHED_USERS = 10_000
# The most writes one transaction carries.
BATCH_LIMIT = 500
UNAVAILABLE = (
    "I can't reach my storage right now, so nothing was saved. Please try again in a moment."
)
SLOW_DOWN = (
    "You sent many messages at once. I answered them in order up to here and skipped the rest; "
    "please send one message at a time."
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


class _GroupCommit:
    """Collect the saves of concurrent turns and commit them together, one transaction a batch.

    Each turn waits for the commit that carries its save, so no reply leaves before its state
    is durable; while one batch commits, the next one fills up.
    """

    def __init__(self, store: Store) -> None:
        self._store = store
        self._queue: asyncio.Queue[tuple[SaveRequest, asyncio.Future[int]]] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    async def save(self, request: SaveRequest) -> int:
        """Queue one save and wait until it is committed; its new version."""
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name="group-commit")
        future: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        await self._queue.put((request, future))
        return await future

    async def _run(self) -> None:
        while True:
            batch = [await self._queue.get()]
            while len(batch) < BATCH_LIMIT and not self._queue.empty():
                batch.append(self._queue.get_nowait())
            try:
                results = await self._store.save_many([request for request, _ in batch])
            except Exception as exc:  # every waiting turn learns of it, the writer goes on
                for _, future in batch:
                    if not future.done():
                        future.set_exception(exc)
                continue
            for (_, future), result in zip(batch, results, strict=True):
                if future.done():
                    continue
                if isinstance(result, VersionConflict):
                    future.set_exception(result)
                else:
                    future.set_result(result)

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with suppress(asyncio.CancelledError):
                await self._task


class _GroupLoad:
    """Read the progress of many users that are not in memory with one query a batch.

    When many people write at once (a crowd arriving, a restart), each turn would otherwise
    run a query of its own; batched, the first wave costs one round trip.
    """

    def __init__(self, store: Store) -> None:
        self._store = store
        self._queue: asyncio.Queue[tuple[UserKey, asyncio.Future[Stored | None]]] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    async def load(self, key: UserKey) -> Stored | None:
        """Queue one read and wait for the batch that carries it."""
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name="group-load")
        future: asyncio.Future[Stored | None] = asyncio.get_running_loop().create_future()
        await self._queue.put((key, future))
        return await future

    async def _run(self) -> None:
        while True:
            batch = [await self._queue.get()]
            while len(batch) < BATCH_LIMIT and not self._queue.empty():
                batch.append(self._queue.get_nowait())
            try:
                found = await self._store.load_many(list(dict.fromkeys(k for k, _ in batch)))
            except Exception as exc:  # every waiting turn learns of it, the reader goes on
                for _, future in batch:
                    if not future.done():
                        future.set_exception(exc)
                continue
            for key, future in batch:
                if not future.done():
                    future.set_result(found.get(key))

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with suppress(asyncio.CancelledError):
                await self._task


class Engine:
    """Platform-neutral: adapters pass ``IncomingMessage`` in and send the ``Reply`` list out."""

    def __init__(self, coach: Coach, store: Store) -> None:
        self.coach = coach
        self.store = store
        self._locks = _KeyedLocks()
        self._writer = _GroupCommit(store)
        self._reader = _GroupLoad(store)
        # The last committed document of recent users, so a turn need not read it back.
        # Another process may have moved a row on meanwhile: the version check on save
        # catches that, and the turn is rerun on a fresh read.
        self._cache: OrderedDict[UserKey, Stored] = OrderedDict()
        self.throttle = Throttle()
        self._outage: str | None = None

    @classmethod
    async def open(cls, db: str | None = None, knowledge: Path | None = None) -> Engine:
        """Load the knowledge and open (and migrate) the database."""
        coach = Coach(shared_knowledge(knowledge).role())
        # A database that is down at start-up is waited for, not fatal: users are told to
        # retry, and the coach carries on by itself once the database answers.
        store = await Store.open(database_url(db), wait_for_database=True)
        if not store.ready:
            log.error("storage unavailable at start-up, users are told to retry until it answers")
        return cls(coach, store)

    async def handle(self, message: IncomingMessage) -> list[Reply]:
        """Run one turn; the replies are returned only after the new progress is committed."""
        key = UserKey(message.platform, message.user_id)
        admission = self.throttle.admit(key)
        if admission.drop:
            # A flood: one notice, then silence until it stops; nothing of it is stored.
            return [reply(SLOW_DOWN)] if admission.notify else []
        if admission.wait:
            # Paced, not refused: this user's messages are answered in order, and nobody
            # else waits for them.
            await asyncio.sleep(admission.wait)
        async with self._locks.hold(key):
            for attempt in range(CONFLICT_RETRIES):
                try:
                    return await self._turn(key, message)
                except VersionConflict:
                    # Another process changed this user meanwhile; the turn is pure, so rerun it
                    # on a fresh read, after a random pause so that two processes stop colliding.
                    self._cache.pop(key, None)
                    await asyncio.sleep(random.uniform(0, BACKOFF_SECONDS * 2 ** min(attempt, 6)))
                except StoreUnavailable as exc:
                    self._cache.pop(key, None)
                    self._report_outage(str(exc))
                    return [reply(UNAVAILABLE)]
        log.error("gave up after %d version conflicts", CONFLICT_RETRIES)
        return [reply(UNAVAILABLE)]

    def _report_outage(self, problem: str) -> None:
        # One line when the database goes away (and one when it is back), not one per message.
        if self._outage != problem:
            log.error("storage unavailable, users are told to retry: %s", problem)
        self._outage = problem

    async def _turn(self, key: UserKey, message: IncomingMessage) -> list[Reply]:
        stored = self._cache.get(key)
        if stored is None:
            stored = await self._reader.load(key)
        progress = Progress.load(stored.data if stored else None)
        turn = self.coach.turn(progress, message)
        if turn.progress is None:
            self._cache.pop(key, None)
            await self.store.delete(key)
            return turn.replies
        data = turn.progress.dump()
        version = await self._writer.save(SaveRequest(key, data, stored.version if stored else 0))
        self._remember(key, Stored(data, version))
        if self._outage is not None:
            log.warning("storage is back")
            self._outage = None
        return turn.replies

    def _remember(self, key: UserKey, stored: Stored) -> None:
        self._cache[key] = stored
        self._cache.move_to_end(key)
        while len(self._cache) > CACHED_USERS:
            self._cache.popitem(last=False)

    async def close(self) -> None:
        """Stop the writer and release the database."""
        await self._writer.close()
        await self._reader.close()
        await self.store.close()
