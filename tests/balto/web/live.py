"""Start the web host in a child process on a free loopback port, and always stop it again."""

from __future__ import annotations

import contextlib
import http.client
import json
import queue
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.support.processes import stop

REPO = Path(__file__).resolve().parents[3]
STARTUP_TIMEOUT = 30.0
_ADDRESS = re.compile(r"http://127\.0\.0\.1:(\d+)/")


@dataclass
class LiveServer:
    """A running server process: its port and everything it has written to stderr so far."""

    process: subprocess.Popen[str]
    port: int
    output: list[str] = field(default_factory=list)

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        timeout: float = 10.0,
    ) -> tuple[int, bytes, dict[str, str]]:
        """One HTTP/1.1 request on a fresh connection; returns status, body and headers."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response.status, response.read(), dict(response.getheaders())
        finally:
            conn.close()

    def post_json(
        self, text: str | bytes, headers: dict[str, str] | None = None
    ) -> tuple[int, Any]:
        data = text.encode("utf-8") if isinstance(text, str) else text
        status, raw, _ = self.request(
            "POST", "/", data, {"Content-Type": "application/json", **(headers or {})}
        )
        try:
            return status, json.loads(raw)
        except ValueError:
            return status, raw.decode("utf-8", "replace")


@contextlib.contextmanager
def live_server(
    *args: str, module: str = "tests.balto.web.server_main", env: dict[str, str] | None = None
) -> Iterator[LiveServer]:
    """Run ``python -m MODULE ARGS --port 0`` and yield once it listens.

    ``module`` may be ``balto.cli`` (with ``serve`` first in ``args``) to start the real
    ``balto serve``; ``env`` replaces the environment.
    """
    process = subprocess.Popen(
        [sys.executable, "-m", module, *args, "--port", "0"],
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            lines.put(line)
        lines.put(None)

    pumping = threading.Thread(target=pump, daemon=True)
    pumping.start()
    output: list[str] = []
    try:
        port = _wait_for_port(lines, output)
        server = LiveServer(process, port, output)
        yield server
    finally:
        stop(process)
        pumping.join(timeout=5)  # the process is gone, so its stderr reaches end of file
        while True:  # keep whatever the server said after startup, for failing tests
            try:
                line = lines.get_nowait()
            except queue.Empty:
                break
            if line is not None:
                output.append(line)


def _wait_for_port(lines: queue.Queue[str | None], output: list[str]) -> int:
    while True:
        try:
            line = lines.get(timeout=STARTUP_TIMEOUT)
        except queue.Empty as exc:
            raise RuntimeError(f"server did not start: {''.join(output)}") from exc
        if line is None:
            raise RuntimeError(f"server exited during startup: {''.join(output)}")
        output.append(line)
        match = _ADDRESS.search(line)
        if match:
            return int(match.group(1))
