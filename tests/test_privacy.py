"""Users stay apart, their words stay out of the logs, and /delete leaves nothing behind."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.ext.asyncio import create_async_engine

from bot.engine import Engine
from bot.store import USER_TABLES, UserKey
from tests.chat import Chat

SECRET_SUMMARY = "Backend developer Zyxwvut with 7 years building quasar ledgers in Go."


async def test_same_id_on_two_platforms_is_two_people(engine: Engine) -> None:
    telegram, discord = Chat(engine, "1234", "telegram"), Chat(engine, "1234", "discord")
    for chat, level in ((telegram, "Junior"), (discord, "Senior")):
        await chat.send("/start")
        await chat.press(level)
        await chat.send("/skip")
    await telegram.send("Junior backend developer who built a Flask API for a student club.")
    await discord.send("/draft")
    assert "Flask" not in discord.text and "empty" in discord.text
    await discord.send("/status")
    assert "Level: senior" in discord.text
    await discord.send("/delete")
    await discord.send("yes")
    await telegram.send("/draft")
    assert "Flask" in telegram.text


async def test_resume_text_never_reaches_the_logs(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    chat = Chat(engine, "logged")
    with caplog.at_level(logging.DEBUG):
        await chat.send("/start")
        await chat.press("Mid")
        await chat.send("/skip")
        await chat.send(SECRET_SUMMARY)
        await chat.send("/draft")
    info = [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO]
    assert not any("Zyxwvut" in line or "quasar" in line for line in info)


async def test_delete_leaves_no_row_in_any_table(engine: Engine, db_url: str) -> None:
    chat = Chat(engine, "erase-me", "telegram")
    await chat.send("/start")
    await chat.press("Senior")
    await chat.send("/skip")
    await chat.send(SECRET_SUMMARY)
    await chat.send("/delete")
    await chat.send("yes")

    sql = create_async_engine(db_url)
    try:
        async with sql.connect() as conn:
            tables = await conn.run_sync(lambda sync: inspect(sync).get_table_names())
            leftovers = {}
            for table in tables:
                columns = await conn.run_sync(
                    lambda sync, t=table: {c["name"] for c in inspect(sync).get_columns(t)}
                )
                if {"platform", "user_id"} <= columns:
                    count = (
                        await conn.execute(
                            text(f'SELECT count(*) FROM "{table}" WHERE user_id = :u'),
                            {"u": "erase-me"},
                        )
                    ).scalar_one()
                    leftovers[table] = count
                else:
                    rows = (await conn.execute(text(f'SELECT * FROM "{table}"'))).all()
                    assert not any("Zyxwvut" in str(row) for row in rows), table
    finally:
        await sql.dispose()
    assert leftovers and sum(leftovers.values()) == 0, leftovers
    # Every table that holds users is one that delete() walks.
    assert set(leftovers) <= {t.name for t in USER_TABLES}
    assert sum((await engine.store.row_counts(UserKey("telegram", "erase-me"))).values()) == 0
