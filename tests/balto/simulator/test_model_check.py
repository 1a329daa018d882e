"""`balto model check` rules, one finding per broken rule, with file/intent/sample."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from balto.simulator.model_check import check_model_file

BASE: dict[str, Any] = {"interactionModel": {"languageModel": {
    "invocationName": "serum run",
    "intents": [
        {"name": "AMAZON.StopIntent", "samples": []},
        {"name": "AMAZON.FallbackIntent", "samples": []},
        {"name": "AboutDogIntent", "slots": [{"name": "dog", "type": "DOG"}],
         "samples": ["who was {dog}", "tell me about {dog}"]},
        {"name": "QuestionIntent", "slots": [{"name": "query", "type": "AMAZON.SearchQuery"}],
         "samples": ["question {query}", "i want to know {query}"]},
    ],
    "types": [{"name": "DOG", "values": [{"id": "togo", "name": {"value": "togo"}}]}],
}}}


def _check(tmp_path: Path, change: Any = None) -> list[str]:
    data = copy.deepcopy(BASE)
    if change:
        change(data["interactionModel"]["languageModel"])
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data))
    return [f.render().replace(str(path), "M") for f in check_model_file(path)]


def _intent(lm: dict[str, Any], name: str) -> dict[str, Any]:
    return next(i for i in lm["intents"] if i["name"] == name)


def test_clean_model_has_no_findings(tmp_path: Path) -> None:
    assert _check(tmp_path) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda lm: lm.update(invocationName="Serum Run"),
         "M: error: invocation name 'Serum Run': must be lower case"),
        (lambda lm: lm.update(invocationName="ask serum run"),
         "M: error: invocation name 'ask serum run': must not contain 'ask'"),
        (lambda lm: lm.update(invocationName="serum run 2"),
         "may contain only letters, spaces, apostrophes and periods"),
        (lambda lm: lm.update(invocationName="balto"),
         "M: warning: invocation name 'balto': one-word names"),
        (lambda lm: _intent(lm, "AboutDogIntent")["samples"].append("who was dog number 2"),
         "M: error: intent 'AboutDogIntent': sample 'who was dog number 2': numbers must be "
         "spelled out"),
        (lambda lm: _intent(lm, "AboutDogIntent")["samples"].append("who was {dog}!"),
         "sample 'who was {dog}!': only letters, spaces"),
        (lambda lm: _intent(lm, "QuestionIntent")["samples"].append("{query}"),
         "M: error: intent 'QuestionIntent': sample '{query}': an AMAZON.SearchQuery slot "
         "cannot be the whole sample"),
        (lambda lm: _intent(lm, "AboutDogIntent")["samples"].append("Who was {dog}"),
         "M: error: intent 'AboutDogIntent': sample 'Who was {dog}': duplicate of "
         "'who was {dog}'"),
        (lambda lm: lm["intents"].append({"name": "EmptyIntent", "samples": []}),
         "M: error: intent 'EmptyIntent': a custom intent needs sample utterances"),
        (lambda lm: lm["types"].append({"name": "UNUSED", "values": []}),
         "M: error: slot type 'UNUSED' has no values"),
        (lambda lm: lm["intents"].append({"name": "OtherIntent", "slots": [
            {"name": "dog", "type": "DOG"}], "samples": ["who was {dog}"]}),
         "M: error: sample 'who was {DOG}' is claimed by AboutDogIntent and OtherIntent"),
        (lambda lm: lm["intents"].append({"name": "QuitIntent", "samples": ["stop"]}),
         "M: error: intent 'QuitIntent': sample 'stop': conflicts with the built-in "
         "AMAZON.StopIntent phrase 'stop'"),
        (lambda lm: lm["intents"].append({"name": "TogoIntent",
                                          "samples": ["tell me about togo"]}),
         "M: warning: intent 'AboutDogIntent': sample 'tell me about {dog}': "
         "'tell me about togo' resolves to TogoIntent (via 'tell me about togo', score 1.00)"),
        (lambda lm: (lm["types"].append({"name": "PET", "values": [{"name": {"value": "togo"}}]}),
                     lm["intents"].append({"name": "PetIntent", "slots": [
                         {"name": "pet", "type": "PET"}], "samples": ["tell me about {pet}"]})),
         "M: warning: intent 'AboutDogIntent': sample 'tell me about {dog}': 'tell me about "
         "togo' is ambiguous: PetIntent matches as well"),
        (lambda lm: lm.pop("intents"), "M: error: languageModel.intents"),
    ],
)
def test_each_rule_reports_where_and_what(tmp_path: Path, change: Any, expected: str) -> None:
    findings = _check(tmp_path, change)
    assert any(expected in f for f in findings), findings
