"""Replay protection: a signed request is answered once; ids are remembered in bounded memory."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope

from balto.web.app import create_app
from balto.web.replay import ReplayedRequest, ReplayGuard
from balto.web.verification import AlexaTimestampVerifier, VerificationException
from tests.balto.web import envelopes, pki

SERIALIZER = DefaultSerializer()


def post(client, text: str, headers: dict[str, str]):  # type: ignore[no-untyped-def]
    return client.post("/", data=text.encode("utf-8"), headers=headers)


def test_a_replayed_signed_request_is_refused(verified_client, signer) -> None:
    text = envelopes.body(envelopes.launch_envelope())
    headers = pki.signed_headers(text, signer)
    assert post(verified_client, text, headers).status_code == 200
    again = post(verified_client, text, headers)
    assert again.status_code == 400
    assert again.get_json()["reason"] == "request verification failed: Request was already received"
    other = envelopes.body(envelopes.launch_envelope())
    assert post(verified_client, other, pki.signed_headers(other, signer)).status_code == 200


def test_an_unsigned_request_cannot_plant_an_id(verified_client, signer) -> None:
    """The guard runs after the signature check, so a forged copy does not block the real one."""
    envelope = envelopes.launch_envelope()
    text = envelopes.body(envelope)
    forged = {"Content-Type": "application/json", "SignatureCertChainUrl": pki.CERT_URL,
              "Signature-256": pki.sign(text, pki.make_signing_cert(pki.make_root("Forger")))}
    assert post(verified_client, text, forged).status_code == 400
    assert post(verified_client, text, pki.signed_headers(text, signer)).status_code == 200


def test_replays_are_refused_even_when_verifiers_are_injected(skill, signer, make_verifier) -> None:
    """create_app adds the guard to any verifier list that checks signatures."""
    client = create_app(skill, verifiers=[make_verifier(pki.chain_pem(signer))]).test_client()
    text = envelopes.body(envelopes.launch_envelope())
    assert post(client, text, pki.signed_headers(text, signer)).status_code == 200
    assert post(client, text, pki.signed_headers(text, signer)).status_code == 400


def envelope_at(request_id: str, stamp: datetime, kind: str = "LaunchRequest") -> RequestEnvelope:
    raw: dict[str, Any] = envelopes.launch_envelope(timestamp=envelopes.iso(stamp))
    raw["request"]["requestId"] = request_id
    raw["request"]["type"] = kind
    return SERIALIZER.deserialize(json.dumps(raw), RequestEnvelope)  # type: ignore[no-any-return]


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start.timestamp()

    def __call__(self) -> float:
        return self.now


def test_ids_are_forgotten_once_their_timestamp_is_out_of_tolerance() -> None:
    start = datetime.now(UTC).replace(microsecond=0)
    clock = Clock(start)
    guard = ReplayGuard(clock=clock)
    guard.verify({}, "", envelope_at("r1", start))
    with pytest.raises(ReplayedRequest):
        guard.verify({}, "", envelope_at("r1", start))
    clock.now += 149
    with pytest.raises(ReplayedRequest):
        guard.verify({}, "", envelope_at("r1", start))
    clock.now += 10  # past 150 s (+5 s slack): the timestamp check now refuses a replay itself
    guard.verify({}, "", envelope_at("r2", start + timedelta(seconds=159)))
    assert len(guard) == 1


def test_skill_events_are_remembered_for_their_hour() -> None:
    start = datetime.now(UTC)
    clock = Clock(start)
    guard = ReplayGuard(AlexaTimestampVerifier(), clock=clock)
    guard.verify({}, "", envelope_at("e1", start, "AlexaSkillEvent.SkillEnabled"))
    clock.now += 3000
    with pytest.raises(ReplayedRequest):
        guard.verify({}, "", envelope_at("e1", start, "AlexaSkillEvent.SkillEnabled"))


def test_memory_is_bounded(caplog: pytest.LogCaptureFixture) -> None:
    start = datetime.now(UTC)
    guard = ReplayGuard(max_entries=100, clock=Clock(start))
    with caplog.at_level(logging.WARNING, logger="balto.web.replay"):
        for i in range(1000):
            guard.verify({}, "", envelope_at(f"r{i}", start))
    assert len(guard) == 100
    assert len(guard._queue) == 100
    assert "replay guard is full" in caplog.text
    with pytest.raises(ReplayedRequest):  # the newest ids are the ones kept
        guard.verify({}, "", envelope_at("r999", start))


@pytest.mark.parametrize("request_id", [None, "", "x" * 300])
def test_a_request_without_a_usable_id_is_refused(request_id: str | None) -> None:
    raw: dict[str, Any] = envelopes.launch_envelope()
    raw["request"]["requestId"] = request_id
    envelope = SERIALIZER.deserialize(json.dumps(raw), RequestEnvelope)
    with pytest.raises(VerificationException, match="requestId"):
        ReplayGuard().verify({}, "", envelope)
