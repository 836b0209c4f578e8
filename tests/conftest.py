"""Shared fixtures."""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.knowledge import RoleKnowledge, shared_knowledge
from bot.store import database_url
from tests.databases import BACKENDS, POSTGRES_ENV, admin, other_database, run_outside_loop

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def role() -> RoleKnowledge:
    return shared_knowledge().role()


@pytest.fixture(scope="session")
def postgres_server() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"{POSTGRES_ENV} is not set: CI must run the PostgreSQL store tests")
        pytest.skip(
            f"PostgreSQL tests need {POSTGRES_ENV}, "
            "e.g. postgresql+asyncpg://postgres@127.0.0.1:5432/test"
        )
    return database_url(url)


@pytest.fixture(scope="session")
def postgres_database(postgres_server: str) -> Iterator[str]:
    name = f"rc_test_{secrets.token_hex(6)}"
    run_outside_loop(admin(postgres_server, f'CREATE DATABASE "{name}"'))
    try:
        yield other_database(postgres_server, name)
    finally:
        run_outside_loop(admin(postgres_server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    # A new SQLite file, or the session's PostgreSQL database with its schema wiped, so every
    # test starts from an empty database on both backends.
    if request.param == "sqlite":
        return database_url(str(tmp_path / "coach.db"))
    url: str = request.getfixturevalue("postgres_database")
    run_outside_loop(admin(url, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public"))
    return url


@pytest.fixture
async def engine(db_url: str) -> AsyncIterator[Engine]:
    opened = await Engine.open(db_url)
    try:
        yield opened
    finally:
        await opened.close()


@pytest.fixture(autouse=True)
def _direct_connections(monkeypatch: pytest.MonkeyPatch) -> None:
    # httpx and aiohttp honour proxy variables even for 127.0.0.1; the local fakes of the
    # platforms' servers must be reached directly, never through a proxy of the machine.
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("all_proxy", raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


@pytest.fixture
async def sqlite_engine(tmp_path: Path) -> AsyncIterator[Engine]:
    """An engine on a new SQLite file of its own."""
    opened = await Engine.open(str(tmp_path / "coach.db"))
    try:
        yield opened
    finally:
        await opened.close()
