"""The Telegram adapter's settings, read from the environment and checked at start-up."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from adapters.config import ConfigError, is_url

MISSING_TOKEN = (
    "TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and put its token "
    "in the TELEGRAM_BOT_TOKEN environment variable."
)
REJECTED_TOKEN = "Telegram rejected TELEGRAM_BOT_TOKEN; check the token with @BotFather."


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
    stripped = base_url.rstrip("/")
    if not is_url(base_url, {"http", "https"}) or not stripped.endswith("/bot"):
        raise ConfigError(
            "TELEGRAM_API_BASE_URL must look like http://host:port/bot (it ends in /bot)."
        )
    return stripped.removesuffix("bot") + "file/bot"


def webhook_from_env(env: Mapping[str, str]) -> Webhook | None:
    """The webhook settings, or None for long polling (no TELEGRAM_WEBHOOK_URL)."""
    url = env.get("TELEGRAM_WEBHOOK_URL", "").strip()
    if not url:
        return None
    if not is_url(url, {"http", "https"}):
        raise ConfigError(
            "TELEGRAM_WEBHOOK_URL must be a full URL, like https://bot.example.com/tg."
        )
    # PORT is where platforms that run a Procfile's web process route their HTTP traffic.
    port_text = (
        env.get("TELEGRAM_WEBHOOK_PORT", "").strip() or env.get("PORT", "").strip() or "8443"
    )
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ConfigError("TELEGRAM_WEBHOOK_PORT must be a port number between 1 and 65535.")
    secret = env.get("TELEGRAM_WEBHOOK_SECRET", "").strip() or None
    if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
        raise ConfigError(
            "TELEGRAM_WEBHOOK_SECRET may hold only letters, digits, _ and - (256 at most)."
        )
    listen = env.get("TELEGRAM_WEBHOOK_LISTEN", "").strip() or "0.0.0.0"
    return Webhook(url, listen, int(port_text), secret)
