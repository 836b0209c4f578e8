"""Drive many simulated users through the real engine and store, and print what it sustained.

Run: ``python -m bench.engine --users 200 --messages 40 --db URL --json``

Each user walks the coach the way a person would (level button, summary, skills, a job, bullets,
FAQ questions, /status, /draft, button presses), all users at once. Afterwards every user's stored
state is read back and compared with what the replies acknowledged: ``lost_updates`` counts users
whose stored turn counter or summary differs from what they were told was saved.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import resource
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.stats import percentile
from bot.engine import UNAVAILABLE, Engine
from bot.progress import Entry, Progress
from bot.store import SaveRequest, UserKey, database_url
from bot.types import IncomingMessage, Reply

PLATFORM = "bench"
# The line that scores a stored summary (after "Replaced your previous summary…" if any).
_SCORED = re.compile(r"^Summary: \d+/100", re.M)
SCRIPT: tuple[str, ...] = (
    "/start",
    "press:Mid",
    "/skip",
    "how long should my resume be?",
    "summary",
    "/status",
    "press:Keep it",
    "Python, Django, postgres, Docker, AWS, kubernets",
    "press:Keep it",
    "Backend Developer, Acme, 2021–now",
    "- Worked on backend services and fixed bugs\n"
    "- Built a billing API in Go handling 3k req/s\n"
    "- Cut p99 latency of search from 900 to 200 ms with Redis caching",
    "how many bullet points per job?",
    "/draft",
    "summary",
    "press:Show an example",
    "/back",
    "/next",
    "should I include projects?",
    "/status",
)


@dataclass
class SimulatedUser:
    """One user's side: what it sent, what was acknowledged."""

    user_id: str
    acknowledged: int = 0
    errors: int = 0
    last_summary: str | None = None
    latencies: list[float] = field(default_factory=list)
    buttons: dict[str, str] = field(default_factory=dict)


def _message(user: SimulatedUser, step: str, n: int, with_id: bool) -> IncomingMessage:
    """The next message of the script; a summary is unique per user and turn."""
    # Chat platforms give every message an id, which the engine stores with the turn.
    message_id = str(n) if with_id else None
    if step.startswith("press:"):
        label = step.split(":", 1)[1]
        value = next((v for k, v in user.buttons.items() if k.startswith(label)), None)
        if value is not None:
            return IncomingMessage(PLATFORM, user.user_id, button=value, message_id=message_id)
        step = "/status"
    if step == "summary":
        summary = (
            f"Backend developer {user.user_id} with {n % 9 + 2} years building payment APIs "
            "in Python and Django that serve 2M requests a day."
        )
        return IncomingMessage(PLATFORM, user.user_id, summary, message_id=message_id)
    return IncomingMessage(PLATFORM, user.user_id, step, message_id=message_id)


async def _run_user(engine: Engine, user: SimulatedUser, messages: int, with_ids: bool) -> None:
    for n in range(messages):
        message = _message(user, SCRIPT[n % len(SCRIPT)], n, with_ids)
        started = time.perf_counter()
        try:
            replies: list[Reply] = await engine.handle(message)
        except Exception:
            user.errors += 1
            continue
        user.latencies.append(time.perf_counter() - started)
        if any(r.text == UNAVAILABLE for r in replies):
            user.errors += 1
            continue
        user.acknowledged += 1
        if message.button is None and _summary_kept(replies):
            # Whatever text the coach scored as a summary is now the stored summary.
            user.last_summary = message.text
        user.buttons = {b.label: b.value for r in replies for b in r.buttons}


def _summary_kept(replies: list[Reply]) -> bool:
    # A summary sent outside the summary step is not stored; the reply says which happened.
    return any(_SCORED.search(r.text) for r in replies)


async def _lost_updates(engine: Engine, users: list[SimulatedUser]) -> int:
    lost = 0
    for user in users:
        stored = await engine.store.load(UserKey(PLATFORM, user.user_id))
        turn = stored.data.get("turn", 0) if stored else 0
        summary = stored.data["summary"]["text"] if stored else None
        if turn != user.acknowledged or (
            user.last_summary is not None and summary != user.last_summary
        ):
            lost += 1
    return lost


def _stored_document(n: int) -> dict[str, object]:
    """A realistic finished draft, so stored users weigh what real ones do."""
    progress = Progress(level="mid", step="review", started=True, turn=40)
    progress.summary.replace(
        f"Backend developer {n} with 5 years building payment APIs in Python and Django that "
        "serve 2M requests a day. Owned the billing service end to end."
    )
    progress.skills.replace("Python, Django, PostgreSQL, Redis, Docker, AWS, Kafka")
    role = Entry(header=f"Backend Developer, Company {n}, 2020–now")
    role.bullets.replace(
        "Built a billing API in Go handling 3k req/s\n"
        "Cut p99 latency of search from 900 to 200 ms with Redis caching\n"
        "Migrated 14 cron jobs to Celery, cutting failed runs from 12 to 1 a month"
    )
    progress.roles = [role]
    return progress.dump()


async def _populate(engine: Engine, count: int) -> None:
    """Store ``count`` idle users before the load starts."""
    for start in range(0, count, 500):
        batch = [
            SaveRequest(UserKey(PLATFORM, f"stored-{n}"), _stored_document(n), 0)
            for n in range(start, min(count, start + 500))
        ]
        await engine.store.save_many(batch)


async def _forget(engine: Engine, count: int) -> None:
    for n in range(count):
        await engine.store.delete(UserKey(PLATFORM, f"stored-{n}"))


async def run(
    users: int, messages: int, db: str | None, stored: int = 0, with_ids: bool = False
) -> dict[str, object]:
    """Run the load and return the figures."""
    with tempfile.TemporaryDirectory() as scratch:
        url = database_url(db or str(Path(scratch) / "bench.db"))
        engine = await Engine.open(url)
        # The bench measures the engine and its database, not the pacing of one person.
        engine.throttle.rate = 1e9
        try:
            await _populate(engine, stored)
            crowd = [SimulatedUser(f"user-{n}") for n in range(users)]
            started = time.perf_counter()
            await asyncio.gather(*(_run_user(engine, u, messages, with_ids) for u in crowd))
            elapsed = time.perf_counter() - started
            lost = await _lost_updates(engine, crowd)
            # Leave no bench users behind in a shared database.
            for user in crowd:
                await engine.store.delete(UserKey(PLATFORM, user.user_id))
            await _forget(engine, stored)
        finally:
            await engine.close()
    latencies = [t for u in crowd for t in u.latencies]
    handled = len(latencies)
    return {
        "backend": engine.store.backend,
        "users": users,
        "message_ids": with_ids,
        "stored_users": stored + users,
        "messages": handled,
        "messages_per_s": round(handled / elapsed, 1) if elapsed else 0.0,
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 2),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 2),
        "errors": sum(u.errors for u in crowd),
        "lost_updates": lost,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> None:
    """Parse arguments, run, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=200, help="simulated users at once")
    parser.add_argument("--messages", type=int, default=40, help="messages per user")
    parser.add_argument("--db", help="database URL or SQLite file (default: a temporary file)")
    parser.add_argument("--stored", type=int, default=0, help="idle users stored beforehand")
    parser.add_argument(
        "--message-ids",
        action="store_true",
        help="give every message a platform id, as Telegram and Discord do (stored per turn)",
    )
    parser.add_argument("--json", action="store_true", help="print exactly one JSON object")
    args = parser.parse_args()
    figures = asyncio.run(run(args.users, args.messages, args.db, args.stored, args.message_ids))
    if args.json:
        print(json.dumps(figures))
    else:
        for name, value in figures.items():
            print(f"{name:>15}: {value}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
