"""The engine's replies as Bot API calls: HTML text split to fit, inline keyboards, files."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import BadRequest, NetworkError
from telegram.ext import ExtBot

from adapters.retry import with_retries
from adapters.telegram_render import CAPTION_LIMIT, plain, render, split
from bot.types import Attachment, Button, Reply, Span

log = logging.getLogger(__name__)

Bot = ExtBot[Any]
T = TypeVar("T")

MAX_CALLBACK_BYTES = 64
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
# Telegram refuses a message without text; a reply that is only buttons gets this line.
BUTTONS_ONLY = "Choose one:"


async def retried(action: Callable[[], Awaitable[T]]) -> T:
    """A Bot API call, tried again when the network or Telegram's side fails.

    A 429 is retried by the rate limiter; a bad request is not sent again.
    """
    return await with_retries(action, retry_on=NetworkError, never_on=BadRequest)


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


async def send_replies(bot: Bot, chat_id: int, replies: Sequence[Reply]) -> None:
    """Send the replies of one turn, in order."""
    for item in replies:
        await send_reply(bot, chat_id, item)


async def send_reply(bot: Bot, chat_id: int, item: Reply) -> None:
    """One reply: split into messages that fit, its buttons under the last, or a file."""
    markup = keyboard(item.buttons)
    if item.attachment is not None:
        caption = split(item.spans, CAPTION_LIMIT)
        if len(caption) > 1:
            # Too long for a caption: the text goes first, the file follows bare.
            for chunk in split(item.spans):
                await _send_text(bot, chat_id, chunk, None)
            caption = []
        await _send_document(bot, chat_id, item.attachment, caption, markup)
        return
    chunks = split(item.spans)
    if not chunks and markup is not None:
        chunks = [(Span(BUTTONS_ONLY),)]
    for number, chunk in enumerate(chunks, 1):
        # The buttons belong under the end of the reply.
        await _send_text(bot, chat_id, chunk, markup if number == len(chunks) else None)


async def _send_text(
    bot: Bot, chat_id: int, chunk: Sequence[Span], markup: InlineKeyboardMarkup | None
) -> None:
    await _html_or_plain(
        lambda: bot.send_message(
            chat_id,
            render(chunk),
            parse_mode=ParseMode.HTML,
            reply_markup=markup,
            link_preview_options=NO_PREVIEW,
        ),
        lambda: bot.send_message(
            chat_id, plain(chunk), reply_markup=markup, link_preview_options=NO_PREVIEW
        ),
    )


async def _send_document(
    bot: Bot,
    chat_id: int,
    attachment: Attachment,
    caption: Sequence[Sequence[Span]],
    markup: InlineKeyboardMarkup | None,
) -> None:
    spans = caption[0] if caption else ()
    await _html_or_plain(
        lambda: bot.send_document(
            chat_id,
            attachment.data,
            filename=attachment.filename,
            caption=render(spans) or None,
            parse_mode=ParseMode.HTML if spans else None,
            reply_markup=markup,
        ),
        lambda: bot.send_document(
            chat_id,
            attachment.data,
            filename=attachment.filename,
            caption=plain(spans) or None,
            reply_markup=markup,
        ),
    )


async def _html_or_plain(
    html: Callable[[], Awaitable[object]], text: Callable[[], Awaitable[object]]
) -> None:
    """Send with HTML; when Telegram cannot parse it, send the same words without formatting."""
    try:
        await retried(html)
    except BadRequest as exc:
        if not cannot_parse(exc):
            raise
        # The same words without formatting are better than no reply at all.
        log.warning("Telegram could not parse a reply's HTML; sent it as plain text")
        await retried(text)


def cannot_parse(error: BadRequest) -> bool:
    """Whether Telegram refused a message because of its HTML."""
    return "can't parse entities" in str(error).casefold()
