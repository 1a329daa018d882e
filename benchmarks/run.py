"""Serum Run performance suite: one run, every figure side by side with its floor, one table.

Usage (from the repository root, with the shared virtualenv active)::

    python benchmarks/run.py            # full run, about two minutes
    python benchmarks/run.py --quick    # fewer repetitions, for a smoke check
    python benchmarks/run.py --build    # rebuild the SAM artifact first

Why side by side: this machine is noisy, so absolute milliseconds mean little from one run to the
next. Every measurement of Serum Run is interleaved with the same measurement of the floor — a
one-handler ask-sdk-core skill (``benchmarks/baseline_skill``) — and the table reports medians
and the ratio between them, which is what the targets are written against.

Rows:

* **cold start, artifact** — ``sam build``'s output, zipped and unzipped again the way Lambda does
  it, run by Python 3.12 with bytecode writes off (``/var/task`` is read-only on Lambda), against
  the floor installed normally in a 3.12 virtualenv (``benchmarks/.venv-312``, created on first
  run). Each sample is a fresh process: interpreter start, import, one LaunchRequest, exit.
* **cold start, source** — ``lambda/lambda_function.py`` from the checkout against the floor, both
  on the interpreter running this script.
* **warm dispatch** — launch / help / fallback through ``lambda_handler`` in one process.
* **free-form question** — a question through the search-query intent: p99 minus the floor's p99.
* **NLU resolve** — the simulator's utterance -> intent resolution, p50.
* **artifact size** — unpacked and zipped.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import events

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "benchmarks"
BASELINE_DIR = BENCH / "baseline_skill"
BASELINE_VENV = BENCH / ".venv-312"
ARTIFACT = REPO / ".aws-sam" / "build" / "SkillFunction"
LAMBDA_FILE = REPO / "lambda" / "lambda_function.py"
SAM = REPO / ".venv-sam" / "bin" / "sam"
LAMBDA_PYTHON = "3.12"
#: Same pin as lambda/requirements.txt, so the floor runs the ask-sdk-core the artifact ships.
BASELINE_REQUIREMENT = "ask-sdk-core==1.19.0"
#: A fresh container answering a question first ("ask serum run how far did togo run"), against
#: the floor's cold launch: the answering core has to be loaded, so it may cost a little more.
ONE_SHOT_LIMIT = 1.2

#: Runs in a fresh interpreter: import the entry from the working directory, answer one launch.
#: The Lambda Python runtime (awslambdaric's bootstrap) has already imported importlib, json,
#: logging, os, sys, time and traceback when it imports the handler module, so both skills get the
#: same prelude; the in-process clock starts after it, the wall clock before the interpreter.
COLD_START_CODE = (
    "import importlib, json, logging, os, sys, time, traceback; t0 = time.perf_counter(); "
    "import lambda_function; "
    "r = lambda_function.lambda_handler(json.loads(sys.argv[1]), None); "
    "assert r['response']['outputSpeech'], r; "
    "print(round((time.perf_counter() - t0) * 1000, 3), len(sys.modules))"
)


@dataclass
class Row:
    """One line of the results table."""

    name: str
    ours: str
    floor: str
    ratio: str
    target: str
    verdict: str


def fmt_ms(value: float) -> str:
    return f"{value:.2f} ms" if value >= 1 else f"{value * 1000:.0f} µs"


def ratio_row(name: str, ours: float, floor: float, limit: float) -> Row:
    ratio = ours / floor
    return Row(
        name,
        fmt_ms(ours),
        fmt_ms(floor),
        f"{ratio:.2f}x",
        f"<= {limit:.1f}x",
        "ok" if ratio <= limit else "MISS",
    )


def na_row(name: str, reason: str) -> Row:
    return Row(name, "n/a", "", "", "", reason)


# --------------------------------------------------------------------------- interpreters


def python312() -> str | None:
    """The real Python 3.12 binary (not a pyenv shim, whose bash start-up would be timed too)."""
    env = dict(os.environ)
    env.setdefault("PYENV_VERSION", "3.12.1")
    for candidate in ("python3.12",):
        try:
            out = subprocess.run(
                [candidate, "-c", "import sys; print(sys.executable)"],
                capture_output=True,
                text=True,
                env=env,
                check=True,
                timeout=30,
            )
        except (OSError, subprocess.SubprocessError):
            continue
        return out.stdout.strip()
    return None


def baseline_python312(py312: str) -> Path:
    """The floor's interpreter: a 3.12 virtualenv with ask-sdk-core from a normal pip install."""
    python = BASELINE_VENV / "bin" / "python"
    probe = [str(python), "-c", "import ask_sdk_core"]
    if python.exists() and subprocess.run(probe, capture_output=True).returncode == 0:
        return python
    print(f"creating {BASELINE_VENV.relative_to(REPO)} (Python 3.12 + {BASELINE_REQUIREMENT})")
    subprocess.run([py312, "-m", "venv", "--clear", str(BASELINE_VENV)], check=True)
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            BASELINE_REQUIREMENT,
        ],
        check=True,
    )
    return python


# --------------------------------------------------------------------------- the artifact


def build_artifact() -> None:
    """Run ``sam build`` the way the README documents it (Python 3.12 first on pyenv's list)."""
    if not SAM.exists():
        raise SystemExit(f"{SAM.relative_to(REPO)} not found: install the SAM CLI there to build")
    env = dict(os.environ, PYENV_VERSION="3.12.1:3.11.7")
    print("building the artifact: PYENV_VERSION=3.12.1:3.11.7 .venv-sam/bin/sam build")
    subprocess.run([str(SAM), "build"], cwd=REPO, env=env, check=True)


def zip_directory(source: Path, target: Path) -> None:
    """Zip ``source`` the way ``sam package`` does (deflate, paths relative to the root)."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(source.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(source))


def tree_size(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


@contextmanager
def lambda_task_dir(zipped: Path) -> Iterator[Path]:
    """The artifact as Lambda sees it: unzipped (fresh mtimes) into a read-only directory."""
    with tempfile.TemporaryDirectory(prefix="serum-run-task-") as tmp:
        task = Path(tmp) / "task"
        with zipfile.ZipFile(zipped) as archive:
            archive.extractall(task)
        for path in [*task.rglob("*"), task]:
            path.chmod(path.stat().st_mode & ~0o222)
        try:
            yield task
        finally:
            for path in [task, *task.rglob("*")]:
                path.chmod(path.stat().st_mode | 0o200)


# --------------------------------------------------------------------------- cold start


@dataclass
class ColdTarget:
    """How to start one skill in a fresh process."""

    python: str
    cwd: Path
    env: dict[str, str]
    flags: tuple[str, ...] = ()


def clean_env(**extra: str) -> dict[str, str]:
    """The process environment minus anything that would change what the skill imports."""
    drop = (
        "PYTHONPATH",
        "PYTHONHOME",
        "TABLE_NAME",
        "SKILL_ID",
        "SERUM_RUN_DB",
        "VIRTUAL_ENV",
        "PYTHONDONTWRITEBYTECODE",
        "PYTHONPROFILEIMPORTTIME",
    )
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(extra)
    return env


def run_cold(target: ColdTarget, payload: str) -> tuple[float, float, int]:
    """(process wall ms, in-process import + first request ms, modules loaded) for one start."""
    command = [target.python, "-s", *target.flags, "-c", COLD_START_CODE, payload]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=target.cwd, env=target.env, capture_output=True, text=True)
    wall = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"cold start failed in {target.cwd}:\n{done.stderr[-2000:]}")
    init, modules = done.stdout.strip().splitlines()[-1].split()
    return wall, float(init), int(modules)


def cold_pair(
    ours: ColdTarget, floor: ColdTarget, runs: int, event: dict[str, Any] | None = None
) -> dict[str, list[float]] | str:
    """Interleave ours and the floor (alternating which goes first) after one warm-up each.

    Returns the samples, or the reason a skill could not start (shown in the table as n/a).
    """
    payload = json.dumps(event if event is not None else events.launch())
    try:
        ours_modules = run_cold(ours, payload)[2]
        floor_modules = run_cold(floor, payload)[2]
    except RuntimeError as exc:
        return str(exc).splitlines()[-1][:90]
    samples: dict[str, list[float]] = {
        "ours_wall": [],
        "ours_init": [],
        "floor_wall": [],
        "floor_init": [],
        "ours_modules": [ours_modules],
        "floor_modules": [floor_modules],
    }
    for i in range(runs):
        order = [("ours", ours), ("floor", floor)]
        for label, target in order if i % 2 == 0 else reversed(order):
            wall, init, _ = run_cold(target, payload)
            samples[f"{label}_wall"].append(wall)
            samples[f"{label}_init"].append(init)
    return samples


def cold_rows(title: str, samples: dict[str, list[float]], limit: float) -> list[Row]:
    med = {k: statistics.median(v) for k, v in samples.items()}
    return [
        ratio_row(f"{title}: process wall", med["ours_wall"], med["floor_wall"], limit),
        ratio_row(f"{title}: import + 1st request", med["ours_init"], med["floor_init"], limit),
        Row(
            f"{title}: modules loaded",
            f"{med['ours_modules']:.0f}",
            f"{med['floor_modules']:.0f}",
            f"+{med['ours_modules'] - med['floor_modules']:.0f}",
            "",
            "",
        ),
    ]


# --------------------------------------------------------------------------- in-process


def load_entry(path: Path, name: str) -> ModuleType:
    """Import a ``lambda_function.py`` under its own module name (both skills use the same one)."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def time_calls(
    pairs: Sequence[tuple[Callable[[Any, Any], Any], Any]], iterations: int
) -> list[list[float]]:
    """Per-call times (ms) for each (handler, event), interleaved call by call."""
    samples: list[list[float]] = [[] for _ in pairs]
    counter = time.perf_counter_ns
    for _ in range(iterations):
        for index, (handler, event) in enumerate(pairs):
            start = counter()
            handler(event, None)
            samples[index].append((counter() - start) / 1e6)
    return samples


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def warm_rows(ours: ModuleType, floor: ModuleType, iterations: int) -> list[Row]:
    rows = []
    for name, event in events.dispatch_requests().items():
        ours_times, floor_times = time_calls(
            [(ours.lambda_handler, event), (floor.lambda_handler, event)], iterations
        )
        rows.append(
            ratio_row(
                f"warm dispatch: {name}",
                statistics.median(ours_times),
                statistics.median(floor_times),
                1.2,
            )
        )
    return rows


class _Hygiene:
    """Counts, while active, the side effects a warm request must not have."""

    def __init__(self) -> None:
        self.active = False
        self.opens = 0
        self.records = 0
        self.pretty_dumps = 0

    def audit(self, event: str, args: tuple[Any, ...]) -> None:
        if self.active and event == "open":
            self.opens += 1


def hygiene_row(ours: ModuleType, iterations: int = 200) -> Row:
    """File opens, log records and pretty-printed JSON per warm request.

    The anchor sample pretty-printed every request for a debug log that was never written, and
    re-read its strings file on every request; this row catches either coming back (both must be
    0). Log records are only built for enabled levels, so the count (at INFO, as deployed) is the
    lines a request really writes: information, not a failure.
    """
    import logging

    counter = _Hygiene()
    sys.addaudithook(counter.audit)
    original_dumps, original_make_record = json.dumps, logging.Logger.makeRecord

    def counting_dumps(obj: Any, *args: Any, **kwargs: Any) -> str:
        if counter.active and kwargs.get("indent") is not None:
            counter.pretty_dumps += 1
        return original_dumps(obj, *args, **kwargs)

    def counting_make_record(self: logging.Logger, *args: Any, **kwargs: Any) -> logging.LogRecord:
        if counter.active:
            counter.records += 1
        return original_make_record(self, *args, **kwargs)

    requests = list(events.dispatch_requests().values())
    question = events.question()
    if question is not None:
        requests.append(question)
    json.dumps = counting_dumps  # type: ignore[assignment]
    logging.Logger.makeRecord = counting_make_record  # type: ignore[method-assign]
    try:
        counter.active = True
        for _ in range(iterations):
            for event in requests:
                ours.lambda_handler(event, None)
    finally:
        counter.active = False
        json.dumps = original_dumps  # type: ignore[assignment]
        logging.Logger.makeRecord = original_make_record  # type: ignore[method-assign]
    calls = iterations * len(requests)
    found = (counter.opens, counter.records, counter.pretty_dumps)
    return Row(
        "per warm request: files opened / log records / pretty JSON",
        " / ".join(f"{n / calls:g}" for n in found),
        "",
        "",
        "0 / (info) / 0",
        "ok" if not (counter.opens or counter.pretty_dumps) else "MISS",
    )


def question_row(ours: ModuleType, floor: ModuleType, iterations: int) -> Row:
    event = events.question()
    if event is None:
        return na_row("free-form question p99", "interaction model has no SearchQuery intent")
    answer = ours.lambda_handler(event, None)["response"].get("outputSpeech", {})
    if not answer:
        return na_row("free-form question p99", "the question got no spoken answer")
    ours_times, floor_times = time_calls(
        [(ours.lambda_handler, event), (floor.lambda_handler, event)], iterations
    )
    p99_ours, p99_floor = percentile(ours_times, 99), percentile(floor_times, 99)
    extra = p99_ours - p99_floor
    return Row(
        "free-form question p99",
        fmt_ms(p99_ours),
        fmt_ms(p99_floor),
        f"+{fmt_ms(extra)}",
        "<= +1 ms",
        "ok" if extra <= 1.0 else "MISS",
    )


def nlu_row(iterations: int) -> Row:
    try:
        from balto.nlu import NluEngine, load_model
    except ImportError as exc:
        return na_row("simulator NLU resolve p50", f"balto.nlu not importable ({exc})")
    if not events.MODEL_FILE.exists():
        return na_row("simulator NLU resolve p50", "interaction_model/en-US.json missing")
    engine = NluEngine(load_model(events.MODEL_FILE))
    times: list[float] = []
    for _ in range(iterations):
        for utterance in events.NLU_UTTERANCES:
            start = time.perf_counter_ns()
            engine.resolve(utterance)
            times.append((time.perf_counter_ns() - start) / 1e6)
    p50, p99 = statistics.median(times), percentile(times, 99)
    return Row("simulator NLU resolve", f"p50 {fmt_ms(p50)}", f"p99 {fmt_ms(p99)}", "", "", "")


# --------------------------------------------------------------------------- table


def print_table(rows: list[Row], notes: list[str]) -> None:
    headers = Row("measurement", "Serum Run", "floor", "ratio", "target", "")
    widths = [max(len(getattr(r, f)) for r in [headers, *rows]) for f in Row.__dataclass_fields__]
    for index, row in enumerate([headers, *rows]):
        cells = [
            getattr(row, f).ljust(w) for f, w in zip(Row.__dataclass_fields__, widths, strict=True)
        ]
        print("| " + " | ".join(cells) + " |")
        if index == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for note in notes:
        print(f"- {note}")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (smoke check)")
    parser.add_argument("--build", action="store_true", help="run `sam build` first")
    parser.add_argument("--cold-runs", type=int, default=None, help="fresh processes per skill")
    parser.add_argument("--warm-iterations", type=int, default=None, help="calls per request")
    return parser.parse_args(argv)


def artifact_rows(cold_runs: int, notes: list[str]) -> list[Row]:
    """Cold start of the zipped artifact under 3.12, plus its size."""
    py312 = python312()
    if py312 is None:
        return [na_row("cold start, artifact", "no python3.12 (pyenv install 3.12)")]
    if not (ARTIFACT / "lambda_function.py").exists():
        return [
            na_row(
                "cold start, artifact",
                "no .aws-sam/build/SkillFunction: run with --build or `make build`",
            )
        ]
    floor_python = baseline_python312(py312)
    with tempfile.TemporaryDirectory(prefix="serum-run-zip-") as tmp:
        zipped = Path(tmp) / "SkillFunction.zip"
        zip_directory(ARTIFACT, zipped)
        unpacked, packed = tree_size(ARTIFACT), zipped.stat().st_size
        with lambda_task_dir(zipped) as task:
            ours = ColdTarget(py312, task, clean_env(PYTHONDONTWRITEBYTECODE="1"), ("-B",))
            floor = ColdTarget(str(floor_python), BASELINE_DIR, clean_env())
            samples = cold_pair(ours, floor, cold_runs)
            question = events.question()
            # What issue 10 holds to 1.2x: a fresh container whose first request is a question.
            one_shot = (cold_pair(ours, floor, cold_runs, question) if question is not None
                        else "no question event")
            compiled = bytecode_row(ours)
    notes.append(f"artifact interpreter: {py312}; floor: {floor_python.relative_to(REPO)}")
    size = Row(
        "artifact size",
        f"{unpacked / 1e6:.2f} MB unpacked",
        f"{packed / 1e6:.2f} MB zipped",
        "",
        "",
        "",
    )
    title = "cold start, artifact (3.12), one-shot question"
    question_rows = ([na_row(title, one_shot)] if isinstance(one_shot, str)
                     else [cold_rows(title, one_shot, ONE_SHOT_LIMIT)[1]])
    if isinstance(samples, str):
        return [na_row("cold start, artifact (3.12)", samples), *question_rows, size, compiled]
    return [*cold_rows("cold start, artifact (3.12)", samples, 1.1), *question_rows, compiled,
            size]


def bytecode_row(target: ColdTarget) -> Row:
    """How many of the artifact's modules a cold start compiles from source (must be 0).

    ``python -v`` names the file each code object comes from: a ``.pyc`` when the shipped
    bytecode was used, the ``.py`` when the module had to be compiled (what made the anchor's
    cold start 2.5x: /var/task is read-only, so nothing compiled is ever kept).
    """
    verbose = ColdTarget(target.python, target.cwd, target.env, (*target.flags, "-v"))
    command = [verbose.python, "-s", *verbose.flags, "-c", COLD_START_CODE]
    done = subprocess.run(
        [*command, json.dumps(events.launch())],
        cwd=target.cwd,
        env=target.env,
        capture_output=True,
        text=True,
    )
    task = str(target.cwd)
    loaded = [
        line for line in done.stderr.splitlines() if "code object from" in line and task in line
    ]
    from_source = [line for line in loaded if ".pyc" not in line]
    return Row(
        "cold start, artifact (3.12): modules compiled from source",
        f"{len(from_source)} of {len(loaded)}",
        "",
        "",
        "0",
        "ok" if loaded and not from_source else "MISS",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    cold_runs = args.cold_runs or (8 if args.quick else 30)
    iterations = args.warm_iterations or (300 if args.quick else 3000)
    if args.build:
        build_artifact()
    notes = [
        f"medians of {cold_runs} interleaved cold starts and {iterations} warm calls per "
        "request; floor = benchmarks/baseline_skill (one ask-sdk-core handler)"
    ]
    rows = artifact_rows(cold_runs, notes)

    source_env = clean_env()
    # The artifact carries the prepared fact index (the Makefile writes it); give the checkout
    # the same, so the source rows measure what Lambda runs.
    subprocess.run([sys.executable, "-m", "skill.facts.index", "--write",
                    str(REPO / "skill" / "facts" / "data" / "index.pickle")],
                   cwd=REPO, env=source_env, check=True)
    notes.append("source rows use a freshly written skill/facts/data/index.pickle")
    ours = ColdTarget(sys.executable, LAMBDA_FILE.parent, source_env)
    floor = ColdTarget(sys.executable, BASELINE_DIR, source_env)
    samples = cold_pair(ours, floor, cold_runs)
    version = ".".join(map(str, sys.version_info[:3]))
    title = f"cold start, source ({version})"
    rows += [na_row(title, samples)] if isinstance(samples, str) else cold_rows(title, samples, 1.1)
    question = events.question()
    if question is not None:
        # A one-shot question ("ask serum run how far did togo run") as the first request: shows
        # any start-up work deferred from the launch path to the first question.
        samples = cold_pair(ours, floor, cold_runs, question)
        title = "cold start, source, one-shot question"
        if isinstance(samples, str):
            rows.append(na_row(title, samples))
        else:
            rows.append(cold_rows(title, samples, ONE_SHOT_LIMIT)[1])

    for name in ("TABLE_NAME", "SKILL_ID", "SERUM_RUN_DB"):
        os.environ.pop(name, None)
    floor_module = load_entry(BASELINE_DIR / "lambda_function.py", "baseline_lambda")
    try:
        ours_module = load_entry(LAMBDA_FILE, "serum_run_lambda")
    except Exception as exc:  # noqa: BLE001 - report any start-up failure as a table row
        rows.append(na_row("warm dispatch", f"lambda_function failed to load: {exc}"[:90]))
    else:
        # The Lambda entry prints an embedded-metric-format line for countable requests (on
        # Lambda, stdout is the log): still written, so its cost is measured, but not shown here.
        with open(os.devnull, "w") as devnull, contextlib.redirect_stdout(devnull):
            rows += warm_rows(ours_module, floor_module, iterations)
            rows.append(question_row(ours_module, floor_module, iterations))
            rows.append(hygiene_row(ours_module))
    rows.append(nlu_row(max(1, iterations // 10)))
    print_table(rows, notes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
