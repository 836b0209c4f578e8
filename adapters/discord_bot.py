"""The coach on Discord: slash commands, DMs and button presses in, the engine's replies out.

Thin on purpose: the conversation lives in the engine; this module only translates. In a
server the bot answers slash commands with a private (ephemeral) note and carries the coaching
on in a DM, because a resume is personal. Intents: ``guilds`` and ``dm_messages`` only. No
privileged intent: Discord always gives a bot the text of its DMs, and the coach reads nothing
else, so there is no portal switch to forget and no review once the bot is in many servers.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from typing import Any

import discord
import yarl
from discord import app_commands

from adapters.config import ConfigError
from adapters.discord_catchup import TYPED, CatchUp
from adapters.discord_commands import add_commands, publish
from adapters.discord_components import (
    WRITE_MODAL_ID,
    EngineButton,
    WriteButton,
    WriteModal,
    disabled_copy,
    modal_text,
)
from adapters.discord_incoming import dm_message, read_attachment
from adapters.discord_render import plan
from adapters.discord_settings import REJECTED_TOKEN, Settings
from adapters.discord_sinks import NO_MENTIONS, ChannelSink, ResponseSink, Sink, apologise
from adapters.flushing import Flusher
from adapters.inflight import InFlight
from adapters.logs import configure_logging, log_failure
from adapters.running import database_of, run_until_stopped
from bot.engine import Engine
from bot.locks import KeyedLocks
from bot.types import IncomingMessage, Reply, reply

log = logging.getLogger(__name__)

Interaction = discord.Interaction[Any]

PLATFORM = "discord"
USAGE_EXIT = 2
# How long a stopping bot waits for the turns in flight to send their replies.
DRAIN_SECONDS = 8.0
# How many DM ids this process remembers having handled.
HANDLED_MEMORY = 10_000

SENT_TO_DM = "I've sent you a DM: the coaching continues there, one to one."
DMS_CLOSED = (
    "I couldn't send you a DM: your DMs are closed to me. Allow direct messages from members "
    "of this server (server menu → Privacy Settings), or open a DM with me, then try again."
)


def use_endpoints(api_base_url: str | None, gateway_url: str | None) -> None:
    """Point discord.py at a REST proxy and a gateway proxy instead of Discord itself."""
    # Both are process-wide class attributes: the library reads them for every request and
    # every (re)connection, interaction callbacks and follow-ups included.
    if api_base_url is not None:
        discord.http.Route.BASE = api_base_url
    if gateway_url is not None:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)


# ---- the client --------------------------------------------------------------------------


class CoachBot(discord.AutoShardedClient):
    """The Discord client: commands, DMs and buttons go to the engine, replies come back."""

    def __init__(self, engine: Engine, settings: Settings, **options: Any) -> None:
        intents = discord.Intents.none()
        # Servers the bot is in, so interactions there come with their server.
        intents.guilds = True
        intents.dm_messages = True
        # The coach has no voice: the warnings that voice libraries are missing are noise.
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
        super().__init__(
            intents=intents,
            # Also the default for every send: nobody's text can ping @everyone or a role.
            allowed_mentions=NO_MENTIONS,
            # No message cache: people's texts are not kept in memory after their turn.
            max_messages=None,
            chunk_guilds_at_startup=False,
            member_cache_flags=discord.MemberCacheFlags.none(),
            shard_count=settings.shard_count,
            **options,
        )
        self.engine = engine
        self.settings = settings
        self.tree: app_commands.CommandTree[CoachBot] = app_commands.CommandTree(self)
        self.tree.error(self.on_app_command_error)
        self._locks = KeyedLocks()
        self._in_flight = InFlight()
        # DMs handled by this process, so a DM read back by a catch-up and also dispatched
        # live is handled once (across processes the engine's stored ids do that).
        self._handled: OrderedDict[int, None] = OrderedDict()
        self.catch_up = CatchUp(self, engine, PLATFORM)
        self._flusher = Flusher(engine)
        # The text each person was last offered to edit, to put in their writing box.
        self._prefill: OrderedDict[int, str] = OrderedDict()
        add_commands(self.tree, self.on_command, self.on_write_button, self.on_review_file)

    # ---- set-up ------------------------------------------------------------------------------

    async def setup_hook(self) -> None:
        """After login, before the gateway: register the buttons and publish the commands."""
        self.add_dynamic_items(EngineButton, WriteButton)
        await publish(self, self.tree, self.settings.guild_id)
        if self.shard_count is None and self.settings.gateway_url is not None:
            # Without a count the library connects to the URL /gateway/bot names, which
            # would go around the gateway proxy; ask for the count only.
            self.shard_count, _, _ = await self.http.get_bot_gateway()

    async def on_shard_connect(self, shard_id: int) -> None:
        """A new gateway session: DMs (all on shard 0) sent meanwhile were never dispatched."""
        if shard_id == 0:
            self.catch_up.begin(self._handle_dm)

    async def on_shard_resumed(self, shard_id: int) -> None:
        """A resumed session: read back too, in case something fell between the sessions."""
        if shard_id == 0:
            self.catch_up.begin(self._handle_dm)

    async def on_ready(self) -> None:
        """Log that the bot is connected (no names: only counts)."""
        log.info(
            "Discord bot is ready: %d server(s), %d shard(s)",
            len(self.guilds),
            self.shard_count or 1,
        )

    # ---- events in ---------------------------------------------------------------------------

    async def on_message(self, message: discord.Message) -> None:
        """A DM from a person goes to the engine; everything else is ignored."""
        if message.author.bot or (self.user is not None and message.author.id == self.user.id):
            return
        if message.guild is not None or not isinstance(message.channel, discord.DMChannel):
            return
        if message.type not in TYPED:
            return
        # After this person's missed DMs, if a catch-up is reading them back.
        await self.catch_up.turn_of(message.author.id)
        await self._handle_dm(message)

    async def _handle_dm(self, message: discord.Message) -> None:
        """One DM of a person, live or read back, handled once by this process."""
        async with self._in_flight.track(), self._locks.hold(message.author.id):
            if message.id in self._handled:
                return
            self._handled[message.id] = None
            while len(self._handled) > HANDLED_MEMORY:
                self._handled.popitem(last=False)
            incoming = await dm_message(message)
            sink = ChannelSink(message.channel)
            who = message.author.id
            if isinstance(incoming, str):
                await self._deliver(sink, [reply(incoming)], who)
                return
            log.debug("a DM for the coach")
            await self._deliver(sink, await self.engine.handle(incoming), who)
            # A long DM may be the first part of a paste Discord split: flushed if none follows.
            self._flusher.after(incoming, lambda replies: self._deliver(sink, replies, who))

    async def on_interaction(self, interaction: Interaction) -> None:
        """The writing box's submit (commands and buttons are dispatched by the library)."""
        data: Mapping[str, Any] = interaction.data or {}
        if (
            interaction.type is discord.InteractionType.modal_submit
            and data.get("custom_id") == WRITE_MODAL_ID
        ):
            await self._acknowledge(interaction)
            text = modal_text(data)
            await self._answer(
                interaction, IncomingMessage(PLATFORM, str(interaction.user.id), text=text), True
            )

    async def on_command(self, interaction: Interaction, text: str) -> None:
        """A slash command: acknowledge at once, then the engine's turn."""
        await self._acknowledge(interaction)
        await self._answer(
            interaction, IncomingMessage(PLATFORM, str(interaction.user.id), text=text), True
        )

    async def on_button(self, interaction: Interaction, value: str) -> None:
        """A button press: its message loses its buttons, then the engine acts on the value."""
        try:
            message = interaction.message
            # The edit is the acknowledgement: one call, well within Discord's 3 seconds.
            if message is not None and message.components:
                await interaction.response.edit_message(
                    view=disabled_copy(message), allowed_mentions=NO_MENTIONS
                )
            else:
                await interaction.response.defer()
            await self._answer(
                interaction,
                IncomingMessage(PLATFORM, str(interaction.user.id), button=value),
                False,
            )
        except Exception:
            # The library would only log it; this way it is reported like any other failure.
            await self.on_error("button press", interaction)

    async def on_write_button(self, interaction: Interaction) -> None:
        """Open the writing box (a press on "Write it here", or /write), with the text to edit."""
        try:
            prefill = self._prefill.get(interaction.user.id, "")
            await interaction.response.send_modal(WriteModal(prefill))
        except Exception:
            await self.on_error("write button", interaction)

    async def on_review_file(
        self, interaction: Interaction, attachment: discord.Attachment
    ) -> None:
        """/review with a file: the resume is read and reviewed like a file sent in the DM."""
        await self._acknowledge(interaction)
        incoming = await read_attachment(interaction.user.id, attachment)
        if isinstance(incoming, str):
            await interaction.edit_original_response(content=incoming, allowed_mentions=NO_MENTIONS)
            return
        await self._answer(interaction, incoming, True)

    async def _acknowledge(self, interaction: Interaction) -> None:
        # Before anything slow: Discord drops an interaction not answered within 3 seconds.
        # In a server the answer is private; the coaching itself goes to the DM.
        await interaction.response.defer(ephemeral=interaction.guild_id is not None, thinking=True)

    async def _answer(
        self, interaction: Interaction, incoming: IncomingMessage, deferred: bool
    ) -> None:
        """Run the turn of an acknowledged interaction and send the replies to the DM."""
        user = interaction.user
        async with self._in_flight.track(), self._locks.hold(user.id):
            replies = await self.engine.handle(incoming)
            if interaction.guild_id is None:
                sink: Sink
                if deferred:
                    sink = ResponseSink(interaction)
                else:
                    sink = ChannelSink(await self._dm_channel(interaction))
                await self._deliver(sink, replies, user.id)
                return
            note = await self._send_to_dm(user, replies)
            if deferred:
                await interaction.edit_original_response(content=note, allowed_mentions=NO_MENTIONS)
            elif note != SENT_TO_DM:
                await interaction.followup.send(note, ephemeral=True, allowed_mentions=NO_MENTIONS)

    async def _dm_channel(self, interaction: Interaction) -> discord.abc.Messageable:
        channel = interaction.channel
        if isinstance(channel, discord.DMChannel):
            return channel
        return await interaction.user.create_dm()

    async def _send_to_dm(
        self, user: discord.User | discord.Member, replies: Sequence[Reply]
    ) -> str:
        """Send replies to a person's DM; the note for the server says whether that worked."""
        try:
            channel = await user.create_dm()
            await self._deliver(ChannelSink(channel), replies, user.id)
        except discord.Forbidden:
            log.info("a person's DMs are closed to the bot; told them in the server")
            return DMS_CLOSED
        return SENT_TO_DM

    async def _deliver(self, sink: Sink, replies: Sequence[Reply], user_id: int) -> None:
        for item in replies:
            if item.prefill:
                self._remember_prefill(user_id, item.prefill)
        # The writing box is offered only where the coach waits for typed text.
        for message in plan(replies, write_button=any(r.asks_for_text for r in replies)):
            await sink.send(message)
        await sink.finish()

    def _remember_prefill(self, user_id: int, text: str) -> None:
        self._prefill[user_id] = text
        self._prefill.move_to_end(user_id)
        while len(self._prefill) > HANDLED_MEMORY:
            self._prefill.popitem(last=False)

    # ---- failures ----------------------------------------------------------------------------

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        """Log a failed handler without any text, and apologise to the person."""
        error = sys.exc_info()[1]
        log_failure(log, event_method, error)
        await apologise(args[0] if args else None, error)

    async def on_app_command_error(
        self, interaction: Interaction, error: app_commands.AppCommandError
    ) -> None:
        """Log a failed slash command without any text, and apologise to the person."""
        original = error.original if isinstance(error, app_commands.CommandInvokeError) else error
        log_failure(log, "slash command", original)
        await apologise(interaction, original)

    # ---- shutting down -----------------------------------------------------------------------

    async def drain(self, timeout: float = DRAIN_SECONDS) -> None:
        """Wait (a while) for the turns in flight, so their replies go out before closing."""
        await self._in_flight.drain(timeout)
        await self._flusher.close()


# ---- running -----------------------------------------------------------------------------


async def serve(settings: Settings, db: str | None) -> int:
    """Run the bot until SIGTERM or SIGINT; the exit code."""
    use_endpoints(settings.api_base_url, settings.gateway_url)
    engine = await Engine.open(db)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    signals = (signal.SIGTERM, signal.SIGINT)
    for number in signals:
        loop.add_signal_handler(number, stop.set)
    try:
        async with CoachBot(engine, settings) as client:
            running = asyncio.create_task(client.start(settings.token), name="discord")
            stopping = asyncio.create_task(stop.wait(), name="stop-signal")
            await asyncio.wait({running, stopping}, return_when=asyncio.FIRST_COMPLETED)
            if not running.done():
                log.info("stopping: finishing the turns in flight, then closing")
                await client.catch_up.close()
                await client.drain()
                await client.close()
            stopping.cancel()
            try:
                await running
            except discord.LoginFailure:
                print(REJECTED_TOKEN, file=sys.stderr)
                return USAGE_EXIT
            except asyncio.CancelledError:
                pass
    finally:
        for number in signals:
            loop.remove_signal_handler(number)
        await engine.close()
    log.info("stopped")
    return 0


def run(args: argparse.Namespace, env: Mapping[str, str] | None = None) -> int:
    """Run the bot until SIGTERM or Ctrl-C (``resume-coach discord``); the exit code."""
    environment = os.environ if env is None else env
    try:
        settings = Settings.from_env(environment)
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return USAGE_EXIT
    configure_logging(settings.token)
    return run_until_stopped(serve(settings, database_of(args, environment)), "Discord")
