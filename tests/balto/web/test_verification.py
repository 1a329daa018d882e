"""Alexa request verification: each way a request can be forged or stale is refused with a 4xx.

The verifier trusts only a root generated for the test run and loads chains from memory, so these
tests exercise the real code path (certvalidator path validation, SAN and window checks, RSA
SHA-256 signature over the raw body, 150 s timestamp) with no network.
"""

from __future__ import annotations

import http.client
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest

from balto.web import verification
from balto.web.app import create_app
from balto.web.verification import (
    AlexaSignatureVerifier,
    AlexaTimestampVerifier,
    VerificationException,
    fetch_cert_chain,
)
from tests.balto.web import envelopes, pki
from tests.balto.web.conftest import chain_loader
from tests.support.alexa_limits import assert_alexa_valid


def post(client, text: str, headers: dict[str, str]):  # type: ignore[no-untyped-def]
    return client.post("/", data=text.encode("utf-8"), headers=headers)


def test_good_signature_passes_and_the_skill_answers(verified_client, signer) -> None:
    text = envelopes.body(envelopes.launch_envelope())
    res = post(verified_client, text, pki.signed_headers(text, signer))
    assert res.status_code == 200, res.get_json()
    payload = res.get_json()
    assert_alexa_valid(payload)
    assert "Serum Run" in payload["response"]["outputSpeech"]["ssml"]


def test_tampered_body_is_refused(verified_client, signer) -> None:
    text = envelopes.body(envelopes.launch_envelope())
    headers = pki.signed_headers(text, signer)
    tampered = text.replace('"locale":"en-US"', '"locale":"en-GB"')
    assert tampered != text
    res = post(verified_client, tampered, headers)
    assert res.status_code == 400
    assert "Signature-256" in res.get_json()["reason"]


@pytest.mark.parametrize(
    "url",
    [
        "http://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "https://evil.example.com/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com/not-echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/../evil/echo-api-cert.pem",
        "https://s3.amazonaws.com:8443/echo.api/echo-api-cert.pem",
    ],
)
def test_foreign_cert_url_is_refused_before_any_fetch(skill, signer, root, url) -> None:
    loader = chain_loader({url: pki.chain_pem(signer)})
    verifier = AlexaSignatureVerifier(trust_roots=[root.pem], load_chain=loader)
    client = create_app(skill, verifiers=[verifier]).test_client()
    text = envelopes.body(envelopes.launch_envelope())
    res = post(client, text, pki.signed_headers(text, signer, url=url))
    assert res.status_code == 400
    assert "Signature Certificate URL" in res.get_json()["reason"]
    assert loader.calls == []


@pytest.mark.parametrize(
    "url",
    [
        "https://S3.AmazonAWS.com:443/echo.api/echo-api-cert-test.pem",
        "HTTPS://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert-test.pem",
        "https://s3.amazonaws.com/echo.api/./echo-api-cert-test.pem",
    ],
)
def test_documented_url_spellings_are_accepted_and_fetched_canonically(
    skill, signer, root, url
) -> None:
    """Amazon's examples of valid URLs pass; the fetch goes to the one canonical URL."""
    loader = chain_loader({pki.CERT_URL: pki.chain_pem(signer)})
    verifier = AlexaSignatureVerifier(trust_roots=[root.pem], load_chain=loader)
    client = create_app(skill, verifiers=[verifier]).test_client()
    text = envelopes.body(envelopes.launch_envelope())
    assert post(client, text, pki.signed_headers(text, signer, url=url)).status_code == 200
    assert loader.calls == [pki.CERT_URL]


def test_expired_certificate_is_refused(skill, root, make_verifier, caplog) -> None:
    """certvalidator rejects the expired leaf during path validation; the detail goes to the log."""
    now = datetime.now(UTC)
    expired = pki.make_signing_cert(
        root, not_before=now - timedelta(days=60), not_after=now - timedelta(days=1)
    )
    client = create_app(skill, verifiers=[make_verifier(pki.chain_pem(expired))]).test_client()
    text = envelopes.body(envelopes.launch_envelope())
    with caplog.at_level(logging.WARNING, logger="balto.web.app"):
        res = post(client, text, pki.signed_headers(text, expired))
    assert res.status_code == 400
    assert res.get_json()["reason"].endswith("Certificate chain is not valid")
    assert "expired" in caplog.text


def test_not_yet_valid_certificate_is_refused_by_the_window_check(root) -> None:
    """The SDK's own window check (after path validation) also holds, with an injected clock."""
    leaf = pki.make_signing_cert(root)
    verifier = AlexaSignatureVerifier(
        trust_roots=[root.pem], clock=lambda: leaf.cert.not_valid_before_utc - timedelta(hours=1)
    )
    with pytest.raises(VerificationException, match="not yet valid"):
        verifier._validate_end_certificate(leaf.cert)


def test_wrong_san_is_refused(skill, root, make_verifier) -> None:
    wrong = pki.make_signing_cert(root, san="echo-api.example.com")
    client = create_app(skill, verifiers=[make_verifier(pki.chain_pem(wrong))]).test_client()
    text = envelopes.body(envelopes.launch_envelope())
    res = post(client, text, pki.signed_headers(text, wrong))
    assert res.status_code == 400
    assert "echo-api.amazon.com missing" in res.get_json()["reason"]


@pytest.mark.parametrize(
    "age", [timedelta(seconds=151), timedelta(minutes=10), -timedelta(minutes=5)]
)
def test_stale_or_future_timestamp_is_refused(verified_client, signer, age) -> None:
    text = envelopes.body(envelopes.launch_envelope(age=age))
    res = post(verified_client, text, pki.signed_headers(text, signer))
    assert res.status_code == 400
    assert "Timestamp" in res.get_json()["reason"]


def test_timestamp_within_tolerance_passes(verified_client, signer) -> None:
    text = envelopes.body(envelopes.launch_envelope(age=timedelta(seconds=120)))
    assert post(verified_client, text, pki.signed_headers(text, signer)).status_code == 200


def test_timestamp_without_zone_is_refused_not_crashed(verified_client, signer) -> None:
    text = envelopes.body(envelopes.launch_envelope(timestamp="2026-01-01T00:00:00"))
    res = post(verified_client, text, pki.signed_headers(text, signer))
    assert res.status_code == 400
    assert "time zone" in res.get_json()["reason"]


def test_chain_from_an_untrusted_root_is_refused(skill, make_verifier) -> None:
    """certvalidator path validation really runs: a perfect leaf from another CA fails."""
    stranger = pki.make_root("Somebody Else's Root")
    leaf = pki.make_signing_cert(stranger)
    client = create_app(
        skill, verifiers=[make_verifier(pki.chain_pem(leaf, stranger))]
    ).test_client()
    text = envelopes.body(envelopes.launch_envelope())
    res = post(client, text, pki.signed_headers(text, leaf))
    assert res.status_code == 400
    assert "Certificate chain is not valid" in res.get_json()["reason"]


def test_production_trust_store_refuses_a_test_signed_chain(signer) -> None:
    """With the system roots (trust_roots=None) the test CA is unknown, so the chain is refused."""
    verifier = AlexaSignatureVerifier(
        load_chain=chain_loader({pki.CERT_URL: pki.chain_pem(signer)})
    )
    with pytest.raises(VerificationException, match="Certificate chain is not valid") as caught:
        verifier._retrieve_and_validate_certificate_chain(pki.CERT_URL)
    assert "Unable to build a validation path" in caught.value.args[1]


def test_system_trust_store_loads_through_oscrypto() -> None:
    """The production default (trust_roots=None) reads the OS roots via oscrypto's trust_list."""
    from oscrypto import trust_list

    subjects = [cert.subject.human_friendly for cert, _, _ in trust_list.get_list()]
    assert len(subjects) > 10
    assert any("Amazon Root CA" in subject or "DigiCert" in subject for subject in subjects)


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"SignatureCertChainUrl": pki.CERT_URL},
        {"Signature-256": "AAAA"},
    ],
)
def test_missing_signature_headers_are_refused(verified_client, headers) -> None:
    text = envelopes.body(envelopes.launch_envelope())
    res = post(verified_client, text, {"Content-Type": "application/json", **headers})
    assert res.status_code == 400
    assert "Missing Signature" in res.get_json()["reason"]


def test_sha1_signature_header_alone_is_not_enough(verified_client, signer) -> None:
    """Only Signature-256 counts; the legacy SHA-1 ``Signature`` header is ignored."""
    text = envelopes.body(envelopes.launch_envelope())
    headers = {"SignatureCertChainUrl": pki.CERT_URL, "Signature": pki.sign(text, signer)}
    assert post(verified_client, text, headers).status_code == 400


def test_signature_that_is_not_base64_is_refused(verified_client) -> None:
    text = envelopes.body(envelopes.launch_envelope())
    headers = {"SignatureCertChainUrl": pki.CERT_URL, "Signature-256": "not base64 !!"}
    res = post(verified_client, text, headers)
    assert res.status_code == 400
    assert "base64" in res.get_json()["reason"]


@pytest.mark.parametrize(
    "chain",
    [b"", b"not a certificate", b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"],
)
def test_garbage_chain_is_refused(skill, signer, make_verifier, chain) -> None:
    client = create_app(skill, verifiers=[make_verifier(chain)]).test_client()
    text = envelopes.body(envelopes.launch_envelope())
    res = post(client, text, pki.signed_headers(text, signer))
    assert res.status_code == 400


def test_leaf_without_san_is_refused(root) -> None:
    verifier = AlexaSignatureVerifier(trust_roots=[root.pem])
    with pytest.raises(VerificationException, match="no SAN"):
        verifier._validate_end_certificate(root.cert)


def test_validated_chain_is_cached_but_the_window_is_rechecked(root) -> None:
    leaf = pki.make_signing_cert(root)
    loader = chain_loader({pki.CERT_URL: pki.chain_pem(leaf)})
    now = [datetime.now(UTC)]
    verifier = AlexaSignatureVerifier(
        trust_roots=[root.der], load_chain=loader, clock=lambda: now[0]
    )
    first = verifier._retrieve_and_validate_certificate_chain(pki.CERT_URL)
    second = verifier._retrieve_and_validate_certificate_chain(pki.CERT_URL)
    assert first is second
    assert loader.calls == [pki.CERT_URL]
    now[0] = leaf.cert.not_valid_after_utc + timedelta(minutes=1)
    with pytest.raises(VerificationException, match="expired"):
        verifier._retrieve_and_validate_certificate_chain(pki.CERT_URL)


def test_cache_is_bounded(root) -> None:
    leaf = pki.make_signing_cert(root)
    urls = [f"https://s3.amazonaws.com/echo.api/cert-{i}.pem" for i in range(5)]
    loader = chain_loader({u: pki.chain_pem(leaf) for u in urls})
    verifier = AlexaSignatureVerifier(trust_roots=[root.pem], load_chain=loader, cache_size=2)
    for url in urls:
        verifier._retrieve_and_validate_certificate_chain(url)
    verifier._retrieve_and_validate_certificate_chain(urls[0])  # evicted, so fetched again
    assert loader.calls == [*urls, urls[0]]
    assert len(verifier._validated) == 2


def test_fetch_failure_is_a_short_400_that_does_not_echo_the_error(skill, signer, root) -> None:
    def nothing_listens(host: str, timeout: float) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", 9, timeout=timeout)

    def unreachable(url: str) -> bytes:
        return fetch_cert_chain(url, deadline=0.5, connect=nothing_listens)

    verifier = AlexaSignatureVerifier(trust_roots=[root.pem], load_chain=unreachable)
    client = create_app(skill, verifiers=[verifier]).test_client()
    text = envelopes.body(envelopes.launch_envelope())
    res = post(client, text, pki.signed_headers(text, signer))
    assert res.status_code == 400
    reason = res.get_json()["reason"]
    assert reason == "request verification failed: Certificate chain could not be fetched"
    assert "refused" not in reason.lower() and "errno" not in reason.lower()


def test_timestamp_tolerance_is_the_sdk_maximum() -> None:
    assert AlexaTimestampVerifier()._tolerance_in_millis == 150_000


# -- issue 13, item 1: the certificate that is validated is the one that verifies -----------------
def test_a_relabelled_trusted_certificate_cannot_vouch_for_another(skill, signer, root) -> None:
    """The probe's chain: Amazon's (here: the test root's) signing certificate relabelled so a
    lenient reader validates it, then the attacker's own certificate, whose key signs the body."""
    attacker = pki.make_signing_cert(pki.make_root("Attacker"))
    for label in (b"TRUSTED CERTIFICATE", b"X509 CERTIFICATE", b"CERTIFICATE REQUEST"):
        chain = signer.pem.replace(b"CERTIFICATE", label) + attacker.pem
        verifier = AlexaSignatureVerifier(
            trust_roots=[root.pem], load_chain=chain_loader({pki.CERT_URL: chain})
        )
        client = create_app(skill, verifiers=[verifier]).test_client()
        text = envelopes.body(envelopes.launch_envelope())
        res = post(client, text, pki.signed_headers(text, attacker))
        assert res.status_code == 400, label
        assert "not labelled CERTIFICATE" in res.get_json()["reason"]


def test_the_leaf_that_is_path_validated_is_the_one_returned(signer, root) -> None:
    """Two well-labelled certificates: the first is validated and used; a self-made second one
    is only ever an intermediate (and an unneeded one)."""
    attacker = pki.make_signing_cert(pki.make_root("Attacker"))
    chain = pki.chain_pem(signer) + attacker.pem
    verifier = AlexaSignatureVerifier(
        trust_roots=[root.pem], load_chain=chain_loader({pki.CERT_URL: chain})
    )
    used = verifier._retrieve_and_validate_certificate_chain(pki.CERT_URL)
    assert used == signer.cert
    swapped = AlexaSignatureVerifier(
        trust_roots=[root.pem],
        load_chain=chain_loader({pki.CERT_URL: attacker.pem + pki.chain_pem(signer)}),
    )
    with pytest.raises(VerificationException, match="not valid"):
        swapped._retrieve_and_validate_certificate_chain(pki.CERT_URL)


# -- issue 13, item 3: cheap checks first, negative caching, bounded fetches ----------------------
def counting_app(skill, signer, root, **kwargs):  # type: ignore[no-untyped-def]
    loader = chain_loader({pki.CERT_URL: pki.chain_pem(signer)})
    verifier = AlexaSignatureVerifier(trust_roots=[root.pem], load_chain=loader, **kwargs)
    app = create_app(skill, verifiers=[verifier, AlexaTimestampVerifier()])
    return app.test_client(), loader, verifier


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda text, h: (envelopes.body(envelopes.launch_envelope(age=timedelta(hours=1))), h),
         "Timestamp"),
        (lambda text, h: (text, {**h, "Signature-256": "not base64!"}), "base64"),
        (lambda text, h: (text, {**h, "Signature-256": "QUJD"}), "wrong length"),
        (lambda text, h: (text, {**h, "SignatureCertChainUrl": pki.CERT_URL + "?x"}), "query"),
    ],
)
def test_cheap_checks_run_before_any_fetch(skill, signer, root, change, reason) -> None:
    client, loader, _ = counting_app(skill, signer, root)
    text = envelopes.body(envelopes.launch_envelope())
    body, headers = change(text, pki.signed_headers(text, signer))
    res = post(client, body, headers)
    assert res.status_code == 400
    assert reason in res.get_json()["reason"]
    assert loader.calls == []


def test_a_failed_url_is_cached_negatively_then_retried(root, signer) -> None:
    now = [datetime.now(UTC)]
    calls: list[str] = []

    def missing(url: str) -> bytes:
        calls.append(url)
        raise VerificationException("Certificate chain could not be fetched", "HTTP 404")

    verifier = AlexaSignatureVerifier(
        trust_roots=[root.pem], load_chain=missing, clock=lambda: now[0]
    )
    url = "https://s3.amazonaws.com/echo.api/no-such-cert.pem"
    for _ in range(5):
        with pytest.raises(VerificationException, match="could not be fetched"):
            verifier._retrieve_and_validate_certificate_chain(url)
    assert calls == [url]
    now[0] += verification.NEGATIVE_CACHE_TTL + timedelta(seconds=1)
    with pytest.raises(VerificationException):
        verifier._retrieve_and_validate_certificate_chain(url)
    assert calls == [url, url]


def test_an_invalid_chain_is_cached_negatively_too(skill, root) -> None:
    stranger = pki.make_signing_cert(pki.make_root("Somebody Else's Root"))
    loader = chain_loader({pki.CERT_URL: pki.chain_pem(stranger)})
    verifier = AlexaSignatureVerifier(trust_roots=[root.pem], load_chain=loader)
    for _ in range(3):
        with pytest.raises(VerificationException, match="not valid"):
            verifier._retrieve_and_validate_certificate_chain(pki.CERT_URL)
    assert loader.calls == [pki.CERT_URL]


def test_made_up_urls_never_evict_the_real_certificate(skill, signer, root) -> None:
    """Hundreds of distinct URLs (made-up names and spelling variants of the real one) are sent
    before every real request; the real chain is fetched exactly once."""
    client, loader, verifier = counting_app(skill, signer, root)
    spellings = [
        "https://S3.amazonaws.com/echo.api/echo-api-cert-test.pem",
        "https://s3.amazonaws.com:443/echo.api/echo-api-cert-test.pem",
        "https://s3.amazonaws.com/echo.api/./echo-api-cert-test.pem",
        "https://s3.amazonaws.com/echo.api//echo-api-cert-test.pem",
    ]
    for round_ in range(10):
        made_up = [f"https://s3.amazonaws.com/echo.api/cert-{round_}-{i}.pem" for i in range(30)]
        for url in made_up + spellings:
            text = envelopes.body(envelopes.launch_envelope())
            status = post(client, text, pki.signed_headers(text, signer, url=url)).status_code
            assert status == (200 if url in spellings else 400)
    assert loader.calls.count(pki.CERT_URL) == 1
    assert len(verifier._validated) == 1
    assert len(verifier._failed) == 300


def test_fetches_in_flight_are_bounded_and_the_excess_is_refused_at_once(
    skill, signer, root
) -> None:
    """With every fetch slot held by a slow URL, a request needing one more fetch gets 429
    immediately (it does not wait), and a request for an already cached URL is still served."""
    release = threading.Event()
    started: list[str] = []

    def slow(url: str) -> bytes:
        if url == pki.CERT_URL:
            return pki.chain_pem(signer)
        started.append(url)
        release.wait(timeout=10)
        raise VerificationException("Certificate chain could not be fetched", "HTTP 404")

    verifier = AlexaSignatureVerifier(trust_roots=[root.pem], load_chain=slow, max_fetches=2)
    client = create_app(skill, verifiers=[verifier]).test_client()
    warm = envelopes.body(envelopes.launch_envelope())
    assert post(client, warm, pki.signed_headers(warm, signer)).status_code == 200

    def attempt(url: str) -> int:
        text = envelopes.body(envelopes.launch_envelope())
        app = create_app(skill, verifiers=[verifier]).test_client()
        return post(app, text, pki.signed_headers(text, signer, url=url)).status_code

    with ThreadPoolExecutor(max_workers=2) as pool:
        holders = [
            pool.submit(attempt, f"https://s3.amazonaws.com/echo.api/slow-{i}.pem") for i in (1, 2)
        ]
        deadline = time.monotonic() + 10
        while len(started) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert len(started) == 2
        began = time.monotonic()
        text = envelopes.body(envelopes.launch_envelope())
        third = post(
            client, text,
            pki.signed_headers(text, signer, url="https://s3.amazonaws.com/echo.api/slow-3.pem"),
        )
        assert third.status_code == 429
        assert third.headers["Retry-After"] == "1"
        assert time.monotonic() - began < 2.0  # refused, not queued behind the 10 s fetches
        cached = envelopes.body(envelopes.launch_envelope())
        assert post(client, cached, pki.signed_headers(cached, signer)).status_code == 200
        release.set()
        assert [h.result() for h in holders] == [400, 400]
    assert len(started) == 2


def test_concurrent_requests_for_one_url_share_one_fetch(signer, root) -> None:
    gate = threading.Event()
    calls: list[str] = []

    def slow(url: str) -> bytes:
        calls.append(url)
        gate.wait(timeout=10)
        return pki.chain_pem(signer)

    verifier = AlexaSignatureVerifier(trust_roots=[root.pem], load_chain=slow)
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = [
            pool.submit(verifier._retrieve_and_validate_certificate_chain, pki.CERT_URL)
            for _ in range(6)
        ]
        time.sleep(0.2)
        gate.set()
        certificates = {r.result() for r in results}
    assert certificates == {signer.cert}
    assert calls == [pki.CERT_URL]


def test_a_failed_refresh_keeps_the_validated_certificate(signer, root, caplog) -> None:
    now = [datetime.now(UTC)]
    fail = [False]

    def flaky(url: str) -> bytes:
        if fail[0]:
            raise VerificationException("Certificate chain could not be fetched", "timed out")
        return pki.chain_pem(signer)

    verifier = AlexaSignatureVerifier(
        trust_roots=[root.pem], load_chain=flaky, clock=lambda: now[0]
    )
    first = verifier._retrieve_and_validate_certificate_chain(pki.CERT_URL)
    now[0] += verification.CACHE_MAX_AGE + timedelta(minutes=1)
    fail[0] = True
    with caplog.at_level(logging.WARNING, logger="balto.web.verification"):
        assert verifier._retrieve_and_validate_certificate_chain(pki.CERT_URL) is first
    assert "could not re-validate" in caplog.text
