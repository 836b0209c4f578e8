"""The engine: one turn per message — load the user's progress, run the coach, commit, reply."""

from __future__ import annotations

import asyncio
import gc
import logging
import random
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Generic, TypeVar

from bot.analysis.english import is_everyday_word
from bot.deliveries import Deliveries
from bot.documents import Unreadable, read_resume_file
from bot.flow import Coach
from bot.knowledge import shared_knowledge
from bot.locks import KeyedLocks
from bot.pasting import FLUSH_AFTER_SECONDS, may_continue
from bot.progress import Progress
from bot.store import (
    Recent,
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
T = TypeVar("T")
R = TypeVar("R")

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


class _Batcher(Generic[T, R]):
    """Collect the requests of concurrent turns and serve them together, one call a batch.

    Each turn waits for the batch that carries its request; while one batch runs, the next
    one fills up. A failure of the batch reaches every turn waiting on it; the loop goes on.
    """

    def __init__(
        self, serve: Callable[[list[T]], Awaitable[list[R | Exception]]], name: str
    ) -> None:
        self._serve = serve
        self._name = name
        self._queue: asyncio.Queue[tuple[T, asyncio.Future[R]]] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    async def submit(self, request: T) -> R:
        """Queue one request and wait for its result."""
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name=self._name)
        future: asyncio.Future[R] = asyncio.get_running_loop().create_future()
        await self._queue.put((request, future))
        return await future

    async def _run(self) -> None:
        while True:
            batch = [await self._queue.get()]
            while len(batch) < BATCH_LIMIT and not self._queue.empty():
                batch.append(self._queue.get_nowait())
            try:
                results = await self._serve([request for request, _ in batch])
            except Exception as exc:
                results = [exc] * len(batch)
            for (_, future), result in zip(batch, results, strict=True):
                if future.done():
                    continue
                if isinstance(result, Exception):
                    future.set_exception(result)
                else:
                    future.set_result(result)

    async def close(self) -> None:
        """Stop serving."""
        if self._task is not None:
            self._task.cancel()
            with suppress(asyncio.CancelledError):
                await self._task


class Engine:
    """Platform-neutral: adapters pass ``IncomingMessage`` in and send the ``Reply`` list out."""

    def __init__(self, coach: Coach, store: Store) -> None:
        self.coach = coach
        self.store = store
        self._locks = KeyedLocks()
        # Group commit: the saves of concurrent turns in one transaction; and the reads of
        # users not in memory in one query.
        self._writer: _Batcher[SaveRequest, int] = _Batcher(self._save_batch, "group-commit")
        self._reader: _Batcher[UserKey, Stored | None] = _Batcher(self._load_batch, "group-load")
        # The last committed document of recent users, so a turn need not read it back.
        # Another process may have moved a row on meanwhile: the version check on save
        # catches that, and the turn is rerun on a fresh read.
        self._cache: OrderedDict[UserKey, Stored] = OrderedDict()
        self.throttle = Throttle()
        self._outage: str | None = None

    @classmethod
    async def open(cls, db: str | None = None, knowledge: Path | None = None) -> Engine:
        """Load the knowledge, open (and migrate) the database, then freeze the start-up heap."""
        coach = Coach(shared_knowledge(knowledge).role())
        # Loaded on first use otherwise: the first person to type a near-miss would wait for it.
        is_everyday_word("warm")
        # A database that is down at start-up is waited for, not fatal: users are told to
        # retry, and the coach carries on by itself once the database answers.
        store = await Store.open(database_url(db), wait_for_database=True)
        if not store.ready:
            log.error("storage unavailable at start-up, users are told to retry until it answers")
        # The knowledge, its indexes and the libraries are built for the life of the process:
        # taken out of the collector's sight, a full collection no longer walks them all and
        # stalls every conversation for tens of milliseconds. Start-up garbage is collected
        # first, so that none of it is kept for good.
        gc.collect()
        gc.freeze()
        return cls(coach, store)

    async def _save_batch(self, requests: list[SaveRequest]) -> list[int | Exception]:
        return list(await self.store.save_many(requests))

    async def _load_batch(self, keys: list[UserKey]) -> list[Stored | Exception | None]:
        found = await self.store.load_many(list(dict.fromkeys(keys)))
        return [found.get(key) for key in keys]

    async def handle(self, message: IncomingMessage) -> list[Reply]:
        """Run one turn; the replies are returned only after the new progress is committed."""
        if message.file is not None:
            # A sent file is a whole resume to review. Parsing is CPU work: a thread keeps
            # other people's turns going meanwhile.
            try:
                text = await asyncio.to_thread(
                    read_resume_file, message.file.name, message.file.data
                )
            except Unreadable as exc:
                return [reply(str(exc))]
            message = replace(message, text="/review " + text, file=None)
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
            stored = await self._reader.submit(key)
        window = Deliveries.load(stored.deliveries if stored else None)
        if message.message_id is not None and window.holds(message.message_id):
            # Delivered again (a restart, a retry): applied once already, so answered from
            # what that turn stored instead of being applied a second time.
            log.info("a message delivered again was recognised and not applied twice")
            return window.replay(message.message_id)
        progress = Progress.load(stored.data if stored else None)
        turn = self.coach.turn(progress, message, time.time())
        if turn.progress is None:
            self._cache.pop(key, None)
            await self.store.delete(key)
            return turn.replies
        data = turn.progress.dump()
        written = _written_window(window, message.message_id, turn.replies)
        document = None if written is None else written.dump()
        version = await self._writer.submit(
            SaveRequest(key, data, stored.version if stored else 0, document)
        )
        if document is None and stored is not None:
            document = stored.deliveries
        self._remember(key, Stored(data, version, document))
        if self._outage is not None:
            log.warning("storage is back")
            self._outage = None
        return turn.replies

    def _remember(self, key: UserKey, stored: Stored) -> None:
        self._cache[key] = stored
        self._cache.move_to_end(key)
        while len(self._cache) > CACHED_USERS:
            self._cache.popitem(last=False)

    @staticmethod
    def flush_after(message: IncomingMessage) -> float | None:
        """Seconds after which to send a flush for this message (a possible first part), or None.

        An adapter that gets no reply to a long message waits this long, then sends
        ``IncomingMessage(..., flush=True)``: if no next part came, the held text is answered.
        """
        if message.button is None and may_continue(message.platform, message.text):
            return FLUSH_AFTER_SECONDS
        return None

    async def recent_users(self, platform: str, since: datetime, limit: int) -> list[Recent]:
        """Users of a platform active since then (for catching up on missed messages)."""
        return await self.store.recent(platform, since, limit)

    async def close(self) -> None:
        """Stop the writer and release the database."""
        await self._writer.close()
        await self._reader.close()
        await self.store.close()


def _written_window(
    window: Deliveries, message_id: str | None, replies: list[Reply]
) -> Deliveries | None:
    """The deliveries to store with this turn's progress; None when they stay as they are."""
    if message_id is not None:
        return window.add(message_id, replies)
    if window.has_replies:
        # A later message is being handled, so the latest one's replies went out long ago.
        return window.settled()
    return None
