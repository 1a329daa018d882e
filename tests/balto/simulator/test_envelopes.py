"""Envelopes are real: ask-sdk-model's serializer turns them into typed objects."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import IntentRequest, LaunchRequest, RequestEnvelope, SessionEndedRequest
from ask_sdk_model.slu.entityresolution import StatusCode

from balto.nlu import NluEngine
from balto.simulator import envelopes

SERIALIZER = DefaultSerializer()


def _parse(event: dict) -> RequestEnvelope:
    parsed = SERIALIZER.deserialize(json.dumps(event), RequestEnvelope)
    assert isinstance(parsed, RequestEnvelope)
    return parsed


def _wrap(request: dict, new: bool = True, attributes: dict | None = None) -> dict:
    return envelopes.envelope(request, user_id=envelopes.local_user_id("ann"),
                              session_id="amzn1.echo-api.session.x", new=new,
                              attributes=attributes)


def test_launch_envelope_deserializes_with_every_field() -> None:
    parsed = _parse(_wrap(envelopes.launch_request("en-US"), attributes={"mode": "qa"}))
    assert isinstance(parsed.request, LaunchRequest)
    assert parsed.version == "1.0"
    assert parsed.session.new is True
    assert parsed.session.attributes == {"mode": "qa"}
    assert parsed.session.application.application_id == envelopes.DEFAULT_SKILL_ID
    assert parsed.context.system.user.user_id == envelopes.local_user_id("ann")
    assert parsed.context.system.device.device_id == envelopes.DEVICE_ID
    assert parsed.context.system.api_endpoint == envelopes.API_ENDPOINT
    assert parsed.request.locale == "en-US"
    assert parsed.request.request_id.startswith("amzn1.echo-api.request.")
    assert isinstance(parsed.request.timestamp, datetime)


def test_intent_envelope_carries_resolutions(mini_engine: NluEngine) -> None:
    resolution = mini_engine.resolve("who was togo the dog")
    request = envelopes.intent_request(resolution, ["dog"], "en-US")
    parsed = _parse(_wrap(request, new=False))
    assert isinstance(parsed.request, IntentRequest)
    slot = parsed.request.intent.slots["dog"]
    assert slot.value == "togo the dog"
    authority = slot.resolutions.resolutions_per_authority[0]
    assert authority.status.code == StatusCode.ER_SUCCESS_MATCH
    assert (authority.values[0].value.name, authority.values[0].value.id) == ("Togo", "togo")
    assert authority.authority.endswith(".DOG")
    assert parsed.session.new is False


def test_unresolved_and_unfilled_slots(mini_engine: NluEngine) -> None:
    resolution = mini_engine.resolve("what kind of dog was scotty")
    request = envelopes.intent_request(resolution, ["dog", "extra"], "en-US")
    slots = _parse(_wrap(request)).request.intent.slots
    code = slots["dog"].resolutions.resolutions_per_authority[0].status.code
    assert code == StatusCode.ER_SUCCESS_NO_MATCH
    assert slots["dog"].resolutions.resolutions_per_authority[0].values is None
    assert slots["extra"].value is None
    assert "resolutions" not in request["intent"]["slots"]["extra"]


def test_builtin_slot_has_no_resolutions(mini_engine: NluEngine) -> None:
    request = envelopes.intent_request(mini_engine.resolve("chapter twenty one"),
                                       ["number", "ordinal"], "en-US")
    assert request["intent"]["slots"]["number"] == {
        "name": "number", "confirmationStatus": "NONE", "value": "21", "source": "USER"}


def test_value_without_id_gets_stable_opaque_id() -> None:
    from balto.nlu.result import ER_SUCCESS_MATCH, SlotResult

    slot = SlotResult("color", "red", "COLOR", ER_SUCCESS_MATCH, (("red", None),))
    first = envelopes.slot_dict(slot, "color", "skill")
    again = envelopes.slot_dict(slot, "color", "skill")
    value = first["resolutions"]["resolutionsPerAuthority"][0]["values"][0]["value"]
    assert value["id"] and first == again


@pytest.mark.parametrize("reason", ["USER_INITIATED", "EXCEEDED_MAX_REPROMPTS"])
def test_session_ended_request(reason: str) -> None:
    parsed = _parse(_wrap(envelopes.session_ended_request("en-GB", reason)))
    assert isinstance(parsed.request, SessionEndedRequest)
    assert parsed.request.reason.value == reason
    assert parsed.request.locale == "en-GB"


def test_user_ids_are_stable_and_distinct() -> None:
    assert envelopes.local_user_id("ann") == envelopes.local_user_id("ann")
    assert envelopes.local_user_id("ann") != envelopes.local_user_id("bob")
    assert envelopes.local_user_id("ann").startswith("amzn1.ask.account.")


def test_timestamp_is_iso_utc() -> None:
    stamp = envelopes.timestamp()
    assert stamp.endswith("Z")
    datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ")


def test_a_speaker_declares_no_screen_and_a_show_declares_apl_and_its_viewport() -> None:
    """Screens are told apart by what the device declares, as on a real Echo."""
    speaker = envelopes.envelope({"type": "LaunchRequest"}, user_id="u")
    assert speaker["context"]["System"]["device"]["supportedInterfaces"] == {}
    assert "Viewport" not in speaker["context"]
    for name in envelopes.DEVICES:
        event = envelopes.envelope({"type": "LaunchRequest"}, user_id="u", device=name)
        interfaces = event["context"]["System"]["device"]["supportedInterfaces"]
        assert ("Alexa.Presentation.APL" in interfaces) == (name != "speaker")
        parsed = _parse(event)
        if name != "speaker":
            assert parsed.context.viewport.pixel_width == event["context"]["Viewport"]["pixelWidth"]
    with pytest.raises(ValueError, match="unknown device"):
        envelopes.envelope({"type": "LaunchRequest"}, user_id="u", device="toaster")
