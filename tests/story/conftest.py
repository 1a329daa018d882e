"""Fixtures for story-mode tests: a skill with the story handlers and a conversation driver.

Why a driver: story behaviour only shows across turns (session attributes carried from one
response into the next request, a new session for the same user, a second user). The driver does
what Alexa does between turns, and validates every response against Alexa's limits.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import CustomSkillBuilder

from skill.alexa import story_progress
from skill.alexa.handlers.story import STORY_HANDLERS
from skill.alexa.skill_factory import build_skill, make_handler
from skill.facts.model import Entity, Fact
from skill.facts.store import FactStore, FactStoreError, default_store
from skill.persistence.sqlite import SQLitePersistenceAdapter
from skill.speech.ssml import strip_tags
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


class Turn:
    """One response, with the bits tests look at."""

    def __init__(self, out: dict[str, Any]) -> None:
        self.out = out
        self.response: dict[str, Any] = out["response"]
        self.ssml: str = self.response.get("outputSpeech", {}).get("ssml", "")
        self.text: str = strip_tags(self.ssml) if self.ssml else ""
        self.attrs: dict[str, Any] = out.get("sessionAttributes") or {}
        self.ended: bool = bool(self.response.get("shouldEndSession"))

    @property
    def reprompt(self) -> str:
        ssml = self.response.get("reprompt", {}).get("outputSpeech", {}).get("ssml", "")
        return strip_tags(ssml) if ssml else ""

    @property
    def chapter_heard(self) -> int | None:
        """The chapter number narrated in this turn (from the spoken heading), if any."""
        for number in range(1, 30):
            if f"Chapter {number}." in self.text:
                return number
        return None


class Conversation:
    """Plays Alexa between turns for one user: carries session attributes, opens new sessions."""

    def __init__(self, handler: Handler, user_id: str = env.USER_ID, locale: str = "en-US") -> None:
        self.handler = handler
        self.user_id = user_id
        self.locale = locale
        self.attrs: dict[str, Any] = {}
        self.session_id = ""
        self.new = True
        self.turns: list[Turn] = []
        self.new_session()

    def new_session(self) -> None:
        self.attrs = {}
        self.session_id = f"amzn1.echo-api.session.{uuid.uuid4()}"
        self.new = True

    def send(self, event: dict[str, Any], timestamp: str | None = None) -> Turn:
        event["session"]["attributes"] = json.loads(json.dumps(self.attrs))
        event["session"]["new"] = self.new
        event["session"]["sessionId"] = self.session_id
        event["session"]["user"]["userId"] = self.user_id
        event["context"]["System"]["user"]["userId"] = self.user_id
        event["request"]["locale"] = self.locale
        if timestamp is not None:
            event["request"]["timestamp"] = timestamp
        out = assert_alexa_valid(self.handler(event, None), locale=self.locale)
        turn = Turn(dict(out))
        self.turns.append(turn)
        self.new = False
        self.attrs = turn.attrs
        if turn.ended:
            self.new_session()
        return turn

    def launch(self, **kw: Any) -> Turn:
        return self.send(env.launch(), **kw)

    def say(self, intent: str, timestamp: str | None = None, **slots: str) -> Turn:
        """An intent with raw slot values (no entity resolution, as from a typed utterance)."""
        built = {name: env.slot_value(name, value) for name, value in slots.items()}
        return self.send(env.intent(intent, built), timestamp=timestamp)

    def jump_to(self, chapter_id: str, spoken: str) -> Turn:
        """ChapterIntent with a CHAPTER slot resolved by Alexa's entity resolution."""
        slot = env.slot_value("chapter_name", spoken, resolved_id=chapter_id, type_name="CHAPTER")
        return self.send(env.intent("ChapterIntent", {"chapter_name": slot}))

    def ask(self, text: str) -> Turn:
        return self.send(env.question(text))


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
        return Conversation(story_handler, user_id=user_id, locale=locale)

    return start
