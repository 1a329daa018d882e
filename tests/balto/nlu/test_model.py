"""Malformed model files fail with a clear message naming the file and the problem."""

from __future__ import annotations

import pytest

from balto.nlu import ModelError, NluEngine, load_model, parse_model

from .conftest import FIXTURES

BAD = [
    ("bad_missing_interaction_model.json", "missing the top-level 'interactionModel' key"),
    ("bad_undeclared_slot.json",
     "intent 'AboutDogIntent': sample 'where is {place}' references slot {place}"),
    ("bad_duplicate_intent.json", "intent 'StoryIntent' is declared twice"),
    ("bad_unknown_slot_type.json",
     "slot 'c' has type 'AMAZON.Colour', which is neither declared"),
    ("bad_value_without_name.json", "type 'COLOR' value #4 has no 'value' string"),
    ("bad_no_intents.json", "languageModel.intents is empty"),
    ("bad_not_json.json", "not valid JSON"),
    ("does_not_exist.json", "cannot read the model file"),
]


@pytest.mark.parametrize(("name", "message"), BAD)
def test_malformed_model_names_the_problem(name: str, message: str) -> None:
    with pytest.raises(ModelError, match=r"^.*" + name.replace(".", r"\.") + ": ") as info:
        load_model(FIXTURES / name)
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "the model must be a JSON object"),
        ({"interactionModel": {}}, "missing 'interactionModel.languageModel'"),
        ({"interactionModel": {"languageModel": {"intents": []}}}, "invocationName"),
        ({"interactionModel": {"languageModel": {"invocationName": "x", "intents": "no"}}},
         "languageModel.intents must be a list"),
        ({"interactionModel": {"languageModel": {"invocationName": "x", "intents": [
            {"name": "A", "slots": [{"name": "s"}]}]}}}, "each slot needs a 'name' and a 'type'"),
        ({"interactionModel": {"languageModel": {"invocationName": "x", "intents": [
            {"name": "A", "samples": [3]}]}}}, "samples must be strings"),
        ({"interactionModel": {"languageModel": {"invocationName": "x", "intents": [
            {"name": "A"}], "types": [{"name": "T"}, {"name": "T"}]}}},
         "slot type 'T' is declared twice"),
    ],
)
def test_structural_errors(data: object, message: str) -> None:
    with pytest.raises(ModelError, match="^<memory>: ") as info:
        parse_model(data)
    assert message in str(info.value)


def test_odd_but_valid_model_loads() -> None:
    model = load_model(FIXTURES / "odd_but_valid.json")
    assert model.invocation_name == "odd skill"
    color = model.types["COLOR"]
    assert [v.synonyms for v in color.values] == [(), (), ("emerald",)]
    assert [v.id for v in color.values] == [None, None, None]
    assert model.intent("AMAZON.StopIntent") is not None
    NluEngine(model)  # compiles without error
