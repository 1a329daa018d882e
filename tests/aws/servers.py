"""Loopback servers for the DynamoDB tests: moto's standalone server and a throttling stand-in.

Both speak HTTP on 127.0.0.1 with a port picked free at start, and both are stopped by the fixture
that started them. Nothing is mocked in-process: boto3 goes through its full HTTP stack.
"""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.support.processes import stop

STARTUP_TIMEOUT_S = 30.0


def free_port() -> int:
    """A TCP port nothing listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_serving(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"moto_server exited with {process.returncode} before serving")
        try:
            with urllib.request.urlopen(url, timeout=1):  # noqa: S310 - loopback only
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"moto_server did not answer on {url} within {STARTUP_TIMEOUT_S} s")


@contextlib.contextmanager
def moto_server() -> Iterator[str]:
    """Run moto's server (one request at a time: ``serial_moto.py``) on a free loopback
    port; yield its endpoint URL; stop it after."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("serial_moto.py")), str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(f"{endpoint}/moto-api/", process)
        yield endpoint
    finally:
        stop(process)


class _ThrottlingHandler(BaseHTTPRequestHandler):
    """Answers every DynamoDB call the way DynamoDB does when a table is throttled."""

    calls = 0

    def do_POST(self) -> None:  # noqa: N802 - http.server naming
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        type(self).calls += 1
        payload = json.dumps(
            {
                "__type": "com.amazonaws.dynamodb.v20120810#ThrottlingException",
                "message": "Rate of requests exceeds the allowed throughput.",
            }
        ).encode()
        self.send_response(400)
        self.send_header("Content-Type", "application/x-amz-json-1.0")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        """Keep test output clean."""


@contextlib.contextmanager
def throttling_server() -> Iterator[tuple[str, type[_ThrottlingHandler]]]:
    """Serve throttling errors on a free loopback port; yield (endpoint, handler class)."""
    handler = type("ThrottlingHandler", (_ThrottlingHandler,), {"calls": 0})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
