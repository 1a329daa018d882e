"""Bespoken `bst test` files in `balto test-dialogs`: recognised, parsed and judged as bst does."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from balto import cli
from balto.simulator import bst
from balto.simulator.dialogs import DialogFileError, run_files

ROOT = Path(__file__).resolve().parents[3]
SUITE = ROOT / "tests" / "dialogs" / "serum_run.test.yml"

RESPONSE: dict[str, Any] = {
    "version": "1.0",
    "sessionAttributes": {"mode": "story", "seen": ["a", "b"]},
    "response": {
        "outputSpeech": {"type": "SSML", "ssml": "<speak>Welcome to Serum Run. Ask me.</speak>"},
        "reprompt": {"outputSpeech": {"type": "SSML", "ssml": "<speak>Say help.</speak>"}},
        "card": {"type": "Simple", "title": "Serum Run: Togo", "content": "Togo ran 261 mi."},
        "directives": [{"type": "Dialog.Delegate"}],
        "shouldEndSession": False,
    },
}


def check(path: str, operator: str, value: Any, *, colon: bool = True) -> str | None:
    return bst.BstAssertion(path, operator, value, written_with_colon=colon).check(RESPONSE)


@pytest.mark.parametrize(
    ("path", "operator", "value"),
    [
        ("prompt", "==", "Welcome to Serum Run*"),  # partial match: <speak> comes first
        ("prompt", "==", "*Serum Run. Ask*"),
        ("prompt", "==", ["Goodbye", "*Ask me*"]),  # any of a list
        ("prompt", "=~", "/welcome.*run/i"),
        ("prompt", "!=", "Goodbye"),
        ("reprompt", "==", "Say help"),
        ("cardTitle", "==", "Serum Run: Togo"),
        ("cardContent", "==", "261 mi"),
        ("sessionEnded", "==", False),
        ("response.shouldEndSession", "==", "false"),
        ("response.directives[0].type", "==", "Dialog.Delegate"),
        ("$.sessionAttributes.seen[1]", "==", "b"),
        ("sessionAttributes['mode']", "==", "story"),
        ("response.audio", "==", "undefined"),  # absent, as bst's "undefined" asks
        ("response.card", "!=", "undefined"),
        ("version", ">=", 1),
    ],
)
def test_assertions_that_hold(path: str, operator: str, value: Any) -> None:
    assert check(path, operator, value) is None


@pytest.mark.parametrize(
    ("path", "operator", "value"),
    [
        ("prompt", "==", "welcome to serum run*"),  # case-sensitive, like virtual-alexa
        ("prompt", "==", ["Goodbye", "Farewell"]),
        ("prompt", "=~", "/^Welcome/"),  # the prompt is the SSML, <speak> included
        ("prompt", "!=", "Serum"),
        ("sessionEnded", "==", True),
        ("response.directives[3].type", "==", "x"),
        ("response.card.title", "==", "undefined"),
        ("version", ">", 1),
    ],
)
def test_assertions_that_fail_say_what_came_back(path: str, operator: str, value: Any) -> None:
    problem = check(path, operator, value)
    assert problem is not None and problem.startswith(f"expected {path} {operator}")


def test_a_leading_slash_is_a_regex_only_in_the_colon_form() -> None:
    assert check("prompt", "==", "/serum run/i") is None
    assert check("prompt", "==", "/serum run/i", colon=False) is not None


@pytest.mark.parametrize("path", ["response..ssml", "response.directives[*].type", "$..card"])
def test_jsonpaths_this_runner_cannot_read_are_refused(path: str) -> None:
    with pytest.raises(DialogFileError, match="not supported offline"):
        bst.BstAssertion(path, "==", "x")


def write(tmp_path: Path, text: str, name: str = "suite.test.yml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_format_is_recognised_from_the_documents(tmp_path: Path) -> None:
    assert bst.is_bst(bst.load_documents(SUITE))
    assert bst.is_bst([[{"test": "x"}, "LaunchRequest"]])
    assert bst.is_bst([{"configuration": {"locale": "en-US"}}, [{"help": "x"}]])
    for dialog_file in (ROOT / "tests" / "dialogs").glob("*.yaml"):
        assert not bst.is_bst(bst.load_documents(dialog_file)), dialog_file


def test_the_shipped_suite_passes(tmp_path: Path) -> None:
    report = run_files([SUITE])
    assert report.passed, report.render(verbose=True)
    assert len(report.dialogs) == 5


def test_string_syntax_yes_no_and_alternatives(tmp_path: Path) -> None:
    path = write(tmp_path, """
- test: short forms
- open serum run == Welcome to Serum Run - Welcome back
- tell me the story:
  - prompt =~ /Chapter 1/
  - sessionEnded != true
- no: "*stop here for now*"
""")
    _, (test,) = bst.parse(path)
    first, story, no = test.interactions
    assert (first.utterance, first.assertions[0].value) == (
        "open serum run", ["Welcome to Serum Run", "Welcome back"])
    assert [str(a) for a in story.assertions] == [
        "prompt =~ '/Chapter 1/'", "sessionEnded != 'true'"]
    assert no.utterance == "no"  # a word, as in bst's YAML, not the boolean False
    report = run_files([path])
    assert report.passed, report.render(verbose=True)


def test_only_skip_find_replace_and_lenient_mode(tmp_path: Path) -> None:
    path = write(tmp_path, """---
configuration:
  findReplace:
    SKILL_NAME: serum run
  lenientMode: true
---
- test.only: the one to run
- open SKILL_NAME: Welcome to Serum Run the true story
---
- test.skip: never runs
- LaunchRequest: nothing like this
---
- test: not run because another test is 'only'
- LaunchRequest: nothing like this either
""")
    report = run_files([path])
    assert report.passed, report.render(verbose=True)
    assert [(d.name, d.skipped) for d in report.dialogs] == [("the one to run", False)]


def test_tests_share_the_user_and_store_but_not_the_session(tmp_path: Path) -> None:
    path = write(tmp_path, """
- test: start the story
- tell me the story: "*Chapter 1*"
- next: "*Chapter 2*"
---
- test: a new session remembers the chapter
- LaunchRequest: "*We stopped at chapter 2*"
""")
    report = run_files([path])
    assert report.passed, report.render(verbose=True)


def test_several_locales_run_every_test_in_each(tmp_path: Path) -> None:
    path = write(tmp_path, """---
configuration:
  locales: en-US, en-GB
---
- test: harbour or harbor
- tell me the story: /no harbou?r/
""")
    report = run_files([path])
    assert report.passed, report.render(verbose=True)
    assert [d.name for d in report.dialogs] == ["harbour or harbor [en-US]",
                                                "harbour or harbor [en-GB]"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\nconfiguration:\n  address: {countryCode: US}\n---\n- test: x\n- help\n",
         "not supported offline"),
        ("- test: x\n- help:\n  - label: here\n", "not supported offline"),
        ("- test: x\n- help:\n  - request.intent.name: x\n", "not supported offline"),
        ("- test: x\n- exit\n", "'exit' is not supported"),
        ("- test: x\n- help:\n  - prompt\n", "invalid assertion"),
        ("- test: x\n- help:\n  - prompt ~= x\n", "invalid operator"),
        ("- test: x\n- help:\n  - version > lots\n", "must be numeric"),
        ("---\nconfiguration:\n  locale: en-US\n", "no tests found"),
        ("---\nconfiguration:\n  type: e2e\n---\n- test: x\n- help\n", "only Alexa unit tests"),
    ],
)
def test_what_bst_would_do_differently_is_refused(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(DialogFileError, match=message):
        run_files([path])


def test_an_intent_with_an_unknown_slot_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "- test: x\n- ask:\n  - intent: HowFarIntent\n    dog: togo\n")
    with pytest.raises(DialogFileError, match="has no slot"):
        run_files([path])


def balto(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(list(argv), environ={}, stdin=io.StringIO(""), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_balto_test_dialogs_exit_status(tmp_path: Path) -> None:
    assert balto("test-dialogs", str(SUITE))[0] == 0
    failing = write(tmp_path, "- test: x\n- LaunchRequest: Goodbye forever\n", "failing.test.yml")
    code, out, _ = balto("test-dialogs", str(failing))
    assert code == 1 and "expected prompt == 'Goodbye forever'" in out
    broken = write(tmp_path, "- test: x\n- exit\n", "broken.test.yml")
    code, _, err = balto("test-dialogs", str(broken))
    assert code == 2 and "'exit' is not supported" in err
