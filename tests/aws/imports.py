"""Static import closure of the Lambda entry: which first-party modules serving can ever load.

Walks ``import`` statements with :mod:`ast` (function-level lazy imports included, so the SQLite
and DynamoDB branches of ``skill.config`` both count) instead of importing anything, so it sees
every branch, not just the one a particular request takes.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.aws.template import REPO

LAMBDA_ENTRY = REPO / "lambda" / "lambda_function.py"


def module_path(module: str) -> Path | None:
    """Source file of first-party ``module`` (``skill...``), or None when it is not ours."""
    if module != "skill" and not module.startswith("skill."):
        return None
    base = REPO.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imported_names(tree: ast.AST, module: str, is_package: bool) -> set[str]:
    names: set[str] = set()
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                anchor = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{anchor}.{node.module}" if node.module else anchor
            else:
                base = node.module or ""
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def first_party_closure(entry: Path = LAMBDA_ENTRY) -> dict[str, Path]:
    """Every ``skill`` module reachable from ``entry``, with its parents, mapped to its file."""
    seen: dict[str, Path] = {}
    pending = sorted(_imported_names(ast.parse(entry.read_text()), "lambda_function", False))
    while pending:
        name = pending.pop()
        parts = name.split(".")
        for depth in range(1, len(parts) + 1):
            module = ".".join(parts[:depth])
            path = module_path(module)
            if path is None or module in seen:
                continue
            seen[module] = path
            is_package = path.name == "__init__.py"
            pending.extend(_imported_names(ast.parse(path.read_text()), module, is_package))
    return seen


def third_party_imports(modules: dict[str, Path], entry: Path = LAMBDA_ENTRY) -> set[str]:
    """Top-level names of everything else the closure imports (stdlib and dependencies)."""
    found: set[str] = set()
    for module, path in [("lambda_function", entry), *modules.items()]:
        is_package = path.name == "__init__.py"
        for name in _imported_names(ast.parse(path.read_text()), module, is_package):
            top = name.split(".")[0]
            if top and top != "skill":
                found.add(top)
    return found
