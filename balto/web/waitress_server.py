"""The waitress server behind ``balto serve``, with its limits and timeouts chosen on purpose.

Why not waitress's defaults: they allow 100 connections and close one only after 120 s without a
byte, so 110 idle connections (or 100 clients sending one byte a minute) shut out every real
request. waitress is asynchronous for I/O, so an open connection costs a file descriptor and a
small buffer, not a thread; the limits below let it hold many more of them, close idle ones
quickly, and close one whose request has not arrived in full within a deadline however it trickles.

These limits make a directly exposed server hard to starve, not immune: production runs behind a
TLS terminator (nginx, Caddy or an AWS ALB) that buffers whole requests and speaks to waitress over
loopback (docs/security.md has sample configurations).
"""

from __future__ import annotations

import logging
import time
from typing import Any

from skill.records import Record

__all__ = ["ServerLimits", "create_waitress_server"]

log = logging.getLogger(__name__)

#: File descriptors kept free beyond the connections: listeners, worker buffers, log files.
FD_HEADROOM = 64


class ServerLimits(Record):
    """Connection limits and timeouts for waitress (all times in whole seconds, as waitress wants).

    Attributes
    ----------
    connection_limit:
        Open connections at most (waitress's default is 100). Each costs a file descriptor; the
        process's descriptor limit is raised to fit if the hard limit allows, else this is lowered.
    channel_timeout:
        A connection with no bytes in either direction for this long is closed (default 120).
        Alexa's requests arrive in well under a second.
    request_deadline:
        A request whose headers and body have not all arrived this long after its first byte is
        closed, however slowly it trickles (waitress has no such limit).
    cleanup_interval:
        How often idle connections are looked for (default 30).
    max_request_header_size:
        Bytes of request headers at most (default 256 KiB; Alexa sends about 2 KiB).
    backlog:
        Connections the OS queues while the server is at ``connection_limit``.
    """

    __slots__ = ()

    connection_limit: int = 1000
    channel_timeout: int = 15
    request_deadline: int = 10
    cleanup_interval: int = 1
    max_request_header_size: int = 64 * 1024
    backlog: int = 1024


def _descriptor_limit(wanted: int) -> int:
    """Raise the soft RLIMIT_NOFILE to ``wanted`` if the hard limit allows; return what we have."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not on POSIX
        return wanted
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY or soft >= wanted:
        return wanted
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    except (ValueError, OSError):
        return int(soft)
    return target


def _guarded_channel_class(request_deadline: int) -> type:
    """waitress's HTTPChannel, closing a connection whose request has not arrived in time."""
    from waitress.channel import HTTPChannel

    class DeadlineChannel(HTTPChannel):
        """Remembers when the request being read began; gives up on it after the deadline."""

        deadline = float(request_deadline)
        request_started = 0.0
        will_close: bool  # waitress's flag: close the connection at the next loop pass

        def received(self, data: bytes) -> bool:
            if self.request is None:
                self.request_started = time.monotonic()
            return bool(super().received(data))

        def readable(self) -> bool:
            # waitress calls this on every pass of its loop (at least once a second)
            if (
                self.request is not None
                and not self.will_close
                and time.monotonic() - self.request_started > self.deadline
            ):
                log.info(
                    "closing a connection from %s: request not complete after %.0f s",
                    self.addr[0] if isinstance(self.addr, tuple) else self.addr,
                    self.deadline,
                )
                self.will_close = True
            return bool(super().readable())

    return DeadlineChannel


def create_waitress_server(
    app: Any,
    host: str,
    port: int,
    *,
    threads: int,
    max_request_body_size: int,
    limits: ServerLimits,
) -> Any:
    """``waitress.create_server`` with ``limits`` applied; not started (call ``.run()``)."""
    from waitress.server import BaseWSGIServer, create_server

    available = _descriptor_limit(limits.connection_limit + threads + FD_HEADROOM)
    connection_limit = min(limits.connection_limit, available - threads - FD_HEADROOM)
    if connection_limit < limits.connection_limit:
        log.warning(
            "open-file limit %d allows only %d connections (wanted %d); raise it with ulimit -n",
            available,
            connection_limit,
            limits.connection_limit,
        )
    server = create_server(
        app,
        host=host,
        port=port,
        threads=threads,
        max_request_body_size=max_request_body_size,
        ident="serum-run",
        clear_untrusted_proxy_headers=True,
        connection_limit=max(connection_limit, 1),
        channel_timeout=limits.channel_timeout,
        cleanup_interval=limits.cleanup_interval,
        max_request_header_size=limits.max_request_header_size,
        backlog=limits.backlog,
        asyncore_use_poll=True,  # select() cannot watch descriptors numbered 1024 and up
    )
    channel_class = _guarded_channel_class(limits.request_deadline)
    listeners = [server] if isinstance(server, BaseWSGIServer) else list(server.map.values())
    for listener in listeners:
        if isinstance(listener, BaseWSGIServer):
            # waitress's documented extension point: the class each accepted connection gets
            listener.channel_class = channel_class
    return server
