"""Import boundaries: the NLU is pure, and the Lambda never loads the simulator or the CLI."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


#: Project modules that are themselves standard-library only (checked below) and so may be
#: shared by every pure package.
PURE_SHARED = ("skill.jsonfile", "skill.records", "skill.text")


def _is_pure_shared(name: str) -> bool:
    return any(name == m or name.startswith(m + ".") for m in PURE_SHARED)


@pytest.mark.parametrize("path", sorted((ROOT / "skill" / "nlu").glob("*.py")),
                         ids=lambda p: p.name)
def test_nlu_imports_only_the_standard_library(path: Path) -> None:
    foreign = {name for name in _imports(path)
               if name.split(".")[0] not in sys.stdlib_module_names
               and not name.startswith("skill.nlu") and not _is_pure_shared(name)
               and name != "__future__"}
    assert foreign == set()


@pytest.mark.parametrize("module", PURE_SHARED)
def test_shared_pure_modules_import_only_the_standard_library(module: str) -> None:
    base = ROOT / module.replace(".", "/")
    paths = sorted(base.glob("*.py")) if base.is_dir() else [base.with_suffix(".py")]
    foreign = {name for path in paths for name in _imports(path)
               if name.split(".")[0] not in sys.stdlib_module_names and name != "__future__"
               and not name.startswith(module)}
    assert foreign == set()


def test_lambda_entry_never_imports_simulator_cli_or_yaml() -> None:
    probe = (
        "import sys; sys.path.insert(0, 'lambda'); import lambda_function; "
        "print(sorted(m for m in sys.modules if m.startswith("
        "('skill.simulator', 'skill.cli', 'yaml', 'flask', 'readline'))))"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, env={"PATH": "/usr/bin:/bin"}, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
