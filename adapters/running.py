"""How a chat bot's process runs: which database, and the exit code of its serving loop."""

from __future__ import annotations

import argparse
import asyncio
import logging
from collections.abc import Coroutine, Mapping
from typing import Any

log = logging.getLogger(__name__)


def database_of(args: argparse.Namespace, environment: Mapping[str, str]) -> str | None:
    """``--db``, else ``DATABASE_URL``, else None (the embedded SQLite file)."""
    return getattr(args, "db", None) or environment.get("DATABASE_URL") or None


def run_until_stopped(serving: Coroutine[Any, Any, int], platform: str) -> int:
    """Run a bot's serving loop to its end; Ctrl-C is a clean stop, an error exits with 1."""
    try:
        return asyncio.run(serving)
    except KeyboardInterrupt:
        return 0
    except Exception:
        # Logged (so the token filter applies) rather than printed by the interpreter.
        log.exception("the %s bot stopped on an error", platform)
        return 1
