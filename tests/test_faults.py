"""What the coach survives: a killed process, a database going away, a read-only disk, floods."""

from __future__ import annotations

import asyncio
import logging
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import make_url

from bot.engine import SLOW_DOWN, UNAVAILABLE, Engine
from bot.store import Store, UserKey
from bot.types import IncomingMessage
from tests.chat import Chat
from tests.databases import admin
from tests.tcp_proxy import TcpProxy

ROOT = Path(__file__).resolve().parent.parent


async def _summary_of(engine: Engine, user: str, platform: str = "crash") -> str:
    stored = await engine.store.load(UserKey(platform, user))
    assert stored is not None
    text: str = stored.data["summary"]["text"]
    return text


async def test_sigkill_mid_load_loses_no_acknowledged_message(db_url: str, tmp_path: Path) -> None:
    users = 20
    driver = subprocess.Popen(
        [sys.executable, "-m", "tests.crash_driver", db_url, str(users)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    acknowledged: dict[str, int] = {}
    assert driver.stdout is not None
    try:
        assert driver.stdout.readline().strip() == "ready"
        while sum(1 for _ in acknowledged) < users or min(acknowledged.values()) < 5:
            name, number = driver.stdout.readline().split()[1:]
            acknowledged[name] = int(number)
        driver.send_signal(signal.SIGKILL)
        # Acknowledgements already written before the kill count too.
        for line in driver.stdout:
            if line.startswith("ack "):
                name, number = line.split()[1:]
                acknowledged[name] = max(acknowledged[name], int(number))
    finally:
        driver.kill()
        driver.wait(timeout=30)
    assert driver.returncode == -signal.SIGKILL

    engine = await Engine.open(db_url)
    try:
        for name, last in acknowledged.items():
            summary = await _summary_of(engine, name)
            kept = int(summary.split(" draft ")[1].split()[0])
            # What was acknowledged is there; one more may have committed without its ack.
            assert kept >= last, (name, kept, last)
    finally:
        await engine.close()
    print(f"killed after {sum(acknowledged.values()) + users} acknowledged messages; all found")


@pytest.fixture
async def postgres_proxy(postgres_database: str) -> AsyncIterator[tuple[str, TcpProxy]]:
    await admin(postgres_database, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public")
    url = make_url(postgres_database)
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    await proxy.start()
    through = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    try:
        yield through, proxy
    finally:
        await proxy.stop()


async def test_database_away_then_back(
    postgres_proxy: tuple[str, TcpProxy], caplog: pytest.LogCaptureFixture
) -> None:
    url, proxy = postgres_proxy
    engine = await Engine.open(url)
    try:
        chat = Chat(engine, "outage-1")
        await chat.send("/start")
        await chat.press("Mid")
        await chat.send("/skip")
        await chat.send("Backend developer with 5 years of Go building billing APIs.")
        await proxy.stop()
        caplog.clear()
        with caplog.at_level(logging.INFO):
            for _ in range(5):
                replies = await chat.send("/status")
                assert [r.text for r in replies] == [UNAVAILABLE]
        outage_lines = [r for r in caplog.records if "storage unavailable" in r.getMessage()]
        assert len(outage_lines) == 1
        assert not any(r.exc_info for r in caplog.records)
        await proxy.start()
        deadline = time.monotonic() + 20
        while True:
            replies = await chat.send("/draft")
            if replies[0].text != UNAVAILABLE or time.monotonic() > deadline:
                break
            await asyncio.sleep(0.5)
        assert "billing APIs" in chat.text
    finally:
        await engine.close()


async def test_coach_starts_while_the_database_is_down(
    postgres_proxy: tuple[str, TcpProxy],
) -> None:
    url, proxy = postgres_proxy
    await proxy.stop()
    engine = await Engine.open(url)
    try:
        assert not engine.store.ready
        replies = await engine.handle(IncomingMessage("telegram", "early", "/start"))
        assert [r.text for r in replies] == [UNAVAILABLE]
        await proxy.start()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            replies = await engine.handle(IncomingMessage("telegram", "early", "/start"))
            if replies[0].text != UNAVAILABLE:
                break
            await asyncio.sleep(0.5)
        assert "experience level" in "\n".join(r.text for r in replies)
    finally:
        await engine.close()


async def test_wrong_database_url_keeps_the_process_up() -> None:
    engine = await Engine.open("postgresql://postgres@127.0.0.1:1/nowhere")
    try:
        for _ in range(3):
            replies = await engine.handle(IncomingMessage("console", "x", "/start"))
            assert [r.text for r in replies] == [UNAVAILABLE]
    finally:
        await engine.close()


async def test_read_only_database_gives_one_clear_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "coach.db"
    store = await Store.open(str(path))  # create and migrate the file, then reopen it read-only
    await store.close()
    engine = await Engine.open(f"sqlite+aiosqlite:///file:{path}?mode=ro&uri=true")
    try:
        with caplog.at_level(logging.INFO):
            for n in range(5):
                replies = await engine.handle(IncomingMessage("console", f"ro-{n}", "/start"))
                assert [r.text for r in replies] == [UNAVAILABLE]
        errors = [r for r in caplog.records if r.levelno >= logging.WARNING]
        assert len(errors) == 1 and "read-only" in errors[0].getMessage()
        assert not any(r.exc_info for r in caplog.records)
    finally:
        await engine.close()


async def test_a_flood_is_paced_with_one_notice_and_others_do_not_wait(engine: Engine) -> None:
    async def timed(message: IncomingMessage) -> tuple[float, list[str]]:
        started = time.perf_counter()
        replies = await engine.handle(message)
        return time.perf_counter() - started, [r.text for r in replies]

    async def others() -> list[float]:
        latencies = []
        for round_ in range(10):
            results = await asyncio.gather(
                *(timed(IncomingMessage("telegram", f"calm-{n}", "/status")) for n in range(20))
            )
            latencies.extend(t for t, _ in results)
            await asyncio.sleep(0.05 * round_ / 10)
        return latencies

    quiet = await others()
    flood = [timed(IncomingMessage("telegram", "flooder", f"message {n}")) for n in range(100)]
    flood_results, during = await asyncio.gather(asyncio.gather(*flood), others())
    notices = [texts for _, texts in flood_results if SLOW_DOWN in texts]
    answered = [texts for _, texts in flood_results if texts and SLOW_DOWN not in texts]
    silent = [texts for _, texts in flood_results if not texts]
    assert len(notices) == 1
    assert len(answered) + len(silent) + len(notices) == 100
    assert len(answered) == engine.throttle.burst + engine.throttle.max_waiting
    print(
        f"others' median latency: {statistics.median(quiet) * 1000:.1f} ms quiet, "
        f"{statistics.median(during) * 1000:.1f} ms during a 100-message flood"
    )
