"""Alexa's signing chain: which URLs may name it, how it is fetched, and how its PEM is read.

Why this is not left to ask-sdk-webservice-support
--------------------------------------------------
- **URL rules without surprises.** The SDK parses the ``SignatureCertChainUrl`` header with
  ``urlparse``, whose ``.port`` raises ``ValueError`` on ``:abc`` or ``:99999`` (an HTTP 500), and
  it hands spaces, tabs and a header sent twice (joined with ", ") to ``urlopen``. Here the value
  is checked character by character first and every failure is a
  :class:`VerificationException` with a short reason. The result is a *canonical* URL (lower-case
  host, no default port, normalised path), so spelling variants of one URL share one cache entry
  and one fetch.
- **A total deadline per fetch.** ``urlopen(timeout=5)`` bounds each socket read, so a server that
  drips a byte every two seconds holds a fetch (and a worker thread) indefinitely. Here a
  watchdog shuts the socket down when the deadline passes, whatever phase the fetch is in.
- **Strict PEM.** The SDK validates the first PEM block whatever its label but takes the signing
  key from the first block labelled CERTIFICATE, so a chain whose first block is a trusted
  certificate relabelled, followed by a self-made one, passed. Here every block must be labelled
  CERTIFICATE, nothing but whitespace may sit between blocks, and the chain is parsed once: the
  DER bytes that are path-validated are the bytes whose key checks the signature.
"""

from __future__ import annotations

import base64
import binascii
import http.client
import posixpath
import re
import socket
import ssl
import threading
from collections.abc import Callable
from urllib.parse import SplitResult, urlsplit

from balto.web import oscrypto_compat

oscrypto_compat.install()  # the SDK's verifier module imports certvalidator -> oscrypto

from ask_sdk_webservice_support.verifier import VerificationException  # noqa: E402

__all__ = [
    "CERT_HOST",
    "CERT_PATH_PREFIX",
    "FETCH_DEADLINE_SECONDS",
    "MAX_CHAIN_BYTES",
    "canonical_cert_url",
    "fetch_cert_chain",
    "parse_pem_chain",
]

CERT_HOST = "s3.amazonaws.com"
CERT_PATH_PREFIX = "/echo.api/"
#: Amazon's URLs are about 60 characters.
MAX_URL_LENGTH = 512
#: Characters an S3 object path under /echo.api/ is allowed to use here (no %-escapes, no '\').
_PATH = re.compile(r"/[A-Za-z0-9._~/-]*")
_PORT = re.compile(r"[0-9]{1,5}")

#: Whole-fetch deadline: connect, TLS handshake, headers and body together.
FETCH_DEADLINE_SECONDS = 5.0
#: Amazon's chain is ~5 KB; anything far larger is not a certificate chain.
MAX_CHAIN_BYTES = 64 * 1024
#: A chain is a leaf and its issuers; Amazon's has three or four certificates.
MAX_CHAIN_CERTIFICATES = 8

_PEM_BLOCK = re.compile(
    rb"-----BEGIN ([A-Z0-9 ]{1,40})-----\r?\n([A-Za-z0-9+/=\r\n]*?)-----END ([A-Z0-9 ]{1,40})-----"
)

#: Opens an HTTP(S) connection to ``host`` with a per-operation timeout; injectable for tests.
Connect = Callable[[str, float], http.client.HTTPConnection]


def _url_error(what: str) -> VerificationException:
    return VerificationException(f"Signature Certificate URL has invalid {what}")


def canonical_cert_url(value: object) -> str:
    """The canonical form of an acceptable ``SignatureCertChainUrl``, or VerificationException.

    Accepts what Amazon documents (https, host s3.amazonaws.com in any case, port 443 if given,
    a path that normalises to /echo.api/...) and nothing that could be read two ways: no
    whitespace, control or non-ASCII characters, no commas (a header sent twice), no user info,
    query, fragment or %-escapes.
    """
    parts = _split_url(value)
    if parts.scheme.lower() != "https":
        raise _url_error("protocol")
    host, sep, port = parts.netloc.partition(":")
    if "@" in parts.netloc or host.lower() != CERT_HOST:
        raise _url_error("hostname")
    if sep and not (_PORT.fullmatch(port) and int(port) == 443):
        raise _url_error("port")
    if parts.query or parts.fragment or "?" in str(value) or "#" in str(value):
        raise _url_error("query or fragment")
    return f"https://{CERT_HOST}{_cert_path(parts.path)}"


def _split_url(value: object) -> SplitResult:
    """The URL's parts, once it is one plain URL (a non-empty, bounded, printable ASCII string
    without spaces or commas)."""
    if not isinstance(value, str) or not value:
        raise VerificationException("Missing Signature/Certificate for the skill request")
    if len(value) > MAX_URL_LENGTH:
        raise VerificationException("Signature Certificate URL is too long")
    if not value.isascii() or not value.isprintable() or any(c in value for c in " ,"):
        raise VerificationException(
            "Signature Certificate URL must be one URL without spaces or control characters"
        )
    try:
        return urlsplit(value)
    except ValueError as exc:  # e.g. an unbalanced '[' in the host
        raise _url_error("syntax") from exc


def _cert_path(path: str) -> str:
    """The normalised path, when it lies under Amazon's certificate folder."""
    if not _PATH.fullmatch(path):
        raise _url_error("path")
    normal = posixpath.normpath(path)
    if not normal.startswith(CERT_PATH_PREFIX) or normal == CERT_PATH_PREFIX.rstrip("/"):
        raise _url_error("path")
    return normal


def parse_pem_chain(data: bytes) -> list[bytes]:
    """The DER bytes of each certificate in a PEM chain, leaf first; VerificationException else.

    Every block must be labelled CERTIFICATE (BEGIN and END alike) and nothing but whitespace may
    appear outside the blocks: a chain that could be read two ways is refused, not interpreted.
    """
    if not data.strip():
        raise VerificationException("Certificate chain is empty")
    blocks: list[bytes] = []
    position = 0
    for match in _PEM_BLOCK.finditer(data):
        if data[position : match.start()].strip():
            raise VerificationException("Certificate chain has text outside its PEM blocks")
        begin, body, end = match.groups()
        if begin != b"CERTIFICATE" or end != b"CERTIFICATE":
            raise VerificationException("Certificate chain has a block not labelled CERTIFICATE")
        try:
            der = base64.b64decode(b"".join(body.split()), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise VerificationException("Certificate chain is not valid PEM") from exc
        if not der:
            raise VerificationException("Certificate chain has an empty block")
        blocks.append(der)
        position = match.end()
    if data[position:].strip():
        raise VerificationException("Certificate chain has text outside its PEM blocks")
    if not blocks:
        raise VerificationException("Certificate chain is not PEM")
    if len(blocks) > MAX_CHAIN_CERTIFICATES:
        raise VerificationException("Certificate chain has too many certificates")
    return blocks


def _https(host: str, timeout: float) -> http.client.HTTPConnection:
    return http.client.HTTPSConnection(
        host, 443, timeout=timeout, context=ssl.create_default_context()
    )


def fetch_cert_chain(
    url: str, *, deadline: float = FETCH_DEADLINE_SECONDS, connect: Connect = _https
) -> bytes:
    """GET ``url`` (a canonical URL) within ``deadline`` seconds in all; VerificationException else.

    The body is capped at :data:`MAX_CHAIN_BYTES`. A watchdog timer shuts the socket down at the
    deadline, which ends a blocked read at once, so a server that answers slowly cannot hold the
    fetch longer than ``deadline`` (name resolution, which no socket timeout covers, aside).
    """
    parts = urlsplit(url)
    conn = connect(parts.hostname or CERT_HOST, deadline)
    expired = threading.Event()

    def abort() -> None:
        expired.set()
        sock = conn.sock
        if sock is not None:
            try:  # the plain-socket shutdown: wakes a reader blocked in recv or SSL_read
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
            except OSError:
                pass

    watchdog = threading.Timer(deadline, abort)
    watchdog.daemon = True
    watchdog.start()
    try:
        conn.request("GET", parts.path, headers={"User-Agent": "serum-run"})
        response = conn.getresponse()
        status = response.status
        data = response.read(MAX_CHAIN_BYTES + 1) if status == 200 else b""
    except (OSError, http.client.HTTPException, ValueError) as exc:
        if expired.is_set():
            raise VerificationException(
                "Certificate chain could not be fetched in time", f"deadline {deadline} s"
            ) from exc
        raise VerificationException(
            "Certificate chain could not be fetched", f"{type(exc).__name__}: {exc}"
        ) from exc
    finally:
        watchdog.cancel()
        conn.close()
    if expired.is_set():  # a read that ended at the deadline may look complete; it is not
        raise VerificationException(
            "Certificate chain could not be fetched in time", f"deadline {deadline} s"
        )
    if status != 200:
        raise VerificationException("Certificate chain could not be fetched", f"HTTP {status}")
    if len(data) > MAX_CHAIN_BYTES:
        raise VerificationException("Certificate chain is too large")
    return data
