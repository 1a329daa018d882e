"""The Lambda artifact's third-party half: lambda/requirements.txt is exactly what serving needs.

The Makefile copies skill/ whole (the import contracts in pyproject.toml keep it from importing
the local tools in balto/) and installs lambda/requirements.txt with ``--no-deps``, so the
requirements must be exactly the dependency closure of the serving packages without the boto3
stack the Lambda runtime provides, at the versions the tests run against.
"""

from __future__ import annotations

import re
from importlib import metadata

from packaging.requirements import Requirement

from tests.aws.template import REPO

RUNTIME_PROVIDED = {"boto3", "botocore", "s3transfer", "jmespath"}
ROOTS = ("ask-sdk-core", "ask-sdk-dynamodb-persistence-adapter", "jellyfish")


def _closure(names: tuple[str, ...]) -> set[str]:
    """Canonical names of ``names`` and everything they need, from the installed metadata."""
    seen: set[str] = set()
    pending = list(names)
    environment = {"extra": "", "python_version": "3.12", "sys_platform": "linux"}
    while pending:
        name = canonical(pending.pop())
        if name in seen:
            continue
        seen.add(name)
        for raw in metadata.requires(name) or []:
            requirement = Requirement(raw)
            if requirement.marker is None or requirement.marker.evaluate(environment):
                pending.append(requirement.name)
    return seen


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned_requirements() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (REPO / "lambda" / "requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"lambda/requirements.txt must pin exact versions: {line!r}"
            pins[canonical(name)] = version
    return pins


def test_requirements_are_the_dependency_closure_without_the_boto3_stack() -> None:
    assert set(pinned_requirements()) == _closure(ROOTS) - RUNTIME_PROVIDED


def test_requirements_match_the_versions_the_tests_run_against() -> None:
    """So the suite exercises the same ask-sdk the artifact ships."""
    for name in (
        "ask-sdk-core",
        "ask-sdk-runtime",
        "ask-sdk-model",
        "ask-sdk-dynamodb-persistence-adapter",
        "jellyfish",
    ):
        assert pinned_requirements()[name] == metadata.version(name), name
