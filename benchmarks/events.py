"""Request envelopes the benchmarks send, identical for Serum Run and the baseline skill.

Why a module: the cold-start subprocesses, the warm loop and the profiler must all time the very
same requests, or the ratios compare different work.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from balto.simulator import envelopes

REPO = Path(__file__).resolve().parents[1]
MODEL_FILE = REPO / "interaction_model" / "en-US.json"

#: Asked through the free-form question intent; answered from the fact store.
QUESTION = "how far did togo run during the serum run"
#: Utterances for the simulator NLU benchmark: exact samples, fuzzy phrasings and free questions.
NLU_UTTERANCES = (
    "help",
    "stop",
    "tell me the story",
    "next chapter",
    "who was balto",
    "tell me about togo",
    "how far did togo run",
    "where is balto now",
    "what was the serum for",
    "why is balto more famous than togo",
    "what happened to leonhard seppala after the run",
    "uh can you like tell me who gunnar kaasen was please",
    "banana spaceship",
)

SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"
USER_ID = "amzn1.ask.account.BENCHMARK"


def envelope(request: dict[str, Any], *, new: bool = False) -> dict[str, Any]:
    """A complete Alexa request envelope around ``request``: the simulator's builder, with fixed
    ids and timestamp so every run times the very same bytes (en-US, no session attributes)."""
    fixed = {**request, "requestId": "amzn1.echo-api.request.benchmark",
             "timestamp": "2026-01-27T12:00:00Z"}
    return envelopes.envelope(fixed, user_id=USER_ID, session_id="amzn1.echo-api.session.benchmark",
                              new=new, skill_id=SKILL_ID, device_id="amzn1.ask.device.BENCHMARK")


def launch() -> dict[str, Any]:
    return envelope({"type": "LaunchRequest"}, new=True)


def intent(name: str, slots: dict[str, str] | None = None) -> dict[str, Any]:
    built = {slot: envelopes.slot(slot, value) for slot, value in (slots or {}).items()}
    return envelope(envelopes.named_intent_request(name, built))


def question_intent() -> tuple[str, str] | None:
    """(intent, slot) of the free-form question intent: ``QuestionIntent`` (its carrier phrase
    adds no word to the question), else the first intent with an AMAZON.SearchQuery slot."""
    try:
        model = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
        intents = model["interactionModel"]["languageModel"]["intents"]
    except (OSError, ValueError, KeyError):
        return None
    found = [(item["name"], slot["name"]) for item in intents for slot in item.get("slots", [])
             if slot.get("type") == "AMAZON.SearchQuery"]
    preferred = [f for f in found if f[0] == "QuestionIntent"]
    return (preferred or found or [None])[0]


def question() -> dict[str, Any] | None:
    """The free-form question envelope, or None while the interaction model lacks the intent."""
    found = question_intent()
    if found is None:
        return None
    name, slot = found
    return intent(name, {slot: QUESTION})


def dispatch_requests() -> dict[str, dict[str, Any]]:
    """The warm-dispatch set: launch, help, fallback."""
    return {
        "launch": launch(),
        "help": intent("AMAZON.HelpIntent"),
        "fallback": intent("AMAZON.FallbackIntent"),
    }
