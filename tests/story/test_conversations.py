"""Whole story conversations through the Lambda-style handler with real request envelopes.

Every response is checked against Alexa's limits by the conversation driver (conftest).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from skill.persistence.sqlite import SQLitePersistenceAdapter
from skill.story.chapters import load_chapters
from tests.story.conftest import Conversation

Talk = Callable[..., Conversation]
STORY = load_chapters()
LAST = STORY.count
ALICE = "amzn1.ask.account.ALICE"
BOB = "amzn1.ask.account.BOB"


def test_tell_me_the_story_narrates_chapter_one_and_asks_to_go_on(talk: Talk) -> None:
    turn = talk().say("StoryIntent")
    assert turn.chapter_heard == 1
    assert turn.ssml.startswith("<speak>") and '<amazon:domain name="long-form">' in turn.ssml
    assert turn.text.endswith("Shall I go on to chapter 2, The Serum Rides the Rails?")
    assert "chapter 2" in turn.reprompt and not turn.ended
    assert turn.attrs["mode"] == "story"
    assert turn.attrs["story"] == {"chapter": 1, "finished": False}
    assert turn.response["card"]["title"] == "Chapter 1: The Outbreak and the Decision"


def test_british_english_gets_no_long_form_style(talk: Talk) -> None:
    turn = talk(locale="en-GB").say("StoryIntent")
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
    c.say("StoryIntent")
    intent, slots = forward
    assert c.say(intent, **slots).chapter_heard == 2
    assert c.say(intent, **slots).chapter_heard == 3


def test_back_repeat_start_over(talk: Talk) -> None:
    c = talk()
    c.say("StoryIntent")
    c.say("AMAZON.NextIntent")
    c.say("AMAZON.NextIntent")
    assert c.say("AMAZON.PreviousIntent").chapter_heard == 2
    assert c.say("AMAZON.RepeatIntent").chapter_heard == 2
    assert c.say("AMAZON.StartOverIntent").chapter_heard == 1
    at_start = c.say("AMAZON.PreviousIntent")
    assert at_start.chapter_heard is None and "beginning already" in at_start.text
    assert c.attrs["story"]["chapter"] == 1


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
    turn = talk().say("ChapterIntent", **slots)
    assert turn.chapter_heard == chapter
    assert turn.attrs["story"]["chapter"] == chapter


def test_jump_with_entity_resolution(talk: Talk) -> None:
    turn = talk().jump_to("final_run", "the arrival")
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
    c.say("ChapterIntent", number="5")
    turn = c.say("ChapterIntent", **slots)
    assert needle in turn.text and f"{LAST} chapters" in turn.text
    assert turn.chapter_heard is None and not turn.ended
    assert c.attrs["story"]["chapter"] == 5


def test_which_chapter_is_this(talk: Talk) -> None:
    c = talk()
    assert "haven't started" in c.say("WhichChapterIntent").text
    c.say("ChapterIntent", number="7")
    turn = c.say("WhichChapterIntent")
    assert f"This is chapter 7, Fame and Controversy, of {LAST} chapters" in turn.text


def test_question_mid_story_then_back_to_the_story(talk: Talk) -> None:
    c = talk()
    c.say("ChapterIntent", number="4")
    answer = c.ask("how far did togo run")
    assert answer.chapter_heard is None and "Togo" in answer.text
    assert c.attrs["mode"] == "story" and c.attrs["story"]["chapter"] == 4
    back = c.say("ResumeStoryIntent")
    assert back.chapter_heard == 4 and back.text.startswith("Picking up where we left off")
    assert c.say("AMAZON.NextIntent").chapter_heard == 5


def test_last_chapter_ends_the_story_and_offers_questions_or_restart(talk: Talk) -> None:
    c = talk()
    c.say("ChapterIntent", number=str(LAST - 1))
    last = c.say("AMAZON.YesIntent")
    assert last.chapter_heard == LAST
    assert "end of The Serum Run" in last.text and "start over" in last.text
    assert "Shall I go on" not in last.text and not last.ended
    assert c.attrs["story"] == {"chapter": LAST, "finished": True}
    after = c.say("AMAZON.NextIntent")
    assert after.chapter_heard is None and "That was the last chapter" in after.text
    assert c.say("AMAZON.RepeatIntent").chapter_heard == LAST
    assert c.say("AMAZON.StartOverIntent").chapter_heard == 1
    assert c.attrs["story"] == {"chapter": 1, "finished": False}


def test_no_after_a_chapter_pauses_and_keeps_the_session(talk: Talk) -> None:
    c = talk()
    c.say("StoryIntent")
    turn = c.say("AMAZON.NoIntent")
    assert "stop here for now" in turn.text and "chapter 2" in turn.text and not turn.ended
    assert c.say("AMAZON.NextIntent").chapter_heard == 2


@pytest.mark.parametrize("intent", ["AMAZON.StopIntent", "AMAZON.CancelIntent"])
def test_stop_in_story_mode_says_where_we_stopped(talk: Talk, intent: str) -> None:
    c = talk()
    c.say("ChapterIntent", number="3")
    turn = c.say(intent)
    assert turn.ended
    assert "We stopped at chapter 3, The First Legs and the Mail Carriers" in turn.text


def test_pause_saves_and_ends(talk: Talk) -> None:
    c = talk()
    c.say("ChapterIntent", number="6")
    turn = c.say("AMAZON.PauseIntent")
    assert turn.ended and "Paused at chapter 6" in turn.text


def test_resume_across_two_sessions_same_user(talk: Talk) -> None:
    first = talk(user_id=ALICE)
    first.say("StoryIntent")
    first.say("AMAZON.NextIntent")
    first.say("AMAZON.NextIntent")
    assert first.say("AMAZON.StopIntent").ended

    second = talk(user_id=ALICE)
    welcome = second.launch()
    assert welcome.text == (
        "Welcome back to Serum Run! We stopped at chapter 3, The First Legs and the Mail "
        "Carriers. Shall I go on?"
    )
    assert second.attrs["pending"] == "resume_story"
    resumed = second.say("AMAZON.YesIntent")
    assert resumed.chapter_heard == 3
    assert resumed.text.startswith("Chapter 3.")  # the offer already named the chapter
    assert second.say("AMAZON.NextIntent").chapter_heard == 4


def test_returning_listener_says_no_and_gets_the_menu(talk: Talk) -> None:
    first = talk(user_id=ALICE)
    first.say("ChapterIntent", number="5")
    first.say("AMAZON.StopIntent")
    second = talk(user_id=ALICE)
    second.launch()
    menu = second.say("AMAZON.NoIntent")
    assert "You can ask me a question" in menu.text and not menu.ended
    assert second.attrs.get("pending") is None and second.attrs.get("mode") != "story"
    # "tell me the story" later in that session picks up where they stopped.
    assert second.say("StoryIntent").chapter_heard == 5


def test_one_shot_continue_the_story_in_a_new_session(talk: Talk) -> None:
    first = talk(user_id=ALICE)
    first.say("ChapterIntent", number="8")
    first.say("AMAZON.StopIntent")
    turn = talk(user_id=ALICE).say("ResumeStoryIntent")
    assert turn.chapter_heard == 8


def test_finished_listener_is_welcomed_normally(talk: Talk) -> None:
    first = talk(user_id=ALICE)
    first.say("ChapterIntent", number=str(LAST))
    first.say("AMAZON.StopIntent")
    welcome = talk(user_id=ALICE).launch()
    assert welcome.text.startswith("Welcome to Serum Run")


def test_two_users_are_kept_apart(talk: Talk) -> None:
    alice, bob = talk(user_id=ALICE), talk(user_id=BOB)
    alice.say("ChapterIntent", number="7")
    bob.say("ChapterIntent", number="2")
    alice.say("AMAZON.StopIntent")
    bob.say("AMAZON.StopIntent")
    assert "chapter 7" in talk(user_id=ALICE).launch().text
    assert "chapter 2" in talk(user_id=BOB).launch().text
    assert talk(user_id="amzn1.ask.account.CAROL").launch().text.startswith("Welcome to Serum Run")


def test_store_locked_mid_story_still_plays_and_keeps_saved_progress(
    talk: Talk, db_path: Path, adapter: SQLitePersistenceAdapter, caplog: pytest.LogCaptureFixture
) -> None:
    c = talk(user_id=ALICE)
    c.say("ChapterIntent", number="4")
    holder = sqlite3.connect(db_path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")  # another process holds the file
        with caplog.at_level(logging.WARNING, logger="skill.alexa.story_progress"):
            assert c.say("AMAZON.NextIntent").chapter_heard == 5
            assert c.say("AMAZON.NextIntent").chapter_heard == 6
            assert c.say("AMAZON.PreviousIntent").chapter_heard == 5
        warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
        assert len(warnings) == 1 and "database is locked" in warnings[0].getMessage()
        assert c.attrs["story_store_failed"] is True
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    # The lock is gone: progress saves again from the session's position.
    assert c.say("AMAZON.NextIntent").chapter_heard == 6
    c.say("AMAZON.StopIntent")
    assert "chapter 6" in talk(user_id=ALICE).launch().text


def test_stale_session_never_overwrites_newer_progress(talk: Talk) -> None:
    phone = talk(user_id=ALICE)
    phone.say("ChapterIntent", number="2", timestamp="2025-02-01T10:00:00Z")
    kitchen = talk(user_id=ALICE)
    kitchen.say("ChapterIntent", number="8", timestamp="2025-02-01T11:00:00Z")
    # A delayed request from the older session arrives late.
    assert phone.say("AMAZON.NextIntent", timestamp="2025-02-01T10:30:00Z").chapter_heard == 3
    # Forward moves from a stale position never drag the saved chapter backwards either.
    assert phone.say("AMAZON.NextIntent", timestamp="2025-02-01T12:00:00Z").chapter_heard == 4
    assert "chapter 8" in talk(user_id=ALICE).launch().text


def test_story_without_any_store_still_works(story_handler_no_store: Conversation) -> None:
    c = story_handler_no_store
    assert c.launch().text.startswith("Welcome to Serum Run")
    assert c.say("StoryIntent").chapter_heard == 1
    assert c.say("AMAZON.YesIntent").chapter_heard == 2
    assert "chapter 2" in c.say("AMAZON.StopIntent").text


@pytest.fixture
def story_handler_no_store() -> Conversation:
    from skill.alexa.skill_factory import make_handler
    from tests.story.conftest import story_skill

    return Conversation(make_handler(story_skill(None)))
