"""Where each user's progress document lives: one row per user, in SQLite or PostgreSQL.

Built on SQLAlchemy Core (no ORM): every call is one short transaction. Saves are
optimistic: the caller says which version it loaded, and a save against a row that
moved on since raises ``VersionConflict`` instead of overwriting the other write.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    and_,
    bindparam,
    delete,
    event,
    func,
    insert,
    select,
    text,
    tuple_,
    update,
)
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.sql.elements import TextClause

DEFAULT_SQLITE_FILE = "resume-coach.db"

_MIGRATIONS = Path(__file__).resolve().with_name("migrations")
# Long enough to ride out another writer's short transaction, short enough that a stuck
# lock surfaces as an error instead of a bot that silently stops answering.
_SQLITE_BUSY_TIMEOUT_MS = 5_000
# asyncpg waits 60 s by default; a bot at start-up should say what is wrong sooner.
_POSTGRES_CONNECT_TIMEOUT_S = 10
# While the database is away, how often a call may try to reach it again.
_RECONNECT_PAUSE_S = 1.0
# Serialises migrations when several bot processes start at once against one server.
_MIGRATION_LOCK_ID = 0x7265_7375_6D65  # "resume"

metadata = MetaData()

# The running code's view of the schema; migrations/versions/ holds the history that built it.
users = Table(
    "users",
    metadata,
    Column("platform", String(32), primary_key=True),
    Column("user_id", String(64), primary_key=True),
    Column("data", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# Every table holding rows about a person: delete() and row_counts() walk all of them, so a
# table added later is erased with the user as soon as it is listed here.
USER_TABLES: tuple[Table, ...] = (users,)

# SQLSTATE codes (or classes, by prefix) that mean the server cannot serve us right now,
# as opposed to a bug in a query.
_PG_UNAVAILABLE = ("08", "28", "3D000", "53", "57P", "25006")


@dataclass(frozen=True)
class UserKey:
    """Who a document belongs to: a user id is only unique within its platform."""

    platform: str
    user_id: str


@dataclass(frozen=True)
class Stored:
    """A loaded document and the version to pass back to ``Store.save``."""

    data: dict[str, Any]
    version: int


@dataclass(frozen=True)
class SaveRequest:
    """One document to write, if its row is still at ``expected_version`` (0: no row yet)."""

    key: UserKey
    data: dict[str, Any]
    expected_version: int


class VersionConflict(Exception):
    """The row changed since it was loaded: reload and apply the turn again."""


class StoreUnavailable(Exception):
    """The database cannot be reached, is read-only or is full; the message is one sentence."""


def database_url(value: str | None) -> str:
    """Turn DATABASE_URL / --db (a URL or a file path) into an async SQLAlchemy URL."""
    if not value:
        return _sqlite_url(Path.cwd() / DEFAULT_SQLITE_FILE)
    if "://" not in value:
        return _sqlite_url(Path(value).expanduser().absolute())
    scheme, rest = value.split("://", 1)
    async_scheme = {
        "postgres": "postgresql+asyncpg",
        "postgresql": "postgresql+asyncpg",
        "postgresql+asyncpg": "postgresql+asyncpg",
        "sqlite": "sqlite+aiosqlite",
        "sqlite+aiosqlite": "sqlite+aiosqlite",
    }.get(scheme.lower())
    if async_scheme is None:
        # Only the scheme goes in the message: the rest of the URL may hold a password.
        raise ValueError(
            f"Unsupported database URL scheme {scheme!r}: use postgresql:// or a SQLite file path."
        )
    return f"{async_scheme}://{rest}"


def _sqlite_url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


class Store:
    """The users' progress documents, behind optimistic versioning."""

    backend: str

    def __init__(self, engine: AsyncEngine, url: URL) -> None:
        """Wrap an engine whose schema is already migrated; use ``Store.open`` instead."""
        self._engine = engine
        self.backend = url.get_backend_name()
        self._where = _describe(url)
        self._ready = False
        self._next_attempt = 0.0

    @classmethod
    async def open(cls, url: str, wait_for_database: bool = False) -> Store:
        """Connect, then bring the schema up to date; StoreUnavailable if that cannot be done.

        With ``wait_for_database`` an unreachable database is not fatal: the store is returned
        anyway, every call raises StoreUnavailable until the database answers, and the schema
        is brought up to date on the first call that reaches it.
        """
        parsed = make_url(database_url(url))
        if not wait_for_database:
            _check_sqlite_folder(parsed)
        engine = _create_engine(parsed)
        store = cls(engine, parsed)
        try:
            await store._migrate()
        except StoreUnavailable:
            if not wait_for_database:
                await engine.dispose()
                raise
        except BaseException:
            await engine.dispose()
            raise
        return store

    @property
    def ready(self) -> bool:
        """Whether the database has been reached and its schema brought up to date."""
        return self._ready

    async def _migrate(self) -> None:
        async with self._transaction(migrating=True) as conn:
            await conn.run_sync(_upgrade)
        self._ready = True

    async def _ensure_ready(self) -> None:
        if self._ready:
            return
        now = time.monotonic()
        if now < self._next_attempt:
            raise StoreUnavailable(f"Cannot reach {self._where} yet; retrying shortly.")
        self._next_attempt = now + _RECONNECT_PAUSE_S
        await self._migrate()

    async def load(self, key: UserKey) -> Stored | None:
        """The user's document and its version, or None when they have none yet."""
        query = select(users.c.data, users.c.version).where(_is_user(users, key))
        async with self._transaction() as conn:
            row = (await conn.execute(query)).one_or_none()
        if row is None:
            return None
        return Stored(data=json.loads(row.data), version=row.version)

    async def load_many(self, keys: Sequence[UserKey]) -> dict[UserKey, Stored]:
        """The documents of many users in one query; users with none are left out."""
        if not keys:
            return {}
        wanted = [(key.platform, key.user_id) for key in keys]
        query = select(users.c.platform, users.c.user_id, users.c.data, users.c.version).where(
            tuple_(users.c.platform, users.c.user_id).in_(wanted)
        )
        async with self._transaction() as conn:
            rows = (await conn.execute(query)).all()
        return {
            UserKey(row.platform, row.user_id): Stored(json.loads(row.data), row.version)
            for row in rows
        }

    async def save(self, key: UserKey, data: dict[str, Any], expected_version: int) -> int:
        """Write the document if the row is still at ``expected_version``; the new version."""
        if expected_version < 0:
            raise ValueError(f"expected_version must be 0 or more, not {expected_version}")
        document = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        now = datetime.now(UTC)
        async with self._transaction() as conn:
            if expected_version == 0:
                row = {
                    "platform": key.platform,
                    "user_id": key.user_id,
                    "data": document,
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
                try:
                    await conn.execute(insert(users).values(row))
                except sa_exc.IntegrityError as exc:
                    raise VersionConflict("the user already has a saved document") from exc
                return 1
            result = await conn.execute(
                update(users)
                .where(_is_user(users, key), users.c.version == expected_version)
                .values(data=document, version=users.c.version + 1, updated_at=now)
            )
            if result.rowcount == 0:
                raise VersionConflict(f"the document is no longer at version {expected_version}")
        return expected_version + 1

    async def save_many(self, items: Sequence[SaveRequest]) -> list[int | VersionConflict]:
        """Write many documents in one statement and one commit; per item its version or conflict.

        One commit for the lot is what makes many concurrent turns cheap (group commit), and
        one statement for the lot means one round trip (one thread hop with aiosqlite) instead
        of one per message. A row that moved on since it was loaded is left alone and not
        returned, which is how its conflict is told.
        """
        if not items:
            return []
        params: dict[str, Any] = {"now": datetime.now(UTC)}
        for n, item in enumerate(items):
            if item.expected_version < 0:
                raise ValueError(f"expected_version must be 0 or more, not {item.expected_version}")
            params[f"p{n}"] = item.key.platform
            params[f"u{n}"] = item.key.user_id
            params[f"d{n}"] = json.dumps(item.data, ensure_ascii=False, separators=(",", ":"))
            params[f"v{n}"] = item.expected_version + 1
        async with self._transaction() as conn:
            rows = (await conn.execute(_batch_upsert(len(items)), params)).all()
        written = {(row.platform, row.user_id): row.version for row in rows}
        results: list[int | VersionConflict] = []
        for item in items:
            version = written.get((item.key.platform, item.key.user_id))
            if version == item.expected_version + 1:
                results.append(version)
            else:
                results.append(VersionConflict(f"not at version {item.expected_version} any more"))
        return results

    async def delete(self, key: UserKey) -> None:
        """Erase every row about the user, in every table, in one transaction."""
        async with self._transaction() as conn:
            for table in USER_TABLES:
                await conn.execute(delete(table).where(_is_user(table, key)))

    async def row_counts(self, key: UserKey) -> dict[str, int]:
        """How many rows each table holds about the user."""
        counts: dict[str, int] = {}
        async with self._transaction() as conn:
            for table in USER_TABLES:
                query = select(func.count()).select_from(table).where(_is_user(table, key))
                counts[table.name] = (await conn.execute(query)).scalar_one()
        return counts

    async def user_count(self) -> int:
        """How many users have a saved document."""
        async with self._transaction() as conn:
            return (await conn.execute(select(func.count()).select_from(users))).scalar_one()

    async def close(self) -> None:
        """Close every pooled connection."""
        await self._engine.dispose()

    @asynccontextmanager
    async def _transaction(self, migrating: bool = False) -> AsyncIterator[AsyncConnection]:
        if not migrating:
            await self._ensure_ready()
        try:
            async with self._engine.begin() as conn:
                yield conn
        except (OSError, sa_exc.SQLAlchemyError) as exc:
            problem = _unavailable(exc, self._where)
            if problem is None:
                raise
            raise problem from exc


@lru_cache(maxsize=64)
def _batch_upsert(size: int) -> TextClause:
    """One INSERT … ON CONFLICT DO UPDATE for ``size`` users, with the version check in WHERE.

    A new user (expected version 0, new version 1) is inserted; a known one is updated only
    where its stored version is the one the turn loaded; RETURNING names the rows written.
    Built once per batch size: no expression building per message.
    """
    values = ", ".join(f"(:p{n}, :u{n}, :d{n}, :v{n}, :now, :now)" for n in range(size))
    return text(
        "INSERT INTO users (platform, user_id, data, version, created_at, updated_at) "
        f"VALUES {values} "
        "ON CONFLICT (platform, user_id) DO UPDATE SET data = excluded.data, "
        "version = excluded.version, updated_at = excluded.updated_at "
        "WHERE users.version = excluded.version - 1 "
        "RETURNING platform, user_id, version"
    ).bindparams(bindparam("now", type_=DateTime(timezone=True)))


def _is_user(table: Table, key: UserKey) -> Any:
    return and_(table.c.platform == key.platform, table.c.user_id == key.user_id)


def _check_sqlite_folder(url: URL) -> None:
    # Checked up front for a clearer message, and because a failed aiosqlite connect leaves
    # its worker thread posting to the event loop after it may have closed (aiosqlite #241).
    database = url.database or ""
    if url.get_backend_name() != "sqlite" or database in ("", ":memory:"):
        return
    if database.startswith("file:") and url.query.get("uri") == "true":
        return
    folder = Path(database).parent
    if not folder.is_dir():
        raise StoreUnavailable(
            f"Cannot open {_describe(url)} because the folder {folder} does not exist."
        )


def _create_engine(url: URL) -> AsyncEngine:
    # hide_parameters keeps documents out of error messages and tracebacks.
    if url.get_backend_name() == "sqlite":
        engine = create_async_engine(url, hide_parameters=True)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    return create_async_engine(
        url,
        hide_parameters=True,
        # A server restart leaves dead connections in the pool; test each before use.
        pool_pre_ping=True,
        connect_args={"timeout": _POSTGRES_CONNECT_TIMEOUT_S},
    )


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        # WAL lets readers carry on while one turn is being written.
        cursor.execute("PRAGMA journal_mode=WAL")
        # NORMAL is durable across application crashes in WAL mode; only power loss can
        # drop the last commits, which is an acceptable loss for chat progress.
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={_SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
    finally:
        cursor.close()


def _upgrade(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _MIGRATION_LOCK_ID})
    config = Config()
    # Config values go through ConfigParser interpolation, where % is special.
    config.set_main_option("script_location", str(_MIGRATIONS).replace("%", "%%"))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def _describe(url: URL) -> str:
    if url.get_backend_name() == "sqlite":
        return f"the SQLite database {url.database}"
    return f"the PostgreSQL database {url.render_as_string(hide_password=True)}"


def _unavailable(exc: BaseException, where: str) -> StoreUnavailable | None:
    """A StoreUnavailable when ``exc`` means the database cannot serve us, else None."""
    if isinstance(exc, sa_exc.TimeoutError):
        return StoreUnavailable(f"No connection to {where} became free in time ({exc}).")
    cause: BaseException = exc
    if isinstance(exc, sa_exc.DBAPIError):
        cause = exc.orig if isinstance(exc.orig, BaseException) else exc
        sqlstate = str(getattr(exc.orig, "sqlstate", None) or "")
        if not (
            exc.connection_invalidated
            or isinstance(exc, sa_exc.OperationalError | sa_exc.InterfaceError)
            or (sqlstate and sqlstate.startswith(_PG_UNAVAILABLE))
        ):
            return None
    elif not isinstance(exc, OSError):
        return None
    reason = _first_line(cause)
    lowered = reason.lower()
    if "readonly" in lowered or "read-only" in lowered:
        return StoreUnavailable(f"{_capital(where)} is read-only ({reason}).")
    if "disk is full" in lowered or "disk full" in lowered or "no space" in lowered:
        return StoreUnavailable(f"The disk under {where} is full ({reason}).")
    if "database is locked" in lowered:
        return StoreUnavailable(f"{_capital(where)} is locked by another program ({reason}).")
    if "unable to open" in lowered:
        return StoreUnavailable(
            f"Cannot open {where} ({reason}); check that its folder exists and is writable."
        )
    return StoreUnavailable(f"Cannot reach {where} ({reason}).")


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return (lines[0] if lines else type(exc).__name__).rstrip(".")


def _capital(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]
