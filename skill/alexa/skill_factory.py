"""The composition root: every front door (Lambda, simulator, web host) builds the skill here.

``build_skill`` wires the fact store, the ranker, handler families (in dispatch order), the error
handler and the persistence adapter into one ask-sdk ``CustomSkill``. ``make_handler`` wraps it in
the same dict-in, dict-out function Lambda calls, so JSON (de)serialisation is exercised locally
exactly as in production.
"""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, cast

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.exceptions import AskSdkException
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_model import RequestEnvelope

from skill.alexa.handlers.errors import CatchAllExceptionHandler
from skill.alexa.handlers.launch_builtins import builtin_handlers
from skill.alexa.handlers.questions import question_handlers
from skill.alexa.handlers.story import STORY_HANDLERS
from skill.alexa.interceptors import RequestLogInterceptor
from skill.alexa.request_limits import RequestShapeError, check_shape
from skill.alexa.story_progress import resume_offer
from skill.facts.lazy import LazyRanker

if TYPE_CHECKING:
    from skill.facts.ranking import Ranker
    from skill.facts.store import FactStore

log = logging.getLogger(__name__)

LambdaHandler = Callable[[dict[str, Any], Any], dict[str, Any]]

#: Returned when the incoming event cannot even be parsed as a request envelope. Pre-built and
#: valid by construction, so a garbage event still gets a spoken answer rather than a stack trace.
_UNPARSEABLE_RESPONSE: dict[str, Any] = {
    "version": "1.0",
    "response": {
        "outputSpeech": {
            "type": "SSML",
            "ssml": "<speak>Sorry, I couldn't understand that request. Please try again.</speak>",
        },
        "shouldEndSession": True,
    },
}


class IsoTimestampSerializer(DefaultSerializer):
    """ask-sdk's serializer, with ISO 8601 timestamps parsed by the standard library.

    Every request carries ``request.timestamp``. ``DefaultSerializer`` parses it with dateutil:
    ~30 µs of every request (a fifth of a warm launch) and ~3.5 ms to import dateutil on the first.
    Alexa sends ISO 8601 (``2026-01-27T12:00:00Z``), which ``datetime.fromisoformat`` reads in
    well under a microsecond; anything else goes to ask-sdk's own parser, unchanged. The hook is
    ask-sdk's private ``__deserialize_datetime`` (name-mangled), pinned by
    ``ask-sdk-core==1.19.0`` in lambda/requirements.txt; tests cover both paths.
    """

    def _DefaultSerializer__deserialize_datetime(self, payload: Any, obj_type: Any) -> Any:
        if isinstance(payload, str):
            try:
                parsed = datetime.fromisoformat(payload)
            except ValueError:
                pass
            else:
                return parsed.date() if obj_type is date else parsed
        return super()._DefaultSerializer__deserialize_datetime(  # type: ignore[misc]
            payload, obj_type
        )


def build_skill(
    store: FactStore | None = None,
    persistence: AbstractPersistenceAdapter | None = None,
    *,
    skill_id: str | None = None,
    metrics: Callable[[str], None] | None = None,
) -> CustomSkill:
    """Assemble the skill. Cheap enough to call once per process; never per request.

    ``metrics`` receives one CloudWatch embedded-metric-format line per request with a countable
    outcome (skill/alexa/metrics.py); the Lambda entry prints them, other front doors pass None.
    """
    # Without a store the ranker loads the packaged one on the first question, not here: a
    # launch never needs it.
    ranker = cast("Ranker", LazyRanker(store))
    first, last = builtin_handlers(ranker, resume_offer)
    builder = CustomSkillBuilder(persistence_adapter=persistence)
    if skill_id:
        builder.skill_id = skill_id
    for handler in (*STORY_HANDLERS, *first, *question_handlers(ranker), *last):
        builder.add_request_handler(handler)
    builder.add_exception_handler(CatchAllExceptionHandler())
    builder.add_global_request_interceptor(RequestLogInterceptor())
    if metrics is not None:
        from skill.alexa.metrics import OutcomeMetricsInterceptor

        builder.add_global_response_interceptor(OutcomeMetricsInterceptor(metrics))
    skill = builder.create()
    skill.serializer = IsoTimestampSerializer()
    return skill


class ForeignSkillRequest(AskSdkException):
    """The request names another skill's id: refused (Lambda reports the invocation failed)."""


_FAILED_SSML = "<speak>Sorry, something went wrong on my side. Please try again.</speak>"


def _apology(ssml: str | None = None) -> dict[str, Any]:
    """A fresh copy of the fixed response for events that cannot be answered normally."""
    response = copy.deepcopy(_UNPARSEABLE_RESPONSE)
    if ssml is not None:
        response["response"]["outputSpeech"]["ssml"] = ssml
    return response


def _application_id(envelope: RequestEnvelope) -> str | None:
    system = getattr(getattr(envelope, "context", None), "system", None)
    return getattr(getattr(system, "application", None), "application_id", None)


def make_handler(skill: CustomSkill) -> LambdaHandler:
    """A Lambda-style handler bound to one already-built skill.

    Unlike ``SkillBuilder.lambda_handler`` (which builds a ``CustomSkill`` per request) the skill
    is reused. A request for another skill id raises :class:`ForeignSkillRequest`, the refusal
    Alexa expects; every other failure outside the handlers still gets a spoken apology. An
    envelope outside :mod:`skill.alexa.request_limits` (nested too deep, absurd numbers) gets the
    apology at once, with a one-line log entry instead of a traceback from deep in the SDK.
    """
    serializer = skill.serializer
    skill_id = skill.skill_id

    def handler(event: dict[str, Any], context: Any = None) -> dict[str, Any]:
        try:
            check_shape(event)
        except RequestShapeError as exc:
            log.warning("refused a request envelope: %s", exc)
            return _apology()
        try:
            envelope = serializer.deserialize(payload=json.dumps(event), obj_type=RequestEnvelope)
        except Exception:  # noqa: BLE001 - any malformed event gets the fixed apology
            log.warning("could not parse request envelope", exc_info=True)
            return _apology()
        if not isinstance(envelope, RequestEnvelope) or envelope.request is None:
            log.warning("request envelope without a request")
            return _apology()
        if skill_id and _application_id(envelope) != skill_id:
            log.warning("refused a request for skill %s", _application_id(envelope))
            raise ForeignSkillRequest("request is for a different skill")
        try:
            response = skill.invoke(request_envelope=envelope, context=context)
            return serializer.serialize(response)  # type: ignore[no-any-return]
        except Exception:  # noqa: BLE001 - the listener hears an apology, the log the cause
            log.exception("skill dispatch failed outside the handlers")
            return _apology(_FAILED_SSML)

    return handler
