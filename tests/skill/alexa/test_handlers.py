"""Handlers driven with real request envelopes through the Lambda-style handler."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from skill.alexa.skill_factory import build_skill, make_handler
from skill.speech.ssml import strip_tags
from tests.support import envelopes as env

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]


def speech(response: dict[str, Any]) -> str:
    return strip_tags(response["response"]["outputSpeech"]["ssml"])


def attrs(response: dict[str, Any]) -> dict[str, Any]:
    return response.get("sessionAttributes") or {}


def test_launch_welcomes_with_two_examples(handler: Handler, alexa_valid: Any) -> None:
    out = alexa_valid(handler(env.launch(), None))
    text = speech(out)
    assert "Welcome to Serum Run" in text
    assert "who was Togo" in text and "how far did Balto run" in text
    assert out["response"]["shouldEndSession"] is False
    assert out["response"]["reprompt"]["outputSpeech"]["ssml"].startswith("<speak>")


@pytest.mark.parametrize(
    ("intent", "needle", "ends"),
    [
        ("AMAZON.HelpIntent", "Ask a question like", False),
        ("AMAZON.StopIntent", "Goodbye", True),
        ("AMAZON.CancelIntent", "Goodbye", True),
        ("AMAZON.FallbackIntent", "didn't catch that", False),
        ("AMAZON.NavigateHomeIntent", "Welcome to Serum Run", False),
        ("SomeIntentWeNeverDeclared", "didn't catch that", False),
        ("AMAZON.RepeatIntent", "nothing to repeat", False),
        ("SourceIntent", "haven't told you a fact yet", False),
    ],
)
def test_builtins(handler: Handler, alexa_valid: Any, intent: str, needle: str, ends: bool) -> None:
    out = alexa_valid(handler(env.intent(intent), None))
    assert needle in speech(out)
    assert out["response"]["shouldEndSession"] is ends


def test_session_ended_has_no_speech(handler: Handler, alexa_valid: Any) -> None:
    out = alexa_valid(handler(env.session_ended(), None))
    assert "outputSpeech" not in out["response"]


def test_unknown_request_type_gets_spoken_pointer(handler: Handler, alexa_valid: Any) -> None:
    event = env.launch()
    event["request"]["type"] = "Alexa.Presentation.APL.UserEvent"
    out = alexa_valid(handler(event, None))
    assert "didn't catch that" in speech(out)


def test_unparseable_event_gets_apology_not_traceback(handler: Handler, alexa_valid: Any) -> None:
    out = alexa_valid(handler({"version": "1.0", "request": "garbage"}, None))
    assert "couldn't understand" in speech(out)
    out = alexa_valid(handler({"version": "1.0"}, None))
    assert "couldn't understand" in speech(out)


def test_error_handler_apologises_and_logs(
    monkeypatch: pytest.MonkeyPatch, alexa_valid: Any, caplog: pytest.LogCaptureFixture
) -> None:
    from skill.alexa.handlers import launch_builtins

    def boom(self: Any, handler_input: Any) -> Any:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(launch_builtins.HelpHandler, "handle", boom)
    local = make_handler(build_skill())
    out = alexa_valid(local(env.intent("AMAZON.HelpIntent"), None))
    assert "something went wrong" in speech(out)
    assert "kaboom" not in speech(out)
    assert any("error handling" in r.message for r in caplog.records)


def test_slot_question_resolves_entity_and_remembers_it(handler: Handler, alexa_valid: Any) -> None:
    out = alexa_valid(handler(env.intent(
        "AboutDogIntent", {"dog": env.slot_value("dog", "togo", "togo", "DOG")}), None))
    assert attrs(out)["last_fact"] == "togo.identity"
    assert attrs(out)["last_entity"] == "togo"
    assert "Togo" in speech(out)
    assert out["response"]["card"]["content"].count("Sources:") == 1


def test_pronoun_follow_up_uses_last_entity(handler: Handler, alexa_valid: Any) -> None:
    first = alexa_valid(handler(env.intent(
        "AboutDogIntent", {"dog": env.slot_value("dog", "togo", "togo", "DOG")}), None))
    follow = alexa_valid(handler(env.intent("HowFarIntent", attributes=attrs(first)), None))
    assert attrs(follow)["last_fact"] != "togo.identity"
    fact = attrs(follow)["last_fact"]
    from skill.facts.store import default_store

    chosen = default_store().get(fact)
    assert chosen is not None and "togo" in chosen.about and "distance" in chosen.aspects
    free = alexa_valid(handler(env.question("far did he run", "AskHowIntent",
                                            attributes=attrs(first)), None))
    assert attrs(free)["last_fact"] == fact


def test_tell_me_more_gives_new_related_facts(handler: Handler, alexa_valid: Any) -> None:
    out = alexa_valid(handler(env.intent(
        "AboutDogIntent", {"dog": env.slot_value("dog", "balto", "balto", "DOG")}), None))
    heard = [attrs(out)["last_fact"]]
    for _ in range(3):
        out = alexa_valid(handler(env.intent("TellMeMoreIntent", attributes=attrs(out)), None))
        fact = attrs(out)["last_fact"]
        assert fact not in heard
        heard.append(fact)
    from skill.facts.store import default_store

    assert all("balto" in default_store().get(f).about for f in heard)  # type: ignore[union-attr]


def test_yes_after_answer_means_more(handler: Handler, alexa_valid: Any) -> None:
    out = alexa_valid(handler(env.intent(
        "AboutDogIntent", {"dog": env.slot_value("dog", "togo", "togo", "DOG")}), None))
    more = alexa_valid(handler(env.intent("AMAZON.YesIntent", attributes=attrs(out)), None))
    assert attrs(more)["last_fact"] != attrs(out)["last_fact"]


def test_source_intent_names_sources_of_last_fact(handler: Handler, alexa_valid: Any) -> None:
    out = alexa_valid(handler(env.intent(
        "AboutDogIntent", {"dog": env.slot_value("dog", "togo", "togo", "DOG")}), None))
    src = alexa_valid(handler(env.intent("SourceIntent", attributes=attrs(out)), None))
    assert "comes from" in speech(src)
    assert src["response"]["card"]["title"] == "Serum Run: sources"


def test_unknown_slot_value_is_answered_honestly(handler: Handler, alexa_valid: Any) -> None:
    out = alexa_valid(handler(env.intent(
        "AboutDogIntent", {"dog": env.slot_value("dog", "lassie")}), None))
    assert "I don't know the dog lassie" in speech(out)


@pytest.mark.parametrize(
    "question",
    ["what is the weather tomorrow", "play some jazz", "how do i bake bread",
     "who won the super bowl", "what is the capital of france"],
)
def test_off_topic_questions_get_redirect(
    handler: Handler, alexa_valid: Any, question: str
) -> None:
    out = alexa_valid(handler(env.question(question), None))
    assert "serum run" in speech(out).lower()
    assert "last_fact" not in attrs(out)


def test_blank_search_query_is_fallback(handler: Handler, alexa_valid: Any) -> None:
    out = alexa_valid(handler(env.question("um"), None))
    assert "didn't catch that" in speech(out)


def test_repeat_after_answer_repeats_it(handler: Handler, alexa_valid: Any) -> None:
    out = alexa_valid(handler(env.intent(
        "AboutDogIntent", {"dog": env.slot_value("dog", "togo", "togo", "DOG")}), None))
    again = alexa_valid(handler(env.intent("AMAZON.RepeatIntent", attributes=attrs(out)), None))
    assert speech(again) == speech(out)


def test_malformed_session_attributes_do_not_crash(handler: Handler, alexa_valid: Any) -> None:
    bad = {"seen_facts": "not a list", "last_entity": 42, "last_fact": ["x"], "pending": 7}
    out = alexa_valid(handler(env.intent("TellMeMoreIntent", attributes=bad), None))
    assert "Ask a question like" in speech(out)


@pytest.mark.parametrize("topic", ["miles", "no such topic", "birth.when"])
@pytest.mark.parametrize("follow_up", ["how old was he then", "and when", "where is he now",
                                       "and balto", "how cold was it"])
def test_a_remembered_topic_the_skill_does_not_know_is_ignored(
        handler: Handler, alexa_valid: Any, topic: str, follow_up: str) -> None:
    """Session attributes come from the client: a follow-up after a topic no relation names
    is answered as a fresh question, not with an apology."""
    remembered = {"last_entity": "togo", "last_topic": topic, "last_facet": "miles",
                  "last_entities": ["togo", "balto"]}
    out = alexa_valid(handler(env.question(follow_up, attributes=remembered), None))
    assert "went wrong" not in speech(out), speech(out)


def test_question_mid_story_points_back_to_the_story(handler: Handler, alexa_valid: Any) -> None:
    story = alexa_valid(handler(env.intent("StoryIntent"), None))
    assert attrs(story)["mode"] == "story"
    out = alexa_valid(handler(env.intent(
        "AboutDogIntent", {"dog": env.slot_value("dog", "togo", "togo", "DOG")},
        attributes=attrs(story)), None))
    assert "back to the story" in speech(out)
    assert attrs(out)["mode"] == "story"


def test_resume_offer_has_a_short_reprompt(alexa_valid: Any, tmp_path: Any) -> None:
    from skill.persistence.sqlite import SQLitePersistenceAdapter

    local = make_handler(build_skill(persistence=SQLitePersistenceAdapter(tmp_path / "p.db")))
    story = alexa_valid(local(env.intent("StoryIntent"), None))
    alexa_valid(local(env.intent("AMAZON.StopIntent", attributes=attrs(story)), None))
    again = alexa_valid(local(env.launch(), None))
    assert "stopped at chapter 1" in speech(again)
    reprompt = strip_tags(again["response"]["reprompt"]["outputSpeech"]["ssml"])
    assert reprompt.startswith("Say yes") and len(reprompt) < len(speech(again)) + 40


@pytest.mark.parametrize(
    "timestamp", ["2026-01-27T12:00:00Z", "2026-01-27T12:00:00.123+00:00", "27 Jan 2026 12:00 UTC"]
)
def test_request_timestamps_parse_with_and_without_the_fast_path(timestamp: str) -> None:
    """ISO 8601 goes through datetime.fromisoformat; anything else falls back to ask-sdk."""
    import json as _json

    from ask_sdk_model import RequestEnvelope

    from skill.alexa.skill_factory import IsoTimestampSerializer

    event = env.launch()
    event["request"]["timestamp"] = timestamp
    parsed = IsoTimestampSerializer().deserialize(_json.dumps(event), RequestEnvelope)
    stamp = parsed.request.timestamp
    assert (stamp.year, stamp.month, stamp.day, stamp.hour) == (2026, 1, 27, 12)


def test_control_character_slot_reads_as_empty(handler: Handler, alexa_valid: Any) -> None:
    out = alexa_valid(handler(env.intent(
        "AboutDogIntent", {"dog": env.slot_value("dog", "\x1b\x07")}), None))
    assert "I don't know the" not in speech(out)


def test_pronoun_question_without_context_asks_who_is_meant(
    handler: Handler, alexa_valid: Any
) -> None:
    out = alexa_valid(handler(env.intent("HowFarIntent"), None))
    assert speech(out).startswith("Who do you mean?")
    assert out["response"]["shouldEndSession"] is False


def test_request_for_another_skill_is_refused(alexa_valid: Any) -> None:
    from skill.alexa.skill_factory import ForeignSkillRequest

    ours = make_handler(build_skill(), skill_id=env.APPLICATION_ID)
    alexa_valid(ours(env.launch(), None))
    with pytest.raises(ForeignSkillRequest):
        ours(env.launch(application_id="amzn1.ask.skill.someone-else"), None)


def test_failure_outside_the_handlers_is_an_apology(
    monkeypatch: pytest.MonkeyPatch, alexa_valid: Any
) -> None:
    skill = build_skill()
    monkeypatch.setattr(skill, "invoke", lambda **_: (_ for _ in ()).throw(RuntimeError("x")))
    out = alexa_valid(make_handler(skill)(env.launch(), None))
    assert "something went wrong" in speech(out)
