"""How Telegram's updates reach the handlers: each confirmed only once it has been handled.

python-telegram-bot's Updater confirms polled updates as soon as it has queued them (its next
getUpdates carries a higher offset), and its webhook server answers 200 before the update is
handled: whatever still waits in memory dies with the process, and Telegram never sends it
again. Here instead:

- polling: the offset sent to Telegram never passes an update that is not handled yet;
- webhook: a POST is answered only once its update is handled, so Telegram sends whatever was
  not answered again (to this process after a restart, or to another worker);
- updates of one chat are handled one at a time, in Telegram's order; other chats meanwhile.

"Handled" means the turn is committed and its replies are sent. An update that comes again
after a crash is recognised by the engine (its id is stored with the progress) and answered
from the stored replies instead of being applied twice.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections.abc import Awaitable, Callable, Hashable
from contextlib import suppress
from datetime import timedelta
from functools import partial
from typing import Any

from aiohttp import web
from telegram import Update
from telegram.error import InvalidToken, RetryAfter, TelegramError
from telegram.ext import Application

from adapters.logs import log_failure
from adapters.telegram_settings import Webhook

log = logging.getLogger(__name__)

App = Application[Any, Any, Any, Any, Any, Any]

# Long polling: Telegram holds each getUpdates up to this long while nothing happens.
POLL_TIMEOUT_SECONDS = 30
POLL_LIMIT = 100
ALLOWED_UPDATES = ["message", "callback_query"]
# While updates are in hand Telegram would answer a poll at once with them again, so the next
# poll waits until one of them is done (but at least the gap), or the longest wait at most
# (for other chats' new messages).
BUSY_POLL_GAP_SECONDS = 0.05
BUSY_POLL_SECONDS = 0.5
# SIGTERM: how long the updates in hand get to finish before the process exits regardless.
# What does not finish is not confirmed, so Telegram sends it again after the restart.
DRAIN_SECONDS = 8.0
# After the drain: the last confirmation (polling) or closing connections (webhook).
CLOSE_SECONDS = 1.0
FIRST_PAUSE_SECONDS = 0.5
LONGEST_PAUSE_SECONDS = 5.0
# Telegram's updates are a few KB; a generous bound keeps a stray upload from filling memory.
MAX_UPDATE_BYTES = 1024 * 1024
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class Dispatcher:
    """Runs updates through the application: a chat's in order, different chats side by side."""

    def __init__(self, app: App) -> None:
        self._app = app
        self._tails: dict[Hashable, asyncio.Task[None]] = {}
        self._by_id: dict[int, asyncio.Task[None]] = {}

    def submit(self, update: Update) -> asyncio.Task[None]:
        """Start handling an update once the earlier ones of its chat are done.

        The same update submitted again while it is still being handled (a webhook retry)
        shares the first one's task.
        """
        running = self._by_id.get(update.update_id)
        if running is not None:
            return running
        key = _order_key(update)
        task = asyncio.create_task(
            self._handle(update, self._tails.get(key)), name=f"update-{update.update_id}"
        )
        self._tails[key] = task
        self._by_id[update.update_id] = task
        task.add_done_callback(partial(self._forget, key, update.update_id))
        return task

    async def _handle(self, update: Update, previous: asyncio.Task[None] | None) -> None:
        if previous is not None:
            # Only the order matters here: how the previous update ended is its own business.
            await asyncio.wait([previous])
        try:
            await self._app.process_update(update)
        except Exception as exc:
            # The handlers' own errors go to the error handler; this is the rest. The update
            # counts as handled all the same: sending it again would fail the same way forever.
            log_failure(log, "dispatching an update", exc)

    def _forget(self, key: Hashable, update_id: int, task: asyncio.Task[None]) -> None:
        if self._tails.get(key) is task:
            del self._tails[key]
        self._by_id.pop(update_id, None)

    async def drain(self, timeout: float) -> None:
        """Wait up to ``timeout`` for the updates in hand; cancel whatever is left after it."""
        pending = set(self._by_id.values())
        if not pending:
            return
        log.info("stopping: waiting for %d update(s) in flight", len(pending))
        _, late = await asyncio.wait(pending, timeout=timeout)
        if late:
            # Not confirmed, so Telegram sends them again; a turn that did commit is then
            # recognised and answered from what it stored.
            log.warning("stopping: %d update(s) did not finish in time", len(late))
            for task in late:
                task.cancel()
            await asyncio.wait(late, timeout=CLOSE_SECONDS)


def _order_key(update: Update) -> Hashable:
    """What must be handled in order: a chat (a button press: the chat of its message)."""
    if update.effective_chat is not None:
        return ("chat", update.effective_chat.id)
    if update.effective_user is not None:
        return ("user", update.effective_user.id)
    return ("update", update.update_id)


class Poller:
    """Long polling that confirms an update only once it, and every earlier one, is handled."""

    def __init__(self, app: App, dispatcher: Dispatcher) -> None:
        self._bot = app.bot
        self._dispatcher = dispatcher
        # Fetched and not yet handled, oldest first (update ids only grow).
        self._in_hand: dict[int, asyncio.Task[None]] = {}
        self._next = 0  # the first update id not fetched yet
        self._confirmed = 0
        self._progress = asyncio.Event()

    @property
    def offset(self) -> int:
        """What getUpdates may confirm: everything before the oldest update still in hand."""
        return next(iter(self._in_hand), self._next)

    async def run(self, stop: asyncio.Event) -> None:
        """Poll until ``stop`` is set, then let the updates in hand finish and confirm them."""
        await retrying(lambda: self._bot.delete_webhook(drop_pending_updates=False), stop)
        log.info("receiving updates by long polling")
        try:
            pause = FIRST_PAUSE_SECONDS
            while not stop.is_set():
                try:
                    fetched = await self._poll(stop)
                except InvalidToken:
                    raise
                except TelegramError as exc:
                    log.warning("polling for updates failed (%s); trying again", type(exc).__name__)
                    await _pause(stop, _wait_for(exc, pause))
                    pause = min(pause * 2, LONGEST_PAUSE_SECONDS)
                    continue
                pause = FIRST_PAUSE_SECONDS
                if fetched is not None:
                    self._take(*fetched)
                if self._in_hand and not stop.is_set():
                    await self._until_progress(stop)
        finally:
            await self._dispatcher.drain(DRAIN_SECONDS)
            await self._confirm()

    async def _poll(self, stop: asyncio.Event) -> tuple[tuple[Update, ...], bool] | None:
        """One getUpdates, and whether it was sent with nothing in hand (None: stopped first).

        The offset it carries confirms everything handled so far.
        """
        self._progress.clear()
        offset = self.offset
        empty_handed = not self._in_hand
        fetch = asyncio.ensure_future(
            self._bot.get_updates(
                offset=offset,
                limit=POLL_LIMIT,
                timeout=0 if self._in_hand else POLL_TIMEOUT_SECONDS,
                allowed_updates=ALLOWED_UPDATES,
            )
        )
        if not await _first(fetch, stop):
            return None
        updates: tuple[Update, ...] = fetch.result()
        self._confirmed = offset
        return updates, empty_handed

    def _take(self, updates: tuple[Update, ...], empty_handed: bool) -> None:
        for update in updates:
            # Updates in hand come back in every poll until they are confirmed. Asked with
            # nothing in hand, everything is new, even an id below the last one: Telegram
            # starts the ids afresh after a week without updates.
            if update.update_id < self._next and not empty_handed:
                continue
            self._next = update.update_id + 1
            task = self._dispatcher.submit(update)
            self._in_hand[update.update_id] = task
            task.add_done_callback(partial(self._done, update.update_id))

    def _done(self, update_id: int, task: asyncio.Task[None]) -> None:
        if task.cancelled():
            # Cut short by a stop that ran out of time: not handled, so never confirmed.
            return
        self._in_hand.pop(update_id, None)
        self._progress.set()

    async def _until_progress(self, stop: asyncio.Event) -> None:
        await _pause(stop, BUSY_POLL_GAP_SECONDS)
        progress = asyncio.ensure_future(self._progress.wait())
        try:
            await _first(progress, stop, timeout=BUSY_POLL_SECONDS)
        finally:
            progress.cancel()

    async def _confirm(self) -> None:
        """Tell Telegram which updates are handled: the last call before the process exits."""
        if self.offset == self._confirmed:
            return
        try:
            await asyncio.wait_for(
                self._bot.get_updates(
                    offset=self.offset, limit=1, timeout=0, allowed_updates=ALLOWED_UPDATES
                ),
                CLOSE_SECONDS,
            )
        except (TelegramError, TimeoutError) as exc:
            # Harmless: they come again after the restart and are recognised then.
            log.warning("could not confirm the last updates (%s)", type(exc).__name__)


class WebhookReceiver:
    """Telegram's POSTs, each answered only once its update is handled."""

    def __init__(self, app: App, dispatcher: Dispatcher, hook: Webhook) -> None:
        self._bot = app.bot
        self._dispatcher = dispatcher
        self._hook = hook
        self.stopping = False

    async def run(self, stop: asyncio.Event) -> None:
        """Serve until ``stop`` is set, then finish the updates in hand and close."""
        server = web.Application(client_max_size=MAX_UPDATE_BYTES)
        server.router.add_post("/" + self._hook.path, self._receive)
        runner = web.AppRunner(
            server, access_log=None, handle_signals=False, shutdown_timeout=CLOSE_SECONDS
        )
        await runner.setup()
        site = web.TCPSite(runner, self._hook.listen, self._hook.port)
        try:
            # Listening before Telegram is told where to post.
            await site.start()
            await retrying(self._set_webhook, stop)
            log.info("receiving updates by webhook on port %d", self._hook.port)
            await stop.wait()
        finally:
            self.stopping = True
            # No new connections: whatever spreads requests sends them to another worker.
            await site.stop()
            await self._dispatcher.drain(DRAIN_SECONDS)
            await runner.cleanup()

    async def _set_webhook(self) -> object:
        # Every worker sets the same webhook; pending updates are kept, never dropped.
        return await self._bot.set_webhook(
            url=self._hook.url,
            secret_token=self._hook.secret,
            allowed_updates=ALLOWED_UPDATES,
            drop_pending_updates=False,
        )

    async def _receive(self, request: web.Request) -> web.Response:
        if self.stopping:
            # Telegram sends it again: to another worker, or here after the restart.
            return web.Response(status=503)
        secret = self._hook.secret
        if secret is not None and not hmac.compare_digest(
            request.headers.get(SECRET_HEADER, "").encode(), secret.encode()
        ):
            return web.Response(status=403)
        try:
            data = await request.json()
            update = Update.de_json(data, self._bot) if isinstance(data, dict) else None
        except (ValueError, TypeError, KeyError, AttributeError):
            update = None
        if update is None:
            return web.Response(status=400)
        # Shielded: a dropped connection must not cancel a turn half-way; Telegram's retry
        # then finds it handled.
        await asyncio.shield(self._dispatcher.submit(update))
        return web.Response(status=200)


async def retrying(action: Callable[[], Awaitable[object]], stop: asyncio.Event) -> bool:
    """Run a start-up call until it succeeds (True) or ``stop`` is set; a bad token raises."""
    pause = FIRST_PAUSE_SECONDS
    while not stop.is_set():
        call = asyncio.ensure_future(action())
        try:
            if not await _first(call, stop):
                return False
            call.result()
            return True
        except InvalidToken:
            raise
        except TelegramError as exc:
            log.warning("a start-up call to Telegram failed (%s); trying again", type(exc).__name__)
            await _pause(stop, _wait_for(exc, pause))
            pause = min(pause * 2, LONGEST_PAUSE_SECONDS)
    return False


async def _first(
    work: asyncio.Future[Any], stop: asyncio.Event, timeout: float | None = None
) -> bool:
    """Wait for ``work`` or ``stop``; True when the work finished, else it is cancelled."""
    stopping = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({work, stopping}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopping.cancel()
    if work.done():
        return True
    work.cancel()
    with suppress(asyncio.CancelledError, TelegramError):
        await work
    return False


async def _pause(stop: asyncio.Event, seconds: float) -> None:
    with suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)


def _wait_for(error: TelegramError, pause: float) -> float:
    """How long to wait before trying again: what Telegram asked for after a 429."""
    if not isinstance(error, RetryAfter):
        return pause
    asked = error.retry_after
    return asked.total_seconds() if isinstance(asked, timedelta) else float(asked)
