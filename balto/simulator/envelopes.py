"""Real Alexa request envelopes (dicts, the shape Lambda receives) for the simulator.

Every field a device sends that the skill or ask-sdk reads is present: version, session (new
flag, attributes, application, user), context.System (application, user, device,
apiEndpoint), and the request (type, requestId, ISO-8601 timestamp, locale).  Slots carry
entity-resolution blocks exactly as Alexa formats them.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime
from typing import Any

from balto.nlu.result import Resolution, SlotResult

DEFAULT_SKILL_ID = "amzn1.ask.skill.5e7a0000-0000-4000-8000-5e7a0000b410"
DEVICE_ID = "amzn1.ask.device.LOCAL-SIMULATOR"
API_ENDPOINT = "https://api.amazonalexa.com"


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


def slot_dict(slot: SlotResult | None, name: str, skill_id: str) -> dict[str, Any]:
    """One slot as Alexa sends it; an unfilled slot has a name and no value."""
    body: dict[str, Any] = {"name": name, "confirmationStatus": "NONE"}
    if slot is None:
        return body
    body["value"] = slot.value
    body["source"] = "USER"
    if slot.status is not None:
        authority: dict[str, Any] = {
            "authority": f"amzn1.er-authority.echo-sdk.{skill_id}.{slot.slot_type}",
            "status": {"code": slot.status},
        }
        if slot.matches:
            authority["values"] = [
                {"value": {"name": canonical, "id": ident or _value_id(canonical)}}
                for canonical, ident in slot.matches
            ]
        body["resolutions"] = {"resolutionsPerAuthority": [authority]}
    return body


def _value_id(canonical: str) -> str:
    """Alexa invents an opaque id for values declared without one."""
    return hashlib.md5(canonical.encode("utf-8"), usedforsecurity=False).hexdigest()


def request_body(kind: str, locale: str, **fields: Any) -> dict[str, Any]:
    """The ``request`` object common to every request type."""
    return {
        "type": kind,
        "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
        "timestamp": timestamp(),
        "locale": locale,
        **fields,
    }


def launch_request(locale: str) -> dict[str, Any]:
    """The request of "Alexa, open <invocation name>"."""
    return request_body("LaunchRequest", locale)


def intent_request(resolution: Resolution, slot_names: list[str], locale: str,
                   skill_id: str = DEFAULT_SKILL_ID) -> dict[str, Any]:
    """An IntentRequest for a resolution; every slot of the intent is listed, as Alexa does."""
    slots = {name: slot_dict(resolution.slots.get(name), name, skill_id) for name in slot_names}
    intent = {"name": resolution.intent, "confirmationStatus": "NONE", "slots": slots}
    return request_body("IntentRequest", locale, dialogState="COMPLETED", intent=intent)


def session_ended_request(locale: str, reason: str = "USER_INITIATED") -> dict[str, Any]:
    """The request Alexa sends when the user ends the session (or it times out)."""
    return request_body("SessionEndedRequest", locale, reason=reason)


def envelope(request: dict[str, Any], *, user_id: str, session_id: str, new: bool,
             attributes: dict[str, Any] | None, skill_id: str = DEFAULT_SKILL_ID
             ) -> dict[str, Any]:
    """Wrap a request in version, session and context."""
    application = {"applicationId": skill_id}
    user = {"userId": user_id}
    return {
        "version": "1.0",
        "session": {
            "new": new,
            "sessionId": session_id,
            "application": dict(application),
            "attributes": dict(attributes or {}),
            "user": dict(user),
        },
        "context": {
            "System": {
                "application": dict(application),
                "user": dict(user),
                "device": {"deviceId": DEVICE_ID, "supportedInterfaces": {}},
                "apiEndpoint": API_ENDPOINT,
            },
        },
        "request": request,
    }
