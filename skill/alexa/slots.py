"""Read slot values the way Alexa delivers them: raw text plus entity-resolution results."""


from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_intent_name, get_slot
from ask_sdk_model import IntentRequest
from ask_sdk_model.slu.entityresolution import StatusCode

from skill.records import Record


class SlotValue(Record):
    """A slot as heard (``raw``) and, when entity resolution matched, its canonical id."""

    __slots__ = ()

    raw: str | None
    resolved_id: str | None


def _printable(value: object) -> str:
    """The slot text without control characters, whitespace-trimmed ("" for non-strings).

    Slot values come from speech recognition or from a caller; a value made only of control
    characters must read as empty, not as a name we then say we don't know.
    """
    if not isinstance(value, str):
        return ""
    return "".join(ch for ch in value if ch.isprintable() or ch == " ").strip()


def slot(handler_input: HandlerInput, name: str) -> SlotValue:
    """The named slot of the current IntentRequest; empty when missing or malformed."""
    if intent_name(handler_input) is None:
        return SlotValue(None, None)
    value = get_slot(handler_input, name)
    if value is None:
        return SlotValue(None, None)
    raw = _printable(value.value) or None
    resolved = None
    resolutions = getattr(value, "resolutions", None)
    per_authority = getattr(resolutions, "resolutions_per_authority", None) or []
    for authority in per_authority:
        status = getattr(getattr(authority, "status", None), "code", None)
        if status == StatusCode.ER_SUCCESS_MATCH and authority.values:
            first = authority.values[0].value
            if first is not None and isinstance(first.id, str) and first.id:
                resolved = first.id
                break
    return SlotValue(raw, resolved)


def intent_name(handler_input: HandlerInput) -> str | None:
    """Name of the intent in the current request, or None for other request types (ask-sdk's
    ``get_intent_name`` raises for those, and for an IntentRequest without an intent)."""
    request = handler_input.request_envelope.request
    if isinstance(request, IntentRequest) and request.intent is not None:
        name = get_intent_name(handler_input)
        return name if isinstance(name, str) else None
    return None
