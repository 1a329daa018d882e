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
from ask_sdk_core.skill_builder import CustomSkillBuilder

from balto.simulator.session import Conversation
from skill.alexa import story_progress
from skill.alexa.handlers.story import STORY_HANDLERS
from skill.alexa.skill_factory import build_skill, make_handler
from skill.facts.model import Entity, Fact
from skill.facts.store import FactStore, FactStoreError, default_store
from skill.persistence.sqlite import SQLitePersistenceAdapter
from tests.support import envelopes as env
from tests.support.alexa_limits import assert_alexa_valid

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]

ROOT = Path(__file__).resolve().parents[2]


def small_store() -> FactStore:
    """A one-fact store for when the packaged fact data is not available."""
    togo = Entity(id="togo", type="dog", name="Togo", synonyms=("togo the dog",))
    fact = Fact(
        id="togo.identity",
        about=("togo",),
        aspects=frozenset({"identity", "distance"}),
        cues=("who was togo", "how far did togo run"),
        answer="Togo was Leonhard Seppala's lead dog, who ran about 261 miles in the relay.",
        card="Togo, Seppala's lead dog.",
        sources=(),
    )
    return FactStore([fact], {"togo": togo}, {})


def fact_store() -> FactStore:
    """The packaged fact store, or the one-fact store while the data has not landed."""
    try:
        return default_store()
    except FactStoreError:
        return small_store()


def _has_story_handlers(skill: CustomSkill) -> bool:
    """True when build_skill already registers STORY_HANDLERS (the lead's composition root)."""
    story_types = {type(h) for h in STORY_HANDLERS}
    for mapper in skill.request_dispatcher.request_mappers:
        for chain in mapper.request_handler_chains:
            if type(chain.request_handler) in story_types:
                return True
    return False


def story_skill(persistence: AbstractPersistenceAdapter | None) -> CustomSkill:
    """The real skill when build_skill wires the story in; otherwise the same order by hand."""
    store = fact_store()
    skill = build_skill(store, persistence)
    if _has_story_handlers(skill):
        return skill
    from skill.alexa.handlers.errors import CatchAllExceptionHandler
    from skill.alexa.handlers.launch_builtins import builtin_handlers
    from skill.alexa.handlers.questions import question_handlers
    from skill.facts.ranking import Ranker

    ranker = Ranker(store)
    first, last = builtin_handlers(ranker, story_progress.resume_offer)
    builder = CustomSkillBuilder(persistence_adapter=persistence)
    for handler in (*STORY_HANDLERS, *first, *question_handlers(ranker), *last):
        builder.add_request_handler(handler)
    builder.add_exception_handler(CatchAllExceptionHandler())
    return builder.create()


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
