"""``resume-coach export``: a stored user's resume written to files, for scripts."""

from __future__ import annotations

import asyncio
import getpass
import os
from pathlib import Path

from bot.draft import assemble, paper_for
from bot.export import Paper, export_files, is_empty
from bot.knowledge import shared_knowledge
from bot.progress import Progress
from bot.store import Store, UserKey, database_url

SUFFIXES = {"pdf": ".pdf", "docx": ".docx", "md": ".md", "txt": ".txt"}


class ExportError(Exception):
    """The export can't be made; the message is one sentence for the person at the terminal."""


def user_key(user: str | None) -> UserKey:
    """``NAME`` is a console user; ``PLATFORM:ID`` names a user of a chat platform."""
    name = user or getpass.getuser()
    platform, sep, user_id = name.partition(":")
    if sep and platform in {"telegram", "discord", "console"} and user_id:
        return UserKey(platform, user_id)
    return UserKey("console", name)


async def _load(db: str | None, key: UserKey) -> Progress:
    store = await Store.open(database_url(db or os.environ.get("DATABASE_URL")))
    try:
        stored = await store.load(key)
    finally:
        await store.close()
    if stored is None:
        raise ExportError(f"No resume is stored for {key.platform} user {key.user_id!r}.")
    return Progress.load(stored.data)


def export_stored(
    db: str | None, user: str | None, formats: list[str] | None, paper: str | None, out: str
) -> list[Path]:
    """Write the chosen formats (all four by default) into ``out``; the paths written."""
    progress = asyncio.run(_load(db, user_key(user)))
    doc = assemble(shared_knowledge().role(), progress)
    if is_empty(doc):
        raise ExportError("That resume is empty: there is nothing to export yet.")
    chosen = Paper(paper) if paper else paper_for(progress, doc)
    wanted = {SUFFIXES[f] for f in (formats or SUFFIXES)}
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for attachment in export_files(doc, chosen):
        if Path(attachment.filename).suffix in wanted:
            path = folder / attachment.filename
            path.write_bytes(attachment.data)
            written.append(path)
    return written
