"""The composition root: every front door (Lambda, simulator, web host) gets the skill here.

:func:`handler_from_config` is the one assembly: the configuration picks the persistence adapter
(:mod:`skill.persistence`), :func:`build_skill` wires the handler families in
:data:`DISPATCH_ORDER`, the error handler and the interceptors into one ask-sdk ``CustomSkill``,
and :func:`make_handler` wraps it in the dict-in, dict-out function Lambda calls, so JSON
(de)serialisation is exercised locally exactly as in production.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, cast

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.exceptions import AskSdkException
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_model import RequestEnvelope

from skill.alexa.addressing import addressed_to, application_id
from skill.alexa.handlers import fallbacks, launch_builtins, questions, story, touch
from skill.alexa.handlers.errors import CatchAllExceptionHandler
from skill.alexa.interceptors import RequestLogInterceptor
from skill.alexa.request_limits import RequestShapeError, check_shape
from skill.config import Config
from skill.persistence import persistence_from_config
from skill.speech import phrases

log = logging.getLogger(__name__)

#: Every request handler, in the order ask-sdk asks them: the first whose ``can_handle`` says yes
#: answers. Each family's own order is given in its module.
DISPATCH_ORDER: tuple[AbstractRequestHandler, ...] = (
    # Story first: while a chapter waits, yes / no / next / repeat / stop move the story.
    *story.HANDLERS,
    # Touch: the story screen's buttons, run as the voice intents they stand for.
    *touch.HANDLERS,
    # Launch and the built-ins: help, stop, home and repeat mean the same everywhere else.
    *launch_builtins.HANDLERS,
    # Questions: answers, follow-ups, "tell me more", sources, yes to an offered fact.
    *questions.HANDLERS,
    # Last, the catch-alls: no to nothing pending, any other intent, any other request type.
    *fallbacks.HANDLERS,
)


def _apology(ssml: str) -> dict[str, Any]:
    """The fixed response for an event that cannot be answered normally (valid by construction,
    so a garbage event still gets a spoken answer rather than a stack trace)."""
    return {
        "version": "1.0",
        "response": {
            "outputSpeech": {"type": "SSML", "ssml": ssml},
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
    persistence: AbstractPersistenceAdapter | None = None,
    *,
    metrics: Callable[[str], None] | None = None,
) -> CustomSkill:
    """Assemble the skill. Cheap enough to call once per process; never per request.

    ``metrics`` receives one CloudWatch embedded-metric-format line per request with a countable
    outcome (skill/alexa/metrics.py); the Lambda entry prints them, other front doors pass None.
    """
    builder = CustomSkillBuilder(persistence_adapter=persistence)  # type: ignore[arg-type]
    for handler in DISPATCH_ORDER:
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


class SkillHandler:
    """A Lambda-style handler bound to one already-built skill: dict in, dict out.

    Unlike ``SkillBuilder.lambda_handler`` (which builds a ``CustomSkill`` per request) the skill
    is reused. With a ``skill_id``, a request naming another skill raises
    :class:`ForeignSkillRequest`, the refusal Alexa expects; every other failure outside the
    handlers still gets a spoken apology. An envelope outside :mod:`skill.alexa.request_limits`
    (nested too deep, absurd numbers) gets the apology at once, with a one-line log entry instead
    of a traceback from deep in the SDK.
    """

    def __init__(self, skill: CustomSkill, skill_id: str | None = None) -> None:
        self.skill = skill
        self.skill_id = skill_id

    def __call__(self, event: dict[str, Any], context: Any = None) -> dict[str, Any]:
        try:
            check_shape(event)
        except RequestShapeError as exc:
            log.warning("refused a request envelope: %s", exc)
            return _apology(phrases.UNPARSEABLE_SSML)
        serializer = self.skill.serializer
        try:
            envelope = serializer.deserialize(payload=json.dumps(event), obj_type=RequestEnvelope)
        except Exception:  # noqa: BLE001 - any malformed event gets the fixed apology
            log.warning("could not parse request envelope", exc_info=True)
            return _apology(phrases.UNPARSEABLE_SSML)
        if not isinstance(envelope, RequestEnvelope) or envelope.request is None:
            log.warning("request envelope without a request")
            return _apology(phrases.UNPARSEABLE_SSML)
        if self.skill_id and not addressed_to(envelope, self.skill_id):
            log.warning("refused a request for skill %s", application_id(envelope))
            raise ForeignSkillRequest("request is for a different skill")
        try:
            response = self.skill.invoke(request_envelope=envelope, context=context)
            return cast("dict[str, Any]", serializer.serialize(response))
        except Exception:  # noqa: BLE001 - the listener hears an apology, the log the cause
            log.exception("skill dispatch failed outside the handlers")
            return _apology(phrases.FAILED_SSML)


def make_handler(skill: CustomSkill, *, skill_id: str | None = None) -> SkillHandler:
    """The Lambda-style handler over ``skill`` (refusing other skills' requests when
    ``skill_id`` is given)."""
    return SkillHandler(skill, skill_id)


def handler_from_config(
    config: Config, *, metrics: Callable[[str], None] | None = None
) -> SkillHandler:
    """The one assembly every front door uses: the configured store, the skill, the handler.

    Raises :class:`~skill.config.ConfigError` when the configured store cannot be opened.
    """
    skill = build_skill(persistence_from_config(config), metrics=metrics)
    return make_handler(skill, skill_id=config.skill_id)
