"""The console's Flask application: one static page and the JSON API it calls.

Why this shape
--------------
- One page (``static/index.html``, ``console.js``, ``console.css``), served as files: no build
  step and nothing from a CDN, so it works offline; the page asks ``/api/state`` on load, which
  is how past turns survive a reload.
- Every API answer is JSON. What the page sends is checked (:class:`ConsoleError` -> 4xx with
  a sentence saying what to fix); an unexpected failure is logged and answered with a short
  JSON 500, never a stack trace.
- A console bound to loopback is still reachable from any web page the browser opens, so:
  state-changing calls must be ``POST`` with a JSON body (a cross-site form cannot send one
  without the browser asking first, and the console answers no such preflight), a foreign
  ``Origin`` is refused, and the ``Host`` header must name the address the console listens
  on (a DNS-rebinding page names its own). The page itself is locked down by a
  Content-Security-Policy: its own scripts and styles only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response as BaseResponse

from balto.console.state import ConsoleError, ConsoleState

log = logging.getLogger(__name__)

#: Largest request body: an utterance and a few settings fit in well under 1 KB.
MAX_BODY_BYTES = 16 * 1024

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; "
        "media-src 'self' blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def _body() -> dict[str, Any]:
    """The JSON object a POST carries (refusing anything else with a 4xx)."""
    if not request.is_json:
        raise ConsoleError("send a JSON body with Content-Type: application/json", 415)
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise ConsoleError("the body must be a JSON object, e.g. {\"text\": \"who was togo\"}")
    return data


def _error(status: int, message: str) -> tuple[Response, int]:
    return jsonify({"error": message}), status


def _check_origin(allowed_hosts: Collection[str] | None) -> tuple[Response, int] | None:
    """Refuse a Host this console does not answer to, and a POST from another origin."""
    host = request.host.lower()
    if allowed_hosts is not None and host not in allowed_hosts:
        return _error(400, f"this console answers to {', '.join(sorted(allowed_hosts))}, "
                           f"not {host!r}")
    origin = request.headers.get("Origin")
    if request.method == "POST" and origin is not None and urlsplit(origin).netloc != host:
        return _error(403, "requests from other web pages are refused")
    return None


def _register_errors(app: Flask) -> None:
    @app.errorhandler(ConsoleError)
    def console_error(error: ConsoleError) -> tuple[Response, int]:
        return _error(error.status, str(error))

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[Response, int]:
        return _error(error.code or 400, error.description or error.name)

    @app.errorhandler(Exception)
    def unexpected(error: Exception) -> tuple[Response, int]:
        log.exception("console request %s %s failed", request.method, request.path)
        return _error(500, "the console failed on this request; its log has the details")


def _register_api(app: Flask, state: ConsoleState) -> None:
    @app.get("/api/state")
    def snapshot() -> Response:
        return jsonify(state.snapshot())

    @app.post("/api/say")
    def say() -> Response:
        records = state.say(_body().get("text"))
        return jsonify({"records": records, "settings": state.settings()})

    def control(action: Callable[[], list[dict[str, Any]]]) -> Callable[[], Response]:
        """A button's call: an empty JSON body in, the records it added and the settings out."""
        def view() -> Response:
            _body()
            return jsonify({"records": action(), "settings": state.settings()})
        return view

    for path, action in (("/api/session/new", state.new_session),
                         ("/api/progress/clear", state.clear_progress),
                         ("/api/history/clear", state.clear_history)):
        app.add_url_rule(path, action.__name__, control(action), methods=["POST"])

    @app.post("/api/settings")
    def settings() -> Response:
        return jsonify({"records": state.update(_body()), "settings": state.settings()})

    @app.get("/api/turns/<int:number>")
    def turn(number: int) -> Response:
        return jsonify(state.record(number))

    @app.get("/api/turns/<int:number>/speech.wav")
    def speech(number: int) -> BaseResponse:
        wav = state.speech_wav(number)
        audio = Response(wav, mimetype="audio/wav")
        audio.headers["Cache-Control"] = "private, max-age=3600"
        # Range requests answered: a media element may ask for parts of the file
        return audio.make_conditional(request, accept_ranges=True, complete_length=len(wav))


def create_app(state: ConsoleState, *, allowed_hosts: Collection[str] | None = None) -> Flask:
    """The console app over ``state``. ``allowed_hosts`` are the lowercase ``host:port`` values
    the Host header may carry, read on every request (the server fills them in once it knows
    its port); None accepts any, for ``--allow-remote``."""
    app = Flask(__name__, static_folder="static", static_url_path="/static")
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    app.json.sort_keys = False  # type: ignore[attr-defined]  # records read in their own order

    @app.before_request
    def guard() -> tuple[Response, int] | None:
        return _check_origin(allowed_hosts)

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers.update(SECURITY_HEADERS)
        if request.path.startswith("/api/") and "Cache-Control" not in response.headers:
            response.headers["Cache-Control"] = "no-store"
        return response

    @app.get("/")
    def index() -> BaseResponse:
        page = app.send_static_file("index.html")
        page.headers["Cache-Control"] = "no-cache"
        return page

    _register_errors(app)
    _register_api(app, state)
    return app
