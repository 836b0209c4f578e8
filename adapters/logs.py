"""Logging for the chat adapters: INFO to stderr, and secrets never written out."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterable


class RedactSecrets(logging.Filter):
    """Replace secrets wherever they would reach a log line, tracebacks included."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        # Longest first, so a secret that contains another is replaced whole.
        self._secrets = sorted(set(secrets) - {""}, key=len, reverse=True)

    def _clean(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "[token]")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record in place; never drop it."""
        message = record.getMessage()
        cleaned = self._clean(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._clean(record.exc_text)
        if record.stack_info:
            record.stack_info = self._clean(record.stack_info)
        return True


def configure_logging(*secrets: str) -> None:
    """INFO logs to stderr; whatever would print a secret prints ``[token]`` instead."""
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    redact = RedactSecrets(secrets)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redact)


def log_failure(logger: logging.Logger, where: str, error: BaseException | None) -> None:
    """Log a failure by its type and code frames only: its message may quote the user's text."""
    trace = error.__traceback__ if error is not None else None
    frames = "".join(traceback.format_list(traceback.extract_tb(trace)))
    logger.error("%s failed: %s\n%s", where, type(error).__name__, frames.rstrip())
