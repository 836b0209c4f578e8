"""Real databases for tests: a fresh SQLite file, or a fresh PostgreSQL database per session.

PostgreSQL comes from RESUME_COACH_TEST_POSTGRES_URL (any database on a server where that
role may CREATE DATABASE). Without it the PostgreSQL cases skip, except under CI, where they fail.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import create_async_engine

POSTGRES_ENV = "RESUME_COACH_TEST_POSTGRES_URL"
BACKENDS = ["sqlite", "postgresql"]


def run_outside_loop(coro: Coroutine[Any, Any, Any]) -> Any:
    # Sync fixtures may be set up while a test's event loop is running; a thread of its own
    # gives the admin work a loop that cannot clash with it.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


async def admin(url: str, *statements: str) -> None:
    engine = create_async_engine(url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            for statement in statements:
                await conn.execute(text(statement))
    finally:
        await engine.dispose()


def other_database(url: str, name: str) -> str:
    return make_url(url).set(database=name).render_as_string(hide_password=False)
