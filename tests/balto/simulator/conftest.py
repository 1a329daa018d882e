"""Simulator fixtures: the fixture model's engine and the fake ask-sdk skill."""

from __future__ import annotations

from pathlib import Path

import pytest

from balto.nlu import NluEngine, load_model

MINI_MODEL = Path(__file__).resolve().parents[1] / "nlu" / "fixtures" / "mini.json"


@pytest.fixture(scope="session")
def mini_engine() -> NluEngine:
    """An engine over the NLU fixture model."""
    return NluEngine(load_model(MINI_MODEL))
