"""Whole story conversations through the Lambda-style handler with real request envelopes.

Every response is checked against Alexa's limits by the conversation driver (conftest).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from balto.simulator.session import Conversation
from skill.persistence.sqlite import SQLitePersistenceAdapter
from skill.story.chapters import load_chapters
from tests.support import envelopes as env
from tests.support.alexa_limits import assert_alexa_valid

Talk = Callable[..., Conversation]
STORY = load_chapters()
LAST = STORY.chapter_count
ALICE = "amzn1.ask.account.ALICE"
BOB = "amzn1.ask.account.BOB"


def test_tell_me_the_story_narrates_chapter_one_and_asks_to_go_on(talk: Talk) -> None:
    turn = talk().intent("StoryIntent")
    assert turn.chapter_heard == 1
    assert turn.ssml.startswith("<speak>") and '<amazon:domain name="long-form">' in turn.ssml
    assert turn.speech.endswith("Shall I go on to chapter 2, The Serum Rides the Rails?")
    assert "chapter 2" in turn.reprompt and not turn.end_session
    assert turn.attributes["mode"] == "story"
    assert turn.attributes["story"] == {"chapter": 1, "finished": False}
    assert turn.response["response"]["card"]["title"] == "Chapter 1: The Outbreak and the Decision"


def test_british_english_gets_no_long_form_style(talk: Talk) -> None:
    turn = talk(locale="en-GB").intent("StoryIntent")
    assert turn.chapter_heard == 1 and "amazon:domain" not in turn.ssml


@pytest.mark.parametrize(
    "forward",
    [
        ("AMAZON.NextIntent", {}),  # "next", "what happens next"
        ("AMAZON.YesIntent", {}),  # "yes" to "shall I go on?"
        ("AMAZON.ResumeIntent", {}),  # "continue", "keep going", "go on"
    ],
)
def test_every_forward_phrasing_moves_one_chapter(
    talk: Talk, forward: tuple[str, dict[str, str]]
) -> None:
    c = talk()
    c.intent("StoryIntent")
    intent, slots = forward
    assert c.intent(intent, **slots).chapter_heard == 2
    assert c.intent(intent, **slots).chapter_heard == 3


def test_back_repeat_start_over(talk: Talk) -> None:
    c = talk()
    c.intent("StoryIntent")
    c.intent("AMAZON.NextIntent")
    c.intent("AMAZON.NextIntent")
    assert c.intent("AMAZON.PreviousIntent").chapter_heard == 2
    assert c.intent("AMAZON.RepeatIntent").chapter_heard == 2
    assert c.intent("AMAZON.StartOverIntent").chapter_heard == 1
    at_start = c.intent("AMAZON.PreviousIntent")
    assert at_start.chapter_heard is None and "beginning already" in at_start.speech
    assert c.attributes["story"]["chapter"] == 1


@pytest.mark.parametrize(
    ("slots", "chapter"),
    [
        ({"number": "3"}, 3),
        ({"ordinal": "3"}, 3),
        ({"ordinal": "third"}, 3),
        ({"ordinal": "3rd"}, 3),
        ({"chapter_name": "norton sound"}, 4),
        ({"chapter_name": "the storm"}, 5),
        ({"chapter_name": "togo's run"}, 4),
    ],
)
def test_jump_by_number_ordinal_or_name(talk: Talk, slots: dict[str, str], chapter: int) -> None:
    turn = talk().intent("ChapterIntent", **slots)
    assert turn.chapter_heard == chapter
    assert turn.attributes["story"]["chapter"] == chapter


def test_jump_with_entity_resolution(talk: Talk) -> None:
    turn = talk().intent("ChapterIntent", chapter_name=env.slot_value(
        "chapter_name", "the arrival", resolved_id="final_run", type_name="CHAPTER"))
    assert turn.chapter_heard == 6


@pytest.mark.parametrize(
    ("slots", "needle"),
    [
        ({"number": "12"}, "There's no chapter 12"),
        ({"number": "0"}, "There's no chapter 0"),
        ({"chapter_name": "submarine"}, "I don't know a chapter called submarine"),
        ({}, "I didn't catch which chapter"),
    ],
)
def test_jump_to_a_missing_chapter_is_explained(
    talk: Talk, slots: dict[str, str], needle: str
) -> None:
    c = talk()
    c.intent("ChapterIntent", number="5")
    turn = c.intent("ChapterIntent", **slots)
    assert needle in turn.speech and f"{LAST} chapters" in turn.speech
    assert turn.chapter_heard is None and not turn.end_session
    assert c.attributes["story"]["chapter"] == 5


def test_which_chapter_is_this(talk: Talk) -> None:
    c = talk()
    assert "haven't started" in c.intent("WhichChapterIntent").speech
    c.intent("ChapterIntent", number="7")
    turn = c.intent("WhichChapterIntent")
    assert f"This is chapter 7, Fame and Controversy, of {LAST} chapters" in turn.speech


def test_question_mid_story_then_back_to_the_story(talk: Talk) -> None:
    c = talk()
    c.intent("ChapterIntent", number="4")
    answer = c.intent("QuestionIntent", query="how far did togo run")
    assert answer.chapter_heard is None and "Togo" in answer.speech
    assert c.attributes["mode"] == "story" and c.attributes["story"]["chapter"] == 4
    # Chapter 4 was told in full before the question: the story goes on with chapter 5.
    back = c.intent("ResumeStoryIntent")
    assert back.chapter_heard == 5 and "Picking up" not in back.speech
    assert c.intent("AMAZON.NextIntent").chapter_heard == 6


def test_last_chapter_ends_the_story_and_offers_questions_or_restart(talk: Talk) -> None:
    c = talk()
    c.intent("ChapterIntent", number=str(LAST - 1))
    last = c.intent("AMAZON.YesIntent")
    assert last.chapter_heard == LAST
    assert "end of The Serum Run" in last.speech and "start over" in last.speech
    assert "Shall I go on" not in last.speech and not last.end_session
    assert c.attributes["story"] == {"chapter": LAST, "finished": True}
    after = c.intent("AMAZON.NextIntent")
    assert after.chapter_heard is None and "That was the last chapter" in after.speech
    assert c.intent("AMAZON.RepeatIntent").chapter_heard == LAST
    assert c.intent("AMAZON.StartOverIntent").chapter_heard == 1
    assert c.attributes["story"] == {"chapter": 1, "finished": False}


def test_no_after_a_chapter_pauses_and_keeps_the_session(talk: Talk) -> None:
    c = talk()
    c.intent("StoryIntent")
    turn = c.intent("AMAZON.NoIntent")
    assert "stop here for now" in turn.speech and "chapter 2" in turn.speech
    assert not turn.end_session
    assert c.intent("AMAZON.NextIntent").chapter_heard == 2


@pytest.mark.parametrize("intent", ["AMAZON.StopIntent", "AMAZON.CancelIntent"])
def test_stop_in_story_mode_says_where_we_stopped(talk: Talk, intent: str) -> None:
    c = talk()
    c.intent("ChapterIntent", number="3")
    turn = c.intent(intent)
    assert turn.end_session
    assert "We stopped at chapter 3, The First Legs and the Mail Carriers" in turn.speech


def test_pause_saves_and_ends(talk: Talk) -> None:
    c = talk()
    c.intent("ChapterIntent", number="6")
    turn = c.intent("AMAZON.PauseIntent")
    assert turn.end_session and "Paused at chapter 6" in turn.speech


def test_resume_across_two_sessions_same_user(talk: Talk) -> None:
    first = talk(user_id=ALICE)
    first.intent("StoryIntent")
    first.intent("AMAZON.NextIntent")
    first.intent("AMAZON.NextIntent")
    assert first.intent("AMAZON.StopIntent").end_session

    second = talk(user_id=ALICE)
    welcome = second.launch()
    assert welcome.speech == (
        "Welcome back to Serum Run! We stopped at chapter 3, The First Legs and the Mail "
        "Carriers. Shall I go on?"
    )
    assert second.attributes["pending"] == "resume_story"
    resumed = second.intent("AMAZON.YesIntent")
    assert resumed.chapter_heard == 3
    assert resumed.speech.startswith("Chapter 3.")  # the offer already named the chapter
    assert second.intent("AMAZON.NextIntent").chapter_heard == 4


def test_returning_listener_says_no_and_gets_the_menu(talk: Talk) -> None:
    first = talk(user_id=ALICE)
    first.intent("ChapterIntent", number="5")
    first.intent("AMAZON.StopIntent")
    second = talk(user_id=ALICE)
    second.launch()
    menu = second.intent("AMAZON.NoIntent")
    assert "You can ask me a question" in menu.speech and not menu.end_session
    assert second.attributes.get("pending") is None and second.attributes.get("mode") != "story"
    # "tell me the story" later in that session picks up where they stopped.
    assert second.intent("StoryIntent").chapter_heard == 5


def test_one_shot_continue_the_story_in_a_new_session(talk: Talk) -> None:
    first = talk(user_id=ALICE)
    first.intent("ChapterIntent", number="8")
    first.intent("AMAZON.StopIntent")
    turn = talk(user_id=ALICE).intent("ResumeStoryIntent")
    assert turn.chapter_heard == 8


def test_finished_listener_is_welcomed_normally(talk: Talk) -> None:
    first = talk(user_id=ALICE)
    first.intent("ChapterIntent", number=str(LAST))
    first.intent("AMAZON.StopIntent")
    welcome = talk(user_id=ALICE).launch()
    assert welcome.speech.startswith("Welcome to Serum Run")


def test_two_users_are_kept_apart(talk: Talk) -> None:
    alice, bob = talk(user_id=ALICE), talk(user_id=BOB)
    alice.intent("ChapterIntent", number="7")
    bob.intent("ChapterIntent", number="2")
    alice.intent("AMAZON.StopIntent")
    bob.intent("AMAZON.StopIntent")
    assert "chapter 7" in talk(user_id=ALICE).launch().speech
    assert "chapter 2" in talk(user_id=BOB).launch().speech
    carol = talk(user_id="amzn1.ask.account.CAROL")
    assert carol.launch().speech.startswith("Welcome to Serum Run")


def test_store_locked_mid_story_still_plays_and_keeps_saved_progress(
    talk: Talk, db_path: Path, adapter: SQLitePersistenceAdapter, caplog: pytest.LogCaptureFixture
) -> None:
    c = talk(user_id=ALICE)
    c.intent("ChapterIntent", number="4")
    holder = sqlite3.connect(db_path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")  # another process holds the file
        with caplog.at_level(logging.WARNING, logger="skill.alexa.story_progress"):
            assert c.intent("AMAZON.NextIntent").chapter_heard == 5
            assert c.intent("AMAZON.NextIntent").chapter_heard == 6
            assert c.intent("AMAZON.PreviousIntent").chapter_heard == 5
        warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
        assert len(warnings) == 1 and "database is locked" in warnings[0].getMessage()
        assert c.attributes["story_store_failed"] is True
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    # The lock is gone: progress saves again from the session's position.
    assert c.intent("AMAZON.NextIntent").chapter_heard == 6
    c.intent("AMAZON.StopIntent")
    assert "chapter 6" in talk(user_id=ALICE).launch().speech


def test_stale_session_never_overwrites_newer_progress(talk: Talk) -> None:
    phone = talk(user_id=ALICE)
    phone.intent("ChapterIntent", number="2", timestamp="2025-02-01T10:00:00Z")
    kitchen = talk(user_id=ALICE)
    kitchen.intent("ChapterIntent", number="8", timestamp="2025-02-01T11:00:00Z")
    # A delayed request from the older session arrives late.
    assert phone.intent("AMAZON.NextIntent", timestamp="2025-02-01T10:30:00Z").chapter_heard == 3
    # Forward moves from a stale position never drag the saved chapter backwards either.
    assert phone.intent("AMAZON.NextIntent", timestamp="2025-02-01T12:00:00Z").chapter_heard == 4
    assert "chapter 8" in talk(user_id=ALICE).launch().speech


def test_story_without_any_store_still_works(story_handler_no_store: Conversation) -> None:
    c = story_handler_no_store
    assert c.launch().speech.startswith("Welcome to Serum Run")
    assert c.intent("StoryIntent").chapter_heard == 1
    assert c.intent("AMAZON.YesIntent").chapter_heard == 2
    assert "chapter 2" in c.intent("AMAZON.StopIntent").speech


@pytest.fixture
def story_handler_no_store() -> Conversation:
    from skill.alexa.skill_factory import make_handler
    from tests.skill.conftest import story_skill

    return Conversation(make_handler(story_skill(None)), check=assert_alexa_valid)
