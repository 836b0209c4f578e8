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
from typing import Any

from sqlalchemy import (
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    and_,
    bindparam,
    delete,
    func,
    insert,
    select,
    text,
    tuple_,
    update,
)
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.sql.elements import TextClause

from bot.database import (
    StoreUnavailable,
    check_sqlite_folder,
    create_engine,
    database_url,
    describe,
    unavailable,
    upgrade,
)

__all__ = [
    "USER_TABLES",
    "Recent",
    "SaveRequest",
    "Store",
    "StoreUnavailable",
    "Stored",
    "UserKey",
    "VersionConflict",
    "database_url",
]

# While the database is away, how often a call may try to reach it again.
_RECONNECT_PAUSE_S = 1.0

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
    # The ids of the last platform messages applied and the latest one's replies (JSON, see
    # bot/deliveries.py); in the row, so that they are committed with the progress they made.
    Column("deliveries", Text, nullable=True),
)

# Every table holding rows about a person: delete() and row_counts() walk all of them, so a
# table added later is erased with the user as soon as it is listed here.
USER_TABLES: tuple[Table, ...] = (users,)


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
    deliveries: dict[str, Any] | None = None


@dataclass(frozen=True)
class SaveRequest:
    """One document to write, if its row is still at ``expected_version`` (0: no row yet).

    ``deliveries`` is written with it; None leaves the stored one as it is.
    """

    key: UserKey
    data: dict[str, Any]
    expected_version: int
    deliveries: dict[str, Any] | None = None


@dataclass(frozen=True)
class Recent:
    """A user whose progress changed lately: who, the deliveries stored, and when."""

    user_id: str
    deliveries: dict[str, Any] | None
    updated_at: datetime


class VersionConflict(Exception):
    """The row changed since it was loaded: reload and apply the turn again."""


class Store:
    """The users' progress documents, behind optimistic versioning."""

    backend: str

    def __init__(self, engine: AsyncEngine, url: URL) -> None:
        """Wrap an engine whose schema is already migrated; use ``Store.open`` instead."""
        self._engine = engine
        self.backend = url.get_backend_name()
        self._where = describe(url)
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
            check_sqlite_folder(parsed)
        engine = create_engine(parsed)
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
            await conn.run_sync(upgrade)
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
        query = select(users.c.data, users.c.version, users.c.deliveries).where(
            _is_user(users, key)
        )
        async with self._transaction() as conn:
            row = (await conn.execute(query)).one_or_none()
        if row is None:
            return None
        return Stored(json.loads(row.data), row.version, _json_or_none(row.deliveries))

    async def load_many(self, keys: Sequence[UserKey]) -> dict[UserKey, Stored]:
        """The documents of many users in one query; users with none are left out."""
        if not keys:
            return {}
        wanted = [(key.platform, key.user_id) for key in keys]
        query = select(
            users.c.platform, users.c.user_id, users.c.data, users.c.version, users.c.deliveries
        ).where(tuple_(users.c.platform, users.c.user_id).in_(wanted))
        async with self._transaction() as conn:
            rows = (await conn.execute(query)).all()
        return {
            UserKey(row.platform, row.user_id): Stored(
                json.loads(row.data), row.version, _json_or_none(row.deliveries)
            )
            for row in rows
        }

    async def recent(self, platform: str, since: datetime, limit: int) -> list[Recent]:
        """The users of a platform whose progress changed since then, the latest first."""
        # No index on updated_at: this runs when a bot (re)connects, not per message, and an
        # index on a column every turn rewrites would slow every save down.
        query = (
            select(users.c.user_id, users.c.deliveries, users.c.updated_at)
            .where(users.c.platform == platform, users.c.updated_at >= since)
            .order_by(users.c.updated_at.desc())
            .limit(limit)
        )
        async with self._transaction() as conn:
            rows = (await conn.execute(query)).all()
        return [
            Recent(row.user_id, _json_or_none(row.deliveries), _aware(row.updated_at))
            for row in rows
        ]

    async def save(self, key: UserKey, data: dict[str, Any], expected_version: int) -> int:
        """Write the document if the row is still at ``expected_version``; the new version."""
        if expected_version < 0:
            raise ValueError(f"expected_version must be 0 or more, not {expected_version}")
        document = _compact(data)
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
            params[f"d{n}"] = _compact(item.data)
            params[f"v{n}"] = item.expected_version + 1
            params[f"h{n}"] = None if item.deliveries is None else _compact(item.deliveries)
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
            problem = unavailable(exc, self._where)
            if problem is None:
                raise
            raise problem from exc


@lru_cache(maxsize=64)
def _batch_upsert(size: int) -> TextClause:
    """One INSERT … ON CONFLICT DO UPDATE for ``size`` users, with the version check in WHERE.

    A new user (expected version 0, new version 1) is inserted; a known one is updated only
    where its stored version is the one the turn loaded; RETURNING names the rows written.
    A NULL for the deliveries keeps the stored ones. Built once per batch size: no expression
    building per message.
    """
    values = ", ".join(f"(:p{n}, :u{n}, :d{n}, :v{n}, :now, :now, :h{n})" for n in range(size))
    return text(
        "INSERT INTO users (platform, user_id, data, version, created_at, updated_at, deliveries) "
        f"VALUES {values} "
        "ON CONFLICT (platform, user_id) DO UPDATE SET data = excluded.data, "
        "version = excluded.version, updated_at = excluded.updated_at, "
        "deliveries = COALESCE(excluded.deliveries, users.deliveries) "
        "WHERE users.version = excluded.version - 1 "
        "RETURNING platform, user_id, version"
    ).bindparams(bindparam("now", type_=DateTime(timezone=True)))


def _is_user(table: Table, key: UserKey) -> Any:
    return and_(table.c.platform == key.platform, table.c.user_id == key.user_id)


def _compact(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def _json_or_none(value: str | None) -> dict[str, Any] | None:
    return None if value is None else dict(json.loads(value))


def _aware(moment: datetime) -> datetime:
    # SQLite hands a stored time back without its zone; every time written here is UTC.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
