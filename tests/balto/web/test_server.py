"""The web host as a real process: waitress on a loopback port, driven over HTTP.

Each check that sends bad input is followed by a good request, proving the server keeps serving.
"""

from __future__ import annotations

import http.client
import json
import socket
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest

from balto.web.app import MAX_BODY_BYTES, NO_VERIFY_WARNING, WAITRESS_BODY_LIMIT
from tests.balto.web import envelopes, pki
from tests.balto.web.live import LiveServer, live_server
from tests.support.alexa_limits import assert_alexa_valid

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dev_server() -> Iterator[LiveServer]:
    with live_server("--no-verify", "--skill-id", envelopes.SKILL_ID) as server:
        yield server


@pytest.fixture(scope="module")
def signed_server(tmp_path_factory, root, signer) -> Iterator[LiveServer]:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("pki")
    (folder / "root.pem").write_bytes(root.pem)
    (folder / "chain.pem").write_bytes(pki.chain_pem(signer))
    with live_server(
        "--trust-root", str(folder / "root.pem"), "--chain", str(folder / "chain.pem")
    ) as server:
        yield server


def assert_still_serving(server: LiveServer) -> None:
    status, body = server.post_json(envelopes.body(envelopes.launch_envelope()))
    assert status == 200, body
    assert_alexa_valid(body)


def test_no_verify_prints_the_warning_first(dev_server: LiveServer) -> None:
    assert dev_server.output[0].strip() == NO_VERIFY_WARNING
    assert "verification OFF" in dev_server.output[1]
    assert envelopes.SKILL_ID in dev_server.output[1]


def test_healthz(dev_server: LiveServer) -> None:
    status, body, headers = dev_server.request("GET", "/healthz")
    assert status == 200
    assert json.loads(body) == {"status": "ok", "verify": False}
    assert headers["Server"] == "serum-run"


def test_launch_round_trip(dev_server: LiveServer) -> None:
    assert_still_serving(dev_server)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"{", "malformed JSON"),
        (b'{"version": "1.0"}', "no request"),
        (b"\x00\x01\x02", "malformed JSON"),
        (b'{"request": {"type": "Nope"}}', "Alexa request format"),
    ],
)
def test_bad_bodies_get_400_and_the_server_keeps_serving(
    dev_server: LiveServer, data: bytes, reason: str
) -> None:
    status, body = dev_server.post_json(data)
    assert status == 400
    assert reason in body["reason"]
    assert_still_serving(dev_server)


def test_foreign_skill_gets_403(dev_server: LiveServer) -> None:
    foreign = envelopes.launch_envelope(skill_id=envelopes.OTHER_SKILL_ID)
    status, body = dev_server.post_json(envelopes.body(foreign))
    assert status == 403
    assert body["reason"] == "Request is for a different skill"


def test_body_over_the_cap_gets_413_json(dev_server: LiveServer) -> None:
    status, body = dev_server.post_json(b"{" + b" " * MAX_BODY_BYTES + b"}")
    assert status == 413
    assert "256 KB" in body["reason"]
    assert_still_serving(dev_server)


def test_body_over_the_waitress_limit_is_stopped_before_buffering(dev_server: LiveServer) -> None:
    """A declared length over waitress's limit is answered 413 before the body is read at all."""
    head = (
        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {WAITRESS_BODY_LIMIT + 1}\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", dev_server.port), timeout=10) as sock:
        sock.sendall(head.encode("ascii") + b"{")
        reply = sock.recv(1024)
    assert b" 413 " in reply.split(b"\r\n", 1)[0]
    assert_still_serving(dev_server)


def test_chunked_body_over_the_cap_gets_413(dev_server: LiveServer) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", dev_server.port, timeout=10)
    try:
        chunks = (b"{" + b" " * 65536 for _ in range(6))
        conn.request("POST", "/", body=chunks, encode_chunked=True)
        response = conn.getresponse()
        assert response.status == 413
        response.read()
    finally:
        conn.close()
    assert_still_serving(dev_server)


def test_garbage_on_the_socket_does_not_kill_the_server(dev_server: LiveServer) -> None:
    with socket.create_connection(("127.0.0.1", dev_server.port), timeout=10) as sock:
        sock.sendall(b"\x16\x03\x01 this is not HTTP\r\n\r\n")
        reply = sock.recv(1024)
    assert reply.startswith(b"HTTP/1.")
    assert b" 400 " in reply.split(b"\r\n", 1)[0]
    assert_still_serving(dev_server)


def test_get_on_root_is_405(dev_server: LiveServer) -> None:
    status, body, _ = dev_server.request("GET", "/")
    assert status == 405
    assert json.loads(body)["reason"] == "method not allowed"


def test_concurrent_requests_all_succeed(dev_server: LiveServer) -> None:
    def one(_: int) -> int:
        return dev_server.post_json(envelopes.body(envelopes.launch_envelope()))[0]

    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(one, range(64)))
    assert statuses == [200] * 64


def test_signed_request_passes_on_the_real_server(signed_server: LiveServer, signer) -> None:
    text = envelopes.body(envelopes.launch_envelope())
    status, body = signed_server.post_json(text, pki.signed_headers(text, signer))
    assert status == 200, body
    assert_alexa_valid(body)


def test_unsigned_request_is_refused_on_the_real_server(signed_server: LiveServer) -> None:
    status, body = signed_server.post_json(envelopes.body(envelopes.launch_envelope()))
    assert status == 400
    assert "Missing Signature" in body["reason"]


def test_tampered_request_is_refused_on_the_real_server(signed_server: LiveServer, signer) -> None:
    text = envelopes.body(envelopes.launch_envelope())
    headers = pki.signed_headers(text, signer)
    status, body = signed_server.post_json(text.replace("en-US", "de-DE"), headers)
    assert status == 400
    assert "Signature-256" in body["reason"]


def test_stale_request_is_refused_on_the_real_server(signed_server: LiveServer, signer) -> None:
    text = envelopes.body(envelopes.launch_envelope(age=timedelta(minutes=3)))
    status, body = signed_server.post_json(text, pki.signed_headers(text, signer))
    assert status == 400
    assert "Timestamp" in body["reason"]


def test_foreign_cert_url_is_refused_on_the_real_server(signed_server: LiveServer, signer) -> None:
    text = envelopes.body(envelopes.launch_envelope())
    url = "https://s3.amazonaws.com.evil.example/echo.api/cert.pem"
    status, body = signed_server.post_json(text, pki.signed_headers(text, signer, url=url))
    assert status == 400
    assert "hostname" in body["reason"]
