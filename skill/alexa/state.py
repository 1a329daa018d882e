"""Session-attribute keys and typed accessors.

Per-request state lives in ``HandlerInput`` (session attributes), never on long-lived objects:
the web host serves many requests on threads, and a Lambda container serves many listeners.
Accessors tolerate missing or wrongly-typed values, because session attributes come back from the
client and a malformed one must not crash a conversation.
"""

from __future__ import annotations

from typing import Any

from ask_sdk_core.exceptions import AttributesManagerException
from ask_sdk_core.handler_input import HandlerInput

LAST_ENTITY = "last_entity"
LAST_FACT = "last_fact"
LAST_TOPIC = "last_topic"
LAST_FACET = "last_facet"
LAST_ENTITIES = "last_entities"
OFFER_FACT = "offer_fact"
LAST_ANSWER = "last_answer"
#: Longest answer kept for "repeat" (a comparison is built, not stored in the fact store).
MAX_ANSWER_CHARS = 1500
SEEN_FACTS = "seen_facts"
MODE = "mode"
PENDING = "pending"
STORY = "story"

MODE_QA = "qa"
MODE_STORY = "story"

#: Request attribute (this request only, never sent back): the fact spoken in this response, for
#: the outcome metrics (skill/alexa/metrics.py).
FACT_SPOKEN = "fact_spoken"

#: Bounded so session attributes never push a response over Alexa's 24 KB limit.
MAX_SEEN = 40


def session(handler_input: HandlerInput) -> dict[str, Any]:
    """The mutable session-attribute dict (created if the request had none).

    Requests outside a session (ask-sdk raises for those) get a throw-away dict, so handlers can
    read and write state uniformly; nothing is sent back for them anyway.
    """
    try:
        attrs = handler_input.attributes_manager.session_attributes
    except AttributesManagerException:
        return {}
    if not isinstance(attrs, dict):
        attrs = {}
        handler_input.attributes_manager.session_attributes = attrs
    return attrs


def get_str(handler_input: HandlerInput, key: str) -> str | None:
    """A string attribute, or None when absent or of the wrong type."""
    value = session(handler_input).get(key)
    return value if isinstance(value, str) and value else None


def seen_facts(handler_input: HandlerInput) -> list[str]:
    """Fact ids already spoken in this session (oldest first)."""
    value = session(handler_input).get(SEEN_FACTS)
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, str)]


def remember_fact(handler_input: HandlerInput, fact_id: str, entity_id: str | None) -> None:
    """Record an answered fact for "tell me more", "repeat", "source" and pronoun follow-ups."""
    handler_input.attributes_manager.request_attributes[FACT_SPOKEN] = fact_id
    attrs = session(handler_input)
    seen = [f for f in seen_facts(handler_input) if f != fact_id]
    seen.append(fact_id)
    attrs[SEEN_FACTS] = seen[-MAX_SEEN:]
    attrs[LAST_FACT] = fact_id
    if entity_id:
        attrs[LAST_ENTITY] = entity_id


def set_pending(handler_input: HandlerInput, what: str | None) -> None:
    """What a following yes/no answers ("resume_story", "more", ...); None clears it."""
    attrs = session(handler_input)
    if what:
        attrs[PENDING] = what
    else:
        attrs.pop(PENDING, None)


def mode(handler_input: HandlerInput) -> str:
    """Current conversation mode: question answering or story."""
    value = session(handler_input).get(MODE)
    return value if value in (MODE_QA, MODE_STORY) else MODE_QA


def get_str_list(handler_input: HandlerInput, key: str, limit: int = 5) -> list[str]:
    """A list-of-strings attribute (at most ``limit`` items), or [] when absent or malformed."""
    value = session(handler_input).get(key)
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, str) and v][:limit]


def remember_question(handler_input: HandlerInput, topic: str | None, facet: str | None,
                      entities: list[str]) -> None:
    """What the last answer asked and named, for elliptical follow-ups ("and togo", "and
    when", "who was older"): its entities first, then those of earlier turns (at most five)."""
    attrs = session(handler_input)
    for key, value in ((LAST_TOPIC, topic), (LAST_FACET, facet)):
        if value:
            attrs[key] = value
        else:
            attrs.pop(key, None)
    recent = [*entities, *get_str_list(handler_input, LAST_ENTITIES)]
    attrs[LAST_ENTITIES] = list(dict.fromkeys(recent))[:5]
