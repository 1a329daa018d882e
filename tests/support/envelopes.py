"""Factories for real Alexa request envelopes (as dicts, the shape Lambda receives).

One module so every test builds requests the same way and a change to the envelope shape is made
once. Each factory returns a fresh dict; tests change one field at a time.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

APPLICATION_ID = "amzn1.ask.skill.00000000-0000-4000-8000-000000000000"
USER_ID = "amzn1.ask.account.TESTUSER"


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def envelope(
    request: dict[str, Any],
    *,
    attributes: dict[str, Any] | None = None,
    new: bool = False,
    user_id: str = USER_ID,
    session_id: str | None = None,
    application_id: str = APPLICATION_ID,
) -> dict[str, Any]:
    """Wrap a request in version, session and context like Alexa does.

    A request without ``requestId``/``timestamp``/``locale`` gets fresh ones (en-US).
    """
    request = {
        "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
        "timestamp": _now(),
        "locale": "en-US",
        **request,
    }
    return {
        "version": "1.0",
        "session": {
            "new": new,
            "sessionId": session_id or f"amzn1.echo-api.session.{uuid.uuid4()}",
            "application": {"applicationId": application_id},
            "attributes": attributes or {},
            "user": {"userId": user_id},
        },
        "context": {
            "System": {
                "application": {"applicationId": application_id},
                "user": {"userId": user_id},
                "device": {"deviceId": "amzn1.ask.device.TEST", "supportedInterfaces": {}},
                "apiEndpoint": "https://api.amazonalexa.com",
            }
        },
        "request": request,
    }


def _request(kind: str, locale: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": kind,
        "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
        "timestamp": _now(),
        "locale": locale,
        **extra,
    }


def launch(locale: str = "en-US", **kwargs: Any) -> dict[str, Any]:
    """A LaunchRequest ("Alexa, open Serum Run") in a new session."""
    kwargs.setdefault("new", True)
    return envelope(_request("LaunchRequest", locale), **kwargs)


def slot_value(
    name: str,
    value: str | None,
    resolved_id: str | None = None,
    type_name: str = "TYPE",
    resolved_name: str | None = None,
) -> dict[str, Any]:
    """A slot as Alexa sends it, with an entity-resolution block when ``resolved_id`` is given."""
    slot: dict[str, Any] = {"name": name, "confirmationStatus": "NONE"}
    if value is not None:
        slot["value"] = value
    authority = f"amzn1.er-authority.echo-sdk.{APPLICATION_ID}.{type_name}"
    if resolved_id is not None:
        slot["resolutions"] = {
            "resolutionsPerAuthority": [
                {
                    "authority": authority,
                    "status": {"code": "ER_SUCCESS_MATCH"},
                    "values": [
                        {
                            "value": {
                                "name": resolved_name or value or resolved_id,
                                "id": resolved_id,
                            }
                        }
                    ],
                }
            ]
        }
    elif value is not None:
        slot["resolutions"] = {
            "resolutionsPerAuthority": [
                {
                    "authority": authority,
                    "status": {"code": "ER_SUCCESS_NO_MATCH"},
                }
            ]
        }
    return slot


def intent(
    name: str,
    slots: dict[str, dict[str, Any]] | None = None,
    locale: str = "en-US",
    **kwargs: Any,
) -> dict[str, Any]:
    """An IntentRequest; ``slots`` maps slot name -> :func:`slot_value` dict."""
    body = {"name": name, "confirmationStatus": "NONE", "slots": slots or {}}
    return envelope(
        _request("IntentRequest", locale, dialogState="COMPLETED", intent=body), **kwargs
    )


def question(text: str, intent_name: str = "QuestionIntent", **kwargs: Any) -> dict[str, Any]:
    """A free-form question on an AMAZON.SearchQuery intent."""
    return intent(intent_name, {"query": slot_value("query", text)}, **kwargs)


def session_ended(reason: str = "USER_INITIATED", **kwargs: Any) -> dict[str, Any]:
    """A SessionEndedRequest."""
    return envelope(
        _request("SessionEndedRequest", kwargs.pop("locale", "en-US"), reason=reason), **kwargs
    )
