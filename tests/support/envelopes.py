"""Request envelopes for tests: the simulator's one builder, with the tests' skill and user ids.

Each factory returns a fresh dict; tests change one field at a time.
"""

from __future__ import annotations

from typing import Any

from balto.simulator import envelopes as build

APPLICATION_ID = "amzn1.ask.skill.00000000-0000-4000-8000-000000000000"
USER_ID = "amzn1.ask.account.TESTUSER"
ER_SUCCESS_MATCH = "ER_SUCCESS_MATCH"
ER_SUCCESS_NO_MATCH = "ER_SUCCESS_NO_MATCH"


def envelope(
    request: dict[str, Any],
    *,
    attributes: dict[str, Any] | None = None,
    new: bool = False,
    user_id: str = USER_ID,
    session_id: str | None = None,
    application_id: str = APPLICATION_ID,
) -> dict[str, Any]:
    """Wrap a request in version, session and context like Alexa does (fresh ids, en-US)."""
    return build.envelope(request, user_id=user_id, session_id=session_id, new=new,
                          attributes=attributes, skill_id=application_id)


def launch(locale: str = "en-US", **kwargs: Any) -> dict[str, Any]:
    """A LaunchRequest ("Alexa, open Serum Run") in a new session."""
    kwargs.setdefault("new", True)
    return envelope(build.launch_request(locale), **kwargs)


def slot_value(
    name: str,
    value: str | None,
    resolved_id: str | None = None,
    type_name: str = "TYPE",
    resolved_name: str | None = None,
) -> dict[str, Any]:
    """A slot as Alexa sends it: resolved to ``resolved_id`` when given, else (with a value)
    heard but matching none of the type's values."""
    if resolved_id is not None:
        canonical = resolved_name or value or resolved_id
        return build.slot(name, value if value is not None else canonical, slot_type=type_name,
                          status=ER_SUCCESS_MATCH, matches=[(canonical, resolved_id)],
                          skill_id=APPLICATION_ID)
    status = ER_SUCCESS_NO_MATCH if value is not None else None
    return build.slot(name, value, slot_type=type_name, status=status, skill_id=APPLICATION_ID)


def intent(
    name: str,
    slots: dict[str, dict[str, Any]] | None = None,
    locale: str = "en-US",
    **kwargs: Any,
) -> dict[str, Any]:
    """An IntentRequest; ``slots`` maps slot name -> :func:`slot_value` dict."""
    return envelope(build.named_intent_request(name, slots, locale), **kwargs)


def question(text: str, intent_name: str = "QuestionIntent", **kwargs: Any) -> dict[str, Any]:
    """A free-form question on an AMAZON.SearchQuery intent."""
    return intent(intent_name, {"query": slot_value("query", text)}, **kwargs)


def session_ended(reason: str = "USER_INITIATED", **kwargs: Any) -> dict[str, Any]:
    """A SessionEndedRequest."""
    request = build.request_body("SessionEndedRequest", kwargs.pop("locale", "en-US"),
                                 reason=reason)
    return envelope(request, **kwargs)
