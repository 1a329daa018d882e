"""Where the console listens, and the server that listens there.

The console runs the skill, shows every envelope and deletes progress for whoever reaches it,
and it has no login: it binds to loopback, and any other address is refused unless the caller
says ``allow_remote`` (``balto console --allow-remote``), which prints a warning. A host name
counts as loopback only when every address it resolves to is.

It is served by waitress with the limits ``balto serve`` uses (``balto.web.waitress_server``):
threads for the page's parallel requests, a connection deadline, a body cap.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from dataclasses import dataclass
from typing import Any

from balto.console.app import MAX_BODY_BYTES, create_app
from balto.console.state import ConsoleState
from balto.web.waitress_server import ServerLimits, create_waitress_server

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
#: One page makes a few requests at a time; audio renders on its own thread.
THREADS = 4

REMOTE_WARNING = (
    "WARNING: the console is listening on {host}, beyond this machine. It has no login: anyone "
    "who can reach {url} can talk to the skill as any user, read every turn and clear progress. "
    "Use it on a network you trust, and stop it when you are done."
)


class HostRefused(ValueError):
    """A non-loopback address without ``allow_remote``; the message says how to proceed."""


def is_loopback(host: str) -> bool:
    """True for a loopback address (127.0.0.0/8, ::1) or a name resolving only to such."""
    name = host.strip().strip("[]")
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(name, None)
    except (OSError, UnicodeError):
        return False
    addresses = {info[4][0] for info in infos}
    return bool(addresses) and all(
        ipaddress.ip_address(str(address).split("%")[0]).is_loopback for address in addresses)


def check_host(host: str, *, allow_remote: bool = False) -> str | None:
    """None for a loopback host; for another, the warning to print when ``allow_remote``,
    else :class:`HostRefused`."""
    if is_loopback(host):
        return None
    if not allow_remote:
        raise HostRefused(
            f"refusing to listen on {host!r}: the console has no login, so it listens on "
            "loopback only (127.0.0.1, ::1, localhost). Pass --allow-remote to listen there "
            "anyway.")
    return REMOTE_WARNING


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """The Host header values a loopback console answers to (its own address and port)."""
    names = {host.strip("[]"), "localhost", "127.0.0.1", "[::1]"}
    bracketed = {f"[{n}]" if ":" in n and not n.startswith("[") else n for n in names}
    return frozenset(f"{name}:{port}".lower() for name in bracketed)


@dataclass
class RunningConsole:
    """A console server listening (``url``), run by :meth:`serve_forever` or in a thread."""

    server: Any
    url: str
    thread: threading.Thread | None = None

    def serve_forever(self) -> None:
        """Serve until interrupted (Ctrl+C)."""
        try:
            self.server.run()
        except KeyboardInterrupt:
            pass
        finally:
            self.server.close()

    def start(self) -> RunningConsole:
        """Serve on a background thread (tests; stop with :meth:`stop`)."""
        self.thread = threading.Thread(target=self.server.run, name="balto-console",
                                       daemon=True)
        self.thread.start()
        return self

    def stop(self, timeout: float = 10) -> None:
        """Stop listening, close open connections and wait for the server thread."""
        self.server.close()
        for channel in list(getattr(self.server, "_map", {}).values()):
            channel.close()
        if self.thread is not None:
            self.thread.join(timeout)


def make_console(state: ConsoleState, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *,
                 allow_remote: bool = False) -> RunningConsole:
    """Bind the console (port 0: any free port) after the host check; not yet serving."""
    check_host(host, allow_remote=allow_remote)
    hosts: set[str] | None = None if allow_remote else set()  # filled once the port is known
    server = create_waitress_server(create_app(state, allowed_hosts=hosts), host, port,
                                    threads=THREADS, max_request_body_size=MAX_BODY_BYTES,
                                    limits=ServerLimits())
    bound = int(server.effective_port)
    if hosts is not None:
        hosts.update(allowed_hosts(host, bound))
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return RunningConsole(server, f"http://{shown}:{bound}/")
