"""The signing chain's edges: URL rules, strict PEM, and a fetch with one deadline for it all."""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from balto.web.cert_chain import (
    MAX_CHAIN_BYTES,
    canonical_cert_url,
    fetch_cert_chain,
    parse_pem_chain,
)
from balto.web.verification import VerificationException
from tests.balto.web import pki

CANONICAL = "https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem"


@pytest.mark.parametrize(
    "url",
    [
        CANONICAL,
        "https://s3.amazonaws.com:443/echo.api/echo-api-cert-12.pem",
        "HTTPS://S3.AMAZONAWS.COM/echo.api/echo-api-cert-12.pem",
        "https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert-12.pem",
        "https://s3.amazonaws.com/echo.api//echo-api-cert-12.pem",
        "https://s3.amazonaws.com/echo.api/./echo-api-cert-12.pem",
    ],
)
def test_spellings_of_one_url_share_one_canonical_form(url: str) -> None:
    assert canonical_cert_url(url) == CANONICAL


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://s3.amazonaws.com:abc/echo.api/cert.pem", "port"),
        ("https://s3.amazonaws.com:99999/echo.api/cert.pem", "port"),
        ("https://s3.amazonaws.com:/echo.api/cert.pem", "port"),
        ("https://s3.amazonaws.com:8443/echo.api/cert.pem", "port"),
        ("https://s3.amazonaws.com:443:443/echo.api/cert.pem", "port"),
        ("https://s3.amazonaws.com/echo.api/cert .pem", "spaces"),
        ("https://s3.amazonaws.com/echo.api/\tcert.pem", "control"),
        ("https://s3.amazonaws.com/echo.api/cert.pem\n", "control"),
        (f"{CANONICAL}, {CANONICAL}", "one URL"),  # the header sent twice, as WSGI joins it
        ("https://s3.amazonaws.com/echo.api/c\u00e9rt.pem", "control"),
        ("http://s3.amazonaws.com/echo.api/cert.pem", "protocol"),
        ("https://user@s3.amazonaws.com/echo.api/cert.pem", "hostname"),
        ("https://s3.amazonaws.com.evil.example/echo.api/cert.pem", "hostname"),
        ("https://[::1/echo.api/cert.pem", "syntax"),
        ("https://s3.amazonaws.com/echo.api/cert.pem?x=1", "query"),
        ("https://s3.amazonaws.com/echo.api/cert.pem#x", "query"),
        ("https://s3.amazonaws.com/echo.api/%2e%2e/evil.pem", "path"),
        ("https://s3.amazonaws.com/echo.api\\..\\evil.pem", "path"),
        ("https://s3.amazonaws.com/echo.api/../evil/cert.pem", "path"),
        ("https://s3.amazonaws.com//echo.api/cert.pem", "path"),
        ("https://s3.amazonaws.com/echo.api/", "path"),
        ("https://s3.amazonaws.com/ECHO.API/cert.pem", "path"),
        ("https://s3.amazonaws.com/echo.api/" + "a" * 600, "too long"),
        ("", "Missing"),
    ],
)
def test_malformed_urls_are_refused_with_a_short_reason(url: str, reason: str) -> None:
    with pytest.raises(VerificationException) as caught:
        canonical_cert_url(url)
    assert reason in str(caught.value)
    assert url.strip() not in str(caught.value) or not url


# -- strict PEM ---------------------------------------------------------------------------------
def test_a_chain_parses_to_each_certificate_der(root: pki.Issued, signer: pki.Issued) -> None:
    assert parse_pem_chain(pki.chain_pem(signer, root)) == [signer.der, root.der]


def relabel(pem: bytes, label: bytes) -> bytes:
    return pem.replace(b"CERTIFICATE", label)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda s, r: relabel(s.pem, b"TRUSTED CERTIFICATE") + r.pem, "not labelled CERTIFICATE"),
        (lambda s, r: relabel(s.pem, b"X509 CERTIFICATE") + r.pem, "not labelled CERTIFICATE"),
        (lambda s, r: s.pem.replace(b"END CERTIFICATE", b"END X509 CRL"), "not labelled"),
        (lambda s, r: s.pem + b"garbage\n" + r.pem, "text outside"),
        (lambda s, r: b"preamble\n" + s.pem, "text outside"),
        (lambda s, r: s.pem + b"-----BEGIN CERTIFICATE-----\n", "text outside"),
        (lambda s, r: b"-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n", "empty block"),
        (lambda s, r: b"-----BEGIN CERTIFICATE-----\nAAA\n-----END CERTIFICATE-----\n", "PEM"),
        (lambda s, r: s.pem * 9, "too many"),
        (lambda s, r: b"  \n", "empty"),
    ],
)
def test_chains_that_could_be_read_two_ways_are_refused(
    signer: pki.Issued,
    root: pki.Issued,
    make: Callable[[pki.Issued, pki.Issued], bytes],
    reason: str,
) -> None:
    with pytest.raises(VerificationException, match=reason):
        parse_pem_chain(make(signer, root))


# -- fetching, against loopback servers ----------------------------------------------------------
@contextlib.contextmanager
def tcp_peer(behaviour: Callable[[socket.socket], None]) -> Iterator[int]:
    """A one-connection server on loopback running ``behaviour`` on each accepted socket."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    stop = threading.Event()

    def run() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(10)
            with conn:
                with contextlib.suppress(OSError):
                    behaviour(conn)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()


def connect_to(port: int) -> Callable[[str, float], http.client.HTTPConnection]:
    """Stands in for the HTTPS connection to S3: plain HTTP to the loopback peer."""
    return lambda host, timeout: http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)


def respond(body: bytes, status: str = "200 OK") -> Callable[[socket.socket], None]:
    def behaviour(conn: socket.socket) -> None:
        conn.recv(4096)
        head = f"HTTP/1.1 {status}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        conn.sendall(head.encode("ascii") + body)

    return behaviour


def test_fetch_returns_the_body(signer: pki.Issued) -> None:
    with tcp_peer(respond(signer.pem)) as port:
        assert fetch_cert_chain(CANONICAL, connect=connect_to(port)) == signer.pem


def test_fetch_refuses_other_statuses_and_oversized_bodies() -> None:
    with tcp_peer(respond(b"no", "404 Not Found")) as port:
        with pytest.raises(VerificationException, match="could not be fetched") as caught:
            fetch_cert_chain(CANONICAL, connect=connect_to(port))
    assert caught.value.args[1] == "HTTP 404"
    with tcp_peer(respond(b"x" * (MAX_CHAIN_BYTES + 10))) as port:
        with pytest.raises(VerificationException, match="too large"):
            fetch_cert_chain(CANONICAL, connect=connect_to(port))


@pytest.mark.parametrize("phase", ["headers", "body"])
def test_a_dripping_server_cannot_hold_a_fetch_past_its_deadline(phase: str) -> None:
    """One byte every 0.1 s keeps every read inside any per-read timeout; the deadline still
    ends the fetch (the probe saw a 5 s per-read timeout hold a fetch for 18 s)."""
    finished = threading.Event()

    def drip(conn: socket.socket) -> None:
        conn.recv(4096)
        prefix = b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" if phase == "body" else b""
        conn.sendall(prefix)
        while not finished.is_set():
            conn.sendall(b"H" if phase == "headers" else b"A")
            time.sleep(0.1)

    with tcp_peer(drip) as port:
        started = time.monotonic()
        try:
            with pytest.raises(VerificationException, match="in time"):
                fetch_cert_chain(CANONICAL, deadline=0.6, connect=connect_to(port))
        finally:
            finished.set()
        elapsed = time.monotonic() - started
    assert 0.5 < elapsed < 3.0
