"""The console's state: turns recorded with their NLU and envelopes, settings, progress, audio."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from balto.console import state as console_state
from balto.console.state import ConsoleError, ConsoleState, NotFound
from tests.support.alexa_limits import assert_alexa_valid


def test_a_question_is_recorded_with_its_intent_slots_reasoning_and_envelopes(
        state: ConsoleState) -> None:
    [turn] = state.say("who was togo")
    assert turn["kind"] == "turn" and turn["typed"] == "who was togo"
    assert turn["request_type"] == "IntentRequest"
    assert turn["intent"] == "AboutDogIntent"
    assert turn["speech"].startswith("Togo was")
    assert turn["reprompt"] and turn["end_session"] is False
    [slot] = turn["slots"]
    assert slot["name"] == "dog" and slot["value"] == "togo"
    assert slot["resolution"]["status"] == "ER_SUCCESS_MATCH"
    assert slot["resolution"]["values"] == [{"name": "togo", "id": "togo"}]
    explain = turn["explain"]
    assert explain["sample"] == "who was {dog}" and explain["score"] == 1.0
    assert {"AskWhoIntent", "AboutPersonIntent"} <= {r["intent"] for r in explain["runner_ups"]}
    assert "sample:    'who was {dog}'" in explain["text"]
    # the envelopes are the real ones: the request the skill got, the response it sent
    assert turn["request"]["request"]["intent"]["name"] == "AboutDogIntent"
    assert turn["request"]["session"]["user"]["userId"] == state.user_id
    assert_alexa_valid(turn["response"])
    assert turn["problems"] == []
    # the question handler's log line: the fact chosen
    assert any("togo.identity" in line for line in turn["skill_log"])
    assert turn["screen"]["kind"] == "none"  # a speaker
    assert turn["screen"]["card"]["title"] == turn["card"]["title"]


def test_the_session_carries_on_between_turns_and_an_opening_phrase_launches(
        state: ConsoleState) -> None:
    [launch] = state.say("open serum run")
    assert launch["request_type"] == "LaunchRequest" and launch["typed"] == "open serum run"
    assert launch["explain"] is None and launch["intent"] is None
    [follow] = state.say("who was togo")
    assert follow["session_id"] == launch["session_id"]
    assert follow["request"]["session"]["new"] is False
    [stop] = state.say("stop")
    assert stop["end_session"] is True
    assert state.settings()["session_open"] is False
    [again] = state.say("who was balto")
    assert again["session_id"] != launch["session_id"]
    assert again["request"]["session"]["new"] is True


def test_new_session_ends_the_open_one_then_launches(state: ConsoleState) -> None:
    state.say("who was togo")
    ended, launched = state.new_session()
    assert ended["request_type"] == "SessionEndedRequest"
    assert launched["request_type"] == "LaunchRequest" and launched["speech"]
    assert launched["session_id"] != ended["session_id"]
    # with no session open there is nothing to end
    state.say("stop")
    assert [r["request_type"] for r in state.new_session()] == ["LaunchRequest"]


@pytest.mark.parametrize("text", ["", "   ", None, 42, ["who"]])
def test_an_empty_or_non_text_utterance_is_refused(state: ConsoleState, text: object) -> None:
    with pytest.raises(ConsoleError) as caught:
        state.say(text)
    assert caught.value.status == 400
    assert state.snapshot()["records"] == []


def test_an_overlong_utterance_is_refused_with_413(state: ConsoleState) -> None:
    limit = console_state.MAX_UTTERANCE_CHARS
    state.say("who " * (limit // 4 - 1) + "togo")  # at the limit: heard
    with pytest.raises(ConsoleError, match=f"at most {limit}") as caught:
        state.say("x" * (limit + 1))
    assert caught.value.status == 413


def test_settings_change_ends_the_session_and_later_turns_carry_them(
        state: ConsoleState) -> None:
    state.say("who was togo")
    records = state.update({"user": "someone else", "locale": "en-GB", "device": "echo-show"})
    assert [r.get("request_type") for r in records] == ["SessionEndedRequest", None]
    assert "someone else" in records[-1]["text"] and "en-GB" in records[-1]["text"]
    [turn] = state.say("how far did balto run")
    request = turn["request"]
    assert request["request"]["locale"] == "en-GB" and turn["locale"] == "en-GB"
    assert request["session"]["user"]["userId"] == state.user_id == turn["user_id"]
    assert "Alexa.Presentation.APL" in request["context"]["System"]["device"][
        "supportedInterfaces"]
    assert request["context"]["Viewport"]["pixelWidth"] == 1280
    assert turn["screen"]["kind"] in ("svg", "card")
    # the same settings again change nothing
    assert state.update({"device": "echo-show"}) == []


@pytest.mark.parametrize("changes, message", [
    ({"locale": "fr-FR"}, "unknown locale"),
    ({"device": "toaster"}, "unknown device"),
    ({"user": ""}, "user must be"),
    ({"user": "x" * 121}, "user must be"),
    ({"user": "<script>"}, "user must be"),
    ({"user": 7}, "user must be a string"),
    ({"volume": 11}, "unknown setting"),
])
def test_bad_settings_are_refused_and_change_nothing(
        state: ConsoleState, changes: dict[str, object], message: str) -> None:
    before = state.settings()
    with pytest.raises(ConsoleError, match=message):
        state.update(changes)
    assert state.settings() == before


def test_an_alexa_user_id_is_used_as_it_is(state: ConsoleState) -> None:
    user = "amzn1.ask.account.TESTER-1"
    state.update({"user": user})
    assert state.user_id == user
    [turn] = state.say("who was togo")
    assert turn["request"]["context"]["System"]["user"]["userId"] == user


def test_clearing_progress_starts_the_story_again(state: ConsoleState) -> None:
    state.say("tell me the story")
    [second] = state.say("yes")
    assert second["speech"].startswith("Chapter 2.")
    state.say("stop")
    [resumed] = state.say("tell me the story")
    assert "chapter 2" in resumed["speech"].lower() and "Chapter 1." not in resumed["speech"]
    records = state.clear_progress()
    assert records[0]["request_type"] == "SessionEndedRequest"  # the session held chapter 2
    assert records[-1]["kind"] == "note" and "Progress cleared" in records[-1]["text"]
    [fresh] = state.say("tell me the story")
    assert fresh["speech"].startswith("Chapter 1.")


def test_clearing_progress_touches_only_this_user(
        make_state: Callable[..., ConsoleState]) -> None:
    mine, theirs = make_state(user="clear-mine"), make_state(user="clear-theirs")
    for console in (mine, theirs):
        console.say("tell me the story")
        console.say("yes")
        console.say("stop")
    mine.clear_progress()
    assert mine.new_session()[-1]["speech"].startswith("Welcome to Serum Run")
    assert "chapter 2" in theirs.new_session()[-1]["speech"]


def test_without_a_progress_store_clearing_is_refused(
        make_state: Callable[..., ConsoleState]) -> None:
    console = make_state()
    console._progress = None  # a skill built without a store
    with pytest.raises(ConsoleError, match="without a progress store") as caught:
        console.clear_progress()
    assert caught.value.status == 409


def test_the_history_is_numbered_kept_and_capped(state: ConsoleState,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(console_state, "MAX_RECORDS", 3)
    numbers = [state.say(text)[0]["id"] for text in ("who was togo", "who was balto", "yes",
                                                     "who was seppala")]
    assert numbers == sorted(numbers) and len(set(numbers)) == 4
    assert [r["id"] for r in state.snapshot()["records"]] == numbers[1:]
    with pytest.raises(NotFound):
        state.record(numbers[0])
    assert state.record(numbers[-1])["typed"] == "who was seppala"
    state.clear_history()
    assert state.snapshot()["records"] == []
    assert state.say("who was togo")[0]["id"] == numbers[-1] + 1  # numbers are never reused


def test_speech_is_rendered_as_wav_by_espeak_ng(state: ConsoleState,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, str | None]] = []

    def fake_wav(ssml: str, executable: str | None = None) -> bytes:
        calls.append((ssml, executable))
        return b"RIFF....WAVEfmt "

    monkeypatch.setattr(console_state.speak, "wav", fake_wav)
    state.espeak = "/usr/bin/espeak-ng"
    [turn] = state.say("who was togo")
    assert turn["audio"] is True
    assert state.speech_wav(turn["id"]).startswith(b"RIFF")
    assert state.speech_wav(turn["id"]).startswith(b"RIFF")  # the second play is cached
    assert calls == [(turn["ssml"], "/usr/bin/espeak-ng")]


def test_without_espeak_ng_there_is_no_audio_and_the_reason_is_given(
        make_state: Callable[..., ConsoleState]) -> None:
    console = make_state()
    console.espeak = None
    [turn] = console.say("who was togo")
    assert turn["audio"] is False and console.settings()["speech"] is False
    with pytest.raises(NotFound, match="espeak-ng is not installed"):
        console.speech_wav(turn["id"])


def test_a_silent_turn_or_a_note_has_nothing_to_play(state: ConsoleState) -> None:
    state.espeak = "/usr/bin/espeak-ng"
    state.say("who was togo")
    ended, _ = state.new_session()
    assert ended["audio"] is False
    with pytest.raises(NotFound, match="says nothing"):
        state.speech_wav(ended["id"])
    note = state.update({"locale": "en-AU"})[-1]
    with pytest.raises(NotFound, match="says nothing"):
        state.speech_wav(note["id"])
    with pytest.raises(NotFound, match="no turn 999"):
        state.speech_wav(999)


def test_closing_gives_the_question_logger_its_level_back(
        make_state: Callable[..., ConsoleState]) -> None:
    import logging

    from skill.alexa.handlers import questions

    question_log = logging.getLogger(questions.log.name)
    before = question_log.level
    console = make_state()
    assert question_log.level == logging.INFO  # the question line is let through
    console.close()
    assert question_log.level == before
