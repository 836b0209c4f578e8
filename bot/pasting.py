"""A long paste the platform split into several messages, joined back into one.

Telegram splits a pasted text longer than 4,096 characters (Discord: 2,000) into messages that
arrive a moment apart. A message near that limit is held (stored with the progress, so a
restart loses nothing) and the next part is joined to it before the turn runs. If no next part
comes, the adapter's timer sends a "flush" and the held text is handled on its own.
"""

from __future__ import annotations

# The longest message each platform takes, in UTF-16 units as they count them.
LIMITS = {"telegram": 4096, "discord": 2000}
# A part the client split off is this close to the limit (it cuts at a space or line break).
NEAR = 0.9
# The adapter flushes a held part after this long without a continuation.
FLUSH_AFTER_SECONDS = 2.0
# A held part older than this is not joined to the next message: that one is unrelated.
JOIN_SECONDS = 30.0


def _utf16_len(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def may_continue(platform: str, text: str) -> bool:
    """Whether a typed message is long enough to be the first part of a split paste."""
    limit = LIMITS.get(platform)
    return limit is not None and not text.startswith("/") and _utf16_len(text) >= limit * NEAR


def joined(first: str, second: str) -> str:
    """Two parts as one text; a cut between words gets its space, a cut at a line its break."""
    if first.endswith((".", "!", "?", ":")) or second[:1] in {"-", "•", "*", "#"}:
        return f"{first}\n{second}"
    return f"{first} {second}" if not first.endswith(("\n", " ")) else first + second
