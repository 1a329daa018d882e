"""Table-driven tests of the matcher against the fixture model."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from balto.nlu import NluEngine, load_model
from balto.nlu.engine import CatchAll
from balto.nlu.result import ER_SUCCESS_MATCH, ER_SUCCESS_NO_MATCH

from .conftest import FIXTURES

CASES = [
    # (utterance, intent, {slot: resolved value}, parser)
    ("who was togo", "AboutDogIntent", {"dog": "Togo"}, "exact"),
    ("Who was Togo?", "AboutDogIntent", {"dog": "Togo"}, "exact"),
    ("tell me about balto the dog", "AboutDogIntent", {"dog": "Balto"}, "exact"),
    ("who was Leonhard Seppala", "AboutPersonIntent", {"person": "Leonhard Seppala"}, "exact"),
    ("who was dr. welch", "AboutPersonIntent", {"person": "Curtis Welch"}, "exact"),
    ("balto", "AboutDogIntent", {"dog": "Balto"}, "exact"),
    ("sepp", "AboutPersonIntent", {"person": "Leonhard Seppala"}, "exact"),
    ("who was amundsen", "QuestionIntent", {"query": "amundsen"}, "exact"),
    ("how far did togo run", "HowFarIntent", {"subject": "Togo"}, "exact"),
    ("how far did togo's team run", "HowFarIntent", {"subject": "Togo"}, "exact"),
    ("how far did the serum travel", "QuestionIntent", {"query": "the serum travel"}, "exact"),
    ("chapter 3", "ChapterIntent", {"number": "3"}, "exact"),
    ("go to chapter twenty one", "ChapterIntent", {"number": "21"}, "exact"),
    ("the third chapter", "ChapterIntent", {"ordinal": "3"}, "exact"),
    ("go to the 2nd chapter", "ChapterIntent", {"ordinal": "2"}, "exact"),
    ("next", "AMAZON.NextIntent", {}, "exact"),
    ("skip ahead", "AMAZON.NextIntent", {}, "exact"),
    ("Stop!", "AMAZON.StopIntent", {}, "exact"),
    ("never mind", "AMAZON.CancelIntent", {}, "exact"),
    ("yes please", "AMAZON.YesIntent", {}, "exact"),
    ("no thanks", "AMAZON.NoIntent", {}, "exact"),
    ("say that again", "AMAZON.RepeatIntent", {}, "exact"),
    ("start over", "AMAZON.StartOverIntent", {}, "exact"),
    ("what can i say", "AMAZON.HelpIntent", {}, "exact"),
    ("um tell me about balto please", "AboutDogIntent", {"dog": "Balto"}, "exact-cleaned"),
    ("uh next", "AMAZON.NextIntent", {}, "exact-cleaned"),
    ("tell me the stories", "StoryIntent", {}, "fuzzy"),
    ("tell me teh story", "StoryIntent", {}, "fuzzy"),
    ("please tell me the whole story", "StoryIntent", {}, "fuzzy"),
    ("who was togoo", "AboutDogIntent", {"dog": "Togo"}, "exact"),
    ("who was amundsun the explorer", "QuestionIntent",
     {"query": "amundsun the explorer"}, "exact"),
    ("how far did baltos run", "HowFarIntent", {"subject": "Balto"}, "exact"),
    ("what is the weather like", "QuestionIntent", {"query": "the weather like"}, "exact"),
    ("did balto really save nome", "QuestionIntent",
     {"query": "did balto really save nome"}, "catch-all"),
    ("i like pizza a lot", "AMAZON.FallbackIntent", {}, "fallback"),
    ("banana", "AMAZON.FallbackIntent", {}, "fallback"),
    ("", "AMAZON.FallbackIntent", {}, "fallback"),
]


@pytest.mark.parametrize(("utterance", "intent", "slots", "parser"), CASES)
def test_resolution_table(mini_engine: NluEngine, utterance: str, intent: str,
                          slots: dict[str, str], parser: str) -> None:
    result = mini_engine.resolve(utterance)
    assert (result.intent, result.slot_values(), result.parser) == (intent, slots, parser), (
        result.explain())


def test_known_value_resolves_with_id(mini_engine: NluEngine) -> None:
    slot = mini_engine.resolve("tell me about the statue dog").slots["dog"]
    assert slot.status == ER_SUCCESS_MATCH
    assert slot.value == "the statue dog"
    assert slot.matches == (("Balto", "balto"),)


def test_open_list_value_fills_slot_with_no_match(mini_engine: NluEngine) -> None:
    """Custom slot types are open lists: an unknown word fills the slot, unresolved."""
    result = mini_engine.resolve("what kind of dog was scotty")
    assert result.intent == "AboutDogIntent"
    slot = result.slots["dog"]
    assert (slot.value, slot.status, slot.matches) == ("scotty", ER_SUCCESS_NO_MATCH, ())


def test_specific_intent_beats_search_query_only_for_known_entities(
        mini_engine: NluEngine) -> None:
    assert mini_engine.resolve("who was fritz").intent == "AboutDogIntent"
    unknown = mini_engine.resolve("who was fritzy the great")
    assert unknown.intent == "QuestionIntent"
    assert any(alt.intent == "AboutDogIntent" for alt in unknown.alternatives)


def test_unknown_value_prefers_the_search_query_reading(mini_engine: NluEngine) -> None:
    """An unresolved open value scores below a search-query carrier phrase (documented)."""
    result = mini_engine.resolve("how far did scotty run")
    assert result.intent == "QuestionIntent"
    assert result.alternatives[0].intent == "HowFarIntent"


def test_one_letter_typo_in_a_value_still_resolves(mini_engine: NluEngine) -> None:
    slot = mini_engine.resolve("who was togoo").slots["dog"]
    assert (slot.value, slot.status, slot.resolved_id) == ("togoo", ER_SUCCESS_MATCH, "togo")


def test_resolution_is_deterministic(mini_engine: NluEngine) -> None:
    first = [mini_engine.resolve(u).explain() for u, *_ in CASES]
    again = NluEngine(load_model(FIXTURES / "mini.json"))
    assert first == [again.resolve(u).explain() for u, *_ in CASES]


def test_explain_names_sample_score_and_slots(mini_engine: NluEngine) -> None:
    text = mini_engine.resolve("who was togo").explain()
    assert "'who was {dog}'" in text
    assert "score 1.00" in text
    assert "dog [DOG] = 'togo' -> 'Togo' (id togo) ER_SUCCESS_MATCH" in text


def test_explain_for_fallback_gives_reason(mini_engine: NluEngine) -> None:
    text = mini_engine.resolve("banana").explain()
    assert "AMAZON.FallbackIntent" in text and "why:" in text


def test_catch_all_can_be_disabled() -> None:
    engine = NluEngine(load_model(FIXTURES / "mini.json"), catch_all=None)
    assert engine.resolve("did balto really save nome").intent == "AMAZON.FallbackIntent"


def test_catch_all_can_be_configured_and_has_minimum_length() -> None:
    engine = NluEngine(load_model(FIXTURES / "mini.json"),
                       catch_all=CatchAll("QuestionIntent", "query", min_words=6,
                                          min_words_naming_value=6))
    assert engine.resolve("did balto really save nome").intent == "AMAZON.FallbackIntent"
    assert engine.resolve("did balto really save the town of nome").intent == "QuestionIntent"


def test_terse_keyword_queries_naming_a_known_value_reach_the_catch_all() -> None:
    engine = NluEngine(load_model(FIXTURES / "mini.json"))
    assert engine.resolve("balto museum").intent == "QuestionIntent"
    assert engine.resolve("balto museum").slot_values() == {"query": "balto museum"}
    # Two words that name nothing the model knows stay a fallback.
    assert engine.resolve("lovely weather").intent == "AMAZON.FallbackIntent"


def test_builtin_phrases_only_for_declared_intents() -> None:
    engine = NluEngine(load_model(FIXTURES / "odd_but_valid.json"))
    assert engine.resolve("stop").intent == "AMAZON.StopIntent"
    assert engine.resolve("help").intent == "AMAZON.FallbackIntent"
    assert engine.resolve("next").intent == "AMAZON.FallbackIntent"


def test_odd_model_with_empty_synonyms_and_missing_ids() -> None:
    engine = NluEngine(load_model(FIXTURES / "odd_but_valid.json"))
    result = engine.resolve("my favorite color is emerald")
    assert result.slots["color"].matches == (("green", None),)
    assert engine.resolve("i live in fairbanks").slot_values() == {"city": "fairbanks"}


def test_shared_sample_is_dropped_and_reported() -> None:
    engine = NluEngine(load_model(FIXTURES / "shared_sample.json"))
    assert ("i like {COLOR}", ("ColorIntent", "LikeIntent")) in engine.compiled.dropped
    assert engine.resolve("my favorite color is red").intent == "ColorIntent"


def _model_with_search_intents(names: list[str]) -> dict:
    return {"interactionModel": {"languageModel": {"invocationName": "serum run", "intents": [
        {"name": "AMAZON.FallbackIntent", "samples": []},
        *({"name": name, "slots": [{"name": "query", "type": "AMAZON.SearchQuery"}],
           "samples": [f"{name.lower()} {{query}}"]} for name in names)]}}}


@pytest.mark.parametrize(
    ("names", "expected"),
    [(["AskIntent"], "AskIntent"),
     (["AskWhoIntent", "QuestionIntent"], "QuestionIntent"),
     (["AskWhoIntent", "AskWhatIntent"], None)],
)
def test_default_catch_all_rule(names: list[str], expected: str | None) -> None:
    from balto.nlu import parse_model
    from balto.nlu.engine import default_catch_all

    rule = default_catch_all(parse_model(_model_with_search_intents(names)))
    assert (rule.intent if rule else None) == expected


_ENGINE = NluEngine(load_model(FIXTURES / "mini.json"))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_text_resolves_to_a_declared_intent(text: str) -> None:
    """No input crashes the matcher or yields an undeclared intent or slot."""
    engine = _ENGINE
    result = engine.resolve(text)
    assert engine.model.intent(result.intent) is not None
    assert set(result.slots) <= {s.name for s in engine.model.intent(result.intent).slots}


@pytest.mark.parametrize(
    ("type_name", "heard", "expected"),
    [
        ("PERSON", "seppalla", [("Leonhard Seppala", "seppala")]),
        ("PERSON", "kasen", [("Gunnar Kaasen", "kaasen")]),
        ("DOG", "baltoo", [("Balto", "balto")]),
        ("SUBJECT", "the rum", []),
        ("SUBJECT", "the relax", []),
        ("DOG", "xbalto", []),
    ],
)
def test_near_values_are_slips_not_other_words(mini_engine: NluEngine, type_name: str,
                                               heard: str, expected: list) -> None:
    assert mini_engine.compiled.indexes[type_name].lookup_near(heard) == expected
