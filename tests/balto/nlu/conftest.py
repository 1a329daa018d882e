"""Shared NLU fixtures: the small fixture model, compiled once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from balto.nlu import NluEngine, load_model

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def mini_engine() -> NluEngine:
    """An engine over tests/balto/nlu/fixtures/mini.json."""
    return NluEngine(load_model(FIXTURES / "mini.json"))
