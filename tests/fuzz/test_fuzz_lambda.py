"""Fuzz the Lambda entry: whatever arrives, ``lambda_handler`` answers with a valid Alexa response.

Why: Alexa only sends well-formed requests, but the same ``lambda_handler`` serves the web host and
the simulator (anyone can POST anything), session attributes come back from the client, and slot
values are whatever the listener said. The strategies below cover one kind of oddity each (missing
or malformed sessions, unknown intents and request types, absent / empty / garbage / huge slot
values, unsupported locales, unicode, wrong JSON types); the properties are that the handler never
raises, always returns a response that passes ``validate_response``, and never speaks an internal
error (traceback, exception class name, file path).

Examples per test: 1,000 (about 3,000 in all, what CI runs); ``HYPOTHESIS_PROFILE=dev`` runs 100
for a quick local check. Persistence points at a temporary SQLite file, so fuzzing touches no real
state.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from balto.validation import validate_response

REPO = Path(__file__).resolve().parents[2]
MODEL_FILE = REPO / "interaction_model" / "en-US.json"
LAMBDA_FILE = REPO / "lambda" / "lambda_function.py"

settings.register_profile(
    "fuzz-ci",
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.register_profile(
    "fuzz-dev",
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FUZZ = settings.get_profile(
    "fuzz-dev" if os.environ.get("HYPOTHESIS_PROFILE") == "dev" else "fuzz-ci"
)


#: Markers that betray an internal error leaking into speech; generated text must not contain them
#: (a skill may legitimately echo a slot value, and that must not look like a leak).
LEAK_MARKERS = re.compile(
    r"Traceback|\b[A-Z][A-Za-z]*(?:Error|Exception)\b|File \"|\.py\b|/work/|site-packages",
)

BUILTIN_INTENTS = (
    "AMAZON.HelpIntent",
    "AMAZON.StopIntent",
    "AMAZON.CancelIntent",
    "AMAZON.FallbackIntent",
    "AMAZON.YesIntent",
    "AMAZON.NoIntent",
    "AMAZON.RepeatIntent",
    "AMAZON.NextIntent",
    "AMAZON.PreviousIntent",
    "AMAZON.StartOverIntent",
    "AMAZON.ResumeIntent",
    "AMAZON.PauseIntent",
    "AMAZON.NavigateHomeIntent",
    "AMAZON.MoreIntent",
)

LOCALES = ("en-US", "en-GB", "en-AU", "en-CA", "en-IN", "de-DE", "nl-NL", "ja-JP", "fr-FR", "")

REQUEST_TYPES = (
    "LaunchRequest",
    "IntentRequest",
    "SessionEndedRequest",
    "CanFulfillIntentRequest",
    "System.ExceptionEncountered",
    "AudioPlayer.PlaybackStarted",
    "Alexa.Presentation.APL.UserEvent",
    "Connections.Response",
    "Messaging.MessageReceived",
)


def _model_intents() -> dict[str, list[str]]:
    """Intent name -> slot names, from the interaction model when it is present."""
    try:
        model = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
        intents = model["interactionModel"]["languageModel"]["intents"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return {
        intent["name"]: [slot["name"] for slot in intent.get("slots", [])]
        for intent in intents
        if isinstance(intent, dict) and "name" in intent
    }


def _model_slot_values() -> list[str]:
    """Slot values and synonyms the model knows, so fuzzed slots often hit real entities."""
    try:
        model = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
        types = model["interactionModel"]["languageModel"].get("types", [])
    except (OSError, ValueError, KeyError, TypeError):
        return []
    values: list[str] = []
    for slot_type in types:
        for value in slot_type.get("values", []):
            name = value.get("name", {})
            values.append(name.get("value", ""))
            values.extend(name.get("synonyms", []))
    return [v for v in values if v]


MODEL_INTENTS = _model_intents()
KNOWN_SLOT_VALUES = _model_slot_values() or ["togo", "balto", "nome", "leonhard seppala"]
SLOT_NAMES = sorted({s for slots in MODEL_INTENTS.values() for s in slots}) or ["topic", "dog"]

#: Text that can never be mistaken for a leaked error.
safe_text = st.text(max_size=60).filter(lambda s: not LEAK_MARKERS.search(s))

slot_values = st.one_of(
    st.sampled_from(KNOWN_SLOT_VALUES),
    st.just(""),
    st.just("   "),
    safe_text,
    st.text(alphabet="<>&\"'/;{}[]\\", max_size=30),
    st.sampled_from(
        ["雪橇犬", "Того", "🐕🐕🐕", "Se\u0301ppa\u0308la\u0308", "\u200b", "\x00\x01"]
    ),
    st.integers(1, 20).map(lambda n: "togo " * (n * 500)),  # 2,500–50,000 characters
    st.sampled_from(["<speak>", "</speak>", "<break time='99s'/>", "]]>", "&amp;", "%s %(x)s {0}"]),
    # Follow-ups that lean on session state (a remembered entity that may be garbage).
    st.sampled_from(["where is he now", "what happened to her", "tell me more about it", "why"]),
)

#: Values of a JSON-ish type other than what a field expects.
wrong_types = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    safe_text,
)

_resolution = st.fixed_dictionaries(
    {
        "authority": st.just("amzn1.er-authority.echo-sdk.amzn1.ask.skill.x.TOPIC"),
        "status": st.fixed_dictionaries(
            {
                "code": st.sampled_from(
                    ["ER_SUCCESS_MATCH", "ER_SUCCESS_NO_MATCH", "ER_ERROR_TIMEOUT"]
                )
            }
        ),
        "values": st.lists(
            st.fixed_dictionaries(
                {
                    "value": st.fixed_dictionaries(
                        {
                            "name": slot_values,
                            "id": st.one_of(st.sampled_from(KNOWN_SLOT_VALUES), safe_text),
                        }
                    )
                }
            ),
            max_size=2,
        ),
    }
)


@st.composite
def slot(draw: st.DrawFn, name: str) -> dict[str, Any]:
    """One slot object, with or without a value and entity-resolution results."""
    result: dict[str, Any] = {"name": name, "confirmationStatus": "NONE"}
    if draw(st.booleans()):
        result["value"] = draw(slot_values)
    if draw(st.booleans()):
        result["resolutions"] = {"resolutionsPerAuthority": draw(st.lists(_resolution, max_size=2))}
    return result


@st.composite
def intent(draw: st.DrawFn) -> dict[str, Any]:
    """A known, built-in or made-up intent with well-formed, odd or absent slots."""
    names = sorted(MODEL_INTENTS) + list(BUILTIN_INTENTS)
    name = draw(st.one_of(st.sampled_from(names), safe_text, st.just("")))
    slot_names = MODEL_INTENTS.get(name) or draw(st.lists(st.sampled_from(SLOT_NAMES), max_size=2))
    shape = draw(st.sampled_from(["slots", "no-slots", "null-slots", "empty", "unknown-slot"]))
    result: dict[str, Any] = {"name": name, "confirmationStatus": "NONE"}
    if shape == "slots":
        result["slots"] = {n: draw(slot(n)) for n in slot_names}
    elif shape == "null-slots":
        result["slots"] = None
    elif shape == "empty":
        result["slots"] = {}
    elif shape == "unknown-slot":
        result["slots"] = {"surprise": draw(slot("surprise"))}
    return result


#: Session attributes as our skill writes them, and as a confused or hostile client might.
session_attributes = st.one_of(
    st.just({}),
    st.fixed_dictionaries(
        {},
        optional={
            "last_entity": st.one_of(st.sampled_from(KNOWN_SLOT_VALUES), wrong_types),
            "last_fact": st.one_of(st.just("togo.mileage"), safe_text, wrong_types),
            "seen_facts": st.one_of(st.lists(safe_text, max_size=5), wrong_types),
            "mode": st.one_of(st.sampled_from(["qa", "story"]), wrong_types),
            "story": st.one_of(
                st.fixed_dictionaries(
                    {
                        "chapter": st.one_of(st.integers(-5, 500), wrong_types),
                        "finished": wrong_types,
                    }
                ),
                wrong_types,
            ),
            "pending": st.one_of(
                st.sampled_from(["resume_story", "more", "next_chapter"]), wrong_types
            ),
        },
    ),
    st.dictionaries(safe_text, wrong_types, max_size=4),
)


def _application() -> dict[str, str]:
    return {"applicationId": "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"}


@st.composite
def session(draw: st.DrawFn) -> dict[str, Any]:
    """A session as Alexa sends it; the attributes (when present) hold whatever the client sent."""
    result: dict[str, Any] = {
        "new": draw(st.booleans()),
        "sessionId": "amzn1.echo-api.session.fuzz",
        "application": _application(),
        "user": {"userId": "amzn1.ask.account.FUZZ"},
    }
    if draw(st.integers(0, 4)):
        result["attributes"] = draw(session_attributes)
    return result


#: The request types the skill declares it handles; the error handler must never answer them.
HANDLED_TYPES = ("LaunchRequest", "IntentRequest", "SessionEndedRequest")


@st.composite
def request(draw: st.DrawFn, types: tuple[str, ...] = REQUEST_TYPES) -> dict[str, Any]:
    """The ``request`` object: a known type, any locale, intents with any slots."""
    kind = draw(st.sampled_from(types))
    result: dict[str, Any] = {
        "type": kind,
        "requestId": "amzn1.echo-api.request.fuzz",
        "timestamp": "2026-01-27T12:00:00Z",
        "locale": draw(st.one_of(st.sampled_from(LOCALES), safe_text, st.none())),
    }
    if kind in ("IntentRequest", "CanFulfillIntentRequest"):
        result["intent"] = draw(intent())
        result["dialogState"] = draw(st.sampled_from(["STARTED", "IN_PROGRESS", "COMPLETED"]))
    elif kind == "SessionEndedRequest":
        result["reason"] = draw(
            st.sampled_from(["USER_INITIATED", "ERROR", "EXCEEDED_MAX_REPROMPTS"])
        )
        if draw(st.booleans()):
            result["error"] = {"type": "INVALID_RESPONSE", "message": draw(safe_text)}
    return result


def _context() -> dict[str, Any]:
    return {
        "System": {
            "application": _application(),
            "user": {"userId": "amzn1.ask.account.FUZZ"},
            "device": {"deviceId": "amzn1.ask.device.FUZZ", "supportedInterfaces": {}},
            "apiEndpoint": "https://api.amazonalexa.com",
            "apiAccessToken": "fuzz-token",
        }
    }


@st.composite
def well_formed_envelope(
    draw: st.DrawFn, types: tuple[str, ...] = REQUEST_TYPES, with_session: bool | None = None
) -> dict[str, Any]:
    """An envelope shaped like Alexa's, with fuzzed contents.

    ``with_session``: True always includes a session, False never, None sometimes (4 in 5).
    """
    envelope: dict[str, Any] = {"version": "1.0", "request": draw(request(types))}
    if with_session or (with_session is None and draw(st.integers(0, 4))):
        envelope["session"] = draw(session())
    if draw(st.integers(0, 4)):
        envelope["context"] = _context()
    return envelope


@st.composite
def mangled_envelope(draw: st.DrawFn) -> Any:
    """An envelope with one part replaced by the wrong JSON type, or not an envelope at all."""
    envelope = draw(well_formed_envelope())
    envelope.setdefault("session", draw(session()))
    target = draw(
        st.sampled_from(
            [
                "whole",
                "request",
                "request.type",
                "timestamp",
                "session",
                "attributes",
                "new",
                "context",
                "version",
            ]
        )
    )
    if target == "whole":
        return draw(st.one_of(wrong_types, st.just({}), st.just({"request": {}})))
    if target == "request.type":
        envelope["request"]["type"] = draw(st.one_of(safe_text, wrong_types))
    elif target == "timestamp":
        envelope["request"]["timestamp"] = draw(st.sampled_from(["not a time", "", "2026-13-45"]))
    elif target == "attributes":
        envelope["session"]["attributes"] = draw(wrong_types.filter(lambda v: v is not None))
    elif target == "new":
        envelope["session"]["new"] = draw(wrong_types)
    else:
        envelope[target] = draw(wrong_types)
    return envelope


def envelopes() -> st.SearchStrategy[Any]:
    """Mostly well-formed envelopes with odd contents, some structurally broken ones."""
    return st.one_of(well_formed_envelope(), well_formed_envelope(), mangled_envelope())


def locale_of(envelope: Any) -> str | None:
    """The locale a request asked for, when it is a plain string (for locale-aware validation)."""
    if isinstance(envelope, dict) and isinstance(envelope.get("request"), dict):
        locale = envelope["request"].get("locale")
        return locale if isinstance(locale, str) and locale else None
    return None


# --------------------------------------------------------------------------- the entry under test

Handler = Callable[[Any, Any], Any]


@pytest.fixture(scope="module")
def lambda_module(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """``lambda/lambda_function.py`` loaded from its file, as Lambda does, with throw-away state.

    The entry reads its configuration at import, so the environment is set first: a temporary
    SQLite file instead of DynamoDB, no skill-id check (fuzzed envelopes carry a made-up id).
    """
    db = tmp_path_factory.mktemp("fuzz") / "progress.sqlite3"
    # The entry sets logger levels from LOG_LEVEL at import; put them back for later tests.
    levels = {name: logging.getLogger(name).level for name in ("", "skill")}
    with pytest.MonkeyPatch.context() as mp:
        for name in ("TABLE_NAME", "SKILL_ID", "AWS_ENDPOINT_URL_DYNAMODB"):
            mp.delenv(name, raising=False)
        mp.setenv("SERUM_RUN_DB", str(db))
        mp.setenv("LOG_LEVEL", "WARNING")
        spec = importlib.util.spec_from_file_location("serum_run_lambda_under_fuzz", LAMBDA_FILE)
        assert spec is not None and spec.loader is not None, f"cannot load {LAMBDA_FILE}"
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        try:
            spec.loader.exec_module(module)
            yield module
        finally:
            sys.modules.pop(spec.name, None)
            for name, level in levels.items():
                logging.getLogger(name).setLevel(level)


@pytest.fixture(scope="module")
def handler(lambda_module: ModuleType) -> Handler:
    return lambda_module.lambda_handler


class FailureLog(logging.Handler):
    """Collects log records that carry an exception: each one is a request the skill failed."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.failures: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            self.failures.append(f"{record.name}: {type(error).__name__}: {error}")


@pytest.fixture(scope="module")
def failure_log(lambda_module: ModuleType) -> Iterator[FailureLog]:
    """Failures logged by the skill while handling one request (clear it before each call)."""
    collector = FailureLog()
    logger = logging.getLogger("skill")
    logger.addHandler(collector)
    try:
        yield collector
    finally:
        logger.removeHandler(collector)


def spoken_texts(result: dict[str, Any]) -> list[str]:
    """Every string a listener could hear or read: speech, reprompt, card."""
    body = result.get("response") or {}
    texts: list[str] = []
    for speech in (body.get("outputSpeech"), (body.get("reprompt") or {}).get("outputSpeech")):
        if isinstance(speech, dict):
            texts += [v for k, v in speech.items() if k in ("ssml", "text") and isinstance(v, str)]
    card = body.get("card")
    if isinstance(card, dict):
        texts += [
            v for k, v in card.items() if k in ("title", "content", "text") and isinstance(v, str)
        ]
    return texts


def check(result: Any, envelope: Any) -> dict[str, Any]:
    """Assert ``result`` is a valid Alexa response that leaks nothing; return it."""
    assert isinstance(result, dict), f"lambda_handler returned {type(result).__name__}"
    json.dumps(result)  # Lambda must be able to serialize it
    problems = validate_response(result, locale=locale_of(envelope))
    assert not problems, problems
    for text in spoken_texts(result):
        leak = LEAK_MARKERS.search(text)
        assert leak is None, (
            f"internal detail {leak.group(0)!r} in what the listener hears: {text!r}"
        )
    return result


def request_type(envelope: Any) -> Any:
    if isinstance(envelope, dict) and isinstance(envelope.get("request"), dict):
        return envelope["request"].get("type")
    return None


# --------------------------------------------------------------------------- properties


@FUZZ
@given(envelope=envelopes())
def test_any_envelope_gets_a_valid_response(handler: Handler, envelope: Any) -> None:
    result = check(handler(envelope, None), envelope)
    if request_type(envelope) in ("LaunchRequest", "IntentRequest"):
        assert (result.get("response") or {}).get("outputSpeech"), "a spoken request got silence"


def assert_answered_by_a_handler(
    handler: Handler, failure_log: FailureLog, envelope: dict[str, Any]
) -> None:
    failure_log.failures.clear()
    result = check(handler(envelope, None), envelope)
    assert not failure_log.failures, failure_log.failures
    if request_type(envelope) != "SessionEndedRequest":
        assert (result.get("response") or {}).get("outputSpeech"), "a spoken request got silence"


@FUZZ
@given(envelope=well_formed_envelope(HANDLED_TYPES, with_session=True))
def test_handled_requests_never_reach_the_error_handler(
    handler: Handler, failure_log: FailureLog, envelope: dict[str, Any]
) -> None:
    """Launch, intent and session-ended requests, however odd their slots, attributes or locale,
    are answered by a real handler: none of that is an error."""
    assert_answered_by_a_handler(handler, failure_log, envelope)


@settings(FUZZ, max_examples=200)
@given(envelope=well_formed_envelope(HANDLED_TYPES, with_session=False))
def test_requests_without_a_session_are_answered_by_a_handler(
    handler: Handler, failure_log: FailureLog, envelope: dict[str, Any]
) -> None:
    """The web host and the simulator can send requests with no session at all."""
    assert_answered_by_a_handler(handler, failure_log, envelope)


@FUZZ
@given(turns=st.lists(request(), min_size=2, max_size=6))
def test_conversations_feed_their_own_attributes_back(
    handler: Handler, turns: list[dict[str, Any]]
) -> None:
    """Multi-turn: each response's sessionAttributes come back in the next request, as on Alexa."""
    attributes: dict[str, Any] = {}
    new = True
    for turn in turns:
        envelope = {
            "version": "1.0",
            "session": {
                "new": new,
                "sessionId": "amzn1.echo-api.session.fuzz-conversation",
                "application": _application(),
                "user": {"userId": "amzn1.ask.account.FUZZ"},
                "attributes": attributes,
            },
            "context": _context(),
            "request": turn,
        }
        result = check(handler(envelope, None), envelope)
        ended = (result.get("response") or {}).get("shouldEndSession") is not False
        attributes = {} if ended else dict(result.get("sessionAttributes") or {})
        new = ended


# --------------------------------------------------------------------------- the error path


def launch_envelope(locale: str = "en-US") -> dict[str, Any]:
    return {
        "version": "1.0",
        "session": {
            "new": True,
            "sessionId": "amzn1.echo-api.session.errors",
            "application": _application(),
            "user": {"userId": "amzn1.ask.account.ERRORS"},
            "attributes": {},
        },
        "context": _context(),
        "request": {
            "type": "LaunchRequest",
            "requestId": "amzn1.echo-api.request.errors",
            "timestamp": "2026-01-27T12:00:00Z",
            "locale": locale,
        },
    }


def test_error_handler_survives_a_broken_speech_builder(
    handler: Handler, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rendering fails for every handler, the apology included: the listener still hears one."""

    def broken_render(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("renderer exploded")

    monkeypatch.setattr("skill.alexa.respond.render", broken_render)
    envelope = launch_envelope()
    result = check(handler(envelope, None), envelope)
    speech = result["response"]["outputSpeech"]["ssml"]
    assert "sorry" in speech.lower()
    assert "exploded" not in speech


def test_garbage_that_is_not_an_envelope_gets_an_apology(handler: Handler) -> None:
    for garbage in (None, [], "LaunchRequest", 42, {}, {"request": None}):
        result = check(handler(garbage, None), garbage)
        assert result["response"].get("outputSpeech"), f"no apology for {garbage!r}"
