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
import io
import logging
import os
import re
import signal
import sys
import traceback
from collections.abc import AsyncIterator, Callable, Coroutine, Iterable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

import discord
import yarl
from discord import app_commands
from discord.ui import DynamicItem

from adapters.discord_render import BUTTON_PREFIX, Outgoing, label, plan
from adapters.logs import configure_logging
from bot.engine import Engine
from bot.flow import COMMANDS
from bot.locks import KeyedLocks
from bot.types import IncomingMessage, Reply, reply

log = logging.getLogger(__name__)

Interaction = discord.Interaction[Any]

PLATFORM = "discord"
USAGE_EXIT = 2
NO_MENTIONS = discord.AllowedMentions.none()
# /review takes a whole resume after the command, more than a slash command option holds:
# people paste it in the DM or in the "Write it here" box instead.
SKIPPED_COMMANDS = frozenset({"review"})
ASK_LIMIT = 300
MODAL_TEXT_LIMIT = 4000
WRITE_BUTTON_ID = "rc-write"
WRITE_MODAL_ID = "rc-modal"
TEXT_INPUT_ID = "rc-text"
# How long a stopping bot waits for the turns in flight to send their replies.
DRAIN_SECONDS = 10.0

SENT_TO_DM = "I've sent you a DM: the coaching continues there, one to one."
DMS_CLOSED = (
    "I couldn't send you a DM: your DMs are closed to me. Allow direct messages from members "
    "of this server (server menu → Privacy Settings), or open a DM with me, then try again."
)
APOLOGY = "Sorry, something went wrong on my side. Please try again in a moment."
PLEASE_SEND_TEXT = (
    "I can only read text. Please type or paste your answer, or tap “Write it here” "
    "(or use /write) for a longer text."
)
MISSING_TOKEN = (
    "DISCORD_BOT_TOKEN is not set: create an application at "
    "https://discord.com/developers/applications, add a bot to it and put the bot's token "
    "in the DISCORD_BOT_TOKEN environment variable."
)
REJECTED_TOKEN = (
    "Discord rejected DISCORD_BOT_TOKEN; reset the token on the Bot page and try again."
)


class ConfigError(Exception):
    """The environment is set wrongly; the message is one sentence for the operator."""


@dataclass(frozen=True)
class Settings:
    """Everything the Discord adapter reads from the environment."""

    token: str
    guild_id: int | None = None
    api_base_url: str | None = None
    gateway_url: str | None = None
    shard_count: int | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Settings:
        """Read and check the settings; ``ConfigError`` says what is wrong."""
        token = env.get("DISCORD_BOT_TOKEN", "").strip()
        if not token:
            raise ConfigError(MISSING_TOKEN)
        guild = env.get("DISCORD_GUILD_ID", "").strip()
        if guild and not guild.isdigit():
            raise ConfigError(
                "DISCORD_GUILD_ID must be a server id, the number Copy Server ID gives."
            )
        api = env.get("DISCORD_API_BASE_URL", "").strip().rstrip("/") or None
        if api is not None and not _is_url(api, {"http", "https"}):
            raise ConfigError(
                "DISCORD_API_BASE_URL must be a full URL, like https://discord.com/api/v10."
            )
        gateway = env.get("DISCORD_GATEWAY_URL", "").strip() or None
        if gateway is not None and not _is_url(gateway, {"ws", "wss"}):
            raise ConfigError(
                "DISCORD_GATEWAY_URL must be a WebSocket URL, like wss://gateway.discord.gg/."
            )
        shards = env.get("DISCORD_SHARD_COUNT", "").strip()
        if shards and (not shards.isdigit() or int(shards) < 1):
            raise ConfigError("DISCORD_SHARD_COUNT must be a whole number of shards, 1 or more.")
        return cls(
            token,
            int(guild) if guild else None,
            api,
            gateway,
            int(shards) if shards else None,
        )


def _is_url(value: str, schemes: set[str]) -> bool:
    parts = urlsplit(value)
    return parts.scheme in schemes and bool(parts.netloc)


def use_endpoints(api_base_url: str | None, gateway_url: str | None) -> None:
    """Point discord.py at a REST proxy and a gateway proxy instead of Discord itself."""
    # Both are process-wide class attributes: the library reads them for every request and
    # every (re)connection, interaction callbacks and follow-ups included.
    if api_base_url is not None:
        discord.http.Route.BASE = api_base_url
    if gateway_url is not None:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)


# ---- components --------------------------------------------------------------------------


class EngineButton(
    DynamicItem[discord.ui.Button[discord.ui.View]],
    template=re.compile(re.escape(BUTTON_PREFIX) + r"(?P<value>.+)", re.DOTALL),
):
    """A button carrying an engine value in its custom id: a press works after a restart too."""

    def __init__(self, value: str, text: str = "…", *, disabled: bool = False) -> None:
        super().__init__(
            discord.ui.Button(
                label=label(text),
                custom_id=BUTTON_PREFIX + value,
                style=discord.ButtonStyle.primary,
                disabled=disabled,
            )
        )
        self.value = value

    @classmethod
    async def from_custom_id(
        cls,
        interaction: Interaction,
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> EngineButton:
        """The button of a pressed message, rebuilt from its custom id."""
        return cls(match["value"], getattr(item, "label", None) or "…")

    async def callback(self, interaction: Interaction) -> None:
        """Hand the press to the bot."""
        bot = interaction.client
        if isinstance(bot, CoachBot):
            await bot.on_button(interaction, self.value)


class WriteButton(
    DynamicItem[discord.ui.Button[discord.ui.View]], template=re.escape(WRITE_BUTTON_ID)
):
    """The "Write it here" button: opens a box for a long text (a summary, several bullets)."""

    def __init__(self) -> None:
        super().__init__(
            discord.ui.Button(
                label="Write it here",
                custom_id=WRITE_BUTTON_ID,
                style=discord.ButtonStyle.secondary,
                emoji="✏️",
            )
        )

    @classmethod
    async def from_custom_id(
        cls,
        interaction: Interaction,
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> WriteButton:
        """The button of a pressed message."""
        return cls()

    async def callback(self, interaction: Interaction) -> None:
        """Open the writing box; answering with it is the acknowledgement."""
        bot = interaction.client
        if isinstance(bot, CoachBot):
            await bot.on_write_button(interaction)


class WriteModal(discord.ui.Modal, title="Write it here"):
    """A box for text longer or more structured than a chat line comfortably takes."""

    text: discord.ui.TextInput[WriteModal] = discord.ui.TextInput(
        label="Your text",
        style=discord.TextStyle.paragraph,
        placeholder="Paste or type your summary, skills or bullets (one per line).",
        max_length=MODAL_TEXT_LIMIT,
        custom_id=TEXT_INPUT_ID,
    )

    def __init__(self) -> None:
        # A fixed custom id: the submit is handled by ``CoachBot.on_interaction`` by that id,
        # not by this object, so a box opened before a restart still reaches the coach.
        super().__init__(custom_id=WRITE_MODAL_ID, timeout=None)


def make_view(message: Outgoing) -> discord.ui.View | None:
    """The buttons of one message, or None when it has none."""
    if not message.buttons and not message.write:
        return None
    view = discord.ui.View(timeout=None)
    for button in message.buttons:
        view.add_item(EngineButton(button.value, button.label))
    if message.write:
        view.add_item(WriteButton())
    # A finished view is sent but not tracked. Tracking buys nothing here (presses arrive
    # through the dynamic items), and when a tracked view stops, discord.py unregisters its
    # dynamic item templates: every old button would go dead.
    view.stop()
    return view


def disabled_copy(message: discord.Message) -> discord.ui.View:
    """The buttons of a message, every one disabled: shown after one of them was used."""
    view = discord.ui.View.from_message(message, timeout=None)
    for item in view.walk_children():
        if isinstance(item, discord.ui.Button | discord.ui.Select):
            item.disabled = True
    view.stop()
    return view


def modal_text(data: Mapping[str, Any] | None) -> str:
    """The text typed into the writing box, from a modal submit's data."""

    def walk(components: Iterable[Any]) -> str | None:
        for component in components:
            if not isinstance(component, Mapping):
                continue
            if component.get("custom_id") == TEXT_INPUT_ID and "value" in component:
                return str(component["value"])
            inner = list(component.get("components", []))
            if "component" in component:  # a text input inside a label
                inner.append(component["component"])
            found = walk(inner)
            if found is not None:
                return found
        return None

    return walk((data or {}).get("components", [])) or ""


# ---- where replies go --------------------------------------------------------------------


class _Sink(Protocol):
    async def send(self, message: Outgoing) -> None: ...

    async def finish(self) -> None: ...


def _message_kwargs(message: Outgoing) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"allowed_mentions": NO_MENTIONS}
    if message.content:
        kwargs["content"] = message.content
    view = make_view(message)
    if view is not None:
        kwargs["view"] = view
    if message.attachment is not None:
        kwargs["file"] = discord.File(
            io.BytesIO(message.attachment.data), filename=message.attachment.filename
        )
    return kwargs


class _ChannelSink:
    """Plain messages in a channel (the DM)."""

    def __init__(self, channel: discord.abc.Messageable) -> None:
        self.channel = channel

    async def send(self, message: Outgoing) -> None:
        await self.channel.send(**_message_kwargs(message))

    async def finish(self) -> None:
        return None


class _ResponseSink:
    """The answer to a deferred interaction: the first message replaces "thinking…"."""

    def __init__(self, interaction: Interaction) -> None:
        self.interaction = interaction
        self.sent = 0

    async def send(self, message: Outgoing) -> None:
        kwargs = _message_kwargs(message)
        if self.sent == 0:
            file = kwargs.pop("file", None)
            if file is not None:
                kwargs["attachments"] = [file]
            await self.interaction.edit_original_response(**kwargs)
        else:
            await self.interaction.followup.send(**kwargs, wait=True)
        self.sent += 1

    async def finish(self) -> None:
        if self.sent == 0:
            # Nothing to say (a flood being dropped): no "thinking…" left hanging.
            await self.interaction.delete_original_response()


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
        self._in_flight: set[asyncio.Task[Any]] = set()
        self._add_commands()

    # ---- set-up ------------------------------------------------------------------------------

    def _add_commands(self) -> None:
        for name, description in COMMANDS.items():
            if name in SKIPPED_COMMANDS:
                continue
            self.tree.add_command(
                app_commands.Command(
                    name=name, description=description[:100], callback=self._command(name)
                )
            )

        @self.tree.command(name="ask", description="ask one question about backend resumes")
        @app_commands.describe(question="your question, in your own words")
        async def ask(
            interaction: Interaction, question: app_commands.Range[str, 1, ASK_LIMIT]
        ) -> None:
            # Through /faq, so a question that doesn't look like one is never taken for the
            # text of the current step.
            await self.on_command(interaction, f"/faq {question}")

        @self.tree.command(name="write", description="write a long text in a box")
        async def write(interaction: Interaction) -> None:
            await self.on_write_button(interaction)

    def _command(self, name: str) -> Callable[[Interaction], Coroutine[Any, Any, None]]:
        async def command(interaction: Interaction) -> None:
            await self.on_command(interaction, f"/{name}")

        command.__name__ = f"command_{name}"
        return command

    async def setup_hook(self) -> None:
        """After login, before the gateway: register the buttons and publish the commands."""
        self.add_dynamic_items(EngineButton, WriteButton)
        await self._publish_commands()
        if self.shard_count is None and self.settings.gateway_url is not None:
            # Without a count the library connects to the URL /gateway/bot names, which
            # would go around the gateway proxy; ask for the count only.
            self.shard_count, _, _ = await self.http.get_bot_gateway()

    async def _publish_commands(self) -> None:
        guild_id = self.settings.guild_id
        guild = discord.Object(id=guild_id) if guild_id is not None else None
        if guild is not None:
            # Server commands update at once: handy while developing. Only that server gets
            # them; without DISCORD_GUILD_ID they are published globally.
            self.tree.copy_global_to(guild=guild)
        wanted = [command.to_dict(self.tree) for command in self.tree.get_commands(guild=guild)]
        app_id = self.application_id
        if app_id is None:
            log.warning("no application id after login; slash commands were not published")
            return
        try:
            current: Sequence[Mapping[str, Any]] = await (
                self.http.get_guild_commands(app_id, guild.id)
                if guild is not None
                else self.http.get_global_commands(app_id)
            )
            # Discord limits how often commands may be written: only when they changed.
            if _command_shapes(current) == _command_shapes(wanted):
                log.info("slash commands are up to date (%d)", len(wanted))
                return
            await self.tree.sync(guild=guild)
            log.info("published %d slash commands", len(wanted))
        except discord.HTTPException as exc:
            # Commands already published keep working, and DMs work without any.
            log.warning(
                "could not publish the slash commands (%s %s); carrying on",
                exc.status,
                type(exc).__name__,
            )

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
        if message.type not in {discord.MessageType.default, discord.MessageType.reply}:
            return
        async with self._tracked(), self._locks.hold(message.author.id):
            text = message.content
            if not text.strip() and (message.attachments or message.stickers):
                replies = [reply(PLEASE_SEND_TEXT)]
            else:
                log.debug("a DM for the coach")
                replies = await self.engine.handle(
                    IncomingMessage(PLATFORM, str(message.author.id), text=text)
                )
            await self._deliver(_ChannelSink(message.channel), replies)

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
        """Open the writing box (a press on "Write it here", or /write)."""
        try:
            await interaction.response.send_modal(WriteModal())
        except Exception:
            await self.on_error("write button", interaction)

    async def _acknowledge(self, interaction: Interaction) -> None:
        # Before anything slow: Discord drops an interaction not answered within 3 seconds.
        # In a server the answer is private; the coaching itself goes to the DM.
        await interaction.response.defer(ephemeral=interaction.guild_id is not None, thinking=True)

    async def _answer(
        self, interaction: Interaction, incoming: IncomingMessage, deferred: bool
    ) -> None:
        """Run the turn of an acknowledged interaction and send the replies to the DM."""
        user = interaction.user
        async with self._tracked(), self._locks.hold(user.id):
            replies = await self.engine.handle(incoming)
            if interaction.guild_id is None:
                sink: _Sink
                if deferred:
                    sink = _ResponseSink(interaction)
                else:
                    sink = _ChannelSink(await self._dm_channel(interaction))
                await self._deliver(sink, replies)
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
            await self._deliver(_ChannelSink(channel), replies)
        except discord.Forbidden:
            log.info("a person's DMs are closed to the bot; told them in the server")
            return DMS_CLOSED
        return SENT_TO_DM

    async def _deliver(self, sink: _Sink, replies: Sequence[Reply]) -> None:
        # The writing box is offered only where the coach waits for typed text.
        for message in plan(replies, write_button=any(r.asks_for_text for r in replies)):
            await sink.send(message)
        await sink.finish()

    # ---- failures ----------------------------------------------------------------------------

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        """Log a failed handler without any text, and apologise to the person."""
        error = sys.exc_info()[1]
        _log_failure(event_method, error)
        await self._apologise(args[0] if args else None, error)

    async def on_app_command_error(
        self, interaction: Interaction, error: app_commands.AppCommandError
    ) -> None:
        """Log a failed slash command without any text, and apologise to the person."""
        original = error.original if isinstance(error, app_commands.CommandInvokeError) else error
        _log_failure("slash command", original)
        await self._apologise(interaction, original)

    async def _apologise(self, target: object, error: BaseException | None) -> None:
        if isinstance(error, discord.Forbidden):
            return  # the DM is closed: nowhere to say it
        try:
            if isinstance(target, discord.Message) and isinstance(
                target.channel, discord.DMChannel
            ):
                await target.channel.send(APOLOGY, allowed_mentions=NO_MENTIONS)
            elif isinstance(target, discord.Interaction):
                if target.response.is_done():
                    await target.followup.send(
                        APOLOGY, ephemeral=True, allowed_mentions=NO_MENTIONS
                    )
                else:
                    await target.response.send_message(
                        APOLOGY, ephemeral=True, allowed_mentions=NO_MENTIONS
                    )
        except discord.HTTPException as exc:
            log.warning("the apology could not be sent either: %s", type(exc).__name__)

    # ---- shutting down -----------------------------------------------------------------------

    @asynccontextmanager
    async def _tracked(self) -> AsyncIterator[None]:
        task = asyncio.current_task()
        if task is None:
            yield
            return
        self._in_flight.add(task)
        try:
            yield
        finally:
            self._in_flight.discard(task)

    async def drain(self, timeout: float = DRAIN_SECONDS) -> None:
        """Wait (a while) for the turns in flight, so their replies go out before closing."""
        pending = {task for task in self._in_flight if task is not asyncio.current_task()}
        if pending:
            log.info("waiting for %d turn(s) in flight", len(pending))
            await asyncio.wait(pending, timeout=timeout)


def _command_shapes(commands: Iterable[Mapping[str, Any]]) -> list[tuple[Any, ...]]:
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


def _log_failure(where: str, error: BaseException | None) -> None:
    # The type and the code frames only: an exception's message may quote the user's text.
    trace = error.__traceback__ if error is not None else None
    frames = "".join(traceback.format_list(traceback.extract_tb(trace)))
    log.error("%s failed: %s\n%s", where, type(error).__name__, frames.rstrip())


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
    db = getattr(args, "db", None) or environment.get("DATABASE_URL")
    try:
        return asyncio.run(serve(settings, db))
    except KeyboardInterrupt:
        return 0
    except Exception:
        # Logged (so the token filter applies) rather than printed by the interpreter.
        log.exception("the Discord bot stopped on an error")
        return 1
