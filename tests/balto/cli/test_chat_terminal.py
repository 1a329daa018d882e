"""`balto chat` on a real (pseudo-)terminal: prompt, line editing via readline, saved history."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
MINI = ROOT / "tests" / "balto" / "nlu" / "fixtures" / "mini.json"


def _read_until(fd: int, marker: bytes, timeout: float = 30.0) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout
    while marker not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    return seen


@contextmanager
def _chat(tmp_path: Path) -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    """`balto chat` on a fresh pseudo-terminal: (controller fd, process), cleaned up after."""
    controller, terminal = pty.openpty()
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "TERM": "dumb"}
    process = subprocess.Popen(
        [sys.executable, "-m", "balto.cli", "chat", "--model", str(MINI), "--db",
         str(tmp_path / "progress.sqlite3")],
        stdin=terminal, stdout=terminal, stderr=terminal, cwd=ROOT, env=env, close_fds=True)
    os.close(terminal)
    try:
        yield controller, process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(controller)


@pytest.mark.slow
def test_interactive_chat_uses_a_prompt_and_saves_history(tmp_path: Path) -> None:
    with _chat(tmp_path) as (controller, process):
        opening = _read_until(controller, b"You: ")
        assert b"Serum Run simulator." in opening and b"/new" in opening
        # Type with a typo, erase it with backspace (line editing), then submit.
        os.write(controller, b"who was togx\x7fo\r")
        answer = _read_until(controller, b"You: ")
        assert b"[AboutDogIntent dog='Togo']" in answer
        os.write(controller, b"/quit\r")
        _read_until(controller, b"\x00", timeout=10)
        assert process.wait(timeout=30) == 0
    history = tmp_path / "serum-run" / "chat_history"
    assert "who was togo" in history.read_text()


@pytest.mark.slow
def test_ctrl_c_at_the_prompt_ends_the_session_cleanly(tmp_path: Path) -> None:
    with _chat(tmp_path) as (controller, process):
        assert b"You: " in _read_until(controller, b"You: ")
        # The prompt is written just before readline blocks in select(); a SIGINT that lands in
        # between is only seen at the next wake-up (a CPython readline race no person can hit).
        # Press Ctrl+C the way a person does: after the prompt has settled.
        time.sleep(0.5)
        process.send_signal(signal.SIGINT)  # what Ctrl+C delivers to the foreground process
        rest = _read_until(controller, b"[SessionEndedRequest]")
        assert b"[SessionEndedRequest]" in rest and b"Traceback" not in rest
        assert process.wait(timeout=30) == 0
