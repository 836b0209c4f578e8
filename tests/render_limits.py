"""Render a reply the way each adapter would, and check every message fits its platform."""

from __future__ import annotations

from adapters.console import render
from bot.types import Reply


def check_rendering(reply: Reply) -> None:
    """Raise AssertionError when a platform's rendering of this reply breaks its rules."""
    text = render(reply)
    assert isinstance(text, str)
    for button in reply.buttons:
        # Telegram's callback_data holds 64 bytes; Discord's custom_id 100 characters.
        assert len(button.value.encode()) <= 64, button.value
        assert button.label.strip()
