"""Question phrasings -> expected fact, asked exactly as ``balto ask`` asks them.

Each phrasing (tests/data/phrasings.json, written separately from the facts' cues) is resolved by
the simulator NLU from the interaction model, sent as a real request envelope through the
Lambda-style handler, and the fact the skill chose is read back from the session attributes.
Every fact must be reachable by at least one phrasing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from balto.simulator.runtime import conversation
from balto.simulator.session import Conversation
from skill.facts.store import default_store

DATA = Path(__file__).parents[2] / "data"
PHRASINGS: list[dict[str, str]] = json.loads((DATA / "phrasings.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def ask(handler: Callable[[dict[str, Any], Any], dict[str, Any]]) -> Callable[[str], Any]:
    """One-shot question in a new session, like ``balto ask TEXT``."""
    template: Conversation = conversation(handler=handler)

    def run(text: str) -> Any:
        talk = Conversation(handler=template.handler, engine=template.engine,
                            user_id=template.user_id)
        return talk.say(text)

    return run


def test_there_are_enough_phrasings_and_every_fact_is_covered() -> None:
    assert len(PHRASINGS) >= 150
    covered = {p["fact"] for p in PHRASINGS}
    missing = sorted(set(default_store().facts) - covered)
    assert not missing, f"facts without a phrasing: {missing}"
    assert not covered - set(default_store().facts), "phrasings name unknown facts"


@pytest.mark.parametrize("case", PHRASINGS, ids=[p["q"] for p in PHRASINGS])
def test_phrasing_answers_expected_fact(
    ask: Callable[[str], Any], alexa_valid: Any, case: dict[str, str]
) -> None:
    turn = ask(case["q"])
    alexa_valid(turn.response)
    chosen = (turn.response.get("sessionAttributes") or {}).get("last_fact")
    assert chosen == case["fact"], f"{case['q']!r} resolved to {turn.intent}"
