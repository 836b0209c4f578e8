"""Per-user pacing: a burst is answered in order, a flood is cut short with one notice."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from bot.store import UserKey

# A person pasting a few messages at once stays well inside these; a script or a stuck key
# does not.
RATE_PER_SECOND = 10.0
BURST = 20
MAX_WAITING = 40
# Forget users whose bucket has refilled, once this many are tracked.
TRACKED_USERS = 10_000


@dataclass
class _Bucket:
    tokens: float
    stamp: float
    notified: bool = False


@dataclass(frozen=True)
class Admission:
    """What to do with one message: wait this long, then handle it; or drop it."""

    wait: float
    drop: bool = False
    notify: bool = False


class Throttle:
    """A token bucket per user that may go into debt: messages in debt wait their turn."""

    def __init__(
        self,
        rate: float = RATE_PER_SECOND,
        burst: int = BURST,
        max_waiting: int = MAX_WAITING,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rate = rate
        self.burst = burst
        self.max_waiting = max_waiting
        self._clock = clock
        self._buckets: dict[UserKey, _Bucket] = {}

    def admit(self, key: UserKey) -> Admission:
        """Reserve a slot for one message of this user."""
        now = self._clock()
        bucket = self._buckets.get(key)
        if bucket is None:
            self._prune(now)
            bucket = self._buckets[key] = _Bucket(float(self.burst), now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.stamp) * self.rate)
        bucket.stamp = now
        if bucket.tokens >= self.burst:
            bucket.notified = False  # the flood is over; a new one earns a new notice
        if bucket.tokens - 1 < -self.max_waiting:
            notify = not bucket.notified
            bucket.notified = True
            return Admission(wait=0.0, drop=True, notify=notify)
        bucket.tokens -= 1
        wait = max(0.0, -bucket.tokens / self.rate)
        return Admission(wait=wait)

    def _prune(self, now: float) -> None:
        if len(self._buckets) < TRACKED_USERS:
            return
        idle = [
            key
            for key, b in self._buckets.items()
            if b.tokens + (now - b.stamp) * self.rate >= self.burst
        ]
        for key in idle:
            del self._buckets[key]
