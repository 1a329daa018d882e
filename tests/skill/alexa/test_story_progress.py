"""Progress persistence rules: session first, failures logged once, stale writes refused."""

from __future__ import annotations

import json
import logging
import sqlite3
from typing import Any

import pytest
from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter, AttributesManager
from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_dynamodb.partition_keygen import user_id_partition_keygen
from ask_sdk_model import RequestEnvelope
from botocore.exceptions import ClientError

from skill.alexa import state, story_progress
from skill.story.navigation import StoryPosition
from tests.support import envelopes as env

SERIALIZER = DefaultSerializer()
T1 = "2025-02-01T10:00:00Z"
T2 = "2025-02-01T11:00:00Z"
T3 = "2025-02-01T12:00:00Z"


class MemoryAdapter(AbstractPersistenceAdapter):
    """A dict-backed adapter that can be told to fail, counting calls."""

    def __init__(self) -> None:
        self.records: dict[str, dict[str, Any]] = {}
        self.fail_get: BaseException | None = None
        self.fail_save: BaseException | None = None
        self.gets = 0
        self.saves = 0

    @staticmethod
    def _key(request_envelope: RequestEnvelope) -> str:
        return user_id_partition_keygen(request_envelope)

    def get_attributes(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        self.gets += 1
        if self.fail_get is not None:
            raise self.fail_get
        return json.loads(json.dumps(self.records.get(self._key(request_envelope), {})))

    def save_attributes(
        self, request_envelope: RequestEnvelope, attributes: dict[str, Any]
    ) -> None:
        self.saves += 1
        if self.fail_save is not None:
            raise self.fail_save
        self.records[self._key(request_envelope)] = json.loads(json.dumps(attributes))

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        self.records.pop(self._key(request_envelope), None)


def make_input(
    adapter: AbstractPersistenceAdapter | None,
    *,
    attrs: dict[str, Any] | None = None,
    timestamp: str = T2,
    user_id: str = env.USER_ID,
) -> HandlerInput:
    event = env.intent("AMAZON.NextIntent", attributes=attrs, user_id=user_id)
    event["request"]["timestamp"] = timestamp
    envelope = SERIALIZER.deserialize(json.dumps(event), RequestEnvelope)
    manager = AttributesManager(envelope, adapter)
    return HandlerInput(request_envelope=envelope, attributes_manager=manager)


def stored(adapter: MemoryAdapter, user_id: str = env.USER_ID) -> dict[str, Any]:
    return adapter.records[user_id]["story"]  # type: ignore[no-any-return]


FAILURES = [
    pytest.param(sqlite3.OperationalError("database is locked"), id="sqlite-locked"),
    pytest.param(PersistenceException("Failed to retrieve attributes"), id="persistence"),
    pytest.param(
        ClientError({"Error": {"Code": "ProvisionedThroughputExceededException"}}, "GetItem"),
        id="dynamodb-client-error",
    ),
]


def test_record_saves_position_with_request_timestamp() -> None:
    adapter = MemoryAdapter()
    hi = make_input(adapter, timestamp=T2)
    assert story_progress.save(hi, StoryPosition(3))
    assert stored(adapter) == {"chapter": 3, "finished": False, "last_listened": T2}
    assert hi.attributes_manager.session_attributes["story"] == {"chapter": 3, "finished": False}


def test_record_keeps_other_persistent_keys() -> None:
    adapter = MemoryAdapter()
    adapter.records[env.USER_ID] = {"favourite": "togo"}
    story_progress.save(make_input(adapter), StoryPosition(2))
    assert adapter.records[env.USER_ID]["favourite"] == "togo"


def test_newer_saved_progress_is_never_overwritten() -> None:
    adapter = MemoryAdapter()
    adapter.records[env.USER_ID] = {"story": {"chapter": 2, "finished": False, "last_listened": T3}}
    hi = make_input(adapter, timestamp=T2)  # a delayed request from an older session
    assert not story_progress.save(hi, StoryPosition(5), explicit=True)
    assert stored(adapter)["chapter"] == 2
    # The session still moves on: the story keeps playing.
    assert hi.attributes_manager.session_attributes["story"]["chapter"] == 5


@pytest.mark.parametrize(
    ("saved", "new", "explicit", "written"),
    [
        ((6, False), (3, False), False, False),  # backwards without asking
        ((6, False), (3, False), True, True),  # previous / jump / start over
        ((6, False), (7, False), False, True),  # forwards
        ((10, True), (10, False), False, False),  # "repeat" of a finished story stays finished
        ((10, True), (1, False), True, True),  # start over after finishing
        ((6, False), (6, False), False, True),  # same chapter: refreshes last_listened
    ],
)
def test_chapter_never_goes_backwards_unless_asked(
    saved: tuple[int, bool], new: tuple[int, bool], explicit: bool, written: bool
) -> None:
    adapter = MemoryAdapter()
    adapter.records[env.USER_ID] = {
        "story": {"chapter": saved[0], "finished": saved[1], "last_listened": T1}
    }
    result = story_progress.save(make_input(adapter), StoryPosition(*new), explicit=explicit)
    assert result is written
    expected = new if written else saved
    assert (stored(adapter)["chapter"], stored(adapter)["finished"]) == expected


@pytest.mark.parametrize("failure", FAILURES)
def test_load_failure_plays_from_session_and_logs_once(
    failure: BaseException, caplog: pytest.LogCaptureFixture
) -> None:
    adapter = MemoryAdapter()
    adapter.fail_get = failure
    attrs: dict[str, Any] = {}
    with caplog.at_level(logging.WARNING, logger="skill.alexa.story_progress"):
        hi = make_input(adapter, attrs=attrs)
        assert story_progress.current_position(hi) is None
        assert not story_progress.save(hi, StoryPosition(1))
        session = hi.attributes_manager.session_attributes
        assert session["story"] == {"chapter": 1, "finished": False}
        assert session[state.STORE_FAILED] is True
        # Next turn of the same session: still failing, still silent.
        hi2 = make_input(adapter, attrs=session)
        assert story_progress.current_position(hi2) == StoryPosition(1)
        assert not story_progress.save(hi2, StoryPosition(2))
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert type(failure).__name__ in warnings[0].getMessage()
    assert "...TESTUSER" in warnings[0].getMessage()
    assert adapter.saves == 0  # unreadable store: nothing written that could be older


@pytest.mark.parametrize("failure", FAILURES)
def test_save_failure_keeps_session_progress(
    failure: BaseException, caplog: pytest.LogCaptureFixture
) -> None:
    adapter = MemoryAdapter()
    adapter.fail_save = failure
    with caplog.at_level(logging.WARNING, logger="skill.alexa.story_progress"):
        hi = make_input(adapter)
        assert not story_progress.save(hi, StoryPosition(4))
        assert not story_progress.save(hi, StoryPosition(5))
    assert hi.attributes_manager.session_attributes["story"]["chapter"] == 5
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 1
    assert "save" in caplog.records[0].getMessage()


def test_without_a_store_progress_lives_in_the_session(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="skill.alexa.story_progress"):
        hi = make_input(None)
        assert story_progress.current_position(hi) is None
        assert not story_progress.save(hi, StoryPosition(2))
        assert story_progress.resume_offer(hi) is None
    assert hi.attributes_manager.session_attributes["story"]["chapter"] == 2
    assert caplog.records == []


def test_resume_offer_for_an_unfinished_story() -> None:
    adapter = MemoryAdapter()
    adapter.records[env.USER_ID] = {"story": {"chapter": 4, "finished": False, "last_listened": T1}}
    hi = make_input(adapter, attrs={})
    offer = story_progress.resume_offer(hi)
    assert offer is not None
    assert offer.startswith("Welcome back")
    assert "chapter 4, Seppala, Togo and the Norton Sound Crossing" in offer
    assert offer.endswith("Shall I go on?")
    assert hi.attributes_manager.session_attributes["story"] == {"chapter": 4, "finished": False}


@pytest.mark.parametrize(
    "record",
    [
        {},
        {"story": {"chapter": 10, "finished": True, "last_listened": T1}},
        {"story": "garbage"},
        {"story": {"chapter": "four"}},
    ],
)
def test_no_resume_offer(record: dict[str, Any]) -> None:
    adapter = MemoryAdapter()
    adapter.records[env.USER_ID] = record
    assert story_progress.resume_offer(make_input(adapter)) is None


def test_no_resume_offer_when_store_fails(caplog: pytest.LogCaptureFixture) -> None:
    adapter = MemoryAdapter()
    adapter.fail_get = sqlite3.OperationalError("database is locked")
    with caplog.at_level(logging.WARNING, logger="skill.alexa.story_progress"):
        assert story_progress.resume_offer(make_input(adapter)) is None
    assert "database is locked" in caplog.text


def test_request_time_uses_the_envelope_timestamp() -> None:
    hi = make_input(MemoryAdapter(), timestamp=T3)
    assert story_progress.request_time(hi).isoformat() == "2025-02-01T12:00:00+00:00"
