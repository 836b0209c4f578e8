"""The Discord adapter's settings, read from the environment and checked at start-up."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from adapters.config import ConfigError, is_url

MISSING_TOKEN = (
    "DISCORD_BOT_TOKEN is not set: create an application at "
    "https://discord.com/developers/applications, add a bot to it and put the bot's token "
    "in the DISCORD_BOT_TOKEN environment variable."
)
REJECTED_TOKEN = (
    "Discord rejected DISCORD_BOT_TOKEN; reset the token on the Bot page and try again."
)


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
        if api is not None and not is_url(api, {"http", "https"}):
            raise ConfigError(
                "DISCORD_API_BASE_URL must be a full URL, like https://discord.com/api/v10."
            )
        gateway = env.get("DISCORD_GATEWAY_URL", "").strip() or None
        if gateway is not None and not is_url(gateway, {"ws", "wss"}):
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
