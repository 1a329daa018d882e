"""Every front door logs the same way: ``balto ask``/``chat`` and the Lambda entry, as processes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
TEXT_LINE = re.compile(
    r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (DEBUG|INFO|WARNING|ERROR) [\w.]+: "
)

pytestmark = pytest.mark.slow


def run(args: list[str], tmp_path: Path, **settings: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"LOG_LEVEL", "LOG_FORMAT"}}
    env.update(settings, XDG_DATA_HOME=str(tmp_path))
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def test_balto_ask_logs_timestamped_lines_at_log_level(tmp_path: Path) -> None:
    done = run(["-m", "balto.cli", "ask", "who", "was", "togo"], tmp_path, LOG_LEVEL="debug")
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert lines and all(TEXT_LINE.match(line) for line in lines), done.stderr
    assert any(" DEBUG skill.requests: request IntentRequest" in line for line in lines)


def test_balto_ask_is_quiet_by_default(tmp_path: Path) -> None:
    done = run(["-m", "balto.cli", "ask", "who", "was", "togo"], tmp_path)
    assert done.returncode == 0 and done.stderr == ""
    assert "Togo" in done.stdout


def test_balto_ask_explain_shows_why_the_fact_won(tmp_path: Path) -> None:
    done = run(["-m", "balto.cli", "ask", "--explain", "why", "is", "balto", "more", "famous",
                "than", "togo"], tmp_path)
    assert done.returncode == 0, done.stderr
    (line,) = [line for line in done.stderr.splitlines() if "handlers.questions" in line]
    assert "-> fact balto." in line
    reasons = line.split(" why: ", 1)[1]
    assert "words" in reasons and "about balto" in reasons


def test_the_lambda_entry_logs_json_lines_when_asked(tmp_path: Path) -> None:
    script = (
        "import json, sys; sys.path.insert(0, 'lambda'); import lambda_function as f; "
        "from tests.support import envelopes as e; "
        "f.lambda_handler(e.question('who was togo'), None)"
    )
    done = run(["-c", script], tmp_path, LOG_LEVEL="DEBUG", LOG_FORMAT="json")
    assert done.returncode == 0, done.stderr
    entries = [json.loads(line) for line in done.stderr.splitlines() if line.strip()]
    assert any(e["logger"] == "skill.requests" and e["level"] == "DEBUG" for e in entries)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", e["time"]) for e in entries)


def test_a_bad_log_level_is_a_clear_error(tmp_path: Path) -> None:
    done = run(["-m", "balto.cli", "ask", "hello"], tmp_path, LOG_LEVEL="chatty")
    assert done.returncode == 2
    assert "LOG_LEVEL='chatty' is not a logging level" in done.stderr
