"""The Flask app's HTTP contract: bad input gets a short 4xx JSON reason, never a 500 or a trace."""

from __future__ import annotations

import json
import logging

import pytest
from ask_sdk_core.skill import CustomSkill

from balto.web.app import MAX_BODY_BYTES, NO_VERIFY_WARNING, create_app, default_verifiers
from balto.web.replay import ReplayGuard
from balto.web.verification import (
    AlexaSignatureVerifier,
    AlexaTimestampVerifier,
    SkillIdVerifier,
)
from skill.speech import phrases
from tests.balto.web import envelopes, pki
from tests.support.alexa_limits import assert_alexa_valid


@pytest.fixture
def dev_client(skill: CustomSkill):  # type: ignore[no-untyped-def]
    return create_app(skill, verify=False).test_client()


BAD_BODIES = [
    pytest.param(b"", "empty body", id="empty"),
    pytest.param(b"{not json", "malformed JSON", id="malformed-json"),
    pytest.param(b'{"version": "1.0", "request": ', "malformed JSON", id="truncated-json"),
    pytest.param(b"\xff\xfe\x00", "not UTF-8", id="not-utf8"),
    pytest.param(b"[1, 2, 3]", "JSON object", id="array"),
    pytest.param(b'"launch"', "JSON object", id="string"),
    pytest.param(b'{"version": "1.0"}', "no request", id="no-request"),
    pytest.param(b'{"version": "1.0", "request": "LaunchRequest"}', "no request", id="request-str"),
    pytest.param(b'{"request": {"requestId": "x"}}', "no type", id="no-type"),
    pytest.param(b'{"request": {"type": "NoSuchRequest"}}', "Alexa request format", id="bad-type"),
    pytest.param(
        b'{"request": {"type": "LaunchRequest", "timestamp": "yesterday"}}',
        "Alexa request format",
        id="bad-timestamp",
    ),
]


@pytest.mark.parametrize(("data", "reason"), BAD_BODIES)
def test_bad_input_gets_400_with_a_short_reason(dev_client, data: bytes, reason: str) -> None:
    res = dev_client.post("/", data=data, headers={"Content-Type": "application/json"})
    assert res.status_code == 400
    body = res.get_json()
    assert body["error"] == 400
    assert reason in body["reason"]
    assert "Traceback" not in res.get_data(as_text=True)
    assert len(body["reason"]) < 120


def test_bad_input_is_refused_before_verification(
    skill: CustomSkill, signer, make_verifier
) -> None:
    """Malformed JSON never reaches the certificate loader."""
    verifier = make_verifier(pki.chain_pem(signer))
    client = create_app(skill, verifiers=[verifier]).test_client()
    assert client.post("/", data=b"{oops").status_code == 400
    assert verifier._load_chain_bytes.calls == []


def test_body_over_the_cap_gets_413(dev_client) -> None:
    big = json.dumps({"request": {"type": "LaunchRequest"}, "pad": "x" * MAX_BODY_BYTES})
    res = dev_client.post("/", data=big)
    assert res.status_code == 413
    assert "256 KB" in res.get_json()["reason"]


def test_body_just_under_the_cap_is_read(dev_client) -> None:
    envelope = envelopes.launch_envelope()
    envelope["pad"] = "x" * (MAX_BODY_BYTES - 2_000)
    text = json.dumps(envelope)
    assert len(text) <= MAX_BODY_BYTES
    assert dev_client.post("/", data=text).status_code == 200


def test_cap_is_configurable(skill: CustomSkill) -> None:
    client = create_app(skill, verify=False, max_body_bytes=1024).test_client()
    res = client.post("/", data=b"{" + b" " * 2048 + b"}")
    assert res.status_code == 413
    assert "1 KB" in res.get_json()["reason"]


def test_launch_without_verification_answers_a_valid_response(dev_client) -> None:
    res = dev_client.post("/", data=envelopes.body(envelopes.launch_envelope()))
    assert res.status_code == 200
    assert res.content_type.startswith("application/json")
    assert_alexa_valid(res.get_json())


def test_verification_is_on_by_default(skill: CustomSkill) -> None:
    client = create_app(skill).test_client()
    res = client.post("/", data=envelopes.body(envelopes.launch_envelope()))
    assert res.status_code == 400
    assert "Missing Signature" in res.get_json()["reason"]
    assert client.get("/healthz").get_json() == {"status": "ok", "verify": True}


def test_default_verifier_sets() -> None:
    """Cheapest first: timestamp, then the signature (may fetch), then the replay guard."""
    on = default_verifiers(verify=True, skill_id=None)
    assert [type(v) for v in on] == [AlexaTimestampVerifier, AlexaSignatureVerifier, ReplayGuard]
    both = default_verifiers(verify=True, skill_id=envelopes.SKILL_ID)
    assert [type(v) for v in both] == [
        AlexaTimestampVerifier,
        SkillIdVerifier,
        AlexaSignatureVerifier,
        ReplayGuard,
    ]
    off = default_verifiers(verify=False, skill_id=envelopes.SKILL_ID)
    assert [type(v) for v in off] == [SkillIdVerifier]
    assert default_verifiers(verify=False, skill_id=None) == []


@pytest.mark.parametrize("verify", [False, True])
def test_other_skill_id_is_refused_with_403(skill, signer, make_verifier, verify: bool) -> None:
    verifiers = [make_verifier(pki.chain_pem(signer))] if verify else None
    app = create_app(skill, verify=verify, verifiers=verifiers, skill_id=envelopes.SKILL_ID)
    client = app.test_client()
    foreign = envelopes.body(envelopes.launch_envelope(skill_id=envelopes.OTHER_SKILL_ID))
    res = client.post("/", data=foreign, headers=pki.signed_headers(foreign, signer))
    assert res.status_code == 403
    assert "different skill" in res.get_json()["reason"]
    own = envelopes.body(envelopes.launch_envelope(skill_id=envelopes.SKILL_ID))
    assert client.post("/", data=own, headers=pki.signed_headers(own, signer)).status_code == 200


def test_request_without_application_id_is_refused_when_skill_id_is_set(skill) -> None:
    client = create_app(skill, verify=False, skill_id=envelopes.SKILL_ID).test_client()
    envelope = envelopes.launch_envelope()
    del envelope["context"]
    del envelope["session"]
    assert client.post("/", data=json.dumps(envelope)).status_code == 403


def test_empty_skill_id_verifier_is_a_setup_error() -> None:
    with pytest.raises(ValueError, match="amzn1.ask.skill"):
        SkillIdVerifier("")


def test_healthz_and_unknown_routes(dev_client) -> None:
    assert dev_client.get("/healthz").get_json() == {"status": "ok", "verify": False}
    res = dev_client.get("/")
    assert res.status_code == 405
    assert res.get_json()["reason"] == "method not allowed"
    assert dev_client.get("/nope").status_code == 404


def test_handler_crash_is_a_spoken_apology_as_on_lambda(caplog) -> None:
    """A skill with no handler for the request: the SDK raises; the web host answers what the
    Lambda handler answers (a spoken apology, no 5xx), and the cause goes to the log."""
    from ask_sdk_core.skill_builder import SkillBuilder

    empty = SkillBuilder().create()
    client = create_app(empty, verify=False).test_client()
    with caplog.at_level(logging.ERROR):
        res = client.post("/", data=envelopes.body(envelopes.launch_envelope()))
    assert res.status_code == 200
    assert res.get_json()["response"]["outputSpeech"]["ssml"] == phrases.FAILED_SSML
    assert "Traceback" not in res.get_data(as_text=True)
    assert "skill dispatch failed" in caplog.text


def test_create_app_rejects_a_non_skill() -> None:
    with pytest.raises(TypeError, match="handler_from_config"):
        create_app(object())  # type: ignore[arg-type]


def test_no_verify_warning_is_explicit() -> None:
    assert "OFF" in NO_VERIFY_WARNING and "local development only" in NO_VERIFY_WARNING
