"""A simulator turn as the JSON record the console page shows.

Pure (no Flask): the page, the tests and ``curl`` read the same record. The speech fields come
from :func:`balto.simulator.transcript.summary`, the one reading of a response the terminal
tools use; slots are read from the request envelope (what the skill was sent, with its
entity-resolution blocks), and the NLU's reasoning from the :class:`Resolution` behind it.
"""

from __future__ import annotations

from typing import Any

from balto.nlu.result import Candidate, Resolution, SlotResult
from balto.simulator.session import Turn
from balto.simulator.transcript import summary

#: Runner-up readings shown per turn (``balto ask --explain`` prints four).
MAX_RUNNER_UPS = 6


def request_slots(request: dict[str, Any]) -> list[dict[str, Any]]:
    """The slots of an IntentRequest as sent, each with its entity-resolution outcome."""
    intent = (request.get("request") or {}).get("intent") or {}
    slots = []
    for name, body in (intent.get("slots") or {}).items():
        authorities = ((body.get("resolutions") or {}).get("resolutionsPerAuthority") or [])
        resolution = None
        if authorities:
            first = authorities[0]
            resolution = {
                "authority": first.get("authority"),
                "status": (first.get("status") or {}).get("code"),
                "values": [{"name": v["value"].get("name"), "id": v["value"].get("id")}
                           for v in first.get("values") or [] if "value" in v],
            }
        slots.append({"name": name, "value": body.get("value"), "resolution": resolution})
    return slots


def _slot(slot: SlotResult) -> dict[str, Any]:
    return {"name": slot.name, "type": slot.slot_type, "value": slot.value,
            "status": slot.status, "resolved": slot.resolved, "id": slot.resolved_id}


def _candidate(candidate: Candidate) -> dict[str, Any]:
    return {"intent": candidate.intent, "score": round(candidate.score, 4),
            "parser": candidate.parser, "sample": candidate.sample,
            "detail": candidate.detail}


def explanation(resolution: Resolution | None) -> dict[str, Any] | None:
    """The ``--explain`` reasoning as data: the winning sample and score, why, the runner-ups;
    ``text`` is exactly what ``balto ask --explain`` prints. None for a turn without NLU (a
    launch, a session end)."""
    if resolution is None:
        return None
    return {
        "utterance": resolution.utterance,
        "intent": resolution.intent,
        "parser": resolution.parser,
        "score": round(resolution.score, 4),
        "sample": resolution.sample,
        "reason": resolution.reason,
        "slots": [_slot(s) for s in resolution.slots.values()],
        "runner_ups": [_candidate(c) for c in resolution.alternatives[:MAX_RUNNER_UPS]],
        "text": resolution.explain(),
    }


def turn_record(turn: Turn, *, number: int, context: dict[str, Any],
                extras: dict[str, Any]) -> dict[str, Any]:
    """One turn for the page: what was said and heard, the NLU, both envelopes.

    ``context`` is who sent it and how (user, locale, device, session, the text typed, which an
    opening phrase turns into a launch); ``extras`` what the console measured around it
    (screen, skill log, Alexa-limit problems, time taken).
    """
    said = summary(turn)
    return {
        "kind": "turn",
        "id": number,
        **context,
        "utterance": said["utterance"],
        "request_type": said["request_type"],
        "intent": said["intent"],
        "slots": request_slots(turn.request),
        "explain": explanation(turn.resolution),
        "speech": said["speech"],
        "ssml": said["ssml"],
        "reprompt": said["reprompt"],
        "card": said["card"],
        "end_session": said["end_session"],
        **extras,
        "request": turn.request,
        "response": turn.response,
    }
