"""pyproject.toml ships every package, and the interaction models as package data.

The wheel itself is built, installed in a fresh virtualenv and run outside the checkout by
.ci/wheel_check.sh; these tests keep the declarations that check depends on from drifting.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from balto.simulator import runtime

REPO = Path(__file__).resolve().parents[1]


def _setuptools() -> dict[str, Any]:
    config: dict[str, Any] = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["setuptools"]  # type: ignore[no-any-return]


def test_every_package_under_skill_and_balto_is_listed() -> None:
    on_disk = {
        ".".join(init.parent.relative_to(REPO).parts)
        for top in ("skill", "balto")
        for init in (REPO / top).rglob("__init__.py")
    }
    listed = set(_setuptools()["packages"])
    assert listed - {runtime.MODELS_PACKAGE} == on_disk


def test_the_models_package_is_the_top_level_interaction_model_folder() -> None:
    config = _setuptools()
    assert config["package-dir"] == {runtime.MODELS_PACKAGE: "interaction_model"}
    assert config["package-data"][runtime.MODELS_PACKAGE] == ["*.json"]
    # Installed in development mode, the package is that very folder: one copy of each model.
    assert Path(str(runtime.model_dir())).resolve() == (REPO / "interaction_model").resolve()


def test_every_committed_model_is_an_installed_locale() -> None:
    committed = sorted(p.stem for p in (REPO / "interaction_model").glob("*.json"))
    assert committed == runtime.available_locales()
    assert "en-US" in committed
