"""Request envelopes for the web-host tests (a LaunchRequest, fresh or with a chosen timestamp)."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

SKILL_ID = "amzn1.ask.skill.00000000-0000-4000-8000-000000000001"
OTHER_SKILL_ID = "amzn1.ask.skill.99999999-0000-4000-8000-000000000009"


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def launch_envelope(
    *, skill_id: str = SKILL_ID, age: timedelta = timedelta(0), timestamp: str | None = None
) -> dict[str, Any]:
    """A LaunchRequest as Alexa sends it, ``age`` old."""
    application = {"applicationId": skill_id}
    user = {"userId": "amzn1.ask.account.TESTUSER"}
    return {
        "version": "1.0",
        "session": {
            "new": True,
            "sessionId": f"amzn1.echo-api.session.{uuid.uuid4()}",
            "application": application,
            "attributes": {},
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
        "request": {
            "type": "LaunchRequest",
            "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
            "timestamp": timestamp or iso(datetime.now(UTC) - age),
            "locale": "en-US",
        },
    }


def body(envelope: dict[str, Any]) -> str:
    """Serialised exactly once: the signature covers these bytes."""
    return json.dumps(envelope, separators=(",", ":"))
