"""The shipped interaction model: lint-clean, accurate on the annotated set, dialogs pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from balto.simulator.dialogs import run_files
from balto.simulator.model_check import check_model_file
from balto.simulator.nlu_eval import evaluate_file
from balto.simulator.runtime import model_path

ROOT = Path(__file__).resolve().parents[3]
MODEL = model_path("en-US")
#: balto's own dialog scripts (*.yaml) and Bespoken bst suites (*.test.yml), run the same way.
DIALOGS = sorted(p for p in (ROOT / "tests" / "dialogs").iterdir() if p.suffix in (".yaml", ".yml"))


def test_model_check_finds_no_errors() -> None:
    errors = [f.render() for f in check_model_file(MODEL) if f.level == "error"]
    assert errors == []


def test_nlu_accuracy_on_the_annotated_set() -> None:
    result = evaluate_file(ROOT / "tests" / "data" / "nlu_eval.yaml", model=MODEL)
    assert len(result.outcomes) >= 200
    assert result.intent_accuracy >= 0.95, result.render()
    assert result.slot_accuracy >= 0.93, result.render()


@pytest.mark.parametrize("path", DIALOGS, ids=lambda p: p.name)
def test_project_dialogs_pass(path: Path) -> None:
    """Each dialog runs on its own locale's installed model (en-US unless it names another)."""
    report = run_files([path])
    assert report.passed, report.render(verbose=True)
