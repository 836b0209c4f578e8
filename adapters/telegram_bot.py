"""The coach on Telegram: updates in as ``IncomingMessage``, replies out as Bot API calls.

Thin on purpose: the conversation lives in the engine; this module only translates.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import logging
import os
import re
import sys
import traceback
import warnings
import zipfile
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlsplit

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph
from telegram import (
    BotCommand,
    Document,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    ExtBot,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBDeprecationWarning

from adapters.logs import configure_logging
from adapters.telegram_render import CAPTION_LIMIT, plain, render, split
from bot.engine import Engine
from bot.flow import COMMANDS
from bot.locks import KeyedLocks
from bot.types import Attachment, Button, IncomingMessage, Reply, Span

log = logging.getLogger(__name__)

App = Application[Any, Any, Any, Any, Any, Any]
Context = ContextTypes.DEFAULT_TYPE
Bot = ExtBot[Any]
T = TypeVar("T")

PLATFORM = "telegram"
USAGE_EXIT = 2
MAX_DOCUMENT_BYTES = 200_000
# A .docx is a zip archive: 200 KB of it may unpack to far more; refuse archives that would.
MAX_DOCX_UNPACKED_BYTES = 20_000_000
MAX_CALLBACK_BYTES = 64
# How many pressed messages are remembered to stop a double press acting twice.
PRESSED_MEMORY = 10_000
# Long polling: Telegram holds each getUpdates up to this long while nothing happens.
POLL_TIMEOUT_SECONDS = 30
ALLOWED_UPDATES = ["message", "callback_query"]
# Sends that fail on the network are tried again; a 429 is retried by the rate limiter.
SEND_ATTEMPTS = 3
SEND_RETRY_SECONDS = 0.5
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)

PLEASE_SEND_TEXT = (
    "I can only read text. Please type your answer, or send your resume as a .txt or .docx file."
)
APOLOGY = "Sorry, something went wrong on my side. Please try again in a moment."
ALREADY_PRESSED = "You already chose an option on this message."
FILE_TYPES = "I can read .txt and .docx files. Please send one of those, or paste the text."
FILE_TOO_BIG = (
    f"That file is over {MAX_DOCUMENT_BYTES // 1000} KB, the most I read. "
    "Please send a shorter file or paste the text."
)
TXT_NOT_UTF8 = "That .txt file is not UTF-8 text. Please save it as UTF-8 or paste the text."
DOCX_UNREADABLE = "I couldn't open that .docx file. Please save it again or paste the text."
FILE_EMPTY = "I found no text in that file. Please paste your resume as a message instead."
GROUP_INVITE = (
    "A resume is personal, so I coach one to one. "
    "Open a private chat with me: https://t.me/{username} and send /start."
)
# Telegram refuses a message without text; a reply that is only buttons gets this line.
BUTTONS_ONLY = "Choose one:"
MISSING_TOKEN = (
    "TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and put its token "
    "in the TELEGRAM_BOT_TOKEN environment variable."
)
REJECTED_TOKEN = "Telegram rejected TELEGRAM_BOT_TOKEN; check the token with @BotFather."
_COMMAND = re.compile(r"/[A-Za-z0-9_]+(?:@([A-Za-z0-9_]+))?(?=\s|$)")


class _Unreadable(Exception):
    """A sent file whose text can't be used; the message tells the person why."""


class ConfigError(Exception):
    """The environment is set wrongly; the message is one sentence for the operator."""


@dataclass(frozen=True)
class Webhook:
    """Where Telegram posts updates and where this process listens for them."""

    url: str
    listen: str
    port: int
    secret: str | None

    @property
    def path(self) -> str:
        """The path this process serves: the one in the public URL."""
        return urlsplit(self.url).path.lstrip("/")


@dataclass(frozen=True)
class Settings:
    """Everything the Telegram adapter reads from the environment."""

    token: str
    base_url: str | None
    base_file_url: str | None
    webhook: Webhook | None

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Settings:
        """Read and check the settings; ``ConfigError`` says what is wrong."""
        token = env.get("TELEGRAM_BOT_TOKEN", "").strip()
        if not token:
            raise ConfigError(MISSING_TOKEN)
        base_url = env.get("TELEGRAM_API_BASE_URL", "").strip() or None
        base_file_url = file_url_for(base_url) if base_url else None
        return cls(token, base_url, base_file_url, webhook_from_env(env))


def file_url_for(base_url: str) -> str:
    """The file download URL that goes with a Bot API URL: ``…/bot`` becomes ``…/file/bot``."""
    parts = urlsplit(base_url)
    stripped = base_url.rstrip("/")
    if parts.scheme not in {"http", "https"} or not parts.netloc or not stripped.endswith("/bot"):
        raise ConfigError(
            "TELEGRAM_API_BASE_URL must look like http://host:port/bot (it ends in /bot)."
        )
    return stripped.removesuffix("bot") + "file/bot"


def webhook_from_env(env: Mapping[str, str]) -> Webhook | None:
    """The webhook settings, or None for long polling (no TELEGRAM_WEBHOOK_URL)."""
    url = env.get("TELEGRAM_WEBHOOK_URL", "").strip()
    if not url:
        return None
    if urlsplit(url).scheme not in {"http", "https"} or not urlsplit(url).netloc:
        raise ConfigError(
            "TELEGRAM_WEBHOOK_URL must be a full URL, like https://bot.example.com/tg."
        )
    port_text = env.get("TELEGRAM_WEBHOOK_PORT", "").strip() or "8443"
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ConfigError("TELEGRAM_WEBHOOK_PORT must be a port number between 1 and 65535.")
    secret = env.get("TELEGRAM_WEBHOOK_SECRET", "").strip() or None
    if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
        raise ConfigError(
            "TELEGRAM_WEBHOOK_SECRET may hold only letters, digits, _ and - (256 at most)."
        )
    listen = env.get("TELEGRAM_WEBHOOK_LISTEN", "").strip() or "0.0.0.0"
    return Webhook(url, listen, int(port_text), secret)


class TelegramAdapter:
    """Handlers that pass Telegram updates to the engine and send its replies back."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._pressed: OrderedDict[tuple[int, int], None] = OrderedDict()
        self._locks = KeyedLocks()

    def install(self, app: App) -> None:
        """Register the handlers and the error handler on an application."""
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
            if message.text is not None:
                text = message.text
            elif message.document is not None:
                try:
                    text = "/review " + await self._document_text(message.document)
                except _Unreadable as exc:
                    await self._send_reply(bot, chat_id, Reply((Span(str(exc)),)))
                    return
            else:
                await self._send_reply(bot, chat_id, Reply((Span(PLEASE_SEND_TEXT),)))
                return
            log.debug("message from a private chat")
            replies = await self.engine.handle(
                IncomingMessage(PLATFORM, str(message.from_user.id), text=text)
            )
            await self._send_replies(bot, chat_id, replies)

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
                IncomingMessage(PLATFORM, str(query.from_user.id), button=query.data)
            )
            await self._send_replies(bot, message.chat.id, replies)

    async def on_error(self, update: object, context: Context) -> None:
        """Log a failed update without its text, and apologise to the person in a private chat."""
        error = context.error
        if isinstance(error, Forbidden):
            log.info("a chat is closed to the bot (blocked or left); its replies were dropped")
            return
        # The type and the code frames only: an exception's message may quote the user's text.
        trace = error.__traceback__ if error is not None else None
        frames = "".join(traceback.format_list(traceback.extract_tb(trace)))
        log.error("handling an update failed: %s\n%s", type(error).__name__, frames.rstrip())
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
        await self._with_retries(
            lambda: bot.send_message(
                message.chat.id,
                GROUP_INVITE.format(username=username),
                reply_markup=invite,
                link_preview_options=NO_PREVIEW,
            )
        )

    async def _document_text(self, document: Document) -> str:
        """The text of a .txt or .docx file; ``_Unreadable`` says why there is none."""
        name = (document.file_name or "").casefold()
        if not name.endswith((".txt", ".docx")):
            raise _Unreadable(FILE_TYPES)
        if document.file_size is not None and document.file_size > MAX_DOCUMENT_BYTES:
            raise _Unreadable(FILE_TOO_BIG)
        file = await self._with_retries(document.get_file)
        data = bytes(await self._with_retries(file.download_as_bytearray))
        if len(data) > MAX_DOCUMENT_BYTES:
            raise _Unreadable(FILE_TOO_BIG)
        if name.endswith(".txt"):
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise _Unreadable(TXT_NOT_UTF8) from None
        else:
            try:
                # Parsing is CPU work: a thread keeps other people's turns going meanwhile.
                text = await asyncio.to_thread(docx_text, data)
            except Exception as exc:  # any malformed upload, whatever the parser raises
                log.info("an unreadable .docx was sent: %s", type(exc).__name__)
                raise _Unreadable(DOCX_UNREADABLE) from None
        if not text.strip() or "\x00" in text:
            raise _Unreadable(FILE_EMPTY)
        return text

    # ---- replies out -------------------------------------------------------------------------

    async def _send_replies(self, bot: Bot, chat_id: int, replies: Sequence[Reply]) -> None:
        for item in replies:
            await self._send_reply(bot, chat_id, item)

    async def _send_reply(self, bot: Bot, chat_id: int, item: Reply) -> None:
        markup = keyboard(item.buttons)
        if item.attachment is not None:
            caption = split(item.spans, CAPTION_LIMIT)
            if len(caption) > 1:
                # Too long for a caption: the text goes first, the file follows bare.
                for chunk in split(item.spans):
                    await self._send_text(bot, chat_id, chunk, None)
                caption = []
            await self._send_document(bot, chat_id, item.attachment, caption, markup)
            return
        chunks = split(item.spans)
        if not chunks and markup is not None:
            chunks = [(Span(BUTTONS_ONLY),)]
        for number, chunk in enumerate(chunks, 1):
            # The buttons belong under the end of the reply.
            await self._send_text(bot, chat_id, chunk, markup if number == len(chunks) else None)

    async def _send_text(
        self,
        bot: Bot,
        chat_id: int,
        chunk: Sequence[Span],
        markup: InlineKeyboardMarkup | None,
    ) -> None:
        try:
            await self._with_retries(
                lambda: bot.send_message(
                    chat_id,
                    render(chunk),
                    parse_mode=ParseMode.HTML,
                    reply_markup=markup,
                    link_preview_options=NO_PREVIEW,
                )
            )
        except BadRequest as exc:
            if not _cannot_parse(exc):
                raise
            # The same words without formatting are better than no reply at all.
            log.warning("Telegram could not parse a reply's HTML; sent it as plain text")
            await self._with_retries(
                lambda: bot.send_message(
                    chat_id, plain(chunk), reply_markup=markup, link_preview_options=NO_PREVIEW
                )
            )

    async def _send_document(
        self,
        bot: Bot,
        chat_id: int,
        attachment: Attachment,
        caption: Sequence[Sequence[Span]],
        markup: InlineKeyboardMarkup | None,
    ) -> None:
        spans = caption[0] if caption else ()
        try:
            await self._with_retries(
                lambda: bot.send_document(
                    chat_id,
                    attachment.data,
                    filename=attachment.filename,
                    caption=render(spans) or None,
                    parse_mode=ParseMode.HTML if spans else None,
                    reply_markup=markup,
                )
            )
        except BadRequest as exc:
            if not _cannot_parse(exc):
                raise
            log.warning("Telegram could not parse a caption's HTML; sent it as plain text")
            await self._with_retries(
                lambda: bot.send_document(
                    chat_id,
                    attachment.data,
                    filename=attachment.filename,
                    caption=plain(spans) or None,
                    reply_markup=markup,
                )
            )

    @staticmethod
    async def _with_retries(action: Callable[[], Awaitable[T]]) -> T:
        """Run a Bot API call, again after a pause when the network or Telegram's side fails."""
        for attempt in range(1, SEND_ATTEMPTS + 1):
            try:
                return await action()
            except BadRequest:
                raise  # the request itself is wrong: sending it again can't help
            except NetworkError as exc:
                # A time-out may hide a message that did arrive; a rare duplicate beats a reply
                # that silently goes missing.
                if attempt == SEND_ATTEMPTS:
                    raise
                log.warning("a Bot API call failed (%s); trying again", type(exc).__name__)
                await asyncio.sleep(SEND_RETRY_SECONDS * 2 ** (attempt - 1))
        raise AssertionError("unreachable")

    @staticmethod
    async def _quietly(call: Awaitable[Any]) -> None:
        """Run a call whose failure (query too old, message gone) must not stop the turn."""
        try:
            await call
        except TelegramError as exc:
            log.debug("a cosmetic Bot API call failed: %s", type(exc).__name__)


def keyboard(buttons: Sequence[Button]) -> InlineKeyboardMarkup | None:
    """One button per row; a value over Telegram's 64 bytes of callback data is left out."""
    rows: list[list[InlineKeyboardButton]] = []
    for button in buttons:
        size = len(button.value.encode("utf-8"))
        if not 0 < size <= MAX_CALLBACK_BYTES:
            log.warning("left out a button whose callback data is %d bytes (1 to 64)", size)
            continue
        rows.append([InlineKeyboardButton(button.label, callback_data=button.value)])
    return InlineKeyboardMarkup(rows) if rows else None


def docx_text(data: bytes) -> str:
    """The text of a .docx file: paragraphs and table cells, in document order."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_DOCX_UNPACKED_BYTES:
            raise ValueError("the archive unpacks too large")
    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                seen: list[object] = []
                for cell in row.cells:
                    # A merged cell is listed once per grid column it spans.
                    if any(cell._tc is other for other in seen):
                        continue
                    seen.append(cell._tc)
                    lines.extend(paragraph.text for paragraph in cell.paragraphs)
    return "\n".join(lines)


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


def _cannot_parse(error: BadRequest) -> bool:
    return "can't parse entities" in str(error).casefold()


async def start(app: App) -> None:
    """Set-up once the bot knows who it is: publish the command menu (``post_init``)."""
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
        # Turns of different people run side by side (the engine keeps each person's in order).
        .concurrent_updates(64)
        .connect_timeout(10)
        .read_timeout(20)
        .write_timeout(30)
        .media_write_timeout(60)
        .pool_timeout(10)
        .get_updates_connect_timeout(10)
        .get_updates_read_timeout(10)
        .get_updates_pool_timeout(10)
        .post_init(start)
    )
    if base_url is not None:
        builder = builder.base_url(base_url).base_file_url(base_file_url or file_url_for(base_url))
    app: App = builder.build()
    TelegramAdapter(engine).install(app)
    return app


def polling_options() -> dict[str, Any]:
    """How updates are fetched; shared by ``run_polling`` and by tests that start the updater."""
    return {
        "timeout": POLL_TIMEOUT_SECONDS,
        "allowed_updates": ALLOWED_UPDATES,
        "drop_pending_updates": False,
        # Network errors while starting are retried until Telegram answers (a bad token is not).
        "bootstrap_retries": -1,
    }


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
    # One loop for the engine and the bot: the database connections belong to the loop that
    # opened them, and run_polling/run_webhook run on the current loop.
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        engine = loop.run_until_complete(
            Engine.open(args.db or environment.get("DATABASE_URL") or None)
        )
        try:
            app = build_application(
                settings.token,
                engine,
                base_url=settings.base_url,
                base_file_url=settings.base_file_url,
            )
            # Until Telegram answers, python-telegram-bot retries quietly (at DEBUG level).
            log.info(
                "connecting to the Bot API at %s",
                urlsplit(settings.base_url or "https://api.telegram.org/bot").netloc,
            )
            # Both stop on SIGINT/SIGTERM: the updater stops, turns in flight finish, the
            # application shuts down; then the engine closes below.
            if settings.webhook is None:
                app.run_polling(close_loop=False, **polling_options())
            else:
                hook = settings.webhook
                options = polling_options()
                del options["timeout"]
                app.run_webhook(
                    listen=hook.listen,
                    port=hook.port,
                    url_path=hook.path,
                    webhook_url=hook.url,
                    secret_token=hook.secret,
                    close_loop=False,
                    **options,
                )
        except InvalidToken:
            print(REJECTED_TOKEN, file=sys.stderr)
            return USAGE_EXIT
        finally:
            loop.run_until_complete(engine.close())
    finally:
        asyncio.set_event_loop(None)
        loop.close()
    log.info("Telegram bot stopped")
    return 0
