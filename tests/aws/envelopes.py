"""Minimal Alexa request envelopes for the AWS tests: who is speaking, in which session."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

SKILL_ID = "amzn1.ask.skill.00000000-0000-4000-8000-00000000a0b5"
USER_A = "amzn1.ask.account.LISTENER-A"
USER_B = "amzn1.ask.account.LISTENER-B"


def envelope(
    request: dict[str, Any],
    *,
    user_id: str = USER_A,
    session_id: str | None = None,
    new: bool = True,
    attributes: dict[str, Any] | None = None,
    skill_id: str = SKILL_ID,
) -> dict[str, Any]:
    """Wrap ``request`` the way Alexa does for a custom skill on an Echo without a screen."""
    application = {"applicationId": skill_id}
    user = {"userId": user_id}
    body = {
        "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
        "timestamp": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "locale": "en-US",
        **request,
    }
    return {
        "version": "1.0",
        "session": {
            "new": new,
            "sessionId": session_id or f"amzn1.echo-api.session.{uuid.uuid4()}",
            "application": application,
            "attributes": attributes or {},
            "user": user,
        },
        "context": {
            "System": {
                "application": application,
                "user": user,
                "device": {"deviceId": "amzn1.ask.device.TEST", "supportedInterfaces": {}},
                "apiEndpoint": "https://api.amazonalexa.com",
            }
        },
        "request": body,
    }


def launch(**kwargs: Any) -> dict[str, Any]:
    """A LaunchRequest ("Alexa, open serum run")."""
    return envelope({"type": "LaunchRequest"}, **kwargs)


def intent(name: str, **kwargs: Any) -> dict[str, Any]:
    """An IntentRequest for ``name`` without slots."""
    request = {
        "type": "IntentRequest",
        "intent": {"name": name, "confirmationStatus": "NONE"},
        "dialogState": "COMPLETED",
    }
    return envelope(request, new=kwargs.pop("new", False), **kwargs)
