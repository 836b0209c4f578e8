"""Alembic environment: runs the migrations on the connection that ``Store.open`` hands over.

There is no alembic.ini: ``bot.store`` builds the Config in code and passes its open
connection (inside its transaction) through ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError(
        "These migrations run from bot.store.Store.open, which passes its connection; "
        "open the store (e.g. start the bot) to upgrade the database."
    )

context.configure(
    connection=connection,
    # SQLite cannot ALTER most things in place; batch mode rebuilds the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
