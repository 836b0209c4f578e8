"""``resume-coach telegram`` SIGKILLed mid-load and restarted: no message lost or applied twice.

Twenty people type fifteen summaries and two /drafts each without waiting for answers, while
the bot is killed three times (right after updates reached it, while replies are held at the
fake so that turns are committed but not answered, and at a random moment) and stopped once
with SIGTERM, each time restarted on the same database. See tests/delivery_load.py.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from tests.databases import admin
from tests.delivery_load import Figures, run


def check(figures: Figures) -> None:
    print(asdict(figures))
    assert figures.messages >= 20 * (15 + 4)
    assert (figures.kills, figures.graceful_stops) >= (3, 2)
    # Every message answered, each applied exactly once, every /draft up to date, and
    # nothing left unconfirmed at Telegram. Replays of a turn whose answer may not have gone
    # out are allowed: that is "answered again", not "handled twice".
    assert (figures.lost, figures.handled_twice, figures.stale_drafts) == (0, 0, 0)
    assert figures.unconfirmed == 0


async def test_polling_survives_sigkills_without_losing_or_repeating(tmp_path: Path) -> None:
    check(await run("polling", tmp_path, str(tmp_path / "coach.db")))


async def test_webhook_survives_sigkills_without_losing_or_repeating(tmp_path: Path) -> None:
    check(await run("webhook", tmp_path, str(tmp_path / "coach.db")))


async def test_two_webhook_workers_on_postgresql_survive_sigkills(
    tmp_path: Path, postgres_database: str
) -> None:
    await admin(postgres_database, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public")
    figures = await run("workers", tmp_path, postgres_database)
    check(figures)
    # Both workers took their share of the updates.
    assert all(served > 0 for served in figures.served), figures.served
