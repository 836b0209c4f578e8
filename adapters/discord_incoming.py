"""A Discord DM or attachment as the engine's message: text, or a file the engine reads."""

from __future__ import annotations

import discord

from bot.documents import refusal
from bot.types import IncomingFile, IncomingMessage

PLATFORM = "discord"
PLEASE_SEND_TEXT = (
    "I can only read text and resume files (.pdf, .docx, .txt, .md). Please type or paste your "
    "answer, or tap “Write it here” (or use /write) for a longer text."
)


async def read_attachment(user_id: int, attachment: discord.Attachment) -> IncomingMessage | str:
    """A sent file as a message for the engine, or the sentence that says why it isn't read.

    The name and size are checked before the download: a file of another kind, or too big, is
    never fetched.
    """
    refused = refusal(attachment.filename, attachment.size)
    if refused is not None:
        return refused
    data = await attachment.read()
    return IncomingMessage(PLATFORM, str(user_id), file=IncomingFile(attachment.filename, data))


async def dm_message(message: discord.Message) -> IncomingMessage | str:
    """A DM as the engine's message (its text, else its first attachment), or a reply for it."""
    user_id = message.author.id
    if message.content.strip() or not (message.attachments or message.stickers):
        return IncomingMessage(
            PLATFORM, str(user_id), text=message.content, message_id=str(message.id)
        )
    if not message.attachments:
        return PLEASE_SEND_TEXT
    read = await read_attachment(user_id, message.attachments[0])
    if isinstance(read, str):
        return read
    return IncomingMessage(PLATFORM, read.user_id, file=read.file, message_id=str(message.id))
