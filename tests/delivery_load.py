"""People typing to ``resume-coach telegram`` while its processes are killed and restarted.

Each person sends /start, their level, 15 summaries and two /drafts without waiting for
answers, while a conductor SIGKILLs the bot at chosen moments and starts it again on the same
database. Afterwards every reply the fake received and every user's stored progress are
compared with what was sent. ``tests/test_delivery.py`` asserts on the figures; running this
module prints them (``python -m tests.delivery_load --mode polling|webhook|workers``).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import signal
import socket
import sys
import tempfile
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

from bot.store import Store, UserKey
from tests.balancer import Balancer
from tests.processes import BotProcess
from tests.telegram_fake import Call, FakeBotApi, fake_bot_api
from tests.telegram_webhook import Post

FIRST_USER = 7_000_001
HOOK_PATH = "/tg/hook"
SECRET = "delivery-Test_secret"


def summary_text(user: int, n: int) -> str:
    """Summary ``n`` of a user: scored by the coach, whose feedback quotes its n + 1 years."""
    return f"Backend developer {user} draft {n} with {n + 1} years of Go and PostgreSQL."


def summary_number(call: Call) -> int | None:
    """Which summary a feedback reply answers (its quoted years, less one)."""
    found = _YEARS.search(call.visible)
    return int(found.group(1)) - 1 if found else None


# The summary feedback's "Good: years (6 years)".
_YEARS = re.compile(r"years \((\d+) years\)")
# Steps between the level and the summary are skipped on the way there.
MOST_SKIPS = 10


@dataclass
class Figures:
    """What one run measured."""

    mode: str
    messages: int
    kills: int
    graceful_stops: int
    lost: int
    handled_twice: int
    answered_again: int
    stale_drafts: int
    unconfirmed: int
    served: tuple[int, ...] = ()  # connections each worker took (two workers only)


class Crowd:
    """The people: what each sends, and what each got back."""

    def __init__(self, fake: FakeBotApi, users: int, summaries: int, pause: float) -> None:
        self.fake = fake
        self.users = [FIRST_USER + n for n in range(users)]
        self.summaries = summaries
        self.pause = pause
        self.sent = 0
        self.setup = 0  # messages each user sent to reach the summary step

    def script(self, user: int) -> list[str]:
        """The summaries, with a /draft halfway and one at the end."""
        half = self.summaries // 2
        first = [summary_text(user, n) for n in range(1, half + 1)]
        rest = [summary_text(user, n) for n in range(half + 1, self.summaries + 1)]
        return [*first, "/draft", *rest, "/draft"]

    @property
    def total(self) -> int:
        """How many messages the crowd sends in all."""
        return len(self.users) * (self.setup + self.summaries + 2)

    @property
    def final_turn(self) -> int:
        """The turn counter once every message was applied once (each one counts a turn)."""
        return self.setup + self.summaries + 2

    async def start(self) -> None:
        """Everybody sends /start and their level, then skips on to the summary step."""
        texts = ["/start", "mid"]
        for _ in range(MOST_SKIPS):
            since = self.fake.mark()
            for user in self.users:
                for text in texts:
                    self.fake.send_text(text, user)
            self.sent += len(texts) * len(self.users)
            self.setup += len(texts)
            prompts = [await self._next_step(user, since) for user in self.users]
            if all("Paste your summary" in prompt for prompt in prompts):
                return
            texts = ["/skip"]
        raise AssertionError("the summary step was not reached")

    async def _next_step(self, user: int, since: int) -> str:
        """The next step's prompt ("Step n of m") this user was shown after ``since``."""
        call = await self.fake.wait_for(
            lambda c: (
                c.method == "sendMessage"
                and c.ok
                and int(c.params["chat_id"]) == user
                and c.visible.startswith("Step ")
            ),
            since,
            timeout=60,
        )
        return call.visible

    async def type(self) -> None:
        """Everybody types at once, a short random pause between their messages."""
        await asyncio.gather(*(self._type(user) for user in self.users))

    async def _type(self, user: int) -> None:
        pace = random.Random(user)
        for text in self.script(user):
            self.fake.send_text(text, user)
            self.sent += 1
            await asyncio.sleep(pace.uniform(0, 2 * self.pause))

    async def sent_at_least(self, share: float) -> None:
        """Wait until this share of all messages has been sent."""
        setup = self.setup * len(self.users)
        while self.sent < setup + share * (self.total - setup):
            await asyncio.sleep(0.01)

    def _replies(self, user: int) -> list[Call]:
        return [
            c
            for c in self.fake.sent()
            if c.method == "sendMessage" and int(c.params["chat_id"]) == user
        ]

    def answered(self) -> bool:
        """Whether every user's last summary and last /draft have been answered."""
        return all(
            any(summary_text(u, self.summaries) in c.visible for c in self._replies(u))
            and any(summary_number(c) == self.summaries for c in self._replies(u))
            for u in self.users
        )

    async def settle(self, timeout: float = 120.0) -> None:
        """Wait until everything is answered, or the timeout.

        No "quiet for a few seconds" shortcut: on a busy machine a restarted bot can take that
        long to come up, and its messages would be counted lost while they are on their way.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not self.answered() and loop.time() < deadline:
            await asyncio.sleep(0.1)
        # Replays of the last turns may still be on their way: a short quiet moment more.
        await asyncio.sleep(0.3)

    def count(self, mode: str, stored: dict[int, tuple[int, str]], fleet: Fleet) -> Figures:
        """The figures of the run, from the replies and the stored progress."""
        lost = twice = again = stale = 0
        for user in self.users:
            user_lost, user_twice, user_again, user_stale = self._count_user(
                user, stored.get(user, (0, ""))
            )
            lost += user_lost
            twice += user_twice
            again += user_again
            stale += user_stale
        return Figures(
            mode,
            self.sent,
            fleet.kills,
            fleet.stops,
            lost,
            twice,
            again,
            stale,
            self.fake.pending_updates,
        )

    def _count_user(self, user: int, stored: tuple[int, str]) -> tuple[int, int, int, int]:
        replies = self._replies(user)
        # Per summary, the turn numbers its answers carry: the same one again is a replay, a
        # different one a second application.
        answers: dict[int, Counter[str]] = {}
        for call in replies:
            number = summary_number(call)
            if number is not None:
                answers.setdefault(number, Counter())[_turn_of(call)] += 1
        turn, summary = stored
        lost = sum(1 for n in range(1, self.summaries + 1) if n not in answers)
        if summary != summary_text(user, self.summaries) and lost == 0:
            lost = 1
        twice = max(sum(len(turns) - 1 for turns in answers.values()), turn - self.final_turn)
        again = sum(n - 1 for turns in answers.values() for n in turns.values())
        drafts = Counter(c.visible for c in replies if "Your draft" in c.visible)
        half = self.summaries // 2
        wanted = [summary_text(user, half), summary_text(user, self.summaries)]
        shown = [any(w in text for text in drafts) for w in wanted]
        stale = sum(1 for text in drafts if not any(w in text for w in wanted))
        lost += max(0, shown.count(False) - stale)
        again += sum(n - 1 for n in drafts.values())
        for marker in ("experience level", "Mid level, noted", "Paste your summary"):
            found = sum(marker in c.visible for c in replies)
            lost += found == 0
            again += max(0, found - 1)
        return lost, twice, again, stale


def _turn_of(call: Call) -> str:
    """The turn a reply's buttons carry (the last part of their values)."""
    return next((data.rpartition(":")[2] for _, data in call.buttons), "")


class Fleet:
    """The bot processes of a run: started, SIGKILLed, restarted and stopped with SIGTERM."""

    def __init__(self, tmp_path: Path, envs: list[dict[str, str]]) -> None:
        self.tmp_path = tmp_path
        self.envs = envs
        self.bots: list[BotProcess | None] = [None] * len(envs)
        self.runs = 0
        self.kills = 0
        self.stops = 0

    async def start(self, index: int) -> None:
        """Start worker ``index`` (its output in a folder of its own per run)."""
        self.runs += 1
        folder = self.tmp_path / f"worker{index}-run{self.runs}"
        folder.mkdir()
        bot = BotProcess("telegram", folder, self.envs[index])
        await bot.start()
        self.bots[index] = bot

    def pid(self, index: int) -> int:
        """The process id of worker ``index``."""
        bot = self.bots[index]
        assert bot is not None and bot.process is not None
        return bot.process.pid

    async def kill(self, index: int) -> None:
        """SIGKILL worker ``index`` (if a hook has not already) and wait until it is gone."""
        bot = self.bots[index]
        assert bot is not None
        bot.kill()
        assert await bot.wait() == -signal.SIGKILL, bot.output
        self.kills += 1

    async def terminate(self, index: int) -> int:
        """SIGTERM worker ``index``; its exit code."""
        bot = self.bots[index]
        assert bot is not None and bot.process is not None
        bot.process.send_signal(signal.SIGTERM)
        code = await bot.wait(timeout=30)
        self.stops += 1
        return code

    def cleanup(self) -> None:
        """Kill whatever still runs (after a failed test)."""
        for bot in self.bots:
            if bot is not None:
                bot.kill()

    def output(self) -> str:
        """Every run's output, for a failure message."""
        return "\n".join(
            path.read_text(errors="replace")[-3000:]
            for path in sorted(self.tmp_path.glob("worker*/stderr.txt"))
        )


def _kill_now(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


async def kill_after_fetch(fake: FakeBotApi, fleet: Fleet, index: int, webhook: bool) -> None:
    """SIGKILL right after updates reached the bot, before it could have handled them."""
    loop = asyncio.get_running_loop()
    fired = asyncio.Event()
    pid = fleet.pid(index)

    def fire() -> None:
        if not fired.is_set():
            fired.set()
            # A moment for the answer to arrive: fetched, then killed mid-way.
            loop.call_later(0.002, _kill_now, pid)

    def on_answer(call: Call) -> None:
        if call.method == "getUpdates" and call.result:
            fire()

    def on_post(_post: Post) -> None:
        fire()

    if webhook:
        fake.webhook.on_post = on_post
    else:
        fake.on_answer = on_answer
    try:
        await asyncio.wait_for(fired.wait(), 30)
    finally:
        fake.on_answer, fake.webhook.on_post = None, None
    await fleet.kill(index)


async def kill_with_replies_held(fake: FakeBotApi, fleet: Fleet, index: int) -> None:
    """SIGKILL while turns are committed but their replies are held at the fake."""
    release = fake.pause("sendMessage")
    try:
        while len(fake.waiting("sendMessage")) < 2:
            await asyncio.sleep(0.01)
        await fleet.kill(index)
    finally:
        release.set()


async def kill_at_random(fleet: Fleet, index: int, pace: random.Random) -> None:
    """SIGKILL at a moment nobody chose."""
    await asyncio.sleep(pace.uniform(0.05, 0.4))
    await fleet.kill(index)


async def stop_gracefully(fake: FakeBotApi, fleet: Fleet, index: int) -> None:
    """SIGTERM while replies are held: the turns in flight finish, then it exits 0."""
    bot = fleet.bots[index]
    assert bot is not None and bot.process is not None
    release = fake.pause("sendMessage")
    try:
        while not fake.waiting("sendMessage"):
            await asyncio.sleep(0.01)
        bot.process.send_signal(signal.SIGTERM)
        await asyncio.sleep(0.2)  # it stops taking updates; the held turns wait to finish
    finally:
        release.set()
    code = await bot.wait(timeout=30)
    assert code == 0, fleet.output()
    fleet.stops += 1


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def bot_env(fake: FakeBotApi, db: str, **extra: str) -> dict[str, str]:
    """The environment of one bot process: the fake's address, the database, no proxies."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("TELEGRAM_", "DISCORD_"))
        and name.lower() not in {"http_proxy", "https_proxy", "all_proxy"}
    }
    env.update(
        NO_PROXY="127.0.0.1,localhost",
        no_proxy="127.0.0.1,localhost",
        DATABASE_URL=db,
        PYTHONUNBUFFERED="1",
        TELEGRAM_BOT_TOKEN=fake.token,
        TELEGRAM_API_BASE_URL=fake.base_url,
    )
    env.update(extra)
    return env


def webhook_env(fake: FakeBotApi, db: str, url: str, port: int) -> dict[str, str]:
    """A webhook worker listening on ``port``; Telegram posts to ``url``."""
    return bot_env(
        fake,
        db,
        TELEGRAM_WEBHOOK_URL=url,
        TELEGRAM_WEBHOOK_LISTEN="127.0.0.1",
        TELEGRAM_WEBHOOK_PORT=str(port),
        TELEGRAM_WEBHOOK_SECRET=SECRET,
    )


async def stored_progress(db: str, users: list[int]) -> dict[int, tuple[int, str]]:
    """Each user's stored turn counter and summary."""
    store = await Store.open(db)
    try:
        found = await store.load_many([UserKey("telegram", str(user)) for user in users])
    finally:
        await store.close()
    return {
        int(key.user_id): (int(row.data["turn"]), str(row.data["summary"]["text"]))
        for key, row in found.items()
    }


async def conduct(fake: FakeBotApi, fleet: Fleet, crowd: Crowd, webhook: bool) -> None:
    """The kills: after a fetch, with replies held, at random; a SIGTERM; one worker or two."""
    pace = random.Random(15)
    workers = len(fleet.envs)
    moments = [
        (0.15, lambda i: kill_after_fetch(fake, fleet, i, webhook)),
        (0.35, lambda i: kill_with_replies_held(fake, fleet, i)),
        (0.55, lambda i: kill_at_random(fleet, i, pace)),
        (0.75, lambda i: stop_gracefully(fake, fleet, i)),
    ]
    for number, (share, event) in enumerate(moments):
        await crowd.sent_at_least(share)
        index = number % workers
        await event(index)
        await fleet.start(index)


async def run(
    mode: str, tmp_path: Path, db: str, users: int = 20, summaries: int = 15, pause: float = 0.4
) -> Figures:
    """One run of ``mode`` (polling, webhook, workers); its figures."""
    async with fake_bot_api() as fake:
        crowd = Crowd(fake, users, summaries, pause)
        envs, balancer = _environments(mode, fake, db)
        fleet = Fleet(tmp_path, envs)
        try:
            if balancer is not None:
                await balancer.start()
            for index in range(len(envs)):
                await fleet.start(index)
            await crowd.start()
            typing = asyncio.create_task(crowd.type())
            await conduct(fake, fleet, crowd, webhook=mode != "polling")
            await typing
            await crowd.settle()
            for index in range(len(envs)):
                assert await fleet.terminate(index) == 0, fleet.output()
        finally:
            fleet.cleanup()
            if balancer is not None:
                await balancer.stop()
        stored = await stored_progress(db, crowd.users)
        figures = crowd.count(mode, stored, fleet)
        if balancer is not None:
            figures.served = tuple(balancer.chosen.count(n) for n in range(len(envs)))
        return figures


def _environments(
    mode: str, fake: FakeBotApi, db: str
) -> tuple[list[dict[str, str]], Balancer | None]:
    if mode == "polling":
        return [bot_env(fake, db)], None
    if mode == "webhook":
        port = free_port()
        return [webhook_env(fake, db, f"http://127.0.0.1:{port}{HOOK_PATH}", port)], None
    ports = [free_port(), free_port()]
    balancer = Balancer([("127.0.0.1", port) for port in ports])
    balancer.port = free_port()
    url = f"http://127.0.0.1:{balancer.port}{HOOK_PATH}"
    return [webhook_env(fake, db, url, port) for port in ports], balancer


def main() -> None:
    """Run one mode and print its figures as one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mode", choices=["polling", "webhook", "workers"], default="polling")
    parser.add_argument("--db", help="database URL (default: a temporary SQLite file)")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--summaries", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        db = args.db or str(Path(scratch) / "coach.db")
        figures = asyncio.run(run(args.mode, Path(scratch), db, args.users, args.summaries))
    print(json.dumps(asdict(figures)))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
