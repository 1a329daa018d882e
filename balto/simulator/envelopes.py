"""Real Alexa request envelopes (dicts, the shape Lambda receives): the one builder.

The simulator, the tests (``tests/support/envelopes.py`` only adds test defaults) and the
benchmarks all build requests here, so a change to the envelope shape is made once.

Every field a device sends that the skill or ask-sdk reads is present: version, session (new
flag, attributes, application, user), context.System (application, user, device,
apiEndpoint), and the request (type, requestId, ISO-8601 timestamp, locale).  Slots carry
entity-resolution blocks exactly as Alexa formats them.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from balto import devices

if TYPE_CHECKING:
    from balto.nlu.result import Resolution, SlotResult

DEFAULT_SKILL_ID = "amzn1.ask.skill.5e7a0000-0000-4000-8000-5e7a0000b410"
DEVICE_ID = "amzn1.ask.device.LOCAL-SIMULATOR"
API_ENDPOINT = "https://api.amazonalexa.com"


#: The devices the simulator can stand in for (balto/devices.py defines them; they are also
#: named here, where every request envelope is built).
DEVICES = devices.DEVICES
APL_MAX_VERSION = devices.APL_MAX_VERSION


def device_context(device: str = "speaker") -> tuple[dict[str, Any], dict[str, Any] | None]:
    """(supportedInterfaces, Viewport or None) for a device name in :data:`DEVICES`."""
    if device not in DEVICES:
        raise ValueError(f"unknown device {device!r}: one of {', '.join(DEVICES)}")
    viewport = DEVICES[device]
    if viewport is None:
        return {}, None
    return {"Alexa.Presentation.APL": {"runtime": {"maxVersion": APL_MAX_VERSION}}}, viewport


def local_user_id(name: str) -> str:
    """A stable Alexa-style user id for a local name (same name, same id, every run)."""
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:40].upper()
    return f"amzn1.ask.account.LOCAL-{digest}"


def new_session_id() -> str:
    """A fresh session id, formatted like Alexa's."""
    return f"amzn1.echo-api.session.{uuid.uuid4()}"


def timestamp(now: datetime | None = None) -> str:
    """ISO-8601 UTC timestamp with a Z suffix, as Alexa sends it."""
    return (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")


def slot(name: str, value: str | None = None, *, slot_type: str = "TYPE",
         status: str | None = None, matches: Sequence[tuple[str, str | None]] = (),
         skill_id: str = DEFAULT_SKILL_ID) -> dict[str, Any]:
    """One slot as Alexa sends it; an unfilled slot has a name and no value.

    ``status`` is an entity-resolution code (``ER_SUCCESS_MATCH``, ``ER_SUCCESS_NO_MATCH``) for
    custom slot types; ``matches`` the ``(canonical name, id)`` pairs of a match. A value
    declared without an id gets the opaque one Alexa invents.
    """
    body: dict[str, Any] = {"name": name, "confirmationStatus": "NONE"}
    if value is None:
        return body
    body["value"] = value
    body["source"] = "USER"
    if status is not None:
        authority: dict[str, Any] = {
            "authority": f"amzn1.er-authority.echo-sdk.{skill_id}.{slot_type}",
            "status": {"code": status},
        }
        if matches:
            authority["values"] = [
                {"value": {"name": canonical, "id": ident or _value_id(canonical)}}
                for canonical, ident in matches
            ]
        body["resolutions"] = {"resolutionsPerAuthority": [authority]}
    return body


def slot_dict(result: SlotResult | None, name: str, skill_id: str) -> dict[str, Any]:
    """A slot the NLU filled (or left unfilled), as Alexa sends it."""
    if result is None:
        return slot(name, skill_id=skill_id)
    return slot(name, result.value, slot_type=result.slot_type, status=result.status,
                matches=result.matches, skill_id=skill_id)


def _value_id(canonical: str) -> str:
    """Alexa invents an opaque id for values declared without one."""
    return hashlib.md5(canonical.encode("utf-8"), usedforsecurity=False).hexdigest()


def request_body(kind: str, locale: str = "en-US", **fields: Any) -> dict[str, Any]:
    """The ``request`` object common to every request type (fresh id and timestamp)."""
    return {
        "type": kind,
        "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
        "timestamp": timestamp(),
        "locale": locale,
        **fields,
    }


def launch_request(locale: str = "en-US") -> dict[str, Any]:
    """The request of "Alexa, open <invocation name>"."""
    return request_body("LaunchRequest", locale)


def named_intent_request(name: str, slots: Mapping[str, dict[str, Any]] | None = None,
                         locale: str = "en-US") -> dict[str, Any]:
    """An IntentRequest for intent ``name``; ``slots`` maps slot name -> :func:`slot` dict."""
    intent = {"name": name, "confirmationStatus": "NONE", "slots": dict(slots or {})}
    return request_body("IntentRequest", locale, dialogState="COMPLETED", intent=intent)


def intent_request(resolution: Resolution, slot_names: list[str], locale: str,
                   skill_id: str = DEFAULT_SKILL_ID) -> dict[str, Any]:
    """An IntentRequest for a resolution; every slot of the intent is listed, as Alexa does."""
    slots = {name: slot_dict(resolution.slots.get(name), name, skill_id) for name in slot_names}
    return named_intent_request(resolution.intent, slots, locale)


def user_event_request(arguments: Sequence[Any], token: str, locale: str = "en-US",
                       source: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The request a touch sends: ``Alexa.Presentation.APL.UserEvent`` from a SendEvent command
    in the document shown under ``token``, with the command's ``arguments``
    (https://developer.amazon.com/docs/alexa-presentation-language/apl-send-event-command.html)."""
    return request_body("Alexa.Presentation.APL.UserEvent", locale, token=token,
                        arguments=list(arguments),
                        source=dict(source or {"type": "TouchWrapper", "handler": "Press",
                                               "id": ""}),
                        components={})


def session_ended_request(locale: str, reason: str = "USER_INITIATED") -> dict[str, Any]:
    """The request Alexa sends when the user ends the session (or it times out)."""
    return request_body("SessionEndedRequest", locale, reason=reason)


def envelope(request: dict[str, Any], *, user_id: str, session_id: str | None = None,
             new: bool = False, attributes: dict[str, Any] | None = None,
             skill_id: str = DEFAULT_SKILL_ID, device_id: str = DEVICE_ID,
             device: str = "speaker") -> dict[str, Any]:
    """Wrap a request in version, session and context, as Alexa does for ``device`` (a name in
    :data:`DEVICES`: a speaker by default, or a screen that declares APL and its viewport). A
    request without ``requestId``, ``timestamp`` or ``locale`` gets fresh ones (en-US)."""
    application = {"applicationId": skill_id}
    user = {"userId": user_id}
    interfaces, viewport = device_context(device)
    event: dict[str, Any] = {
        "version": "1.0",
        "session": {
            "new": new,
            "sessionId": session_id or new_session_id(),
            "application": dict(application),
            "attributes": dict(attributes or {}),
            "user": dict(user),
        },
        "context": {
            "System": {
                "application": dict(application),
                "user": dict(user),
                "device": {"deviceId": device_id, "supportedInterfaces": interfaces},
                "apiEndpoint": API_ENDPOINT,
            },
        },
        "request": {
            "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
            "timestamp": timestamp(),
            "locale": "en-US",
            **request,
        },
    }
    if viewport is not None:
        event["context"]["Viewport"] = viewport
    return event
