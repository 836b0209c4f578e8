"""The fake Bot API's webhook side: it posts updates to the bot the way Telegram does.

Modelled on the Bot API server's WebhookActor: updates are queued per chat, one update of a
chat at a time, chats in parallel (up to ``max_connections``); an update is forgotten only
when the bot answers 2xx. Any other answer, a timeout or a dropped connection sends it again
later, with a doubling pause (Telegram: 1 s doubling up to a minute or two; here shorter, so
that tests stay quick).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import aiohttp

FIRST_RETRY_SECONDS = 0.05
MAX_RETRY_SECONDS = 0.8
POST_TIMEOUT_SECONDS = 30.0


@dataclass
class Post:
    """One attempt to deliver an update: its id, its chat, and how it ended."""

    update_id: int
    chat: int
    at: float
    status: int | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the bot answered 2xx, so the update counts as delivered."""
        return self.status is not None and 200 <= self.status < 300


def chat_of(update: dict[str, Any]) -> int:
    """The queue an update belongs to: its chat (a button press: the chat of its message)."""
    if "message" in update:
        return int(update["message"]["chat"]["id"])
    if "edited_message" in update:
        return int(update["edited_message"]["chat"]["id"])
    query = update.get("callback_query") or {}
    if query.get("message"):
        return int(query["message"]["chat"]["id"])
    return -int(update["update_id"])  # no chat: a queue of its own


class WebhookSender:
    """Posts the fake's pending updates to the webhook URL until each is answered 2xx."""

    def __init__(
        self,
        pending: list[dict[str, Any]],
        changed: Callable[[], None],
        max_connections: int = 40,
    ) -> None:
        self.url = ""
        self.secret: str | None = None
        self.posts: list[Post] = []
        self._pending = pending  # the fake's own list: delivered updates are removed from it
        self._changed = changed
        self._max = max_connections
        self._busy: set[int] = set()  # chats with an update on its way
        self._retry_at: dict[int, float] = {}  # update id → when it may be sent again
        self._delay: dict[int, float] = {}
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._posting: set[asyncio.Task[None]] = set()
        self._session: aiohttp.ClientSession | None = None
        self.on_post: Callable[[Post], None] | None = None

    def start(self, url: str, secret: str | None) -> None:
        """Deliver to this URL from now on."""
        self.url, self.secret = url, secret
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="fake-webhook")
        self.notify()

    def notify(self) -> None:
        """Something changed: a new update, an answer, a pause that ended."""
        self._wake.set()

    async def stop(self) -> None:
        """Stop delivering (deleteWebhook, or the fake shutting down)."""
        for task in [self._task, *self._posting]:
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        self._task = None
        self._posting.clear()
        self._busy.clear()
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def _run(self) -> None:
        # Every request on a connection of its own, so that whatever spreads requests between
        # workers sees each one.
        self._session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(force_close=True),
            timeout=aiohttp.ClientTimeout(total=POST_TIMEOUT_SECONDS),
        )
        while True:
            self._wake.clear()
            pause = self._send_ready()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), pause)

    def _send_ready(self) -> float:
        """Start a post for each chat whose next update may go now; how long until the next."""
        now = time.monotonic()
        soonest = 1.0
        seen: set[int] = set()
        for update in list(self._pending):
            chat = chat_of(update)
            if chat in seen or chat in self._busy:
                seen.add(chat)
                continue
            seen.add(chat)  # later updates of this chat wait for this one
            ready_at = self._retry_at.get(update["update_id"], 0.0)
            if ready_at > now:
                soonest = min(soonest, ready_at - now)
                continue
            if len(self._busy) >= self._max:
                break
            self._busy.add(chat)
            task = asyncio.create_task(self._post(update, chat))
            self._posting.add(task)
            task.add_done_callback(self._posting.discard)
        return soonest

    async def _post(self, update: dict[str, Any], chat: int) -> None:
        post = Post(update["update_id"], chat, time.monotonic())
        self.posts.append(post)
        headers = {"Content-Type": "application/json"}
        if self.secret is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = self.secret
        assert self._session is not None
        try:
            if self.on_post is not None:
                self.on_post(post)
            async with self._session.post(self.url, json=update, headers=headers) as response:
                await response.read()
                post.status = response.status
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            post.error = type(exc).__name__
        finally:
            self._busy.discard(chat)
        if post.ok:
            with contextlib.suppress(ValueError):
                self._pending.remove(update)
            self._retry_at.pop(post.update_id, None)
            self._delay.pop(post.update_id, None)
        else:
            delay = self._delay.get(post.update_id, FIRST_RETRY_SECONDS)
            self._retry_at[post.update_id] = time.monotonic() + delay
            self._delay[post.update_id] = min(delay * 2, MAX_RETRY_SECONDS)
        self._changed()
        self.notify()
