"""Turn a skill response into what a person reads: plain speech, the --json summary, text.

SSML is read as plain text for display only (by the speech module's own converter); the SSML
itself is shown verbatim in the ``ssml`` field.
"""

from __future__ import annotations

import json
import re
from typing import Any

from balto.simulator.session import Turn
from skill.speech.ssml import strip_tags

_SPACE = re.compile(r"\s+")


def ssml_to_text(ssml: str | None) -> str:
    """Plain text from SSML (:func:`skill.speech.ssml.strip_tags`; "" for none)."""
    return strip_tags(ssml) if ssml else ""


def _speech(output: dict[str, Any] | None) -> tuple[str, str | None]:
    """(plain text, ssml or None) of an outputSpeech object."""
    if not output:
        return "", None
    if output.get("type") == "SSML":
        ssml = str(output.get("ssml") or "")
        return ssml_to_text(ssml), ssml
    return _SPACE.sub(" ", str(output.get("text") or "")).strip(), None


def card_of(body: dict[str, Any]) -> dict[str, str] | None:
    """The card as {title, text} (Simple cards have content, Standard cards text)."""
    card = body.get("card")
    if not card:
        return None
    return {"title": str(card.get("title") or ""),
            "text": str(card.get("text") or card.get("content") or "")}


def summary(turn: Turn) -> dict[str, Any]:
    """The --json summary of one turn (exactly these keys, in this order)."""
    body = turn.response.get("response") or {}
    speech, ssml = _speech(body.get("outputSpeech"))
    reprompt_output = (body.get("reprompt") or {}).get("outputSpeech")
    reprompt = _speech(reprompt_output)[0] if reprompt_output else None
    slots = turn.resolution.slot_values() if turn.resolution else {}
    return {
        "utterance": turn.utterance,
        "request_type": turn.request_type,
        "intent": turn.intent,
        "slots": slots,
        "speech": speech,
        "ssml": ssml,
        "reprompt": reprompt or None,
        "card": card_of(body),
        "end_session": turn.end_session,
    }


def json_line(turn: Turn) -> str:
    """One JSON object on one line."""
    return json.dumps(summary(turn), ensure_ascii=False, separators=(", ", ": "))


def text_block(turn: Turn, explain: bool = False) -> str:
    """A readable rendering for the terminal."""
    rec = summary(turn)
    lines: list[str] = []
    if explain and turn.resolution is not None:
        lines.append(turn.resolution.explain())
    elif rec["intent"]:
        slots = ", ".join(f"{k}={v!r}" for k, v in rec["slots"].items())
        lines.append(f"[{rec['intent']}{' ' + slots if slots else ''}]")
    elif rec["request_type"] != "IntentRequest":
        lines.append(f"[{rec['request_type']}]")
    if rec["speech"]:
        lines.append(f"Alexa: {rec['speech']}")
    if rec["reprompt"]:
        lines.append(f"  (reprompt) {rec['reprompt']}")
    if rec["card"]:
        lines.append(f"  [card] {rec['card']['title']}: {rec['card']['text']}")
    if rec["end_session"] and rec["request_type"] != "SessionEndedRequest":
        lines.append("  (session ended)")
    return "\n".join(lines)
