"""The database under the store: URLs, engines, migrations, and what "unavailable" means.

SQLite (through aiosqlite) by default, PostgreSQL (through asyncpg) when one machine is not
enough; both through SQLAlchemy's async engine, the schema kept by Alembic migrations.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, event, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

DEFAULT_SQLITE_FILE = "resume-coach.db"

_MIGRATIONS = Path(__file__).resolve().with_name("migrations")
# Long enough to ride out another writer's short transaction, short enough that a stuck
# lock surfaces as an error instead of a bot that silently stops answering.
_SQLITE_BUSY_TIMEOUT_MS = 5_000
# asyncpg waits 60 s by default; a bot at start-up should say what is wrong sooner.
_POSTGRES_CONNECT_TIMEOUT_S = 10
# Serialises migrations when several bot processes start at once against one server.
_MIGRATION_LOCK_ID = 0x7265_7375_6D65  # "resume"
# SQLSTATE codes (or classes, by prefix) that mean the server cannot serve us right now,
# as opposed to a bug in a query.
_PG_UNAVAILABLE = ("08", "28", "3D000", "53", "57P", "25006")


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


def check_sqlite_folder(url: URL) -> None:
    """StoreUnavailable when a SQLite file's folder does not exist."""
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
            f"Cannot open {describe(url)} because the folder {folder} does not exist."
        )


def create_engine(url: URL) -> AsyncEngine:
    """An async engine for the URL, with SQLite's pragmas or PostgreSQL's pool checks."""
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


def upgrade(connection: Connection) -> None:
    """Bring the schema to the newest migration (one process at a time on PostgreSQL)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _MIGRATION_LOCK_ID})
    config = Config()
    # Config values go through ConfigParser interpolation, where % is special.
    config.set_main_option("script_location", str(_MIGRATIONS).replace("%", "%%"))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def describe(url: URL) -> str:
    """The database in words, without its password."""
    if url.get_backend_name() == "sqlite":
        return f"the SQLite database {url.database}"
    return f"the PostgreSQL database {url.render_as_string(hide_password=True)}"


def unavailable(exc: BaseException, where: str) -> StoreUnavailable | None:
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
