"""Profile Serum Run's warm request path and show where the time goes beyond the floor's.

Usage (repository root, shared virtualenv active)::

    python benchmarks/profile_warm.py              # launch, help, fallback and the question
    python benchmarks/profile_warm.py --top 40 --sort tottime

Why next to ``run.py``: the runner says *whether* a warm request costs too much; this says *which
functions* cost it. Both skills handle the same requests under cProfile, and the report lists the
functions whose cumulative time Serum Run spends and the floor does not (our handlers, rendering,
interceptors) separately from the ask-sdk machinery both share (deserialize, dispatch, serialize).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
from collections.abc import Sequence
from pathlib import Path

import events
from run import BASELINE_DIR, LAMBDA_FILE, load_entry


def profile(handler: object, requests: Sequence[dict], iterations: int) -> pstats.Stats:
    """Run every request ``iterations`` times under cProfile."""
    call = handler  # type: ignore[assignment]
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(iterations):
        for event in requests:
            call(event, None)  # type: ignore[operator]
    profiler.disable()
    return pstats.Stats(profiler, stream=io.StringIO())


def own_time_by_area(stats: pstats.Stats) -> dict[str, float]:
    """Total own (tottime) seconds per area: our package, ask-sdk, json, logging, the rest."""
    areas: dict[str, float] = {}
    for (filename, _line, _name), row in stats.stats.items():  # type: ignore[attr-defined]
        own = row[2]
        path = filename.replace(os.sep, "/")
        if "/skill/" in path:
            area = "skill/ (" + path.split("/skill/", 1)[1].split("/", 1)[0] + ")"
        elif "ask_sdk_model" in path:
            area = "ask_sdk_model"
        elif "ask_sdk_core" in path or "ask_sdk_runtime" in path:
            area = "ask_sdk_core/runtime"
        elif "/json/" in path or filename.startswith("<built-in method _json"):
            area = "json"
        elif "/logging/" in path:
            area = "logging"
        elif "dateutil" in path or "_strptime" in path or "datetime" in path:
            area = "dates"
        elif "typing" in path:
            area = "typing"
        else:
            area = "other"
        areas[area] = areas.get(area, 0.0) + own
    return dict(sorted(areas.items(), key=lambda item: -item[1]))


def report(title: str, stats: pstats.Stats, calls: int, top: int, sort: str) -> None:
    print(f"\n=== {title}: {stats.total_tt / calls * 1e6:.0f} µs per request (under cProfile)")
    for area, seconds in own_time_by_area(stats).items():
        print(f"  {area:<28} {seconds / calls * 1e6:8.1f} µs/request")
    stream = io.StringIO()
    stats.stream = stream  # type: ignore[attr-defined]
    stats.sort_stats(sort).print_stats(top)
    print(stream.getvalue())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iterations", type=int, default=500)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sort", default="cumulative", choices=["cumulative", "tottime"])
    args = parser.parse_args(argv)
    for name in ("TABLE_NAME", "SKILL_ID", "SERUM_RUN_DB"):
        os.environ.pop(name, None)
    ours = load_entry(LAMBDA_FILE, "serum_run_lambda")
    floor = load_entry(Path(BASELINE_DIR) / "lambda_function.py", "baseline_lambda")
    requests = list(events.dispatch_requests().values())
    question = events.question()
    if question is not None:
        requests.append(question)
    calls = args.iterations * len(requests)
    report(
        "floor",
        profile(floor.lambda_handler, requests, args.iterations),
        calls,
        args.top,
        args.sort,
    )
    report(
        "Serum Run",
        profile(ours.lambda_handler, requests, args.iterations),
        calls,
        args.top,
        args.sort,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
