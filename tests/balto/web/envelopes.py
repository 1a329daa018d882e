"""Request envelopes for the web-host tests (a LaunchRequest, fresh or with a chosen timestamp)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.support import envelopes as base

SKILL_ID = "amzn1.ask.skill.00000000-0000-4000-8000-000000000001"
OTHER_SKILL_ID = "amzn1.ask.skill.99999999-0000-4000-8000-000000000009"


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def launch_envelope(
    *, skill_id: str = SKILL_ID, age: timedelta = timedelta(0), timestamp: str | None = None
) -> dict[str, Any]:
    """A LaunchRequest as Alexa sends it, ``age`` old."""
    request = {"type": "LaunchRequest", "timestamp": timestamp or iso(datetime.now(UTC) - age)}
    return base.envelope(request, new=True, application_id=skill_id)


def body(envelope: dict[str, Any]) -> str:
    """Serialised exactly once: the signature covers these bytes."""
    return json.dumps(envelope, separators=(",", ":"))
