"""Alexa request verification for the web-service host, built on ask-sdk-webservice-support.

Why subclasses instead of the SDK's verifiers as they are
---------------------------------------------------------
ask-sdk-webservice-support 1.3.3 already checks what Alexa requires of a web service: the
``Signature-256`` header (RSA PKCS#1 v1.5 over SHA-256 of the raw body), the
``SignatureCertChainUrl`` (https, host s3.amazonaws.com, path under /echo.api/, port 443), the
chain to a trusted root (certvalidator), the SAN ``echo-api.amazon.com``, the certificate's
validity window and the request timestamp (150 s). Its URL checks are reused unchanged. What it
lacks for a long-running, multi-threaded server, and what is added here:

- injectable trust roots and certificate loader, so tests can use a CA they generate, offline;
- a network fetch with a timeout and a size cap (the SDK's ``urlopen`` has neither);
- a thread-safe, bounded cache of *validated* signing certificates keyed by URL (Alexa reuses URLs
  and Amazon recommends caching); the validity window is still checked on every request;
- every failure is a :class:`VerificationException` (bad base64, an empty or garbled chain, a
  missing SAN extension, a timestamp without a zone), never an unexpected exception that would
  surface as HTTP 500;
- timezone-aware certificate dates (``not_valid_*_utc``; the naive ones are deprecated).

The modules here import certvalidator (and through it oscrypto), so the oscrypto import hook is
installed first.
"""

from __future__ import annotations

import base64
import binascii
import threading
import urllib.error
import urllib.request
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from skill.adapters import oscrypto_compat

oscrypto_compat.install()  # must precede the certvalidator/oscrypto imports below

from ask_sdk_model import RequestEnvelope  # noqa: E402
from ask_sdk_webservice_support import verifier_constants as vc  # noqa: E402
from ask_sdk_webservice_support.verifier import (  # noqa: E402
    AbstractVerifier,
    RequestVerifier,
    TimestampVerifier,
    VerificationException,
)
from asn1crypto import pem  # noqa: E402
from certvalidator import CertificateValidator, ValidationContext  # noqa: E402
from certvalidator.errors import PathError, ValidationError  # noqa: E402
from cryptography import x509  # noqa: E402
from cryptography.exceptions import InvalidSignature  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import rsa  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15  # noqa: E402
from cryptography.hazmat.primitives.hashes import SHA256  # noqa: E402

__all__ = [
    "AlexaSignatureVerifier",
    "AlexaTimestampVerifier",
    "CertChainLoader",
    "SkillIdMismatch",
    "SkillIdVerifier",
    "VerificationException",
    "fetch_cert_chain",
]

#: Loads the PEM chain behind a (already validated) SignatureCertChainUrl.
CertChainLoader = Callable[[str], bytes]

FETCH_TIMEOUT_SECONDS = 5.0
#: Amazon's chain is ~5 KB; anything far larger is not a certificate chain.
MAX_CHAIN_BYTES = 64 * 1024
#: Alexa signs with very few distinct URLs; the cap only bounds memory.
CACHE_SIZE = 16
#: Re-run full path validation at least this often, so trust-store changes take effect.
CACHE_MAX_AGE = timedelta(hours=1)


def _utc_now() -> datetime:
    return datetime.now(UTC)


def fetch_cert_chain(url: str, *, timeout: float = FETCH_TIMEOUT_SECONDS) -> bytes:
    """Download the signing chain; every network failure becomes a VerificationException.

    The URL has already passed the SDK's URL checks (https://s3.amazonaws.com:443/echo.api/...),
    so this only talks to Amazon's bucket.
    """
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - URL checked
            data: bytes = response.read(MAX_CHAIN_BYTES + 1)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise VerificationException(f"Unable to load certificate chain: {exc}") from exc
    if len(data) > MAX_CHAIN_BYTES:
        raise VerificationException("Certificate chain is too large")
    return data


@dataclass(frozen=True)
class _CachedCert:
    certificate: x509.Certificate
    validated_at: datetime


class AlexaSignatureVerifier(RequestVerifier):
    """The SDK's RequestVerifier with injectable trust roots and loader, and a validated-cert cache.

    Parameters
    ----------
    trust_roots:
        DER or PEM encoded root certificates to trust. ``None`` (production) means the system
        trust store, exactly as the SDK does.
    load_chain:
        Fetches the PEM chain for a URL. Defaults to :func:`fetch_cert_chain`.
    clock:
        Current UTC time; injectable so certificate-window checks are testable.
    """

    def __init__(
        self,
        *,
        trust_roots: Iterable[bytes] | None = None,
        load_chain: CertChainLoader = fetch_cert_chain,
        clock: Callable[[], datetime] = _utc_now,
        cache_size: int = CACHE_SIZE,
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
        self._validated: OrderedDict[str, _CachedCert] = OrderedDict()
        self._lock = threading.Lock()

    # -- the SDK's template method, with a validated-certificate cache in front -------------------
    def _retrieve_and_validate_certificate_chain(
        self, cert_url: str, x509_backend: Any = None
    ) -> x509.Certificate:
        self._validate_certificate_url(cert_url)  # the SDK's checks, unchanged
        now = self._clock()
        with self._lock:
            cached = self._validated.get(cert_url)
            if cached is not None:
                self._validated.move_to_end(cert_url)
        if cached is not None and now - cached.validated_at < CACHE_MAX_AGE:
            self._validate_end_certificate(cached.certificate)
            return cached.certificate

        chain = self._load_chain_bytes(cert_url)
        self._validate_cert_chain(chain)
        try:
            end_cert = x509.load_pem_x509_certificate(chain)
        except ValueError as exc:
            raise VerificationException("Signing certificate is not valid PEM") from exc
        self._validate_end_certificate(end_cert)
        with self._lock:
            self._validated[cert_url] = _CachedCert(end_cert, now)
            self._validated.move_to_end(cert_url)
            while len(self._validated) > self._cache_size:
                self._validated.popitem(last=False)
        return end_cert

    def _load_cert_chain(self, cert_url: str) -> bytes:
        """Kept for SDK compatibility; the cache above replaces the SDK's unbounded dict."""
        return self._load_chain_bytes(cert_url)

    def _validation_context(self) -> ValidationContext | None:
        if self._trust_roots is None:
            return None  # certvalidator's default: the operating system's trust store
        return ValidationContext(trust_roots=self._trust_roots, moment=self._clock())

    def _validate_cert_chain(self, cert_chain: bytes) -> None:
        """Path-validate the chain with certvalidator, as the SDK does, against our trust roots."""
        try:
            blocks = [der for _, _, der in pem.unarmor(cert_chain, multiple=True)]
        except (ValueError, TypeError) as exc:
            raise VerificationException("Certificate chain is not PEM") from exc
        if not blocks:
            raise VerificationException("Certificate chain is empty")
        try:
            validator = CertificateValidator(
                blocks[0], blocks[1:], validation_context=self._validation_context()
            )
            validator.validate_usage(key_usage={"digital_signature"})
        except (PathError, ValidationError) as exc:
            # short message first (shown to the caller), certvalidator's detail second (logged)
            raise VerificationException("Certificate chain is not valid", str(exc)) from exc
        except (ValueError, TypeError) as exc:  # garbled DER inside valid PEM armour
            raise VerificationException("Certificate chain could not be parsed") from exc

    def _validate_end_certificate(self, x509_cert: x509.Certificate) -> None:
        now = self._clock()
        if not (x509_cert.not_valid_before_utc <= now <= x509_cert.not_valid_after_utc):
            raise VerificationException("Signing certificate is expired or not yet valid")
        try:
            san = x509_cert.extensions.get_extension_for_class(x509.SubjectAlternativeName)
        except x509.ExtensionNotFound as exc:
            raise VerificationException("Signing certificate has no SAN extension") from exc
        if vc.CERT_CHAIN_DOMAIN not in san.value.get_values_for_type(x509.DNSName):
            raise VerificationException(
                f"{vc.CERT_CHAIN_DOMAIN} missing from the signing certificate's SAN"
            )

    def _valid_request_body(
        self, cert_chain: x509.Certificate, signature: str, serialized_request_env: str
    ) -> None:
        try:
            decoded = base64.b64decode(signature, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise VerificationException("Signature-256 header is not base64") from exc
        public_key = cert_chain.public_key()
        if not isinstance(public_key, rsa.RSAPublicKey):
            raise VerificationException("Signing certificate does not hold an RSA key")
        try:
            public_key.verify(
                decoded,
                serialized_request_env.encode(vc.CHARACTER_ENCODING),
                PKCS1v15(),
                SHA256(),
            )
        except InvalidSignature as exc:
            raise VerificationException("Request body does not match Signature-256") from exc


class AlexaTimestampVerifier(TimestampVerifier):
    """The SDK's 150-second timestamp check; a zone-less timestamp is refused, not a crash."""

    def __init__(
        self, tolerance_in_millis: int = vc.MAX_NORMAL_REQUEST_TOLERANCE_IN_MILLIS
    ) -> None:
        super().__init__(tolerance_in_millis=tolerance_in_millis)

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str,
        deserialized_request_env: RequestEnvelope,
    ) -> None:
        request = deserialized_request_env.request
        stamp = getattr(request, "timestamp", None)
        if isinstance(stamp, datetime) and stamp.tzinfo is None:
            raise VerificationException("Request timestamp has no time zone")
        super().verify(headers, serialized_request_env, deserialized_request_env)


class SkillIdMismatch(VerificationException):
    """The request is addressed to a different skill (answered with HTTP 403)."""


class SkillIdVerifier(AbstractVerifier):
    """Refuses requests whose application id is not this skill's.

    ask-sdk-core's own check (``CustomSkill.skill_id``) raises a generic AskSdkException after
    dispatch has begun, which flask-ask-sdk maps to HTTP 500; running this check as a verifier
    refuses the request before any handler runs, with a distinct exception type.
    """

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
        if _application_id(deserialized_request_env) != self._skill_id:
            raise SkillIdMismatch("Request is for a different skill")


def _application_id(envelope: RequestEnvelope) -> str | None:
    """The skill id the request names: context.System.application, else session.application."""
    context = envelope.context
    system = getattr(context, "system", None)
    application = getattr(system, "application", None)
    if application is None:
        application = getattr(envelope.session, "application", None)
    return getattr(application, "application_id", None)


def _to_der(certificate: bytes) -> bytes:
    """Accept PEM or DER roots; certvalidator wants DER (or asn1crypto objects)."""
    if pem.detect(certificate):
        _, _, der = pem.unarmor(certificate)
        return der
    return certificate
