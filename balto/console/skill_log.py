"""The skill's own log lines of one turn, for the page.

``balto ask --explain`` lets the question handler's INFO line through (the question as
understood, the fact chosen, the reasons behind its score); the console does the same and keeps
that line, and any warning the skill logs, with the turn that caused it. Only lines logged on
the thread running the turn are kept, so a request served beside it cannot slip in.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from skill.alexa.handlers import questions

#: The logger every skill module logs under.
SKILL_LOGGER = "skill"


class TurnLog(logging.Handler):
    """A handler on the skill's logger that collects lines while :meth:`capture` is open."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self._lines: list[str] | None = None
        self._thread: int | None = None
        self._level = logging.NOTSET

    def emit(self, record: logging.LogRecord) -> None:
        if self._lines is None or record.thread != self._thread:
            return
        try:
            self._lines.append(f"{record.levelname} {record.name}: {record.getMessage()}")
        except Exception:  # noqa: BLE001 - a bad log call must not break the turn
            self.handleError(record)

    @contextmanager
    def capture(self) -> Iterator[list[str]]:
        """Collect this thread's skill log lines until the block ends (one turn at a time)."""
        lines: list[str] = []
        self._lines, self._thread = lines, threading.get_ident()
        try:
            yield lines
        finally:
            self._lines, self._thread = None, None

    def install(self) -> None:
        """Attach to the skill's logger and let the question handler's INFO line through."""
        question_log = logging.getLogger(questions.log.name)
        self._level = question_log.level
        question_log.setLevel(logging.INFO)
        logging.getLogger(SKILL_LOGGER).addHandler(self)

    def remove(self) -> None:
        """Detach, and give the question logger back its level (tests build many consoles in
        one process: remove them in the reverse order)."""
        logging.getLogger(SKILL_LOGGER).removeHandler(self)
        logging.getLogger(questions.log.name).setLevel(self._level)
