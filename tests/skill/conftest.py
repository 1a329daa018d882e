"""Fixtures for story-mode tests: a skill with the story handlers, and conversations with it.

Story behaviour only shows across turns (session attributes carried from one response into the
next request, a new session for the same user, a second user), so tests talk through the
simulator's own :class:`~balto.simulator.session.Conversation`, sending intents by name and
validating every response against Alexa's limits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.skill import CustomSkill

from balto.simulator.session import Conversation
from skill.alexa.skill_factory import build_skill, make_handler
from skill.persistence.sqlite import SQLitePersistenceAdapter
from tests.support import envelopes as env
from tests.support.alexa_limits import assert_alexa_valid

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]

ROOT = Path(__file__).resolve().parents[2]


def story_skill(persistence: AbstractPersistenceAdapter | None) -> CustomSkill:
    """The real skill over ``persistence``."""
    return build_skill(persistence)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "progress.sqlite3"


@pytest.fixture
def adapter(db_path: Path) -> Iterator[SQLitePersistenceAdapter]:
    store = SQLitePersistenceAdapter(db_path, timeout=0.05)
    yield store
    store.close()


@pytest.fixture
def story_handler(adapter: SQLitePersistenceAdapter) -> Handler:
    return make_handler(story_skill(adapter))


@pytest.fixture
def talk(story_handler: Handler) -> Callable[..., Conversation]:
    """``talk(user_id=...)`` -> a new Conversation against the shared SQLite-backed skill."""

    def start(user_id: str = env.USER_ID, locale: str = "en-US") -> Conversation:
        return Conversation(story_handler, user_id=user_id, locale=locale,
                            check=assert_alexa_valid)

    return start


#: The committed en-US interaction model: what Alexa and the simulator hear typed text through.
MODEL = ROOT / "interaction_model" / "en-US.json"


@pytest.fixture
def chat(adapter: SQLitePersistenceAdapter) -> Callable[..., Conversation]:
    """``chat(user_id=...)`` -> a Conversation that types utterances through the simulator NLU
    and the committed model at the real skill, progress in SQLite, every response validated."""
    from balto.simulator.runtime import engine_for

    handler = make_handler(story_skill(adapter))
    engine = engine_for(MODEL)

    def start(user_id: str = env.USER_ID) -> Conversation:
        return Conversation(handler, engine=engine, user_id=user_id, check=assert_alexa_valid)

    return start
