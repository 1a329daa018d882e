"""The house's boundaries: the import-linter contracts in pyproject.toml, and the Lambda entry.

The contracts (what serves never imports the local tools; the pure core imports only the
standard library; layers; who may import boto3 and Flask) are checked statically, every branch
and every lazy import included. Two tests import the real Lambda entry in a clean interpreter
and look at what it loaded, which no static check can see.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: What the ``lint-imports`` console script runs.
LINT = ("import sys; from importlinter.cli import lint_imports_command; "
        "sys.exit(lint_imports_command())")


def test_the_import_contracts_hold() -> None:
    # In a process of its own: import-linter reconfigures logging for its run.
    result = subprocess.run([sys.executable, "-c", LINT, "--no-cache"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, check=False)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert " 0 broken" in report, report


def test_the_lambda_entry_loads_no_local_tool() -> None:
    probe = (
        "import sys; sys.path.insert(0, 'lambda'); import lambda_function; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('balto', 'yaml', 'flask', 'waitress', 'readline', 'boto3')))"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, env={"PATH": "/usr/bin:/bin"}, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_plainly_heard_cold_question_loads_no_sound_matcher(tmp_path: Path) -> None:
    """jellyfish (names by sound, misheard given names) is loaded only for a word the store
    does not know: a fresh container answering "how far did togo run" first pays nothing for
    it (the one-shot row of benchmarks/run.py). The container carries a fresh prepared index,
    as the Lambda build writes one; a checkout's may be stale, so this test writes its own."""
    prepared = tmp_path / "index.pickle"
    subprocess.run([sys.executable, "-m", "skill.facts.index", "--write", str(prepared)],
                   cwd=ROOT, check=True, timeout=120, capture_output=True)
    spec = importlib.util.spec_from_file_location("bench_events", ROOT / "benchmarks" / "events.py")
    assert spec is not None and spec.loader is not None
    events = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(events)
    question = events.question()
    assert question is not None
    probe = (
        "import functools, json, sys; sys.path.insert(0, 'lambda'); "
        "from skill.facts import index; "
        "index.load = functools.partial(index.load, sys.argv[2]); "
        "import lambda_function; "
        "r = lambda_function.lambda_handler(json.loads(sys.argv[1]), None); "
        "assert 'Togo' in r['response']['outputSpeech']['ssml'], r; "
        "assert index.load() is not None; "
        "print('jellyfish' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe, json.dumps(question), str(prepared)],
                            cwd=ROOT, capture_output=True, text=True, timeout=60,
                            env={"PATH": "/usr/bin:/bin"}, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False", result.stdout


#: radon's cyclomatic complexity (which, unlike ruff's C901, counts boolean operators): above
#: this a function is grade D and wants splitting.
MAX_COMPLEXITY = 20


def test_no_function_is_too_complex_to_follow() -> None:
    from radon.complexity import cc_visit

    too_complex = []
    for path in sorted([*ROOT.glob("skill/**/*.py"), *ROOT.glob("balto/**/*.py")]):
        relative = path.relative_to(ROOT).as_posix()
        for block in cc_visit(path.read_text(encoding="utf-8")):
            if block.complexity > MAX_COMPLEXITY:
                too_complex.append(f"{relative}:{block.lineno} {block.fullname} {block.complexity}")
    assert too_complex == []


def test_tests_mirror_the_packages() -> None:
    """tests/skill/<package>/ and tests/balto/<package>/ test that package or module (fixture
    folders aside): a test is found where its code is."""
    for top in ("skill", "balto"):
        for folder in (ROOT / "tests" / top).rglob("*"):
            if not folder.is_dir() or folder.name in ("__pycache__", "fixtures"):
                continue
            relative = folder.relative_to(ROOT / "tests")
            source = ROOT / relative
            assert (source / "__init__.py").is_file() or source.with_suffix(".py").is_file(), (
                f"tests/{relative} names no package or module")
