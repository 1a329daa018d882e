"""Envelopes for the AWS tests: the shared factories with this suite's skill id and listeners."""

from __future__ import annotations

from typing import Any

from tests.support import envelopes as base

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
    return base.envelope(request, attributes=attributes, new=new, user_id=user_id,
                         session_id=session_id, application_id=skill_id)


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
