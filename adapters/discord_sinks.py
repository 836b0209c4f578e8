"""Where a turn's Discord messages go: a DM channel, or the answer to an interaction."""

from __future__ import annotations

import io
import logging
from typing import Any, Protocol

import discord

from adapters.discord_components import make_view
from adapters.discord_render import Outgoing

log = logging.getLogger(__name__)
Interaction = discord.Interaction[Any]
NO_MENTIONS = discord.AllowedMentions.none()


class Sink(Protocol):
    """Where the messages of one turn go."""

    async def send(self, message: Outgoing) -> None:
        """Send one message."""

    async def finish(self) -> None:
        """The turn has nothing more to send."""


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


class ChannelSink:
    """Plain messages in a channel (the DM)."""

    def __init__(self, channel: discord.abc.Messageable) -> None:
        self.channel = channel

    async def send(self, message: Outgoing) -> None:
        """Send one message to the channel."""
        await self.channel.send(**_message_kwargs(message))

    async def finish(self) -> None:
        """Nothing to tidy up."""


class ResponseSink:
    """The answer to a deferred interaction: the first message replaces "thinking…"."""

    def __init__(self, interaction: Interaction) -> None:
        self.interaction = interaction
        self.sent = 0

    async def send(self, message: Outgoing) -> None:
        """The first message edits the deferred answer; the rest are follow-ups."""
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
        """Remove the "thinking…" answer when nothing was sent."""
        if self.sent == 0:
            # Nothing to say (a flood being dropped): no "thinking…" left hanging.
            await self.interaction.delete_original_response()


APOLOGY = "Sorry, something went wrong on my side. Please try again in a moment."


async def apologise(target: object, error: BaseException | None) -> None:
    """Tell the person something failed, where they will see it (their DM or interaction)."""
    if isinstance(error, discord.Forbidden):
        return  # the DM is closed: nowhere to say it
    try:
        if isinstance(target, discord.Message) and isinstance(target.channel, discord.DMChannel):
            await target.channel.send(APOLOGY, allowed_mentions=NO_MENTIONS)
        elif isinstance(target, discord.Interaction):
            if target.response.is_done():
                await target.followup.send(APOLOGY, ephemeral=True, allowed_mentions=NO_MENTIONS)
            else:
                await target.response.send_message(
                    APOLOGY, ephemeral=True, allowed_mentions=NO_MENTIONS
                )
    except discord.HTTPException as exc:
        log.warning("the apology could not be sent either: %s", type(exc).__name__)
