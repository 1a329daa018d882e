"""Alexa request verification: each way a request can be forged or stale is refused with a 4xx.

The verifier trusts only a root generated for the test run and loads chains from memory, so these
tests exercise the real code path (certvalidator path validation, SAN and window checks, RSA
SHA-256 signature over the raw body, 150 s timestamp) with no network.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest

from skill.adapters.verification import (
    AlexaSignatureVerifier,
    AlexaTimestampVerifier,
    VerificationException,
)
from skill.adapters.web import create_app
from tests.support.alexa_limits import assert_alexa_valid
from tests.web import envelopes, pki
from tests.web.conftest import chain_loader


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


def test_upper_case_host_and_explicit_port_443_are_accepted(skill, signer, make_verifier) -> None:
    url = "https://S3.AmazonAWS.com:443/echo.api/echo-api-cert.pem"
    client = create_app(skill, verifiers=[make_verifier(pki.chain_pem(signer), url)]).test_client()
    text = envelopes.body(envelopes.launch_envelope())
    assert post(client, text, pki.signed_headers(text, signer, url=url)).status_code == 200


def test_expired_certificate_is_refused(skill, root, make_verifier, caplog) -> None:
    """certvalidator rejects the expired leaf during path validation; the detail goes to the log."""
    now = datetime.now(UTC)
    expired = pki.make_signing_cert(
        root, not_before=now - timedelta(days=60), not_after=now - timedelta(days=1)
    )
    client = create_app(skill, verifiers=[make_verifier(pki.chain_pem(expired))]).test_client()
    text = envelopes.body(envelopes.launch_envelope())
    with caplog.at_level(logging.WARNING, logger="skill.adapters.web"):
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


def test_fetch_failure_is_a_verification_error(skill, signer, root) -> None:
    def unreachable(url: str) -> bytes:
        from skill.adapters.verification import fetch_cert_chain

        return fetch_cert_chain("https://127.0.0.1:9/echo.api/x.pem", timeout=0.5)

    verifier = AlexaSignatureVerifier(trust_roots=[root.pem], load_chain=unreachable)
    client = create_app(skill, verifiers=[verifier]).test_client()
    text = envelopes.body(envelopes.launch_envelope())
    res = post(client, text, pki.signed_headers(text, signer))
    assert res.status_code == 400
    assert "Unable to load certificate chain" in res.get_json()["reason"]


def test_timestamp_tolerance_is_the_sdk_maximum() -> None:
    assert AlexaTimestampVerifier()._tolerance_in_millis == 150_000
