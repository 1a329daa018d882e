"""One logging setup for every front door (``balto serve``, ``balto chat``, the Lambda entry).

Why one function: each front door used to do its own thing (``balto serve`` nothing at all, so no
timestamps, no levels and LOG_LEVEL ignored). :func:`configure_logging` gives them the same
behaviour: the level from ``LOG_LEVEL``, an ISO-8601 UTC timestamp and the level on every line,
and, with ``LOG_FORMAT=json``, one JSON object per line for log collectors.

Where a host already owns the root logger's handlers (AWS Lambda's runtime installs one that adds
the request id), they are kept, and only the level (and, for JSON, the formatter) is set, so lines
are never printed twice.

waitress logs "Task queue depth is N" at WARNING each time a request waits for a worker thread;
under load that is thousands of identical lines. A :class:`RateLimitFilter` lets one through per
interval and counts the rest into it.

Standard library only; cheap to import (the Lambda entry calls it at cold start).
"""

from __future__ import annotations

import json
import logging
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TextIO

__all__ = [
    "JsonLinesFormatter",
    "RateLimitFilter",
    "TextFormatter",
    "configure_logging",
]

LOG_FORMATS: tuple[str, ...] = ("text", "json")
#: Loggers whose messages repeat under load, and how often one of them gets through (seconds).
RATE_LIMITED_LOGGERS: dict[str, float] = {"waitress.queue": 60.0}
#: The loggers whose level follows LOG_LEVEL besides the root: the skill's own.
SKILL_LOGGER = "skill"

#: ``LogRecord`` attributes that are not "extra" context.
_STANDARD_ATTRIBUTES = frozenset(
    vars(logging.LogRecord("", 0, "", 0, "", (), None)).keys() | {"message", "asctime"}
)


def _timestamp(record: logging.LogRecord) -> str:
    moment = datetime.fromtimestamp(record.created, UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


class TextFormatter(logging.Formatter):
    """``2026-01-27T12:00:00.123Z WARNING balto.web.app: message`` (+ traceback lines)."""

    def format(self, record: logging.LogRecord) -> str:
        line = f"{_timestamp(record)} {record.levelname} {record.name}: {record.getMessage()}"
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


class JsonLinesFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, extras, and any traceback."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": _timestamp(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD_ATTRIBUTES and not key.startswith("_"):
                entry[key] = value  # e.g. aws_request_id added by Lambda's handler
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


class RateLimitFilter(logging.Filter):
    """Let one record through per ``interval`` seconds; the next one says how many were dropped."""

    def __init__(self, interval: float, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.interval = interval
        self._clock = clock
        self._next = float("-inf")
        self._dropped = 0
        self._lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        now = self._clock()
        with self._lock:
            if now < self._next:
                self._dropped += 1
                return False
            dropped, self._dropped = self._dropped, 0
            self._next = now + self.interval
        if dropped:
            record.msg = f"{record.msg} ({dropped} similar messages suppressed)"
        return True


class _StderrHandler(logging.StreamHandler[TextIO]):
    """Writes to whatever ``sys.stderr`` is at the time (test runners replace it)."""

    def __init__(self) -> None:
        super().__init__()

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        """Ignored: the stream is always the current ``sys.stderr``."""


#: The handler the last configure_logging call added (replaced by the next call).
_installed: logging.Handler | None = None


def _formatter(log_format: str) -> logging.Formatter:
    if log_format not in LOG_FORMATS:
        raise ValueError(f"log format {log_format!r}: use one of {', '.join(LOG_FORMATS)}")
    return JsonLinesFormatter() if log_format == "json" else TextFormatter()


def configure_logging(
    level: str | int = "INFO", log_format: str = "text", *, stream: TextIO | None = None
) -> logging.Handler | None:
    """Set up logging for a front door; idempotent (a second call replaces the first's handler).

    Parameters
    ----------
    level:
        A level name or number (``Config.log_level``); applied to the root logger and ``skill``.
    log_format:
        ``"text"`` or ``"json"`` (``Config.log_format``).
    stream:
        Where our handler writes; default: the current ``sys.stderr``.

    Returns the handler installed, or None when the root logger already had someone else's
    handlers (AWS Lambda), which are then kept and given the JSON formatter if asked for.
    """
    global _installed
    formatter = _formatter(log_format)
    root = logging.getLogger()
    if _installed is not None:
        root.removeHandler(_installed)
        _installed = None
    installed: logging.Handler | None = None
    if root.handlers:
        if log_format == "json":
            for handler in root.handlers:
                handler.setFormatter(formatter)
    else:
        installed = logging.StreamHandler(stream) if stream is not None else _StderrHandler()
        installed.setFormatter(formatter)
        root.addHandler(installed)
        _installed = installed
    root.setLevel(level)
    logging.getLogger(SKILL_LOGGER).setLevel(level)
    _rate_limit_noisy_loggers()
    return installed


def _rate_limit_noisy_loggers() -> None:
    for name, interval in RATE_LIMITED_LOGGERS.items():
        logger = logging.getLogger(name)
        if not any(isinstance(f, RateLimitFilter) for f in logger.filters):
            logger.addFilter(RateLimitFilter(interval))
