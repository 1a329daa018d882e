"""Question phrasings -> expected fact, through real QuestionIntent envelopes.

The phrasings (tests/data/phrasings.json) are written separately from the facts' cues; every fact
must be reachable by at least one of them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from skill.facts.store import default_store
from tests.support import envelopes as env

PHRASINGS: list[dict[str, str]] = json.loads(
    (Path(__file__).parents[1] / "data" / "phrasings.json").read_text(encoding="utf-8")
)


def test_there_are_enough_phrasings_and_every_fact_is_covered() -> None:
    assert len(PHRASINGS) >= 150
    covered = {p["fact"] for p in PHRASINGS}
    missing = sorted(set(default_store().facts) - covered)
    assert not missing, f"facts without a phrasing: {missing}"


@pytest.mark.parametrize("case", PHRASINGS, ids=[p["q"] for p in PHRASINGS])
def test_phrasing_answers_expected_fact(
    handler: Callable[[dict[str, Any], Any], dict[str, Any]], alexa_valid: Any,
    case: dict[str, str],
) -> None:
    out = alexa_valid(handler(env.question(case["q"]), None))
    assert (out.get("sessionAttributes") or {}).get("last_fact") == case["fact"]
