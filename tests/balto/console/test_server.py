"""Where the console listens: loopback unless told otherwise, and the real `balto console`."""

from __future__ import annotations

import io
import json
import os
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from balto import cli
from balto.console import server
from balto.console.server import HostRefused, allowed_hosts, check_host, is_loopback, make_console
from balto.console.state import ConsoleState
from tests.balto.web.live import live_server


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"])
def test_loopback_addresses_and_names_are_accepted(host: str) -> None:
    assert is_loopback(host)
    assert check_host(host) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "10.0.0.1", "8.8.8.8",
                                  "no-such-host.invalid"])
def test_other_addresses_are_refused_without_the_explicit_flag(host: str) -> None:
    assert not is_loopback(host)
    with pytest.raises(HostRefused, match="--allow-remote"):
        check_host(host)
    warning = check_host(host, allow_remote=True)
    assert warning is not None and "no login" in warning


def test_the_host_header_may_name_only_the_console_itself() -> None:
    hosts = allowed_hosts("127.0.0.1", 8000)
    assert {"127.0.0.1:8000", "localhost:8000", "[::1]:8000"} <= hosts
    assert "127.0.0.1:8001" not in hosts and "evil.example:8000" not in hosts
    assert "[::1]:9000" in allowed_hosts("::1", 9000)


def test_the_cli_refuses_a_public_address_and_binds_nothing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def must_not_bind(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the console was started")

    monkeypatch.setattr(server, "make_console", must_not_bind)
    err = io.StringIO()
    status = cli.run(["console", "--host", "0.0.0.0"], environ={}, stdin=io.StringIO(),
                     out=io.StringIO(), err=err)
    assert status == cli.EXIT_USAGE
    assert "refusing to listen on '0.0.0.0'" in err.getvalue()
    assert "--allow-remote" in err.getvalue()


def test_the_cli_with_allow_remote_warns_then_serves(monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path) -> None:
    started: dict[str, Any] = {}

    class Stand:
        url = "http://0.0.0.0:8000/"

        def serve_forever(self) -> None:
            started["served"] = True

    def fake_make_console(state: ConsoleState, host: str, port: int, *,
                          allow_remote: bool) -> Stand:
        started.update(host=host, port=port, allow_remote=allow_remote)
        state.close()
        return Stand()

    monkeypatch.setattr(server, "make_console", fake_make_console)
    err = io.StringIO()
    status = cli.run(["console", "--host", "0.0.0.0", "--allow-remote", "--db",
                      str(tmp_path / "p.sqlite3")], environ={}, stdin=io.StringIO(),
                     out=io.StringIO(), err=err)
    assert status == cli.EXIT_OK
    assert started == {"host": "0.0.0.0", "port": 8000, "allow_remote": True, "served": True}
    assert "WARNING: the console is listening on 0.0.0.0" in err.getvalue()


@pytest.mark.parametrize("argv, message", [
    (["console", "--port", "70000"], "not a port number"),
    (["console", "--device", "toaster"], "invalid choice"),
])
def test_the_cli_rejects_bad_options(argv: list[str], message: str,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.build_parser().parse_args(argv)
    assert exited.value.code == 2
    assert message in capsys.readouterr().err


def test_the_server_serves_on_a_free_port_and_stops(state: ConsoleState) -> None:
    running = make_console(state, "127.0.0.1", 0).start()
    try:
        assert running.url.startswith("http://127.0.0.1:") and not running.url.endswith(":0/")
        with urllib.request.urlopen(running.url + "api/state", timeout=10) as answer:
            assert json.load(answer)["settings"]["user"] == state.user
    finally:
        running.stop()
    assert running.thread is not None and not running.thread.is_alive()


@pytest.mark.slow
def test_balto_console_runs_as_a_command(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "LOG_LEVEL": "WARNING"}
    env.pop("SERUM_RUN_DB", None)
    with live_server("console", "--user", "commander", module="balto.cli", env=env) as live:
        status, page, headers = live.request("GET", "/")
        assert status == 200 and b"Serum Run" in page
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        status, body, _ = live.request(
            "POST", "/api/say", json.dumps({"text": "who was togo"}).encode(),
            {"Content-Type": "application/json"})
        assert status == 200
        [turn] = json.loads(body)["records"]
        assert turn["intent"] == "AboutDogIntent" and turn["user"] == "commander"
        status, body, _ = live.request("GET", "/api/state", headers={"Host": "evil.example"})
        assert status == 400
    banner = "".join(live.output)
    assert "Serum Run console: http://127.0.0.1:" in banner
    # progress goes where balto chat keeps it
    assert str(tmp_path / "serum-run" / "progress.sqlite3") in banner
