"""One logging setup for every front door: level, timestamps, JSON lines, rate-limited noise."""

from __future__ import annotations

import contextlib
import io
import json
import logging
import re
from collections.abc import Iterator

import pytest

from skill.config import ConfigError, load_config
from skill.logging_setup import RateLimitFilter, configure_logging

TEXT_LINE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (\w+) ([\w.]+): (.*)")


@contextlib.contextmanager
def bare_root() -> Iterator[logging.Logger]:
    """The root logger without pytest's capture handlers (which it adds for each test's call
    phase), as a process starts; everything restored afterwards."""
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    skill_level = logging.getLogger("skill").level
    root.handlers = []
    try:
        yield root
    finally:
        root.handlers = saved_handlers
        root.setLevel(saved_level)
        logging.getLogger("skill").setLevel(skill_level)


def test_text_lines_carry_a_utc_timestamp_the_level_and_the_logger() -> None:
    with bare_root():
        stream = io.StringIO()
        configure_logging("INFO", stream=stream)
        logging.getLogger("skill.demo").info("hello %s", "world")
        logging.getLogger("skill.demo").debug("not shown at INFO")
        match = TEXT_LINE.fullmatch(stream.getvalue().strip())
        assert match is not None, stream.getvalue()
        assert match.groups() == ("INFO", "skill.demo", "hello world")


def test_json_lines_are_one_object_each_with_the_traceback_inside() -> None:
    with bare_root():
        stream = io.StringIO()
        configure_logging("DEBUG", "json", stream=stream)
        log = logging.getLogger("skill.demo")
        log.debug("first", extra={"user": "...ABCD"})
        try:
            raise ValueError("boom")
        except ValueError:
            log.exception("second")
        lines = stream.getvalue().splitlines()
        assert len(lines) == 2
        first, second = (json.loads(line) for line in lines)
        assert first["level"] == "DEBUG" and first["message"] == "first"
        assert first["user"] == "...ABCD"
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", first["time"])
        assert "ValueError: boom" in second["exception"]


def test_configuring_twice_replaces_rather_than_duplicates() -> None:
    with bare_root() as root:
        stream = io.StringIO()
        configure_logging("INFO", stream=io.StringIO())
        configure_logging("WARNING", stream=stream)
        assert len(root.handlers) == 1
        logging.getLogger("skill.demo").info("quiet")
        logging.getLogger("skill.demo").warning("loud")
        assert stream.getvalue().count("\n") == 1 and "loud" in stream.getvalue()
        assert logging.getLogger("skill").level == logging.WARNING


def test_a_host_that_owns_the_root_handlers_keeps_them() -> None:
    """AWS Lambda's runtime installs its own handler (it adds the request id): no second one."""
    with bare_root() as root:
        stream = io.StringIO()
        lambda_handler = logging.StreamHandler(stream)
        root.addHandler(lambda_handler)
        assert configure_logging("ERROR", "json") is None
        assert root.handlers == [lambda_handler]
        logging.getLogger("skill.demo").warning("below ERROR")
        logging.getLogger("skill.demo").error("shown", extra={"aws_request_id": "req-1"})
        entry = json.loads(stream.getvalue())
        assert (entry["message"], entry["aws_request_id"]) == ("shown", "req-1")


def test_rate_limit_lets_one_through_per_interval_and_counts_the_rest() -> None:
    now = [0.0]
    limiter = RateLimitFilter(60.0, clock=lambda: now[0])

    def record() -> logging.LogRecord:
        return logging.LogRecord("waitress.queue", logging.WARNING, "", 0, "Task queue depth is %d",
                                 (3,), None)

    passed = [limiter.filter(r) for r in (record() for _ in range(1000))]
    assert passed.count(True) == 1
    now[0] = 61.0
    late = record()
    assert limiter.filter(late)
    assert late.getMessage() == "Task queue depth is 3 (999 similar messages suppressed)"


def test_waitress_queue_logger_is_rate_limited_once() -> None:
    with bare_root():
        configure_logging("INFO", stream=io.StringIO())
        configure_logging("INFO", stream=io.StringIO())
        filters = logging.getLogger("waitress.queue").filters
        assert len([f for f in filters if isinstance(f, RateLimitFilter)]) == 1


def test_log_format_comes_from_the_environment() -> None:
    assert load_config({}).log_format == "text"
    assert load_config({"LOG_FORMAT": "JSON"}).log_format == "json"
    with pytest.raises(ConfigError, match="LOG_FORMAT='xml' is not a log format"):
        load_config({"LOG_FORMAT": "xml"})
