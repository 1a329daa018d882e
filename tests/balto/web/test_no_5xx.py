"""No request body or header ever causes a 5xx: the probe's triggers, then an HTTP-level fuzz.

The app under test verifies signatures against a test root (in process, Flask's test client), so
every layer runs: body limits, deserialisation, timestamp, skill id, URL rules, certificate,
signature, replay guard, the skill, serialisation. The properties: the status is one of the
statuses the host means to send; every refusal is a JSON body with a short reason that leaks
nothing internal; every 200 is a response Alexa would accept.
"""

from __future__ import annotations

import json
import logging
import os
import re
import uuid
from base64 import b64encode
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

from balto.web.app import create_app
from balto.web.verification import AlexaSignatureVerifier, AlexaTimestampVerifier
from skill.alexa.skill_factory import build_skill, make_handler
from tests.balto.web import envelopes, pki
from tests.balto.web.conftest import chain_loader
from tests.support.alexa_limits import assert_alexa_valid

#: What the host answers: served, refused (bad input / wrong skill / too large / too busy).
EXPECTED_STATUSES = {200, 400, 403, 413, 429}
#: Signs of an internal error in a reason or in speech.
LEAK = re.compile(
    r"Traceback|Errno|urlopen|\b[A-Za-z]*(?:Error|Exception)\b|File \"|\.py\b|/work/|site-packages"
)

FUZZ = settings(
    max_examples=100 if os.environ.get("HYPOTHESIS_PROFILE") == "dev" else 150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def app_client(root: pki.Issued, signer: pki.Issued):  # type: ignore[no-untyped-def]
    verifier = AlexaSignatureVerifier(
        trust_roots=[root.pem], load_chain=chain_loader({pki.CERT_URL: pki.chain_pem(signer)})
    )
    app = create_app(
        build_skill(),
        verifiers=[verifier, AlexaTimestampVerifier()],
        skill_id=envelopes.SKILL_ID,
    )
    return app.test_client()


def check(res: Any) -> dict[str, Any]:
    """The contract every answer meets; returns the JSON body."""
    assert res.status_code in EXPECTED_STATUSES, (res.status_code, res.get_data()[:300])
    payload = res.get_json(silent=True)
    if currently_in_test_context():  # --hypothesis-show-statistics shows how far requests got
        event(f"{res.status_code} {payload.get('reason', '') if isinstance(payload, dict) else ''}")
    assert isinstance(payload, dict), res.get_data()[:300]
    if res.status_code == 200:
        assert_alexa_valid(payload)
        speech = payload["response"].get("outputSpeech", {}).get("ssml", "")
        assert not LEAK.search(speech), speech
    else:
        assert payload["error"] == res.status_code
        reason = payload["reason"]
        assert isinstance(reason, str) and 0 < len(reason) < 120, reason
        assert not LEAK.search(reason), reason
    return payload


def signed_post(client: Any, signer: pki.Issued, text: str, **headers: str) -> Any:
    return client.post(
        "/", data=text.encode("utf-8"), headers={**pki.signed_headers(text, signer), **headers}
    )


# -- the probe's triggers, one by one -------------------------------------------------------------
@pytest.mark.parametrize(
    "url",
    [
        "https://s3.amazonaws.com:abc/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com:99999/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/echo api.pem",
        "https://s3.amazonaws.com/echo.api/echo\tapi.pem",
        "https://[s3.amazonaws.com/echo.api/x.pem",
    ],
)
def test_malformed_cert_urls_get_400(app_client: Any, signer: pki.Issued, url: str) -> None:
    text = envelopes.body(envelopes.launch_envelope(skill_id=envelopes.SKILL_ID))
    res = signed_post(app_client, signer, text, SignatureCertChainUrl=url)
    assert res.status_code == 400
    assert "Signature Certificate URL" in check(res)["reason"]


def test_cert_url_header_sent_twice_gets_400(app_client: Any, signer: pki.Issued) -> None:
    text = envelopes.body(envelopes.launch_envelope(skill_id=envelopes.SKILL_ID))
    headers = [
        ("Content-Type", "application/json"),
        ("SignatureCertChainUrl", pki.CERT_URL),
        ("SignatureCertChainUrl", pki.CERT_URL),
        ("Signature-256", pki.sign(text, signer)),
    ]
    res = app_client.post("/", data=text.encode(), headers=headers)
    assert res.status_code == 400
    assert "one URL" in check(res)["reason"]


def nested(depth: int) -> Any:
    value: Any = {}
    for _ in range(depth):
        value = {"a": value}
    return value


@pytest.mark.parametrize(
    ("make_body", "reason"),
    [
        (lambda: '{"request":{"type":"LaunchRequest"},"x":' + "[" * 10_000 + "]" * 10_000 + "}",
         "nested deeper"),
        (lambda: '{"request":{"type":"LaunchRequest"},"x":' + "9" * 5_000 + "}", "digits"),
        (lambda: '{"request":{"type":"LaunchRequest"},"x":1e400}', "too large"),
        (lambda: '{"request":{"type":"LaunchRequest"},"x":NaN}', "not valid JSON"),
        (lambda: '{"request":{"type":"LaunchRequest"},"x":-Infinity}', "not valid JSON"),
    ],
)
def test_hostile_bodies_get_400_before_anything_else(
    app_client: Any, caplog: pytest.LogCaptureFixture, make_body: Any, reason: str
) -> None:
    with caplog.at_level(logging.DEBUG):
        res = app_client.post("/", data=make_body())
    assert res.status_code == 400
    assert reason in check(res)["reason"]
    assert "Traceback" not in caplog.text


def test_session_attributes_nested_600_deep_get_400_signed_or_not(
    app_client: Any, signer: pki.Issued, skill: Any
) -> None:
    envelope = envelopes.launch_envelope(skill_id=envelopes.SKILL_ID)
    envelope["session"]["attributes"] = nested(600)
    text = envelopes.body(envelope)
    res = signed_post(app_client, signer, text)
    assert res.status_code == 400
    assert "nested deeper" in check(res)["reason"]
    dev = create_app(skill, verify=False).test_client()
    assert dev.post("/", data=text).status_code == 400


def test_the_lambda_entry_apologises_for_deep_attributes_without_a_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    envelope = envelopes.launch_envelope()
    envelope["session"]["attributes"] = nested(600)
    with caplog.at_level(logging.WARNING):
        response = make_handler(build_skill())(envelope, None)
    assert_alexa_valid(response)
    assert "Sorry" in response["response"]["outputSpeech"]["ssml"]
    assert "nested deeper" in caplog.text
    assert "Traceback" not in caplog.text and all(r.exc_info is None for r in caplog.records)


def test_attributes_within_the_limits_are_served(app_client: Any, signer: pki.Issued) -> None:
    envelope = envelopes.launch_envelope(skill_id=envelopes.SKILL_ID)
    envelope["session"]["attributes"] = {"deep": nested(40), "n": 10**30, "f": 1.5e300}
    res = signed_post(app_client, signer, envelopes.body(envelope))
    assert res.status_code == 200
    check(res)


# -- the fuzz ------------------------------------------------------------------------------------
HEADER_TEXT = st.text(
    st.characters(min_codepoint=0x20, max_codepoint=0xFF, blacklist_characters="\x7f"), max_size=80
)
URLS = st.one_of(
    st.just(pki.CERT_URL),
    st.just(pki.CERT_URL.replace("s3.amazonaws.com", "S3.amazonaws.com:443")),
    HEADER_TEXT,
    st.builds(
        "{}://{}{}{}{}".format,
        st.sampled_from(["https", "HTTPS", "http", "ftp", ""]),
        st.sampled_from(["s3.amazonaws.com", "S3.AMAZONAWS.COM", "evil.example", "", "[::1]"]),
        st.sampled_from(["", ":443", ":", ":abc", ":99999", ":-1", ":0443", " :443"]),
        st.sampled_from(["/echo.api/", "/echo.api/../", "//echo.api/", "/", "/echo.api/%2e/"]),
        st.sampled_from(["echo-api-cert-test.pem", "x.pem", "", "a b", "a\tb", "?q#f"]),
    ),
)
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
REQUEST_TYPES = st.sampled_from(
    [
        "LaunchRequest",
        "IntentRequest",
        "SessionEndedRequest",
        "CanFulfillIntentRequest",
        "AlexaSkillEvent.SkillEnabled",
        "Alexa.Presentation.APL.UserEvent",
        "System.ExceptionEncountered",
        "Messaging.MessageReceived",
        "NoSuchRequest",
    ]
)
INTENTS = st.sampled_from(
    ["QuestionIntent", "StoryIntent", "AMAZON.NextIntent", "AMAZON.StopIntent", "NoSuchIntent"]
)


@st.composite
def envelopes_for_the_skill(draw: st.DrawFn) -> dict[str, Any]:
    """Envelopes shaped like Alexa's, with fields changed, dropped or given the wrong type."""
    envelope = envelopes.launch_envelope(
        skill_id=draw(st.sampled_from([envelopes.SKILL_ID] * 5 + [envelopes.OTHER_SKILL_ID]))
    )
    request = envelope["request"]
    request["type"] = draw(REQUEST_TYPES)
    request["requestId"] = f"amzn1.echo-api.request.{uuid.uuid4()}"
    if request["type"] == "IntentRequest":
        request["intent"] = {
            "name": draw(INTENTS),
            "slots": draw(st.one_of(st.just({}), st.dictionaries(
                st.text(max_size=8),
                st.fixed_dictionaries({"name": st.text(max_size=8), "value": st.text(max_size=30)}),
                max_size=2,
            ))),
        }
    envelope["session"]["attributes"] = draw(st.dictionaries(st.text(max_size=10), JSON_VALUES))
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2]))):  # damage: wrong types anywhere
        places = [envelope, envelope.get("session"), request, envelope.get("context")]
        where = draw(st.sampled_from([p for p in places if isinstance(p, dict)]))
        key = draw(st.sampled_from(sorted(where) + ["extra"]))
        where[key] = draw(JSON_VALUES)
    return envelope


@FUZZ
@given(
    url=URLS,
    signature=st.one_of(
        st.just(None),  # the right signature
        st.just(None),
        HEADER_TEXT,
        st.binary(min_size=250, max_size=260).map(lambda b: b64encode(b).decode()),
    ),
    extra=st.dictionaries(
        st.sampled_from(["Content-Type", "SignatureCertChainURL", "signature-256", "X-Any"]),
        HEADER_TEXT,
        max_size=3,
    ),
)
def test_fuzzed_headers_never_cause_a_5xx(
    app_client: Any, signer: pki.Issued, url: str, signature: str | None, extra: dict[str, str]
) -> None:
    text = envelopes.body(envelopes.launch_envelope(skill_id=envelopes.SKILL_ID))
    headers = {"SignatureCertChainUrl": url, **extra}
    headers["Signature-256"] = pki.sign(text, signer) if signature is None else signature
    check(app_client.post("/", data=text.encode("utf-8"), headers=headers))


@FUZZ
@given(
    body=st.one_of(
        st.binary(max_size=200),
        JSON_VALUES.map(json.dumps),
        st.dictionaries(st.sampled_from(["request", "session", "context", "version"]),
                        JSON_VALUES).map(json.dumps),
    )
)
def test_fuzzed_bodies_never_cause_a_5xx(app_client: Any, signer: pki.Issued, body: Any) -> None:
    data = body if isinstance(body, bytes) else body.encode("utf-8")
    check(app_client.post("/", data=data, headers=pki.signed_headers(data, signer)))


@FUZZ
@given(envelope=envelopes_for_the_skill(), tamper=st.booleans())
def test_fuzzed_signed_envelopes_get_a_valid_answer(
    app_client: Any, signer: pki.Issued, envelope: dict[str, Any], tamper: bool
) -> None:
    """Correctly signed and fresh, so each one reaches the skill unless its shape is refused."""
    request = envelope["request"]
    if isinstance(request, dict):
        request["timestamp"] = envelopes.iso(datetime.now(UTC))
    text = envelopes.body(envelope)
    headers = pki.signed_headers(text, signer)
    if tamper:
        text = text.replace("amzn1", "amzn2", 1)
    check(app_client.post("/", data=text.encode("utf-8"), headers=headers))
