"""The coach's slash commands on Discord, built from the command table, published when changed."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Coroutine, Iterable, Mapping, Sequence
from typing import Any

import discord
from discord import app_commands

from bot.commands import COMMAND_TABLE

log = logging.getLogger(__name__)

Interaction = discord.Interaction[Any]
ASK_LIMIT = 300


def add_commands(
    tree: app_commands.CommandTree[Any],
    on_command: Callable[[Interaction, str], Awaitable[None]],
    on_write: Callable[[Interaction], Awaitable[None]],
    on_review: Callable[[Interaction, discord.Attachment], Awaitable[None]],
) -> None:
    """Every command of the table as a slash command, plus /ask, /write and /review (a file)."""
    for command in COMMAND_TABLE:
        # A command that takes a whole text after it (/review) is more than a slash command's
        # option holds: people paste the text in the DM or the writing box instead.
        if command.takes_text:
            continue
        tree.add_command(
            app_commands.Command(
                name=command.name,
                description=command.description[:100],
                callback=_as_text(command.name, on_command),
            )
        )

    @tree.command(name="ask", description="ask one question about backend resumes")
    @app_commands.describe(question="your question, in your own words")
    async def ask(
        interaction: Interaction, question: app_commands.Range[str, 1, ASK_LIMIT]
    ) -> None:
        # Through /faq, so a question that doesn't look like one is never taken for the text
        # of the current step.
        await on_command(interaction, f"/faq {question}")

    @tree.command(name="write", description="write a long text in a box")
    async def write(interaction: Interaction) -> None:
        await on_write(interaction)

    @tree.command(name="review", description="review your resume from a file")
    @app_commands.describe(file="your resume as .pdf, .docx, .txt or .md")
    async def review(interaction: Interaction, file: discord.Attachment) -> None:
        # A whole pasted resume is more than an option holds; a file fits any size it may be.
        await on_review(interaction, file)


def _as_text(
    name: str, on_command: Callable[[Interaction, str], Awaitable[None]]
) -> Callable[[Interaction], Coroutine[Any, Any, None]]:
    async def command(interaction: Interaction) -> None:
        await on_command(interaction, f"/{name}")

    command.__name__ = f"command_{name}"
    return command


async def publish(
    client: discord.Client, tree: app_commands.CommandTree[Any], guild_id: int | None
) -> None:
    """Publish the commands, globally or to one server, only when they changed."""
    guild = discord.Object(id=guild_id) if guild_id is not None else None
    if guild is not None:
        # Server commands update at once: handy while developing. Only that server gets
        # them; without DISCORD_GUILD_ID they are published globally.
        tree.copy_global_to(guild=guild)
    wanted = [command.to_dict(tree) for command in tree.get_commands(guild=guild)]
    app_id = client.application_id
    if app_id is None:
        log.warning("no application id after login; slash commands were not published")
        return
    try:
        current: Sequence[Mapping[str, Any]] = await (
            client.http.get_guild_commands(app_id, guild.id)
            if guild is not None
            else client.http.get_global_commands(app_id)
        )
        # Discord limits how often commands may be written: only when they changed.
        if command_shapes(current) == command_shapes(wanted):
            log.info("slash commands are up to date (%d)", len(wanted))
            return
        await tree.sync(guild=guild)
        log.info("published %d slash commands", len(wanted))
    except discord.HTTPException as exc:
        # Commands already published keep working, and DMs work without any.
        log.warning(
            "could not publish the slash commands (%s %s); carrying on",
            exc.status,
            type(exc).__name__,
        )


def command_shapes(commands: Iterable[Mapping[str, Any]]) -> list[tuple[Any, ...]]:
    """What of a command people see: its name, description and options, comparable."""
    shapes = []
    for command in commands:
        options = tuple(
            (
                option.get("type"),
                option.get("name"),
                option.get("description"),
                bool(option.get("required", False)),
                option.get("min_length"),
                option.get("max_length"),
            )
            for option in command.get("options") or ()
        )
        shapes.append(
            (command.get("name"), command.get("type", 1), command.get("description"), options)
        )
    return sorted(shapes, key=repr)
