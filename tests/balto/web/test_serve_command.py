"""``balto serve`` as a process: the SKILL_ID warning, and logging set up from the environment."""

from __future__ import annotations

import json
import os
import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from balto.web.app import NO_SKILL_ID_WARNING
from tests.balto.web import envelopes
from tests.balto.web.live import live_server

pytestmark = pytest.mark.slow

ISO_UTC = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"


def environment(**settings: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SKILL_ID", "LOG_LEVEL", "LOG_FORMAT", "SERUM_RUN_DB", "TABLE_NAME"}
    }
    return {**env, **settings}


def json_lines(lines: list[str]) -> list[dict[str, Any]]:
    found = []
    for line in lines:
        try:
            value = json.loads(line)
        except ValueError:
            continue
        if isinstance(value, dict):
            found.append(value)
    return found


def test_serve_without_skill_id_warns_loudly_and_logs_json_lines() -> None:
    env = environment(LOG_FORMAT="json", LOG_LEVEL="warning")
    with live_server("serve", module="balto.cli", env=env) as server:
        assert NO_SKILL_ID_WARNING in "".join(server.output)
        warning = next(
            entry for entry in json_lines(server.output) if "SKILL_ID" in entry["message"]
        )
        assert warning["level"] == "WARNING"
        assert warning["logger"] == "balto.web.app"
        assert re.fullmatch(ISO_UTC, warning["time"])
        status, _ = server.post_json(envelopes.body(envelopes.launch_envelope()))
        assert status == 400  # verification is on (refused before any network fetch)
    refused = [e for e in json_lines(server.output) if "failed verification" in e["message"]]
    assert refused and refused[0]["level"] == "WARNING"


def test_serve_with_skill_id_does_not_warn_and_honours_log_level() -> None:
    env = environment(SKILL_ID=envelopes.SKILL_ID, LOG_LEVEL="ERROR")
    with live_server("serve", "--no-verify", module="balto.cli", env=env) as server:
        status, _ = server.post_json(b"{oops")
        assert status == 400
        foreign = envelopes.body(envelopes.launch_envelope(skill_id=envelopes.OTHER_SKILL_ID))
        assert server.post_json(foreign)[0] == 403  # logged at WARNING: below ERROR
    output = "".join(server.output)
    assert NO_SKILL_ID_WARNING not in output
    assert "refused request" not in output


def test_waitress_queue_warnings_are_rate_limited() -> None:
    """One worker thread and 40 requests at once: waitress would log a queue-depth line for
    nearly every one of them."""
    with live_server("--no-verify", "--threads", "1") as server:
        def one(_: int) -> int:
            return server.post_json(envelopes.body(envelopes.launch_envelope()))[0]

        with ThreadPoolExecutor(max_workers=20) as pool:
            assert set(pool.map(one, range(40))) == {200}
    lines = [line for line in server.output if "Task queue depth" in line]
    assert len(lines) == 1
    assert re.match(ISO_UTC + " WARNING waitress.queue: ", lines[0])
