"""The validator's APL checks: shape, size budget, and never to a speaker."""

from __future__ import annotations

import copy

from balto.apl_checks import MAX_APL_BYTES, check_directives
from balto.validation import validate_response

GOOD = {
    "type": "Alexa.Presentation.APL.RenderDocument",
    "token": "serumrun.story",
    "document": {"type": "APL", "version": "2023.3",
                 "mainTemplate": {"parameters": ["story"], "item": {"type": "Text"}}},
    "datasources": {"story": {"title": "x"}},
}


def envelope(*directives) -> dict:
    return {"version": "1.0", "response": {"outputSpeech": {"type": "SSML",
                                                           "ssml": "<speak>Hi.</speak>"},
                                           "shouldEndSession": True,
                                           "directives": list(directives)}}


def test_a_well_formed_render_document_passes():
    assert check_directives([GOOD], apl=True) == []
    assert validate_response(envelope(GOOD), apl=True) == []


def test_apl_to_a_device_without_it_is_a_problem():
    problems = validate_response(envelope(GOOD), apl=False)
    assert any("does not declare" in p for p in problems)


def test_missing_token_document_type_and_unbound_parameter():
    bad = copy.deepcopy(GOOD)
    bad["token"] = ""
    bad["document"]["type"] = "HTML"
    bad["datasources"] = {}
    problems = " ".join(check_directives([bad]))
    assert "token" in problems and '"APL"' in problems and "story" in problems


def test_a_document_over_budget_is_reported():
    big = copy.deepcopy(GOOD)
    big["datasources"]["story"]["title"] = "x" * MAX_APL_BYTES
    assert any("budget" in p for p in check_directives([big]))
    big["datasources"]["story"]["title"] = "x" * 25_000
    assert any("bytes as JSON" in p for p in validate_response(envelope(big)))


def test_execute_commands_needs_token_and_commands():
    problems = check_directives([{"type": "Alexa.Presentation.APL.ExecuteCommands"}])
    assert len(problems) == 2
    ok = {"type": "Alexa.Presentation.APL.ExecuteCommands", "token": "t",
          "commands": [{"type": "Idle"}]}
    assert check_directives([ok]) == []


def test_unknown_apl_directive_and_malformed_list():
    assert check_directives([{"type": "Alexa.Presentation.APL.Dance"}])
    assert check_directives({"type": "x"}) == ["'directives' must be a list"]
    assert check_directives([{"type": "Dialog.Delegate"}]) == []
