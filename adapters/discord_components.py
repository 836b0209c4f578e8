"""The coach's Discord components: engine buttons, the "Write it here" button and its box.

Every custom id carries what a press needs, so buttons keep working after a restart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, Protocol, runtime_checkable

import discord
from discord.ui import DynamicItem

from adapters.discord_render import BUTTON_PREFIX, Outgoing, label

Interaction = discord.Interaction[Any]

MODAL_TEXT_LIMIT = 4000
WRITE_BUTTON_ID = "rc-write"
WRITE_MODAL_ID = "rc-modal"
TEXT_INPUT_ID = "rc-text"


@runtime_checkable
class PressHandler(Protocol):
    """The client that acts on presses (the coach's bot)."""

    async def on_button(self, interaction: Interaction, value: str) -> None:
        """A press on an engine button."""

    async def on_write_button(self, interaction: Interaction) -> None:
        """A press on "Write it here"."""


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
        if isinstance(bot, PressHandler):
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
        if isinstance(bot, PressHandler):
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

    def __init__(self, prefill: str = "") -> None:
        # A fixed custom id: the submit is handled by ``CoachBot.on_interaction`` by that id,
        # not by this object, so a box opened before a restart still reaches the coach.
        super().__init__(custom_id=WRITE_MODAL_ID, timeout=None)
        # The text the person chose to edit, ready in the box.
        self.text.default = prefill[:MODAL_TEXT_LIMIT] or None


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
