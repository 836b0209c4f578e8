"""The turns in flight, so a stopping bot can let them finish before it closes."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

log = logging.getLogger(__name__)


class InFlight:
    """Tasks inside ``track()`` are waited for by ``drain()``."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()

    @asynccontextmanager
    async def track(self) -> AsyncIterator[None]:
        """Count the current task as in flight for the duration of the block."""
        task = asyncio.current_task()
        if task is None:
            yield
            return
        self._tasks.add(task)
        try:
            yield
        finally:
            self._tasks.discard(task)

    async def drain(self, timeout: float) -> None:
        """Wait (up to ``timeout`` seconds) for the tasks in flight, the caller's own aside."""
        pending = {task for task in self._tasks if task is not asyncio.current_task()}
        if pending:
            log.info("waiting for %d turn(s) in flight", len(pending))
            await asyncio.wait(pending, timeout=timeout)
