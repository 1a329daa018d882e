"""What the Makefile leaves out of the Lambda artifact is really never needed to serve.

The Makefile copies skill/ minus SKILL_EXCLUDES and installs lambda/requirements.txt with
``--no-deps``. These tests tie both lists to the code: the entry's static import closure must stay
inside what is shipped, and the requirements must be exactly the dependency closure of the ask-sdk
packages without the boto3 stack the Lambda runtime provides.
"""

from __future__ import annotations

import re
from importlib import metadata

from packaging.requirements import Requirement

from tests.aws.imports import first_party_closure, third_party_imports
from tests.aws.template import REPO

RUNTIME_PROVIDED = {"boto3", "botocore", "s3transfer", "jmespath"}
ROOTS = ("ask-sdk-core", "ask-sdk-dynamodb-persistence-adapter", "jellyfish")
NEVER_ON_LAMBDA = {"flask", "flask_ask_sdk", "yaml", "waitress", "moto", "pytest", "hypothesis"}


def skill_excludes() -> list[str]:
    text = (REPO / "Makefile").read_text().replace("\\\n", " ")
    match = re.search(r"^SKILL_EXCLUDES\s*:=\s*(.+)$", text, re.MULTILINE)
    assert match, "Makefile defines no SKILL_EXCLUDES"
    return match.group(1).split()


def test_the_lambda_entry_never_reaches_an_excluded_module() -> None:
    closure = first_party_closure()
    assert "skill.config" in closure and "skill.alexa.skill_factory" in closure
    for module, path in closure.items():
        relative = path.relative_to(REPO).as_posix()
        for excluded in skill_excludes():
            assert not (relative == excluded or relative.startswith(excluded + "/")), (
                f"{module} ({relative}) is imported by the Lambda entry but the Makefile "
                f"drops {excluded} from the artifact"
            )


def test_the_lambda_entry_imports_no_local_only_tool() -> None:
    assert third_party_imports(first_party_closure()).isdisjoint(NEVER_ON_LAMBDA)


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
