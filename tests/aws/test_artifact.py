"""The artifact `sam build` produced: its contents, and the function run by a clean interpreter.

Building needs PyPI and aws-sam-cli, so the tests do not build: ``.ci/aws_checks.sh`` runs
``sam build`` and fills the runtime stand-in (boto3 and its dependencies for Python 3.12), and these
tests examine the result. They skip when no artifact has been built on this machine.
Paths: SERUM_RUN_ARTIFACT (default .aws-sam/build/SkillFunction) and SERUM_RUN_LAMBDA_RUNTIME
(default build/lambda-runtime).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.aws.envelopes import SKILL_ID
from tests.aws.template import REPO
from tests.support.alexa_limits import alexa_problems

pytestmark = pytest.mark.slow

ARTIFACT = Path(os.environ.get("SERUM_RUN_ARTIFACT", REPO / ".aws-sam/build/SkillFunction"))
RUNTIME = Path(os.environ.get("SERUM_RUN_LAMBDA_RUNTIME", REPO / "build/lambda-runtime"))
SMOKE = Path(__file__).with_name("artifact_smoke.py")
SMOKE_USER = "amzn1.ask.account.ARTIFACT-SMOKE"  # artifact_smoke.py's listener
LAMBDA_PYTHON = "python3.12"
PYENV_VERSIONS = "3.12.1:3.11.7"
NOT_SHIPPED = (
    "boto3",
    "botocore",
    "s3transfer",
    "jmespath",
    "flask",
    "flask_ask_sdk",
    "yaml",
    "waitress",
    "moto",
    "tests",
    "balto/simulator",
    "balto/validation",
    "balto/cli.py",
    "balto/web/app.py",
)

if not (ARTIFACT / "lambda_function.py").is_file() or not (RUNTIME / "boto3").is_dir():
    pytest.skip(
        f"no built artifact at {ARTIFACT} (or runtime at {RUNTIME}): run .ci/aws_checks.sh",
        allow_module_level=True,
    )


def _stale_files() -> list[str]:
    """Shipped sources that differ from the checkout (an old build on a developer machine)."""
    shipped = [ARTIFACT / "lambda_function.py", *sorted((ARTIFACT / "skill").rglob("*.py"))]
    stale = []
    for path in shipped:
        relative = path.relative_to(ARTIFACT)
        source = REPO / ("lambda" if relative.name == "lambda_function.py" else "") / relative
        if not source.is_file() or source.read_bytes() != path.read_bytes():
            stale.append(str(relative))
    return stale


if stale := _stale_files():
    pytest.skip(
        f"the artifact at {ARTIFACT} was built from other sources ({stale[0]}, ...): "
        "rebuild with .ci/aws_checks.sh",
        allow_module_level=True,
    )


def lambda_python() -> list[str]:
    """The Lambda runtime's Python, isolated: no site-packages, no checkout, no PYTHON* vars."""
    if shutil.which(LAMBDA_PYTHON) is None:
        pytest.fail(f"{LAMBDA_PYTHON} is not on PATH; the artifact is built for it")
    return [LAMBDA_PYTHON, "-I", "-S"]


def lambda_environment(extra_env: dict[str, str]) -> dict[str, str]:
    """A Lambda-like environment: nothing from this shell but PATH (and pyenv's selector)."""
    return {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "PYENV_VERSION": os.environ.get("PYENV_VERSION", PYENV_VERSIONS),
        "LAMBDA_TASK_ROOT": str(ARTIFACT),
        "AWS_LAMBDA_FUNCTION_NAME": "serum-run-skill",
        "AWS_CONFIG_FILE": "/dev/null",
        "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
        **extra_env,
    }


def run_artifact(extra_env: dict[str, str]) -> dict[str, Any]:
    env = lambda_environment(extra_env)
    result = subprocess.run(
        [*lambda_python(), str(SMOKE), str(ARTIFACT), str(RUNTIME)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    assert report["problems"] == [], report["problems"]
    assert result.returncode == 0, result.stderr
    return report


def test_artifact_holds_serving_code_and_dependencies_only() -> None:
    assert (ARTIFACT / "lambda_function.py").is_file()
    for package in (
        "skill",
        "ask_sdk_core",
        "ask_sdk_model",
        "ask_sdk_runtime",
        "ask_sdk_dynamodb",
    ):
        assert (ARTIFACT / package / "__init__.py").is_file(), package
    for name in NOT_SHIPPED:
        assert not (ARTIFACT / name).exists(), f"{name} must not be in the artifact"
    assert not list(ARTIFACT.glob("boto*.dist-info")), "boto3/botocore metadata shipped"
    assert not (ARTIFACT / "bin").exists()


def test_every_source_file_ships_bytecode_valid_without_a_source_check() -> None:
    """Header flags 0b01: hash-based and unchecked, so read-only /var/task never recompiles."""
    sources = [path for path in ARTIFACT.rglob("*.py")]
    assert len(sources) > 100
    for source in sources:
        cached = source.parent / "__pycache__" / f"{source.stem}.cpython-312.pyc"
        assert cached.is_file(), f"no bytecode for {source.relative_to(ARTIFACT)}"
        flags = int.from_bytes(cached.read_bytes()[4:8], "little")
        assert flags == 0b01, f"{cached.relative_to(ARTIFACT)} flags {flags:#b}"


def test_the_artifact_answers_alexa_with_only_itself_and_boto3() -> None:
    report = run_artifact({"SKILL_ID": SKILL_ID, "AWS_REGION": "us-east-1"})
    assert report["python"].startswith("3.12.")
    for label in ("LaunchRequest", "AMAZON.HelpIntent", "StoryIntent"):
        assert alexa_problems(report["responses"][label]) == [], label
    assert "skill.persistence.dynamodb" in report["shipped_modules"]
    assert not any(name.startswith("balto.simulator") for name in report["shipped_modules"])


def test_the_artifact_keeps_progress_in_dynamodb(moto_endpoint: str, dynamodb: Any) -> None:
    """TABLE_NAME set, as the template sets it: the same requests go through DynamoDB (moto)."""
    from tests.aws.template import create_table_from_template

    create_table_from_template(dynamodb, "artifact-progress")
    try:
        report = run_artifact(
            {
                "SKILL_ID": SKILL_ID,
                "TABLE_NAME": "artifact-progress",
                "AWS_REGION": "us-east-1",
                "AWS_ENDPOINT_URL_DYNAMODB": moto_endpoint,
                "AWS_ACCESS_KEY_ID": "testing",
                "AWS_SECRET_ACCESS_KEY": "testing",
                "LOG_LEVEL": "DEBUG",
            }
        )
        for label in ("LaunchRequest", "AMAZON.HelpIntent", "StoryIntent"):
            assert alexa_problems(report["responses"][label]) == [], label
        item = dynamodb.Table("artifact-progress").get_item(Key={"id": SMOKE_USER})["Item"]
        assert item["attributes"]["story"]["chapter"] == 1
        assert item["attributes"]["story"]["finished"] is False
    finally:
        dynamodb.Table("artifact-progress").delete()


def test_a_request_for_another_skill_is_refused_by_the_artifact() -> None:
    """SKILL_ID from the template is enforced: the smoke requests carry a different id."""
    env = lambda_environment(
        {"SKILL_ID": SKILL_ID.replace("a0b5", "ffff"), "AWS_REGION": "us-east-1"}
    )
    code = (
        "import sys; sys.path[:0] = [sys.argv[1], sys.argv[2]]\n"
        "import lambda_function, json\n"
        f"event = json.loads({json.dumps(json.dumps(_launch_for(SKILL_ID)))})\n"
        "try:\n"
        "    print(json.dumps(lambda_function.lambda_handler(event, None)))\n"
        "except Exception as exc:\n"
        "    print('REFUSED', type(exc).__name__)\n"
    )
    result = subprocess.run(
        [*lambda_python(), "-c", code, str(ARTIFACT), str(RUNTIME)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("REFUSED"), result.stdout


def _launch_for(skill_id: str) -> dict[str, Any]:
    from tests.aws.envelopes import launch

    return launch(skill_id=skill_id)
