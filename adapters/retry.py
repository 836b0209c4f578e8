"""Calls to a platform's API that are tried again when the network fails."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")

ATTEMPTS = 3
FIRST_PAUSE_SECONDS = 0.5


async def with_retries(
    action: Callable[[], Awaitable[T]],
    retry_on: type[BaseException] | tuple[type[BaseException], ...],
    never_on: type[BaseException] | tuple[type[BaseException], ...] = (),
    attempts: int = ATTEMPTS,
    pause: float = FIRST_PAUSE_SECONDS,
) -> T:
    """Run a call, again after a doubling pause while it fails with ``retry_on``.

    ``never_on`` is raised at once even when it is a kind of ``retry_on``: a request that is
    wrong in itself can't succeed by sending it again.
    """
    for attempt in range(1, attempts + 1):
        try:
            return await action()
        except never_on:
            raise
        except retry_on as exc:
            # A time-out may hide a call that did arrive; a rare duplicate beats a reply that
            # silently goes missing.
            if attempt == attempts:
                raise
            log.warning("an API call failed (%s); trying again", type(exc).__name__)
            await asyncio.sleep(pause * 2 ** (attempt - 1))
    raise AssertionError("unreachable")
