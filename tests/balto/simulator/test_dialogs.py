"""Dialog scripts: loading forms and every expectation, against the fake skill."""

from __future__ import annotations

from pathlib import Path

import pytest

from balto.nlu import NluEngine
from balto.simulator.dialogs import DialogFileError, load_dialogs, run_dialog
from balto.simulator.session import Conversation

from .fakes import echo_handler


def _run(engine: NluEngine, dialog: dict) -> list[list[str]]:
    handler, _ = echo_handler()
    outcome = run_dialog(dialog, Conversation(handler=handler, engine=engine), "test.yaml")
    return [turn.failures for turn in outcome.turns]


def test_every_expectation_can_pass(mini_engine: NluEngine) -> None:
    dialog = {"name": "all pass", "turns": [
        {"launch": True, "request_type": "LaunchRequest", "reprompt_contains": "ask me",
         "attributes": {"turns": 1}},
        "who was togo",
        {"say": "chapter twenty one", "intent": "ChapterIntent", "slots": {"number": "21"},
         "speech_not_contains": "goodbye", "speech_matches": r"turn \d", "card_contains": "echo",
         "ssml_contains": "<speak>", "ssml_not_contains": "<audio"},
        {"say": "stop", "reprompt": None, "end_session": True},
    ]}
    assert _run(mini_engine, dialog) == [[], [], [], []]


@pytest.mark.parametrize(
    ("turn", "message"),
    [
        ({"say": "who was togo", "slots": {"dog": "balto"}},
         "expected slot dog='balto', got 'Togo'"),
        ({"say": "who was togo", "slots": {"person": "seppala"}},
         "expected slot person='seppala', got None"),
        ({"say": "who was togo", "speech_not_contains": "turn"}, "speech contains 'turn'"),
        ({"say": "who was togo", "speech_matches": "^nope"}, "speech does not match /^nope/"),
        ({"say": "who was togo", "reprompt": None}, "expected no reprompt, got 'Anything else?'"),
        ({"say": "who was togo", "reprompt_contains": "story"},
         "reprompt does not contain 'story'"),
        ({"say": "who was togo", "card_contains": "Nome"}, "card does not contain 'Nome'"),
        ({"say": "who was togo", "ssml_contains": "<audio"}, "SSML does not contain '<audio'"),
        ({"say": "who was togo", "ssml_not_contains": "<speak>"}, "SSML contains '<speak>'"),
        ({"say": "who was togo", "attributes": {"turns": 5}},
         "expected session attribute turns=5, got 2"),
        ({"say": "who was togo", "request_type": "LaunchRequest"},
         "expected request_type 'LaunchRequest', got 'IntentRequest'"),
    ],
)
def test_each_expectation_can_fail(mini_engine: NluEngine, turn: dict, message: str) -> None:
    failures = _run(mini_engine, {"turns": [turn]})
    assert failures[0] == [] and failures[1] == [message]


def test_leaving_without_a_session_is_a_failure(mini_engine: NluEngine) -> None:
    failures = _run(mini_engine, {"launch": False, "turns": [{"end": True}]})
    assert failures == [["no session was open to end"]]


def test_load_accepts_documents_lists_and_strings(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text("name: one\nturns: [next]\n---\n- name: two\n  turns: [stop]\n"
                    "---\ndialogs:\n  - {name: three, turns: [help]}\n")
    assert [d["name"] for d in load_dialogs(path)] == ["one", "two", "three"]


@pytest.mark.parametrize(
    ("content", "message"),
    [("", "no dialogs found"),
     ("turns: [next]\ncolour: red\n", "unknown key(s) ['colour']"),
     ("turns:\n  - say: hi\n    speech_matches: '('\n", "bad speech_matches regex"),
     ("turns:\n  - 3\n", "must be a mapping or an utterance string"),
     ("turns:\n  - {say: hi, end: true}\n", "needs exactly one of")],
)
def test_load_rejects_malformed(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(content)
    with pytest.raises(DialogFileError, match="d.yaml") as info:
        load_dialogs(path)
    assert message in str(info.value)
