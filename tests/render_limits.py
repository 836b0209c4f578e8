"""Render a reply the way each adapter would, and check every message fits its platform."""

from __future__ import annotations

from html.parser import HTMLParser

from adapters import discord_render, telegram_render
from adapters.console import render as console_render
from bot.types import Reply

TELEGRAM_TAGS = {"b", "i", "u", "s", "code", "pre", "a"}


class _TagCheck(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        assert tag in TELEGRAM_TAGS, tag
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open.pop() == tag, tag

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check_telegram(reply: Reply) -> None:
    """Every Telegram message of this reply is valid HTML and within 4,096 UTF-16 units."""
    for chunk in telegram_render.split(reply.spans):
        html = telegram_render.render(chunk)
        checker = _TagCheck()
        checker.feed(html)
        checker.close()
        assert not checker.open, html
        visible = "".join(checker.text)
        assert telegram_render.utf16_len(visible) <= telegram_render.MESSAGE_LIMIT


def check_discord(reply: Reply) -> None:
    """Every Discord message of this reply is within 2,000 characters, buttons within limits."""
    for message in discord_render.plan([reply], write_button=reply.asks_for_text):
        assert discord_render.message_len(message.content) <= discord_render.MESSAGE_LIMIT
        assert len(message.buttons) <= discord_render.BUTTONS_PER_MESSAGE
        assert "@everyone" not in message.content.replace("@\u200beveryone", "")


def check_rendering(reply: Reply) -> None:
    """Raise AssertionError when a platform's rendering of this reply breaks its rules."""
    assert isinstance(console_render(reply), str)
    check_telegram(reply)
    check_discord(reply)
    for button in reply.buttons:
        # Telegram's callback_data holds 64 bytes; Discord's custom_id 100 characters.
        assert len(button.value.encode()) <= 64, button.value
        assert button.label.strip()
