"""Slow and idle clients cannot shut real requests out of the web host (a real waitress process).

The probe: 110 idle connections used up waitress's default ``connection_limit`` of 100, after which
every legitimate request timed out. These tests hold 120 such connections open while a real
request is served, and check that idle and trickling connections are closed on time.
"""

from __future__ import annotations

import contextlib
import socket
import time
from collections.abc import Iterator

import pytest

from balto.web.waitress_server import ServerLimits
from tests.balto.web import envelopes
from tests.balto.web.live import LiveServer, live_server
from tests.support.alexa_limits import assert_alexa_valid

pytestmark = pytest.mark.slow

SLOW_CONNECTIONS = 120


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    """Production limits except shortened timeouts, so closing can be watched in seconds."""
    with live_server(
        "--no-verify", "--skill-id", envelopes.SKILL_ID,
        "--channel-timeout", "2", "--request-deadline", "2",
    ) as running:
        yield running


@contextlib.contextmanager
def open_connections(port: int, count: int) -> Iterator[list[socket.socket]]:
    sockets: list[socket.socket] = []
    try:
        for index in range(count):
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
            if index % 2:  # half send the start of a request and stop; half send nothing
                sock.sendall(b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le")
            sockets.append(sock)
        yield sockets
    finally:
        for sock in sockets:
            sock.close()


def closed_by_server(sock: socket.socket, within: float) -> bool:
    """True when the server closes ``sock`` within ``within`` seconds (EOF or reset)."""
    sock.settimeout(within)
    try:
        while True:
            data = sock.recv(1024)
            if not data:
                return True
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False


def test_the_default_limits_are_deliberate() -> None:
    limits = ServerLimits()
    assert limits.connection_limit >= 1000  # waitress: 100
    assert limits.channel_timeout <= 30  # waitress: 120
    assert limits.request_deadline <= 10  # waitress: none
    assert limits.max_request_header_size <= 64 * 1024  # waitress: 256 KiB


def test_a_real_request_is_served_while_120_slow_connections_are_open(server: LiveServer) -> None:
    with open_connections(server.port, SLOW_CONNECTIONS) as slow:
        status, body = server.post_json(envelopes.body(envelopes.launch_envelope()))
        assert status == 200, body
        assert_alexa_valid(body)
        # The first slow connection (and so every later one) was still open throughout.
        assert not closed_by_server(slow[0], within=0.01)


def test_idle_connections_are_closed_after_the_channel_timeout(server: LiveServer) -> None:
    with open_connections(server.port, 2) as (idle, partial):
        assert closed_by_server(idle, within=6)
        assert closed_by_server(partial, within=1)


def test_a_request_trickling_in_is_closed_at_its_deadline(server: LiveServer) -> None:
    """A byte every 0.25 s keeps the channel timeout at bay; the request deadline does not."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        started = time.monotonic()
        closed = False
        for byte in b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 100:
            try:
                sock.sendall(bytes([byte]))
            except (BrokenPipeError, ConnectionResetError):
                closed = True
                break
            if closed_by_server(sock, within=0.25):
                closed = True
                break
        elapsed = time.monotonic() - started
    assert closed
    assert 1.5 < elapsed < 8
    status, _ = server.post_json(envelopes.body(envelopes.launch_envelope()))
    assert status == 200
