"""The timer behind a long paste: if a possible first part gets no next part, flush it."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

from adapters.logs import log_failure
from bot.engine import Engine
from bot.types import IncomingMessage, Reply

log = logging.getLogger(__name__)

Send = Callable[[list[Reply]], Awaitable[None]]


class Flusher:
    """Sends the engine a flush for a long message once its platform's split would have come.

    The held text itself is stored with the person's progress, so a stop that cancels a timer
    loses nothing: the person's next message joins or answers it.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._timers: set[asyncio.Task[Any]] = set()

    def after(self, message: IncomingMessage, send: Send) -> None:
        """Start the timer for a message that may be the first part of a split paste."""
        delay = self._engine.flush_after(message)
        if delay is None:
            return
        flush = replace(message, text="", message_id=None, file=None, flush=True)
        timer = asyncio.create_task(self._flush(flush, delay, send), name="paste-flush")
        self._timers.add(timer)
        timer.add_done_callback(self._timers.discard)

    async def _flush(self, flush: IncomingMessage, delay: float, send: Send) -> None:
        await asyncio.sleep(delay)
        try:
            replies = await self._engine.handle(flush)
            if replies:
                await send(replies)
        except Exception as exc:  # a timer has nobody to raise to: logged like any failure
            log_failure(log, "flushing a held paste", exc)

    async def close(self) -> None:
        """Cancel the timers (what they would flush stays stored for the next message)."""
        for timer in list(self._timers):
            timer.cancel()
        if self._timers:
            await asyncio.wait(self._timers, timeout=1)
