"""The HTTPS web-service front door: the same skill object, served by flask-ask-sdk and waitress.

Why this shape
--------------
- ``create_app`` is an application factory (Flask's own pattern): tests build as many apps as they
  like, each with its own verifier, and nothing happens at import time.
- flask-ask-sdk's :class:`SkillAdapter` registers the skill on the app. Its own
  ``dispatch_request`` (deserialise -> verifiers -> ``skill.invoke`` -> serialise in one call)
  answers every verification failure with a bare 400 and every other error with a 500 and a
  logged stack trace; the subclass here verifies step by step, so that nothing a caller sends
  (body or headers) can cause a 5xx: bad input gets a 4xx JSON body with a short reason, and the
  details go to the log. See docs/security.md for the whole model.
- A verified request goes to the same Lambda-style handler the Lambda entry calls
  (``skill.alexa.skill_factory.handler_from_config``), so the web host answers exactly as Lambda
  does, apologies for a failing skill included.
- The body is parsed with limits (``skill.alexa.request_limits``) before the SDK sees it, and the
  verifiers run cheapest first (timestamp and skill id, then the signature, which may fetch a
  certificate, then the replay guard).
- The SDK reads its verifier switches from app config; they are switched off and our verifiers
  (``balto.web.verification``) are handed in explicitly, so what runs is visible in one place.
- waitress, not Flask's development server, serves it: pure Python, multi-threaded, production
  grade, and it buffers a request body before the app sees it. Its limits and timeouts are set
  deliberately in ``balto.web.waitress_server``.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from balto.web import oscrypto_compat

oscrypto_compat.install()  # flask_ask_sdk imports certvalidator -> oscrypto

from ask_sdk_core.exceptions import SerializationException  # noqa: E402
from ask_sdk_core.skill import CustomSkill  # noqa: E402
from ask_sdk_model import RequestEnvelope  # noqa: E402
from ask_sdk_webservice_support.verifier import RequestVerifier  # noqa: E402
from flask import Flask, Response, current_app, jsonify, request  # noqa: E402
from flask_ask_sdk.skill_adapter import (  # noqa: E402
    VERIFY_SIGNATURE_APP_CONFIG,
    VERIFY_TIMESTAMP_APP_CONFIG,
    SkillAdapter,
)
from werkzeug.exceptions import HTTPException  # noqa: E402

from balto.web.replay import ReplayGuard  # noqa: E402
from balto.web.verification import (  # noqa: E402
    AbstractVerifier,
    AlexaSignatureVerifier,
    AlexaTimestampVerifier,
    FetchCapacityExceeded,
    SkillIdMismatch,
    SkillIdVerifier,
    VerificationException,
    verifier_stage,
)
from balto.web.waitress_server import ServerLimits, create_waitress_server  # noqa: E402
from skill.alexa.request_limits import RequestShapeError, parse_envelope_json  # noqa: E402
from skill.alexa.skill_factory import SkillHandler, make_handler  # noqa: E402

__all__ = ["MAX_BODY_BYTES", "create_app", "make_server", "serve"]

log = logging.getLogger(__name__)

#: Alexa requests are a few KB; 256 KiB leaves room for large lists/Display data and no more.
MAX_BODY_BYTES = 256 * 1024
#: waitress stops anything larger before buffering it; between the two caps Flask answers 413 JSON.
WAITRESS_BODY_LIMIT = 4 * MAX_BODY_BYTES
#: Worker threads: the work is mostly Python (GIL-bound) on a 2-core box; 8 keeps latency flat at
#: concurrency 16 without wasting memory (measured with benchmarks/load_web.py).
DEFAULT_THREADS = 8
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8080

NO_VERIFY_WARNING = (
    "WARNING: request verification is OFF (--no-verify). Anyone who can reach this port can call "
    "the skill with forged requests. Use this for local development only; Alexa requires "
    "signature and timestamp verification for web-service endpoints."
)
NO_SKILL_ID_WARNING = (
    "WARNING: SKILL_ID is not set. Any skill's correctly signed requests will be answered, not "
    "just this skill's. Set SKILL_ID=amzn1.ask.skill.<uuid> (shown in the Alexa developer "
    "console) before exposing this server."
)


class BadRequestBody(Exception):
    """The HTTP body is not a request envelope we can hand to the SDK (answered with 400)."""


class ServingSkillAdapter(SkillAdapter):
    """flask-ask-sdk's SkillAdapter, verifying in guarded steps with precise statuses.

    The SDK's ``verify_request_and_dispatch`` does deserialise -> verify -> invoke in one call, so
    an unexpected exception anywhere becomes a 500. Here each step has its own failure mapping:
    anything wrong with what the caller sent is a 4xx with a short reason (details go to the log,
    never to the caller); a verified request goes to the skill's Lambda-style handler, which
    answers even its own failures with a spoken apology.
    """

    def __init__(self, handler: SkillHandler, **kwargs: Any) -> None:
        super().__init__(skill=handler.skill, **kwargs)
        self._handler = handler

    def dispatch_request(self) -> Response | tuple[Response, int]:
        """Check the body, deserialise, verify (cheapest first), invoke; map each failure."""
        try:
            text, event = _read_envelope()
        except BadRequestBody as exc:
            return _error(400, str(exc))
        try:
            envelope = self._skill.serializer.deserialize(payload=text, obj_type=RequestEnvelope)
        except (SerializationException, ValueError, TypeError, AttributeError, KeyError) as exc:
            log.info("request envelope refused: %s: %s", type(exc).__name__, exc)
            return _error(400, "request envelope does not match the Alexa request format")
        refused = self._verify(envelope, text)
        if refused is not None:
            return refused
        return jsonify(self._handler(event, None))

    def _verify(self, envelope: RequestEnvelope, text: str) -> tuple[Response, int] | None:
        try:
            for verifier in self._verifiers:
                verifier.verify(
                    headers=request.headers,
                    serialized_request_env=text,
                    deserialized_request_env=envelope,
                )
        except SkillIdMismatch as exc:
            log.warning("refused request: %s", exc)
            return _error(403, str(exc))
        except FetchCapacityExceeded as exc:
            log.warning("refused request: %s", exc)
            answer, status = _error(429, str(exc))
            answer.headers["Retry-After"] = "1"
            return answer, status
        except VerificationException as exc:
            log.warning("request failed verification: %s", " - ".join(map(str, exc.args)))
            return _error(400, f"request verification failed: {_first_arg(exc)}")
        except Exception:  # noqa: BLE001 - a verifier bug must not let a request through or 500
            log.exception("request verification raised an unexpected error")
            return _error(400, "request verification failed")
        return None


def _read_envelope() -> tuple[str, dict[str, Any]]:
    """The body as text (what the signature covers) and as the event the handler takes, after
    checking it is a JSON object with a ``request`` object.

    The JSON is parsed with :mod:`skill.alexa.request_limits` (nesting depth, number size, no
    NaN/Infinity), so nothing later can recurse or convert without bound.
    """
    raw = request.get_data(cache=True)  # raises RequestEntityTooLarge (413) past MAX_CONTENT_LENGTH
    if not raw:
        raise BadRequestBody("empty body: expected an Alexa request envelope (JSON)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequestBody("body is not UTF-8") from exc
    try:
        envelope = parse_envelope_json(text)
    except json.JSONDecodeError as exc:
        raise BadRequestBody(f"malformed JSON at line {exc.lineno} column {exc.colno}") from exc
    except RequestShapeError as exc:
        raise BadRequestBody(f"request envelope refused: {exc}") from exc
    if not isinstance(envelope, dict):
        raise BadRequestBody("envelope must be a JSON object")
    inner = envelope.get("request")
    if not isinstance(inner, dict):
        raise BadRequestBody("envelope has no request object")
    if not isinstance(inner.get("type"), str):
        raise BadRequestBody("request has no type")
    return text, envelope


def _first_arg(exc: BaseException) -> str:
    """The SDK puts the message in args[0] and the cause in args[1]; only the message is shown."""
    return str(exc.args[0]) if exc.args else type(exc).__name__


def _error(status: int, reason: str) -> tuple[Response, int]:
    return jsonify({"error": status, "reason": reason}), status


def default_verifiers(*, verify: bool, skill_id: str | None) -> list[AbstractVerifier]:
    """What runs before the skill: timestamp, signature and replay checks when verifying, and
    the skill id whenever it is set (in the order :func:`ordered_verifiers` gives)."""
    verifiers: list[AbstractVerifier] = []
    if verify:
        timestamps = AlexaTimestampVerifier()
        verifiers += [timestamps, AlexaSignatureVerifier(), ReplayGuard(timestamps)]
    if skill_id:
        verifiers.append(SkillIdVerifier(skill_id))
    return ordered_verifiers(verifiers)


def ordered_verifiers(verifiers: Sequence[AbstractVerifier]) -> list[AbstractVerifier]:
    """Cheapest first: timestamp and skill id, then the signature (which may fetch a
    certificate), then the replay guard (which must only remember authenticated requests).
    The order within a stage is kept."""
    return sorted(verifiers, key=verifier_stage)


def create_app(
    skill: SkillHandler | CustomSkill,
    *,
    verify: bool = True,
    skill_id: str | None = None,
    verifiers: Sequence[AbstractVerifier] | None = None,
    reject_replays: bool = True,
    max_body_bytes: int = MAX_BODY_BYTES,
) -> Flask:
    """Build the Flask app that serves ``skill`` on ``POST /`` with ``GET /healthz``.

    Parameters
    ----------
    skill:
        The skill's handler (``handler_from_config(config)``), shared by every request and
        thread; a bare ``CustomSkill`` is wrapped in one (``make_handler``).
    verify:
        Alexa signature, timestamp and replay checks (on by default; off only for local
        development).
    skill_id:
        When set, requests naming another skill are refused with 403.
    verifiers:
        Replaces the verifiers built from ``verify`` (tests inject verifiers that trust a test
        CA). The skill-id verifier is still added when ``skill_id`` is set, and a replay guard
        when the list checks signatures.
    reject_replays:
        Refuse a signed request whose requestId was already seen (on by default; a load
        benchmark that sends a fixed pool of signed bodies turns it off).
    max_body_bytes:
        Larger bodies get 413.
    """
    if isinstance(skill, CustomSkill):
        skill = make_handler(skill)
    if not isinstance(skill, SkillHandler):
        raise TypeError(
            "create_app needs the skill's handler; build it with "
            "skill.alexa.skill_factory.handler_from_config(config)"
        )
    app = Flask(__name__)
    app.config.update(
        {
            "MAX_CONTENT_LENGTH": max_body_bytes,
            # the SDK would add its own default verifiers; ours are passed explicitly below
            VERIFY_SIGNATURE_APP_CONFIG: False,
            VERIFY_TIMESTAMP_APP_CONFIG: False,
            "JSON_SORT_KEYS": False,
        }
    )
    if verifiers is None:
        chosen = default_verifiers(verify=verify, skill_id=skill_id)
    else:
        chosen = list(verifiers) + ([SkillIdVerifier(skill_id)] if skill_id else [])
        checks_signatures = any(isinstance(v, RequestVerifier) for v in chosen)
        if checks_signatures and not any(isinstance(v, ReplayGuard) for v in chosen):
            timestamps = next((v for v in chosen if isinstance(v, AlexaTimestampVerifier)), None)
            chosen.append(ReplayGuard(timestamps))
    if not reject_replays:
        chosen = [v for v in chosen if not isinstance(v, ReplayGuard)]
    adapter = ServingSkillAdapter(
        skill, skill_id=skill_id or "serum-run", verifiers=ordered_verifiers(chosen)
    )
    adapter.init_app(app)
    app.add_url_rule("/", "alexa", adapter.dispatch_request, methods=["POST"])

    verifying = verify or verifiers is not None

    @app.get("/healthz")
    def healthz() -> Response:
        return jsonify({"status": "ok", "verify": verifying})

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> tuple[Response, int]:
        status = exc.code or 500
        return _error(status, _short_reason(exc))

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> tuple[Response, int]:
        log.exception("unhandled error")
        return _error(500, "internal server error")

    return app


def _short_reason(exc: HTTPException) -> str:
    if exc.code == 413:
        limit = current_app.config.get("MAX_CONTENT_LENGTH") or MAX_BODY_BYTES
        return f"request body larger than {limit // 1024} KB"
    return (exc.name or "error").lower()


def make_server(
    app: Flask,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    threads: int = DEFAULT_THREADS,
    limits: ServerLimits | None = None,
) -> Any:
    """A waitress server bound to ``host:port``; port 0 picks a free port (``.effective_port``).

    ``limits`` (connections, timeouts, header size) default to
    :class:`~balto.web.waitress_server.ServerLimits`'s production values.
    """
    return create_waitress_server(
        app,
        host,
        port,
        threads=threads,
        max_request_body_size=WAITRESS_BODY_LIMIT,
        limits=limits or ServerLimits(),
    )


def serve(
    skill: SkillHandler | CustomSkill,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    verify: bool = True,
    skill_id: str | None = None,
    *,
    threads: int = DEFAULT_THREADS,
    out: TextIO | None = None,
    log_level: str = "INFO",
    log_format: str = "text",
    limits: ServerLimits | None = None,
) -> None:
    """Run the web host until interrupted (the ``balto serve`` sub-command calls this).

    Sets up logging (:func:`skill.logging_setup.configure_logging`), prints the ``--no-verify``
    warning when verification is off and the SKILL_ID warning when no skill id is set, then one
    line with the bound address (the real port when ``port`` is 0).
    """
    from skill.logging_setup import configure_logging

    configure_logging(log_level, log_format)
    stream = out if out is not None else sys.stderr
    if not verify:
        print(NO_VERIFY_WARNING, file=stream, flush=True)
    if not skill_id:
        print(NO_SKILL_ID_WARNING, file=stream, flush=True)
        log.warning("SKILL_ID is not set: requests for any skill id will be answered")
    app = create_app(skill, verify=verify, skill_id=skill_id)
    server = make_server(app, host, port, threads=threads, limits=limits)
    mode = "verification ON" if verify else "verification OFF"
    skill_note = f", skill id {skill_id}" if skill_id else ""
    print(
        f"Serving Serum Run on http://{host}:{server.effective_port}/ ({mode}{skill_note}); "
        "health check at /healthz. Ctrl+C to stop.",
        file=stream,
        flush=True,
    )
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
