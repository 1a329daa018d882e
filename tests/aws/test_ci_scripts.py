"""The CI scripts find what they need on any machine, at pinned versions."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.aws.template import REPO

AWS_CHECKS = REPO / ".ci" / "aws_checks.sh"
CONSTRAINTS = REPO / ".ci" / "sam-constraints.txt"


def test_aws_sam_cli_is_pinned_with_its_whole_dependency_tree() -> None:
    pins = {}
    for line in CONSTRAINTS.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert re.fullmatch(r"[\w.+-]+", version), f"not an exact pin: {line!r}"
            pins[name.lower()] = version
    assert "aws-sam-cli" in pins
    assert {"cfn-lint", "boto3", "aws-sam-translator"} <= set(pins)
    script = AWS_CHECKS.read_text()
    assert '--constraint "$SAM_CONSTRAINTS"' in script
    assert "SAM_CONSTRAINTS=.ci/sam-constraints.txt" in script


def test_no_interpreter_version_is_hard_coded() -> None:
    script = AWS_CHECKS.read_text()
    assert "PYENV_VERSION" not in script
    assert not re.search(r"3\.12\.\d", script)


def _finder(tmp_path: Path, path_dirs: list[Path], home: Path) -> subprocess.CompletedProcess[str]:
    """Run aws_checks.sh's is_python312/find_python312 alone, on a controlled PATH and HOME."""
    script = AWS_CHECKS.read_text()
    functions = re.search(r"^is_python312\(\).*?^find_python312\(\) \{.*?^\}", script,
                          re.MULTILINE | re.DOTALL)
    assert functions, "aws_checks.sh defines is_python312 and find_python312"
    harness = tmp_path / "harness.sh"
    harness.write_text(functions.group(0) + "\nfind_python312\n")
    env = {"PATH": ":".join([*map(str, path_dirs), "/usr/bin", "/bin"]), "HOME": str(home)}
    return subprocess.run(["bash", str(harness)], env=env, capture_output=True, text=True,
                          timeout=30, check=False)


def _fake_python(path: Path, *, is_312: bool) -> Path:
    """An executable that answers aws_checks.sh's version probe as a 3.12 would (or would not)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\nexit {0 if is_312 else 1}\n")
    path.chmod(0o755)
    return path


def test_a_python312_on_path_is_used(tmp_path: Path) -> None:
    on_path = _fake_python(tmp_path / "bin" / "python3.12", is_312=True)
    result = _finder(tmp_path, [on_path.parent], tmp_path / "home")
    assert result.returncode == 0 and result.stdout.strip() == str(on_path)


def test_a_pyenv_install_is_found_behind_a_shim_that_does_not_answer(tmp_path: Path) -> None:
    shim = _fake_python(tmp_path / "shims" / "python3.12", is_312=False)
    installed = _fake_python(tmp_path / "home" / ".pyenv" / "versions" / "3.12.7" / "bin"
                             / "python3.12", is_312=True)
    result = _finder(tmp_path, [shim.parent], tmp_path / "home")
    assert result.returncode == 0 and result.stdout.strip() == str(installed)


@pytest.mark.skipif(any(Path(p).is_file() for p in ("/usr/bin/python3.12",
                                                     "/usr/local/bin/python3.12")),
                    reason="this machine has a system-wide python3.12")
def test_no_python312_anywhere_is_reported(tmp_path: Path) -> None:
    result = _finder(tmp_path, [], tmp_path / "home")
    assert result.returncode != 0 and result.stdout.strip() == ""


def test_the_failure_message_says_how_to_get_one() -> None:
    script = AWS_CHECKS.read_text()
    assert "No Python 3.12 found" in script and "pyenv install 3.12" in script
