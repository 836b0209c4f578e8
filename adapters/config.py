"""What every adapter's settings share: the error for a bad environment, URL checks."""

from __future__ import annotations

from urllib.parse import urlsplit


class ConfigError(Exception):
    """The environment is set wrongly; the message is one sentence for the operator."""


def is_url(value: str, schemes: set[str]) -> bool:
    """Whether a value is a full URL with one of these schemes and a host."""
    parts = urlsplit(value)
    return parts.scheme in schemes and bool(parts.netloc)
