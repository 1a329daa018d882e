"""Alexa request verification for the web-service host, built on ask-sdk-webservice-support.

What is checked (Amazon's "host a custom skill as a web service" rules)
-----------------------------------------------------------------------
``AlexaSignatureVerifier``: the ``SignatureCertChainUrl`` header (https, host s3.amazonaws.com,
port 443, path under /echo.api/), the chain behind it (certvalidator path validation to a trusted
root, digitalSignature key usage), the signing certificate (validity window, SAN
``echo-api.amazon.com``) and ``Signature-256`` (RSA PKCS#1 v1.5 over SHA-256 of the raw body).
``AlexaTimestampVerifier``: the request timestamp within 150 s (an hour for skill events).
``SkillIdVerifier``: the application id. ``balto.web.replay.ReplayGuard``: the requestId.

Why subclasses rather than the SDK's verifiers as they are
----------------------------------------------------------
The SDK's classes stay the public types (``RequestVerifier``, ``TimestampVerifier``,
``VerificationException``), but their bodies are replaced, because the SDK's would:

- validate one certificate and verify with another (see ``balto.web.cert_chain``);
- raise ``ValueError`` (HTTP 500) on a malformed URL port, and pass spaces to ``urlopen``;
- fetch with no size cap and only a per-read timeout, and cache every URL forever;
- fetch the chain before the cheap checks, and fetch again for every failing URL.

Here, in order: header shape, base64 signature, URL rules, then the certificate. The certificate
comes from a bounded cache of *validated* certificates keyed by canonical URL; a failed URL is
cached negatively (so it is not fetched again for a while); at most ``max_fetches`` fetches run at
once and a request that would start one more is refused (HTTP 429) rather than queued, so
unauthenticated requests with made-up URLs can neither evict Amazon's certificate nor tie up
worker threads. The web host runs the timestamp and skill-id checks before this one (``STAGE``).

The modules here import certvalidator (and through it oscrypto), so the oscrypto import hook is
installed first.
"""

from __future__ import annotations

import base64
import binascii
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from balto.web import oscrypto_compat

oscrypto_compat.install()  # must precede the certvalidator/oscrypto imports below

from ask_sdk_model import RequestEnvelope  # noqa: E402
from ask_sdk_webservice_support import verifier_constants as vc  # noqa: E402
from ask_sdk_webservice_support.verifier import (  # noqa: E402
    AbstractVerifier,
    RequestVerifier,
    TimestampVerifier,
    VerificationException,
)
from certvalidator import CertificateValidator, ValidationContext  # noqa: E402
from certvalidator.errors import PathError, ValidationError  # noqa: E402
from cryptography import x509  # noqa: E402
from cryptography.exceptions import InvalidSignature  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import rsa  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15  # noqa: E402
from cryptography.hazmat.primitives.hashes import SHA256  # noqa: E402

from balto.web.cert_chain import (  # noqa: E402
    FETCH_DEADLINE_SECONDS,
    canonical_cert_url,
    fetch_cert_chain,
    parse_pem_chain,
)
from skill.alexa.addressing import addressed_to  # noqa: E402

__all__ = [
    "STAGE_AFTER_SIGNATURE",
    "STAGE_CHEAP",
    "STAGE_SIGNATURE",
    "AbstractVerifier",
    "AlexaSignatureVerifier",
    "AlexaTimestampVerifier",
    "CertChainLoader",
    "FetchCapacityExceeded",
    "SkillIdMismatch",
    "SkillIdVerifier",
    "VerificationException",
    "fetch_cert_chain",
    "verifier_stage",
]

log = logging.getLogger(__name__)

#: Loads the PEM chain behind a canonical SignatureCertChainUrl.
CertChainLoader = Callable[[str], bytes]

#: Verifier stages, run in this order by the web host: checks that cost nothing, then the
#: signature (which may fetch a certificate), then what must only see authenticated requests.
STAGE_CHEAP = 0
STAGE_SIGNATURE = 1
STAGE_AFTER_SIGNATURE = 2

#: Alexa signs with very few distinct URLs; the cap only bounds memory.
CACHE_SIZE = 16
#: Re-run full path validation at least this often, so trust-store changes take effect.
CACHE_MAX_AGE = timedelta(hours=1)
#: How long a URL whose chain could not be fetched or validated is refused without a new fetch.
NEGATIVE_CACHE_TTL = timedelta(seconds=60)
#: Failed URLs remembered at once (made-up URLs are cheap to send; the cap bounds memory).
NEGATIVE_CACHE_SIZE = 1024
#: Certificate fetches in flight at once; a request that would start one more is refused.
MAX_FETCHES_IN_FLIGHT = 4
#: RSA signatures are as long as the key: 256 bytes for Amazon's 2048-bit key.
SIGNATURE_BYTES = range(128, 1025)


def verifier_stage(verifier: AbstractVerifier) -> int:
    """When the web host runs ``verifier``: its ``STAGE`` attribute, else with the signature."""
    stage = getattr(verifier, "STAGE", STAGE_SIGNATURE)
    return stage if isinstance(stage, int) else STAGE_SIGNATURE


class FetchCapacityExceeded(VerificationException):
    """Too many certificate fetches are in flight (answered with HTTP 429)."""


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class _CachedCert:
    certificate: x509.Certificate
    validated_at: datetime


@dataclass(frozen=True)
class _Failure:
    """A URL that failed: the exception's arguments (not the exception, whose traceback would
    keep a request's frames alive) and until when it stays refused."""

    reason: tuple[Any, ...]
    until: datetime

    def exception(self) -> VerificationException:
        return VerificationException(*self.reason)


@dataclass
class _Fetch:
    """One fetch in flight; requests for the same URL wait for it instead of starting another."""

    done: threading.Event = field(default_factory=threading.Event)
    certificate: x509.Certificate | None = None
    error: VerificationException | None = None


def _header(headers: Mapping[str, Any], name: str) -> str | None:
    """The single value of header ``name`` (any case); a second spelling of it is refused."""
    found: list[Any] = [value for key, value in headers.items() if key.lower() == name.lower()]
    if not found:
        return None
    if len(found) > 1 or not isinstance(found[0], str):
        raise VerificationException(f"{name} header must appear once")
    return found[0]


def _decode_signature(signature: str) -> bytes:
    try:
        decoded = base64.b64decode(signature.strip(), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise VerificationException("Signature-256 header is not base64") from exc
    if len(decoded) not in SIGNATURE_BYTES:
        raise VerificationException("Signature-256 header has the wrong length")
    return decoded


class AlexaSignatureVerifier(RequestVerifier):
    """Signature verification with injectable trust roots and loader, and bounded fetching.

    Parameters
    ----------
    trust_roots:
        DER or PEM encoded root certificates to trust. ``None`` (production) means the system
        trust store, exactly as the SDK does.
    load_chain:
        Fetches the PEM chain for a canonical URL. Defaults to
        :func:`balto.web.cert_chain.fetch_cert_chain`.
    clock:
        Current UTC time; injectable so certificate-window and cache checks are testable.
    cache_size, max_fetches:
        Validated certificates kept; certificate fetches allowed in flight at once.
    """

    STAGE = STAGE_SIGNATURE

    def __init__(
        self,
        *,
        trust_roots: Iterable[bytes] | None = None,
        load_chain: CertChainLoader = fetch_cert_chain,
        clock: Callable[[], datetime] = _utc_now,
        cache_size: int = CACHE_SIZE,
        max_fetches: int = MAX_FETCHES_IN_FLIGHT,
    ) -> None:
        super().__init__(
            signature_cert_chain_url_key=vc.SIGNATURE_CERT_CHAIN_URL_HEADER,
            signature_key=vc.SIGNATURE_HEADER,
            padding=PKCS1v15(),
            hash_algorithm=SHA256(),
        )
        self._trust_roots = None if trust_roots is None else [_to_der(r) for r in trust_roots]
        self._load_chain_bytes = load_chain
        self._clock = clock
        self._cache_size = cache_size
        self._max_fetches = max_fetches
        self._validated: OrderedDict[str, _CachedCert] = OrderedDict()
        self._failed: OrderedDict[str, _Failure] = OrderedDict()
        self._in_flight: dict[str, _Fetch] = {}
        self._lock = threading.Lock()

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str,
        deserialized_request_env: RequestEnvelope | None = None,
    ) -> None:
        """Cheap checks first (headers, base64, URL rules), then the certificate and signature."""
        cert_url = _header(headers, self._signature_cert_chain_url_key)
        signature = _header(headers, self._signature_key)
        if cert_url is None or signature is None:
            raise VerificationException("Missing Signature/Certificate for the skill request")
        decoded = _decode_signature(signature)
        certificate = self._retrieve_and_validate_certificate_chain(cert_url)
        self._verify_signature(certificate, decoded, serialized_request_env)

    # -- the certificate: URL rules, then cache, negative cache, bounded fetch ---------------------
    def _retrieve_and_validate_certificate_chain(
        self, cert_url: str, x509_backend: Any = None
    ) -> x509.Certificate:
        url = canonical_cert_url(cert_url)
        certificate = self._certificate_for(url)
        self._validate_end_certificate(certificate)  # the window, on every request
        return certificate

    def _certificate_for(self, url: str) -> x509.Certificate:
        now = self._clock()
        with self._lock:
            cached = self._validated.get(url)
            if cached is not None:
                self._validated.move_to_end(url)
                if now - cached.validated_at < CACHE_MAX_AGE:
                    return cached.certificate
            failure = self._failed.get(url)
            if failure is not None and now < failure.until:
                if cached is not None:  # the refresh failed recently: keep the validated one
                    return cached.certificate
                raise failure.exception()
            fetch = self._in_flight.get(url)
            owner = fetch is None
            if fetch is None:
                if len(self._in_flight) >= self._max_fetches:
                    raise FetchCapacityExceeded("Too many certificate fetches in progress")
                fetch = self._in_flight[url] = _Fetch()
        if not owner:
            return self._wait_for(fetch)
        try:
            fetch.certificate = self._fetch_and_validate(url, now)
        except VerificationException as exc:
            fetch.error = exc
            fetch.certificate = self._fetch_failed(url, exc, now, cached)  # raises if none cached
        finally:
            with self._lock:
                self._in_flight.pop(url, None)
            if fetch.certificate is None and fetch.error is None:  # an unexpected exception
                fetch.error = VerificationException("Certificate chain could not be checked")
            fetch.done.set()
        return fetch.certificate

    def _wait_for(self, fetch: _Fetch) -> x509.Certificate:
        """Wait for another request's fetch of the same URL (which has its own deadline)."""
        if not fetch.done.wait(timeout=2 * FETCH_DEADLINE_SECONDS):
            raise VerificationException("Certificate chain could not be fetched in time")
        if fetch.certificate is None:  # a fresh exception each: they are raised in many threads
            args = fetch.error.args if fetch.error else ("Certificate chain could not be checked",)
            raise VerificationException(*args)
        return fetch.certificate

    def _fetch_failed(
        self,
        url: str,
        exc: VerificationException,
        now: datetime,
        cached: _CachedCert | None,
    ) -> x509.Certificate:
        with self._lock:
            self._failed[url] = _Failure(exc.args, now + NEGATIVE_CACHE_TTL)
            self._failed.move_to_end(url)
            while len(self._failed) > NEGATIVE_CACHE_SIZE:
                self._failed.popitem(last=False)
        if cached is None:
            raise exc
        log.warning(
            "could not re-validate the signing certificate at %s (%s); using the one validated "
            "at %s",
            url,
            " - ".join(map(str, exc.args)),
            cached.validated_at.isoformat(),
        )
        return cached.certificate

    def _fetch_and_validate(self, url: str, now: datetime) -> x509.Certificate:
        chain = self._load_chain_bytes(url)
        certificate = self._validated_leaf(chain)
        with self._lock:
            self._validated[url] = _CachedCert(certificate, now)
            self._validated.move_to_end(url)
            while len(self._validated) > self._cache_size:
                self._validated.popitem(last=False)
            self._failed.pop(url, None)
        return certificate

    # -- the chain: parse once, validate the leaf, use that same leaf --------------------------
    def _validation_context(self) -> ValidationContext | None:
        if self._trust_roots is None:
            return None  # certvalidator's default: the operating system's trust store
        return ValidationContext(trust_roots=self._trust_roots, moment=self._clock())

    def _validated_leaf(self, chain: bytes) -> x509.Certificate:
        """Path-validate the chain's first certificate and return exactly that certificate."""
        blocks = parse_pem_chain(chain)
        try:
            leaf = x509.load_der_x509_certificate(blocks[0])
        except ValueError as exc:
            raise VerificationException("Signing certificate could not be parsed") from exc
        self._validate_path(blocks[0], blocks[1:])
        return leaf

    def _validate_path(self, leaf: bytes, intermediates: list[bytes]) -> None:
        try:
            validator = CertificateValidator(
                leaf, intermediates, validation_context=self._validation_context()
            )
            validator.validate_usage(key_usage={"digital_signature"})
        except (PathError, ValidationError) as exc:
            # short message first (shown to the caller), certvalidator's detail second (logged)
            raise VerificationException("Certificate chain is not valid", str(exc)) from exc
        except (ValueError, TypeError, KeyError) as exc:  # garbled DER inside valid PEM armour
            raise VerificationException("Certificate chain could not be parsed") from exc

    def _validate_end_certificate(self, x509_cert: x509.Certificate) -> None:
        now = self._clock()
        if not (x509_cert.not_valid_before_utc <= now <= x509_cert.not_valid_after_utc):
            raise VerificationException("Signing certificate is expired or not yet valid")
        try:
            san = x509_cert.extensions.get_extension_for_class(x509.SubjectAlternativeName)
        except x509.ExtensionNotFound as exc:
            raise VerificationException("Signing certificate has no SAN extension") from exc
        except ValueError as exc:  # a malformed extension
            raise VerificationException("Signing certificate could not be parsed") from exc
        if vc.CERT_CHAIN_DOMAIN not in san.value.get_values_for_type(x509.DNSName):
            raise VerificationException(
                f"{vc.CERT_CHAIN_DOMAIN} missing from the signing certificate's SAN"
            )

    # -- the signature ---------------------------------------------------------------------------
    def _verify_signature(
        self, certificate: x509.Certificate, signature: bytes, serialized_request_env: str
    ) -> None:
        public_key = certificate.public_key()
        if not isinstance(public_key, rsa.RSAPublicKey):
            raise VerificationException("Signing certificate does not hold an RSA key")
        try:
            body = serialized_request_env.encode(vc.CHARACTER_ENCODING)
            public_key.verify(signature, body, PKCS1v15(), SHA256())
        except (InvalidSignature, UnicodeEncodeError) as exc:
            raise VerificationException("Request body does not match Signature-256") from exc


class AlexaTimestampVerifier(TimestampVerifier):
    """Request timestamp within 150 s of now (an hour for skill events), or refused.

    Computed here rather than by the SDK, which crashes on a zone-less timestamp and on dates at
    the ends of the calendar (``OverflowError``).
    """

    STAGE = STAGE_CHEAP

    def __init__(
        self,
        tolerance_in_millis: int = vc.MAX_NORMAL_REQUEST_TOLERANCE_IN_MILLIS,
        *,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        super().__init__(tolerance_in_millis=tolerance_in_millis)
        self._clock = clock

    def tolerance_seconds(self, request_type: object) -> float:
        """How far from now a request of ``request_type`` may be stamped."""
        if request_type in vc.ALEXA_SKILL_EVENT_LIST:
            return max(self._tolerance_in_millis, vc.MAX_SKILL_EVENT_TOLERANCE_IN_MILLIS) / 1000
        return float(self._tolerance_in_millis) / 1000

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str,
        deserialized_request_env: RequestEnvelope,
    ) -> None:
        request = getattr(deserialized_request_env, "request", None)
        stamp = getattr(request, "timestamp", None)
        if not isinstance(stamp, datetime):
            raise VerificationException("Timestamp verification failed: no request timestamp")
        if stamp.tzinfo is None or stamp.utcoffset() is None:
            raise VerificationException("Request timestamp has no time zone")
        try:
            skew = abs((self._clock() - stamp).total_seconds())
        except OverflowError as exc:
            raise VerificationException("Timestamp verification failed") from exc
        if skew > self.tolerance_seconds(getattr(request, "object_type", None)):
            raise VerificationException("Timestamp verification failed")


class SkillIdMismatch(VerificationException):
    """The request is addressed to a different skill (answered with HTTP 403)."""


class SkillIdVerifier(AbstractVerifier):
    """Refuses requests whose application id is not this skill's (403).

    The check is :func:`skill.alexa.addressing.addressed_to`, the one the Lambda handler makes;
    as a verifier it runs before any handler and before any certificate fetch.
    """

    STAGE = STAGE_CHEAP

    def __init__(self, skill_id: str) -> None:
        if not skill_id:
            raise ValueError("skill_id must be a non-empty string such as amzn1.ask.skill.<uuid>")
        self._skill_id = skill_id

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str,
        deserialized_request_env: RequestEnvelope,
    ) -> None:
        if not addressed_to(deserialized_request_env, self._skill_id):
            raise SkillIdMismatch("Request is for a different skill")


def _to_der(certificate: bytes) -> bytes:
    """Accept PEM or DER roots; certvalidator wants DER (or asn1crypto objects)."""
    if certificate.lstrip().startswith(b"-----BEGIN"):
        return parse_pem_chain(certificate)[0]
    return certificate
