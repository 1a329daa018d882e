"""Load test for the web host (``balto serve``): N requests at concurrency C against a real server.

Usage (repository root, shared virtualenv active)::

    python benchmarks/load_web.py                          # 2,000 requests, concurrency 16
    python benchmarks/load_web.py --mode signed            # full Alexa verification on
    python benchmarks/load_web.py --skill floor            # the one-handler ask-sdk floor
    python benchmarks/load_web.py --requests 500 --concurrency 4 --json

What it does: starts ``benchmarks/web_server.py`` (the same ``create_app`` + waitress server as
``balto serve``) on 127.0.0.1 with an OS-chosen port, warms it up, then C client threads — each
with one keep-alive connection, as Alexa's front end keeps connections open — send the request mix
(launch, help, fallback and, when the model has it, a free-form question) until N requests are done
or ``--max-seconds`` has passed. Every request must answer 200 with a JSON body holding a
``response``; anything else is an error. The server is always stopped at the end.

Prints requests, concurrency, p50, p99, throughput and errors; exits 1 on any error or when the
time budget ran out before N requests. The client uses only the standard library; in ``signed``
mode the server process signs the bodies with a test CA it generates and trusts (no network).
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import queue
import re
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

import events  # noqa: E402  (benchmarks/events.py: the shared request envelopes)

STARTUP_TIMEOUT = 60.0
REQUEST_TIMEOUT = 10.0
WARMUP_REQUESTS = 32
BODY_POOL = 64
_ADDRESS = re.compile(r"http://127\.0\.0\.1:(\d+)/")


@dataclass
class Result:
    mode: str
    skill: str
    server_threads: int
    requests: int
    concurrency: int
    completed: int
    errors: int
    wall_seconds: float
    mix: str
    p50_ms: float
    p99_ms: float
    max_ms: float
    throughput_rps: float
    error_samples: list[str] = field(default_factory=list)


def request_mix() -> dict[str, dict[str, Any]]:
    """launch, help, fallback and, once the interaction model has it, the free-form question."""
    mix = dict(events.dispatch_requests())
    question = events.question()
    if question is not None:
        mix["question"] = question
    return mix


def request_bodies(count: int) -> list[str]:
    """``count`` distinct bodies cycling through the request mix, each with a fresh timestamp."""
    mix = list(request_mix().values())
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    bodies = []
    for index in range(count):
        envelope = json.loads(json.dumps(mix[index % len(mix)]))
        envelope["request"]["timestamp"] = stamp
        envelope["request"]["requestId"] = f"amzn1.echo-api.request.{uuid.uuid4()}"
        bodies.append(json.dumps(envelope, separators=(",", ":")))
    return bodies


class ServerProcess:
    """benchmarks/web_server.py in a child process; stopped by :meth:`stop` whatever happened."""

    def __init__(self, args: list[str]) -> None:
        self.output: list[str] = []
        self._lines: queue.Queue[str | None] = queue.Queue()
        self.process = subprocess.Popen(
            [sys.executable, str(BENCH / "web_server.py"), *args],
            cwd=REPO,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self._lines.put(line)
        self._lines.put(None)

    def wait_for_port(self) -> int:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while True:
            try:
                line = self._lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                raise RuntimeError("server did not start:\n" + "".join(self.output)) from None
            if line is None:
                raise RuntimeError("server exited during startup:\n" + "".join(self.output))
            self.output.append(line)
            match = _ADDRESS.search(line)
            if match:
                return int(match.group(1))

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


class Client:
    """One keep-alive connection; reconnects after a failure."""

    def __init__(self, port: int) -> None:
        self._port = port
        self._conn: http.client.HTTPConnection | None = None

    def post(self, body: bytes, headers: dict[str, str]) -> str | None:
        """Send one request; None when it succeeded, else a short description of the failure."""
        if self._conn is None:
            self._conn = http.client.HTTPConnection(
                "127.0.0.1", self._port, timeout=REQUEST_TIMEOUT
            )
        try:
            self._conn.request("POST", "/", body=body, headers=headers)
            response = self._conn.getresponse()
            raw = response.read()
        except (OSError, http.client.HTTPException) as exc:
            self.close()
            return f"{type(exc).__name__}: {exc}"
        if response.status != 200:
            return f"HTTP {response.status}: {raw[:120]!r}"
        try:
            payload: Any = json.loads(raw)
        except ValueError:
            return "200 with a body that is not JSON"
        if not isinstance(payload, dict) or "response" not in payload:
            return "200 without a response object"
        return None

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    if not sorted_values:
        return math.nan
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[rank - 1]


def run_load(
    port: int,
    requests: list[tuple[bytes, dict[str, str]]],
    total: int,
    concurrency: int,
    max_seconds: float,
) -> tuple[list[float], list[str], float]:
    """Drive ``total`` requests with ``concurrency`` threads: latencies, errors, wall time."""
    lock = threading.Lock()
    next_index = [0]
    latencies: list[float] = []
    errors: list[str] = []
    deadline = time.monotonic() + max_seconds

    def worker() -> None:
        client = Client(port)
        try:
            while time.monotonic() < deadline:
                with lock:
                    index = next_index[0]
                    if index >= total:
                        return
                    next_index[0] += 1
                body, headers = requests[index % len(requests)]
                started = time.perf_counter()
                failure = client.post(body, headers)
                elapsed = time.perf_counter() - started
                with lock:
                    if failure is None:
                        latencies.append(elapsed)
                    else:
                        errors.append(failure)
        finally:
            client.close()

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max_seconds + REQUEST_TIMEOUT + 5)
    return latencies, errors, time.perf_counter() - started


def prepare_requests(
    mode: str, workdir: Path
) -> tuple[list[str], list[tuple[bytes, dict[str, str]]]]:
    """Server arguments and the (body, headers) pool; signed mode gets headers from the server."""
    bodies = request_bodies(BODY_POOL)
    if mode != "signed":
        plain = {"Content-Type": "application/json"}
        return [], [(text.encode("utf-8"), plain) for text in bodies]
    bodies_file = workdir / "bodies.json"
    bodies_file.write_text(json.dumps(bodies), encoding="utf-8")
    return ["--bodies", str(bodies_file), "--signatures", str(workdir / "signatures.json")], [
        (text.encode("utf-8"), {}) for text in bodies
    ]


def measure(args: argparse.Namespace) -> Result:
    with tempfile.TemporaryDirectory(prefix="load_web_") as tmp:
        workdir = Path(tmp)
        extra, pool = prepare_requests(args.mode, workdir)
        server = ServerProcess(
            ["--mode", args.mode, "--skill", args.skill, "--threads", str(args.threads), *extra]
        )
        try:
            port = server.wait_for_port()
            if args.mode == "signed":
                signed = json.loads((workdir / "signatures.json").read_text(encoding="utf-8"))
                pool = [(body, headers) for (body, _), headers in zip(pool, signed, strict=True)]
            _, warm_errors, _ = run_load(port, pool, WARMUP_REQUESTS, 4, 30.0)
            if warm_errors:
                raise RuntimeError(f"warm-up failed: {warm_errors[:3]}")
            latencies, errors, wall = run_load(
                port, pool, args.requests, args.concurrency, args.max_seconds
            )
        finally:
            server.stop()
    latencies.sort()
    completed = len(latencies) + len(errors)
    return Result(
        mode=args.mode,
        skill=args.skill,
        server_threads=args.threads,
        requests=args.requests,
        concurrency=args.concurrency,
        completed=completed,
        errors=len(errors),
        wall_seconds=round(wall, 3),
        mix=", ".join(request_mix()),
        p50_ms=round(percentile(latencies, 0.50) * 1000, 2),
        p99_ms=round(percentile(latencies, 0.99) * 1000, 2),
        max_ms=round((latencies[-1] if latencies else math.nan) * 1000, 2),
        throughput_rps=round(completed / wall, 1) if wall > 0 else math.nan,
        error_samples=sorted(set(errors))[:5],
    )


def print_table(result: Result) -> None:
    rows = [
        (
            "skill / mode",
            f"{result.skill} / {result.mode} (server threads {result.server_threads})",
        ),
        ("request mix", result.mix),
        ("requests", f"{result.completed} of {result.requests}"),
        ("concurrency", str(result.concurrency)),
        ("p50", f"{result.p50_ms:.2f} ms"),
        ("p99", f"{result.p99_ms:.2f} ms"),
        ("max", f"{result.max_ms:.2f} ms"),
        ("throughput", f"{result.throughput_rps:.1f} req/s"),
        ("errors", str(result.errors)),
        ("wall time", f"{result.wall_seconds:.2f} s"),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    for sample in result.error_samples:
        print(f"  error: {sample}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Load-test the web host.", formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--mode", choices=("no-verify", "signed"), default="no-verify")
    parser.add_argument("--skill", choices=("real", "floor"), default="real")
    parser.add_argument("--threads", type=int, default=8, help="waitress worker threads")
    parser.add_argument(
        "--max-seconds",
        type=float,
        default=120.0,
        help="time budget for the measured run (signed bodies must stay within Alexa's 150 s)",
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    if args.requests < 1 or args.concurrency < 1:
        parser.error("--requests and --concurrency must be positive")
    if args.mode == "signed" and args.max_seconds > 140:
        parser.error("--mode signed: --max-seconds must stay under Alexa's 150 s tolerance")
    result = measure(args)
    if args.json:
        print(json.dumps(asdict(result), indent=2))
    else:
        print_table(result)
    return 0 if result.errors == 0 and result.completed == result.requests else 1


if __name__ == "__main__":
    sys.exit(main())
