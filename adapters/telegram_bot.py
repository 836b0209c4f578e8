"""The coach on Telegram: updates in as ``IncomingMessage``, replies out as Bot API calls.

Thin on purpose: the conversation lives in the engine; this module only translates.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import re
import signal
import sys
import warnings
from collections import OrderedDict
from collections.abc import Awaitable, Mapping
from typing import Any
from urllib.parse import urlsplit

from telegram import (
    BotCommand,
    Document,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatType
from telegram.error import Forbidden, InvalidToken, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBDeprecationWarning

from adapters.config import ConfigError
from adapters.flushing import Flusher
from adapters.logs import configure_logging, log_failure
from adapters.running import database_of, run_until_stopped
from adapters.telegram_delivery import Dispatcher, Poller, WebhookReceiver, retrying
from adapters.telegram_send import NO_PREVIEW, Bot, retried, send_replies
from adapters.telegram_settings import REJECTED_TOKEN, Settings, file_url_for
from bot.commands import COMMANDS
from bot.documents import refusal
from bot.engine import Engine
from bot.locks import KeyedLocks
from bot.types import IncomingFile, IncomingMessage, reply

log = logging.getLogger(__name__)

App = Application[Any, Any, Any, Any, Any, Any]
Context = ContextTypes.DEFAULT_TYPE

PLATFORM = "telegram"
FLUSHER = "resume-coach-flusher"
USAGE_EXIT = 2
# How many pressed messages are remembered to stop a double press acting twice.
PRESSED_MEMORY = 10_000

PLEASE_SEND_TEXT = (
    "I can only read text. Please type your answer, or send your resume as a .txt or .docx file."
)
APOLOGY = "Sorry, something went wrong on my side. Please try again in a moment."
ALREADY_PRESSED = "You already chose an option on this message."
GROUP_INVITE = (
    "A resume is personal, so I coach one to one. "
    "Open a private chat with me: https://t.me/{username} and send /start."
)
_COMMAND = re.compile(r"/[A-Za-z0-9_]+(?:@([A-Za-z0-9_]+))?(?=\s|$)")


class TelegramAdapter:
    """Handlers that pass Telegram updates to the engine and send its replies back."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._pressed: OrderedDict[tuple[int, int], None] = OrderedDict()
        self._locks = KeyedLocks()
        self.flusher = Flusher(engine)

    def install(self, app: App) -> None:
        """Register the handlers and the error handler on an application."""
        app.bot_data[FLUSHER] = self.flusher
        app.add_handler(CallbackQueryHandler(self.on_callback))
        # Only new messages: edits, channel posts and service messages never reach the engine.
        app.add_handler(
            MessageHandler(filters.UpdateType.MESSAGE & ~filters.StatusUpdate.ALL, self.on_message)
        )
        app.add_error_handler(self.on_error)

    # ---- updates in --------------------------------------------------------------------------

    async def on_message(self, update: Update, context: Context) -> None:
        """A message: text and documents go to the engine; anything else gets a short note."""
        message = update.message
        if message is None or message.from_user is None or message.from_user.is_bot:
            return
        bot = context.bot
        if message.chat.type in {ChatType.GROUP, ChatType.SUPERGROUP}:
            await self._on_group_message(bot, message)
            return
        if message.chat.type != ChatType.PRIVATE:
            return
        chat_id = message.chat.id
        async with self._locks.hold(chat_id):
            user_id = str(message.from_user.id)
            document = message.document
            # The update's id, stored with the turn: a redelivery is recognised by it.
            delivery = str(update.update_id)
            if message.text is not None:
                incoming = IncomingMessage(
                    PLATFORM, user_id, text=message.text, message_id=delivery
                )
            elif document is not None:
                # Checked before the download: a file of another kind or too big is not fetched.
                refused = refusal(document.file_name or "", document.file_size)
                if refused is not None:
                    await send_replies(bot, chat_id, [reply(refused)])
                    return
                incoming = IncomingMessage(
                    PLATFORM, user_id, file=await _download(document), message_id=delivery
                )
            else:
                await send_replies(bot, chat_id, [reply(PLEASE_SEND_TEXT)])
                return
            log.debug("message from a private chat")
            await send_replies(bot, chat_id, await self.engine.handle(incoming))
            # A long text may be the first part of a paste Telegram split: the engine holds it
            # for the next part, and is told to go ahead if none comes.
            self.flusher.after(incoming, lambda replies: send_replies(bot, chat_id, replies))

    async def on_callback(self, update: Update, context: Context) -> None:
        """A button press: answer it, take the keyboard away, then let the engine act on it."""
        query = update.callback_query
        if query is None:
            return
        message = query.message
        if (
            message is None
            or query.data is None
            or message.chat.type != ChatType.PRIVATE
            or query.from_user.is_bot
        ):
            # Not a button this bot shows in a private chat; answered so the client stops waiting.
            await self._quietly(query.answer())
            return
        key = (message.chat.id, message.message_id)
        if key in self._pressed:
            # Checked and remembered before any await, so two presses arriving together
            # cannot both get through.
            self._pressed.move_to_end(key)
            await self._quietly(query.answer(ALREADY_PRESSED))
            return
        self._pressed[key] = None
        while len(self._pressed) > PRESSED_MEMORY:
            self._pressed.popitem(last=False)
        bot = context.bot
        async with self._locks.hold(message.chat.id):
            await self._quietly(query.answer())
            await self._quietly(
                bot.edit_message_reply_markup(chat_id=key[0], message_id=key[1], reply_markup=None)
            )
            log.debug("button press from a private chat")
            replies = await self.engine.handle(
                IncomingMessage(
                    PLATFORM,
                    str(query.from_user.id),
                    button=query.data,
                    message_id=str(update.update_id),
                )
            )
            await send_replies(bot, message.chat.id, replies)

    async def on_error(self, update: object, context: Context) -> None:
        """Log a failed update without its text, and apologise to the person in a private chat."""
        error = context.error
        if isinstance(error, Forbidden):
            log.info("a chat is closed to the bot (blocked or left); its replies were dropped")
            return
        log_failure(log, "handling an update", error)
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None or chat.type != ChatType.PRIVATE:
            return
        try:
            await context.bot.send_message(chat.id, APOLOGY)
        except TelegramError as exc:
            log.warning("the apology could not be sent either: %s", type(exc).__name__)

    async def _on_group_message(self, bot: Bot, message: Message) -> None:
        """In a group, a command meant for this bot gets an invitation to a private chat."""
        if not _addressed_to(bot, message):
            return
        username = bot.username
        invite = InlineKeyboardMarkup(
            [[InlineKeyboardButton("Open a private chat", url=f"https://t.me/{username}")]]
        )
        await retried(
            lambda: bot.send_message(
                message.chat.id,
                GROUP_INVITE.format(username=username),
                reply_markup=invite,
                link_preview_options=NO_PREVIEW,
            )
        )

    @staticmethod
    async def _quietly(call: Awaitable[Any]) -> None:
        """Run a call whose failure (query too old, message gone) must not stop the turn."""
        try:
            await call
        except TelegramError as exc:
            log.debug("a cosmetic Bot API call failed: %s", type(exc).__name__)


async def _download(document: Document) -> IncomingFile:
    """The bytes of a sent file; the engine reads them into text."""
    file = await retried(document.get_file)
    return IncomingFile(document.file_name or "", bytes(await retried(file.download_as_bytearray)))


def _addressed_to(bot: Bot, message: Message) -> bool:
    """Whether a group message is a command for this bot, not for another one."""
    match = _COMMAND.match(message.text or "")
    if match is None:
        return False
    username = bot.username.casefold()
    if match.group(1) is not None:
        return match.group(1).casefold() == username
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot.id:
        return True
    mentions = message.parse_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION])
    return any(
        (entity.type == MessageEntity.MENTION and value.casefold() == "@" + username)
        or (entity.user is not None and entity.user.id == bot.id)
        for entity, value in mentions.items()
    )


async def start(app: App) -> None:
    """Set-up once the bot knows who it is: publish the command menu."""
    commands = [BotCommand(name, description) for name, description in COMMANDS.items()]
    try:
        await app.bot.set_my_commands(commands)
    except TelegramError as exc:
        # The menu is a convenience; commands work without it.
        log.warning("could not set the command menu (%s); carrying on", type(exc).__name__)
    log.info("Telegram bot @%s is ready", app.bot.username)


def build_application(
    token: str,
    engine: Engine,
    *,
    base_url: str | None = None,
    base_file_url: str | None = None,
) -> App:
    """The python-telegram-bot application with the coach's handlers, ready to run."""
    # httpx logs every request URL at INFO, and the URL holds the token.
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    builder = (
        ApplicationBuilder()
        .token(token)
        .rate_limiter(AIORateLimiter(max_retries=3))
        # Updates are fetched and confirmed by adapters/telegram_delivery.py, not the Updater,
        # which confirms them before they are handled.
        .updater(None)
        .connect_timeout(10)
        .read_timeout(20)
        .write_timeout(30)
        .media_write_timeout(60)
        .pool_timeout(10)
        .get_updates_connect_timeout(10)
        .get_updates_read_timeout(10)
        .get_updates_pool_timeout(10)
    )
    if base_url is not None:
        builder = builder.base_url(base_url).base_file_url(base_file_url or file_url_for(base_url))
    app: App = builder.build()
    TelegramAdapter(engine).install(app)
    return app


async def serve(settings: Settings, db: str | None) -> int:
    """Run the bot until SIGTERM or SIGINT; the exit code."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    signals = (signal.SIGTERM, signal.SIGINT)
    for number in signals:
        loop.add_signal_handler(number, stop.set)
    engine = await Engine.open(db)
    try:
        app = build_application(
            settings.token, engine, base_url=settings.base_url, base_file_url=settings.base_file_url
        )
        # Until Telegram answers, start-up is retried (a rejected token ends it at once).
        log.info(
            "connecting to the Bot API at %s",
            urlsplit(settings.base_url or "https://api.telegram.org/bot").netloc,
        )
        if not await retrying(app.initialize, stop):
            return 0
        try:
            await start(app)
            dispatcher = Dispatcher(app)
            receiver: Poller | WebhookReceiver
            if settings.webhook is None:
                receiver = Poller(app, dispatcher)
            else:
                receiver = WebhookReceiver(app, dispatcher, settings.webhook)
            # On SIGTERM: no new updates, the ones in hand finish (DRAIN_SECONDS at most),
            # are confirmed, and then the process exits.
            await receiver.run(stop)
        finally:
            await app.bot_data[FLUSHER].close()
            await app.shutdown()
    except InvalidToken:
        print(REJECTED_TOKEN, file=sys.stderr)
        return USAGE_EXIT
    finally:
        for number in signals:
            loop.remove_signal_handler(number)
        await engine.close()
    log.info("Telegram bot stopped")
    return 0


def run(args: argparse.Namespace, env: Mapping[str, str] | None = None) -> int:
    """Run the bot until SIGTERM or Ctrl-C (``resume-coach telegram``); the exit code."""
    environment = os.environ if env is None else env
    try:
        settings = Settings.from_env(environment)
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return USAGE_EXIT
    configure_logging(settings.token, settings.token.partition(":")[2])
    # PTB announces a type change of RetryAfter.retry_after on every 429; nothing here reads it
    # (the rate limiter does the waiting), so the notice would only clutter the log.
    warnings.filterwarnings("ignore", ".*retry_after.*", PTBDeprecationWarning)
    return run_until_stopped(serve(settings, database_of(args, environment)), "Telegram")
