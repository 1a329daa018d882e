"""moto's server, answering one request at a time: ``python serial_moto.py PORT``.

DynamoDB applies each conditional write atomically: the condition is checked and the item
written as one step, so of two writers that read the same version only one can write the next.
moto's own server (``moto.server``) runs every request in a thread of its own with no lock
around the table, so two racing puts can both pass one condition before either writes, which
made the progress-race tests fail now and then on a busy machine through moto, not through the
adapter. Serving each request whole before the next restores DynamoDB's guarantee and nothing
more: a writer that skipped the condition would still lose updates here, between requests.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterable
from typing import Any

from moto.moto_server.werkzeug_app import (
    DomainDispatcherApplication,
    MotoRequestHandler,
    create_backend_app,
)
from werkzeug.serving import run_simple


class OneAtATime:
    """A WSGI app that lets one request through at a time, its whole response included."""

    def __init__(self, app: Callable[..., Iterable[bytes]]) -> None:
        self._app = app
        self._lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        with self._lock:
            return list(self._app(environ, start_response))


def main(argv: list[str]) -> None:
    port = int(argv[0])
    app = DomainDispatcherApplication(create_backend_app)
    run_simple("127.0.0.1", port, OneAtATime(app), threaded=True,
               request_handler=MotoRequestHandler)


if __name__ == "__main__":
    main(sys.argv[1:])
