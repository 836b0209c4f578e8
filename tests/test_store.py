"""The store, run against a real SQLite file and a real PostgreSQL server.

PostgreSQL comes from RESUME_COACH_TEST_POSTGRES_URL (any database on a server where that
role may CREATE DATABASE); each session works in a fresh database of its own and drops it.
"""

from __future__ import annotations

import asyncio
import re
import secrets
import sqlite3
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, inspect, make_url, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import create_async_engine

from bot.database import unavailable
from bot.progress import Draft, Entry, Progress
from bot.store import (
    SaveRequest,
    Store,
    Stored,
    StoreUnavailable,
    UserKey,
    VersionConflict,
    database_url,
)
from tests.databases import admin, other_database

ALICE = UserKey("telegram", "42")


async def fetch(url: str, query: str) -> list[tuple[Any, ...]]:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            return [tuple(row) for row in await conn.execute(text(query))]
    finally:
        await engine.dispose()


async def table_names(url: str) -> set[str]:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            return set(await conn.run_sync(lambda sync: inspect(sync).get_table_names()))
    finally:
        await engine.dispose()


def assert_one_sentence(message: str) -> None:
    assert message, "empty message"
    assert "\n" not in message and "Traceback" not in message, message
    assert message[0].isupper() and message.endswith("."), message
    assert len(re.findall(r"[.!?](?:\s|$)", message)) == 1, message


@pytest.fixture
async def store(db_url: str) -> AsyncIterator[Store]:
    opened = await Store.open(db_url)
    try:
        yield opened
    finally:
        await opened.close()


# --- schema ---------------------------------------------------------------------------------


async def test_open_migrates_and_second_open_is_a_no_op(db_url: str) -> None:
    first = await Store.open(db_url)
    try:
        assert first.backend == make_url(db_url).get_backend_name()
        assert {"users", "alembic_version"} <= await table_names(db_url)
        assert await fetch(db_url, "SELECT version_num FROM alembic_version") == [("0002",)]
        await first.save(ALICE, {"step": "summary"}, 0)
    finally:
        await first.close()

    second = await Store.open(db_url)
    try:
        assert await fetch(db_url, "SELECT version_num FROM alembic_version") == [("0002",)]
        loaded = await second.load(ALICE)
        assert loaded is not None and loaded.data == {"step": "summary"}
    finally:
        await second.close()


async def test_users_table_has_the_agreed_shape(store: Store, db_url: str) -> None:
    engine = create_async_engine(db_url)

    def shape(sync: Any) -> tuple[dict[str, Any], list[str]]:
        inspector = inspect(sync)
        columns = {c["name"]: c for c in inspector.get_columns("users")}
        return columns, inspector.get_pk_constraint("users")["constrained_columns"]

    try:
        async with engine.connect() as conn:
            columns, primary_key = await conn.run_sync(shape)
    finally:
        await engine.dispose()
    assert set(columns) == {
        "platform",
        "user_id",
        "data",
        "version",
        "created_at",
        "updated_at",
        "deliveries",
    }
    assert primary_key == ["platform", "user_id"]
    assert columns["platform"]["type"].length == 32
    assert columns["user_id"]["type"].length == 64
    # Only the deliveries may be missing: rows written before they existed have none.
    assert [name for name, column in columns.items() if column["nullable"]] == ["deliveries"]


async def test_sqlite_connections_use_wal_and_safe_pragmas(tmp_path: Path) -> None:
    path = tmp_path / "coach.db"
    store = await Store.open(str(path))
    try:
        async with store._engine.connect() as conn:
            pragmas = {
                name: (await conn.exec_driver_sql(f"PRAGMA {name}")).scalar_one()
                for name in ("journal_mode", "synchronous", "busy_timeout", "foreign_keys")
            }
    finally:
        await store.close()
    # synchronous=1 is NORMAL.
    assert pragmas == {
        "journal_mode": "wal",
        "synchronous": 1,
        "busy_timeout": 5000,
        "foreign_keys": 1,
    }
    with sqlite3.connect(path) as plain:
        assert plain.execute("PRAGMA journal_mode").fetchone() == ("wal",)


# --- round trips ----------------------------------------------------------------------------


async def test_missing_user_loads_as_none(store: Store) -> None:
    assert await store.load(ALICE) is None


async def test_round_trip_unicode_and_a_100_kb_document(store: Store) -> None:
    document = {
        "summary": "Backend developer — Python, Go; «кириллица», 中文, emoji 🚀, RTL שלום",
        "nested": {"list": [1, 2.5, None, True, "\u0000 null byte"], "empty": {}},
        "big": "x" * 100_000,
    }
    version = await store.save(ALICE, document, 0)
    assert version == 1
    loaded = await store.load(ALICE)
    assert loaded is not None
    assert loaded.data == document
    assert loaded.version == 1


async def test_progress_document_round_trip(store: Store) -> None:
    progress = Progress(step="experience", started=True, summary=Draft(text="Ships APIs."))
    progress.roles.append(Entry(header="Backend Engineer, Acme, 2021-2024"))
    progress.summary.replace("Ships reliable APIs.")
    await store.save(ALICE, progress.dump(), 0)
    loaded = await store.load(ALICE)
    assert loaded is not None
    assert Progress.load(loaded.data) == progress


async def test_each_save_bumps_the_version(store: Store) -> None:
    assert await store.save(ALICE, {"n": 1}, 0) == 1
    assert await store.save(ALICE, {"n": 2}, 1) == 2
    assert await store.save(ALICE, {"n": 3}, 2) == 3
    loaded = await store.load(ALICE)
    assert loaded is not None and loaded.data == {"n": 3} and loaded.version == 3


# --- optimistic versioning ------------------------------------------------------------------


async def test_stale_version_conflicts_and_keeps_the_newer_write(store: Store) -> None:
    await store.save(ALICE, {"n": 1}, 0)
    await store.save(ALICE, {"n": 2}, 1)
    with pytest.raises(VersionConflict):
        await store.save(ALICE, {"n": "stale"}, 1)
    loaded = await store.load(ALICE)
    assert loaded is not None and loaded.data == {"n": 2} and loaded.version == 2


async def test_double_insert_conflicts(store: Store) -> None:
    await store.save(ALICE, {"first": True}, 0)
    with pytest.raises(VersionConflict) as caught:
        await store.save(ALICE, {"secret-marker": "second"}, 0)
    # The driver error is chained for debugging; it must not carry the document.
    assert "secret-marker" not in str(caught.value.__cause__)
    loaded = await store.load(ALICE)
    assert loaded is not None and loaded.data == {"first": True}


async def test_update_of_a_user_without_a_row_conflicts(store: Store) -> None:
    with pytest.raises(VersionConflict):
        await store.save(ALICE, {"n": 1}, 3)
    assert await store.load(ALICE) is None


async def test_negative_version_is_a_bug(store: Store) -> None:
    with pytest.raises(ValueError):
        await store.save(ALICE, {}, -1)


async def test_racing_saves_from_one_version_let_exactly_one_win(store: Store) -> None:
    await store.save(ALICE, {"n": 0}, 0)
    results = await asyncio.gather(
        *(store.save(ALICE, {"writer": i}, 1) for i in range(5)), return_exceptions=True
    )
    winners = [r for r in results if r == 2]
    assert len(winners) == 1, results
    assert all(isinstance(r, VersionConflict) for r in results if r != 2), results
    loaded = await store.load(ALICE)
    assert loaded is not None and loaded.version == 2


async def test_racing_first_saves_let_exactly_one_win(store: Store) -> None:
    results = await asyncio.gather(
        *(store.save(ALICE, {"writer": i}, 0) for i in range(5)), return_exceptions=True
    )
    assert results.count(1) == 1, results
    assert all(isinstance(r, VersionConflict) for r in results if r != 1), results


# --- users ----------------------------------------------------------------------------------


async def test_delete_leaves_no_rows(store: Store) -> None:
    bob = UserKey("telegram", "7")
    await store.save(ALICE, {"n": 1}, 0)
    await store.save(bob, {"n": 1}, 0)
    assert await store.row_counts(ALICE) == {"users": 1}

    await store.delete(ALICE)

    assert await store.row_counts(ALICE) == {"users": 0}
    assert await store.load(ALICE) is None
    assert await store.row_counts(bob) == {"users": 1}
    # Starting over after deletion is a first save again.
    assert await store.save(ALICE, {"n": "again"}, 0) == 1


async def test_deleting_an_unknown_user_is_fine(store: Store) -> None:
    await store.delete(UserKey("discord", "nobody"))
    assert await store.user_count() == 0


async def test_same_id_on_two_platforms_is_two_users(store: Store) -> None:
    telegram, discord = UserKey("telegram", "42"), UserKey("discord", "42")
    await store.save(telegram, {"who": "telegram"}, 0)
    assert await store.load(discord) is None
    await store.save(discord, {"who": "discord"}, 0)
    assert await store.user_count() == 2

    await store.delete(discord)
    loaded = await store.load(telegram)
    assert loaded is not None and loaded.data == {"who": "telegram"}
    assert await store.row_counts(discord) == {"users": 0}


async def test_longest_keys_fit(store: Store) -> None:
    key = UserKey("p" * 32, "9" * 64)
    await store.save(key, {"ok": True}, 0)
    assert await store.load(key) is not None


async def test_200_concurrent_saves_to_different_users_all_land(store: Store) -> None:
    keys = [UserKey("telegram" if i % 2 else "discord", str(i)) for i in range(200)]
    versions = await asyncio.gather(*(store.save(k, {"i": i}, 0) for i, k in enumerate(keys)))
    assert versions == [1] * 200
    assert await store.user_count() == 200
    loaded = await asyncio.gather(*(store.load(k) for k in keys))
    assert [s.data["i"] if s else None for s in loaded] == list(range(200))


async def test_restart_sees_the_data(db_url: str) -> None:
    first = await Store.open(db_url)
    await first.save(ALICE, {"step": "skills"}, 0)
    await first.save(ALICE, {"step": "experience"}, 1)
    await first.close()

    second = await Store.open(db_url)
    try:
        loaded = await second.load(ALICE)
        assert loaded is not None
        assert loaded.data == {"step": "experience"} and loaded.version == 2
        assert await second.save(ALICE, {"step": "projects"}, 2) == 3
    finally:
        await second.close()


# --- when the database cannot be used -------------------------------------------------------


async def test_unreachable_postgres_is_unavailable_without_the_password() -> None:
    with pytest.raises(StoreUnavailable) as caught:
        await Store.open("postgresql+asyncpg://postgres:s3cret-pw@127.0.0.1:1/test")
    message = str(caught.value)
    assert_one_sentence(message)
    assert "s3cret-pw" not in message
    assert "127.0.0.1:1" in message


async def test_missing_postgres_database_isunavailable(postgres_server: str) -> None:
    url = other_database(postgres_server, f"rc_missing_{secrets.token_hex(6)}")
    with pytest.raises(StoreUnavailable) as caught:
        await Store.open(url)
    assert_one_sentence(str(caught.value))
    assert "does not exist" in str(caught.value)


async def test_postgres_going_away_after_open_isunavailable(postgres_server: str) -> None:
    name = f"rc_test_{secrets.token_hex(6)}_gone"
    await admin(postgres_server, f'CREATE DATABASE "{name}"')
    dropped = False
    store = await Store.open(other_database(postgres_server, name))
    try:
        await store.save(ALICE, {"n": 1}, 0)
        await admin(postgres_server, f'DROP DATABASE "{name}" WITH (FORCE)')
        dropped = True
        with pytest.raises(StoreUnavailable) as caught:
            await store.load(ALICE)
        assert_one_sentence(str(caught.value))
    finally:
        await store.close()
        if not dropped:
            await admin(postgres_server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def test_postgres_connection_killed_between_turns_is_replaced(
    postgres_server: str, postgres_database: str
) -> None:
    url = postgres_database
    await admin(url, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public")
    store = await Store.open(url)
    try:
        await store.save(ALICE, {"n": 1}, 0)
        database = make_url(url).database
        await admin(
            postgres_server,
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{database}' AND pid <> pg_backend_pid()",
        )
        assert await store.save(ALICE, {"n": 2}, 1) == 2
    finally:
        await store.close()


async def test_sqlite_in_a_missing_directory_isunavailable(tmp_path: Path) -> None:
    with pytest.raises(StoreUnavailable) as caught:
        await Store.open(str(tmp_path / "no" / "such" / "dir" / "coach.db"))
    message = str(caught.value)
    assert_one_sentence(message)
    assert "coach.db" in message


async def test_read_only_sqlite_is_unavailable_on_save(tmp_path: Path) -> None:
    path = tmp_path / "coach.db"
    writer = await Store.open(str(path))
    await writer.save(ALICE, {"n": 1}, 0)
    # Root ignores file permissions, so read-only is asked of SQLite itself.
    reader = await Store.open(f"sqlite+aiosqlite:///file:{path}?mode=ro&uri=true")
    try:
        loaded = await reader.load(ALICE)
        assert loaded is not None and loaded.data == {"n": 1}
        with pytest.raises(StoreUnavailable) as caught:
            await reader.save(ALICE, {"n": 2}, 1)
        assert_one_sentence(str(caught.value))
        assert "read-only" in str(caught.value)
    finally:
        await reader.close()
        await writer.close()


async def test_full_sqlite_disk_is_unavailable_on_save(tmp_path: Path) -> None:
    store = await Store.open(str(tmp_path / "coach.db"))
    try:
        # max_page_count caps the file where it stands: SQLite then fails writes exactly as
        # it does on a full disk (SQLITE_FULL).
        def cap(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA page_count")
            pages = cursor.fetchone()[0]
            cursor.execute(f"PRAGMA max_page_count = {pages}")
            cursor.close()

        event.listen(store._engine.sync_engine, "connect", cap)
        await store._engine.dispose()
        with pytest.raises(StoreUnavailable) as caught:
            await store.save(ALICE, {"big": "x" * 100_000}, 0)
        assert_one_sentence(str(caught.value))
        assert "full" in str(caught.value)
        assert "xxxx" not in str(caught.value.__cause__)
    finally:
        await store.close()


@pytest.mark.parametrize(
    ("sqlstate", "reason", "expected"),
    [
        ("53100", "could not extend file: No space left on device", "is full"),
        ("25006", "cannot execute UPDATE in a read-only transaction", "is read-only"),
        ("57P01", "terminating connection due to administrator command", "Cannot reach"),
        ("08006", "connection failure", "Cannot reach"),
    ],
)
def test_postgres_server_states_are_told_apart(sqlstate: str, reason: str, expected: str) -> None:
    class DriverError(Exception):
        pass

    orig = DriverError(reason)
    orig.sqlstate = sqlstate  # type: ignore[attr-defined]
    error = DBAPIError("UPDATE users ...", None, orig)
    problem = unavailable(error, "the PostgreSQL database postgresql+asyncpg://u:***@db/coach")
    assert problem is not None
    assert expected in str(problem)
    assert_one_sentence(str(problem))


def test_query_bugs_are_not_calledunavailable() -> None:
    class DriverError(Exception):
        pass

    orig = DriverError('column "nope" does not exist')
    orig.sqlstate = "42703"  # type: ignore[attr-defined]
    assert unavailable(DBAPIError("SELECT nope", None, orig), "db") is None
    assert unavailable(ValueError("bug"), "db") is None


async def test_read_only_postgres_is_unavailable_on_save(
    postgres_server: str, postgres_database: str
) -> None:
    url = postgres_database
    database = make_url(url).database
    await admin(url, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public")
    writer = await Store.open(url)
    await writer.save(ALICE, {"n": 1}, 0)
    await writer.close()
    # Like a hot standby, or a server switched read-only when its disk fills.
    await admin(
        postgres_server, f'ALTER DATABASE "{database}" SET default_transaction_read_only = on'
    )
    try:
        reader = await Store.open(url)
        try:
            with pytest.raises(StoreUnavailable) as caught:
                await reader.save(ALICE, {"n": 2}, 1)
            assert_one_sentence(str(caught.value))
            assert "read-only" in str(caught.value)
        finally:
            await reader.close()
    finally:
        await admin(
            postgres_server, f'ALTER DATABASE "{database}" RESET default_transaction_read_only'
        )


# --- database_url ---------------------------------------------------------------------------


def test_no_url_means_a_sqlite_file_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert database_url(None) == f"sqlite+aiosqlite:///{tmp_path}/resume-coach.db"
    assert database_url("") == database_url(None)


def test_a_relative_path_becomes_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert database_url("data/coach.db") == f"sqlite+aiosqlite:///{tmp_path}/data/coach.db"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("/var/lib/coach.db", "sqlite+aiosqlite:////var/lib/coach.db"),
        ("postgres://u:p%40ss@db:5432/coach", "postgresql+asyncpg://u:p%40ss@db:5432/coach"),
        ("postgresql://u@db/coach", "postgresql+asyncpg://u@db/coach"),
        ("postgresql+asyncpg://u@db/coach", "postgresql+asyncpg://u@db/coach"),
        ("sqlite+aiosqlite:////tmp/c.db", "sqlite+aiosqlite:////tmp/c.db"),
        ("sqlite:////tmp/c.db", "sqlite+aiosqlite:////tmp/c.db"),
    ],
)
def test_database_url_conversions(given: str, expected: str) -> None:
    assert database_url(given) == expected


def test_an_unsupported_scheme_is_refused_without_echoing_the_url() -> None:
    with pytest.raises(ValueError) as caught:
        database_url("mysql://root:hunter2@db/coach")
    assert "mysql" in str(caught.value)
    assert "hunter2" not in str(caught.value)


async def test_load_many_reads_several_users_in_one_query(store: Store) -> None:
    bob = UserKey("discord", "42")
    await store.save(ALICE, {"who": "alice"}, 0)
    await store.save(bob, {"who": "bob"}, 0)
    found = await store.load_many([ALICE, bob, UserKey("console", "nobody")])
    assert {k: v.data["who"] for k, v in found.items()} == {ALICE: "alice", bob: "bob"}
    assert await store.load_many([]) == {}


# --- deliveries -----------------------------------------------------------------------------


async def test_deliveries_are_written_with_the_progress_and_kept_when_not_given(
    store: Store,
) -> None:
    window = {"ids": ["7"], "replies": [{"s": [["Noted.", False]]}]}
    [version] = await store.save_many([SaveRequest(ALICE, {"step": "summary"}, 0, window)])
    assert version == 1
    loaded = await store.load(ALICE)
    assert loaded is not None and loaded.deliveries == window
    # A save without deliveries leaves the stored ones as they are.
    await store.save_many([SaveRequest(ALICE, {"step": "skills"}, 1)])
    [loaded] = (await store.load_many([ALICE])).values()
    assert (loaded.data, loaded.version, loaded.deliveries) == ({"step": "skills"}, 2, window)
    # A conflicting save writes neither the progress nor the deliveries.
    [conflict] = await store.save_many([SaveRequest(ALICE, {"step": "x"}, 1, {"ids": ["8"]})])
    assert isinstance(conflict, VersionConflict)
    loaded = await store.load(ALICE)
    assert loaded is not None and loaded.deliveries == window


async def test_recent_users_are_the_platforms_latest_first(store: Store) -> None:
    before = datetime.now(UTC) - timedelta(seconds=1)
    for n in range(3):
        await store.save_many([SaveRequest(UserKey("discord", f"d{n}"), {}, 0, {"ids": [str(n)]})])
    await store.save(UserKey("telegram", "t1"), {}, 0)
    recent = await store.recent("discord", before, limit=2)
    assert [(r.user_id, r.deliveries) for r in recent] == [
        ("d2", {"ids": ["2"]}),
        ("d1", {"ids": ["1"]}),
    ]
    assert all(r.updated_at.tzinfo is not None and r.updated_at >= before for r in recent)
    assert await store.recent("discord", datetime.now(UTC) + timedelta(hours=1), 10) == []


async def test_a_database_at_the_first_schema_is_upgraded_in_place(db_url: str) -> None:
    engine = create_async_engine(db_url)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(_upgrade_to, "0001")
            await conn.execute(
                text(
                    "INSERT INTO users VALUES ('telegram', '1', '{\"step\": \"skills\"}', 3, "
                    ":now, :now)"
                ),
                {"now": datetime.now(UTC)},
            )
    finally:
        await engine.dispose()
    store = await Store.open(db_url)
    try:
        loaded = await store.load(UserKey("telegram", "1"))
        assert loaded == Stored({"step": "skills"}, 3, None)
    finally:
        await store.close()


def _upgrade_to(connection: Any, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    from bot.database import _MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.attributes["connection"] = connection
    command.upgrade(config, revision)
