"""Outcome metrics: one CloudWatch embedded-metric-format line per countable request."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from balto.simulator.runtime import engine_for, model_path
from balto.simulator.session import Conversation
from skill.alexa import metrics
from skill.alexa.skill_factory import build_skill, make_handler

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def talk() -> tuple[Conversation, list[str]]:
    lines: list[str] = []
    handler = make_handler(build_skill(metrics=lines.append))
    conversation = Conversation(handler=handler, engine=engine_for(model_path("en-US")),
                                user_id="amzn1.ask.account.METRICS-TEST")
    return conversation, lines


def documents(lines: list[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in lines]


def assert_emf(document: dict[str, Any]) -> None:
    """The embedded metric format's rules, as CloudWatch Logs applies them."""
    meta = document["_aws"]
    assert isinstance(meta["Timestamp"], int) and meta["Timestamp"] > 1_600_000_000_000
    for directive in meta["CloudWatchMetrics"]:
        assert directive["Namespace"] == metrics.NAMESPACE
        for dimension_set in directive["Dimensions"]:
            for key in dimension_set:
                assert isinstance(document[key], str)  # every dimension is a string member
        for metric in directive["Metrics"]:
            assert isinstance(document[metric["Name"]], int)
            assert metric["Unit"] == "Count"


def test_each_outcome_is_counted_once(talk: tuple[Conversation, list[str]]) -> None:
    conversation, lines = talk
    steps = [
        ("open serum run", None),
        ("who was togo", {metrics.ANSWERED: 1, "intent": "AboutDogIntent"}),
        ("tell me more", {metrics.ANSWERED: 1, "intent": "TellMeMoreIntent"}),
        ("who was shackleton", {metrics.NO_RECORD: 1, "intent": "AskWhoIntent",
                              "question": "who was shackleton"}),
        ("i like pizza", {metrics.FALLBACK: 1}),
        ("help", None),
        ("tell me the story", {metrics.CHAPTER_REACHED: 1, "Chapter": "1"}),
        ("next", {metrics.CHAPTER_REACHED: 1, "Chapter": "2"}),
        ("repeat", None),
        ("go to chapter five", {metrics.CHAPTER_REACHED: 1, "Chapter": "5"}),
        ("previous", None),
        ("how far did togo run", {metrics.ANSWERED: 1, "intent": "HowFarIntent"}),
    ]
    for utterance, expected in steps:
        before = len(lines)
        conversation.say(utterance)
        new = documents(lines[before:])
        if expected is None:
            assert new == [], utterance
            continue
        (document,) = new
        assert_emf(document)
        assert {k: document.get(k) for k in expected} == expected, utterance
        assert document["locale"] == "en-US"


def test_lines_carry_no_user_session_or_device_ids(talk: tuple[Conversation, list[str]]) -> None:
    conversation, lines = talk
    for utterance in ("open serum run", "who was shackleton", "who was togo", "tell me the story"):
        conversation.say(utterance)
    assert len(lines) == 3
    for line in lines:
        assert "amzn1." not in line and "METRICS-TEST" not in line
        assert not {"userId", "sessionId", "deviceId", "requestId"} & set(json.loads(line))


def test_an_unanswered_slot_question_keeps_what_was_said(
    talk: tuple[Conversation, list[str]],
) -> None:
    conversation, lines = talk
    conversation.say("how far did ernest shackleton run")
    (document,) = documents(lines)
    assert document[metrics.NO_RECORD] == 1
    assert "shackleton" in document["question"]


def test_questions_are_cut_to_a_bounded_length() -> None:
    long_question = "why " + "very " * 100 + "long"
    slot = SimpleNamespace(value=long_question)
    intent = SimpleNamespace(name="AskWhyIntent", slots={"query": slot})
    question = metrics._question(intent)  # type: ignore[arg-type]
    assert len(question) == metrics.MAX_QUESTION_CHARS
    assert question.startswith("why why very very")  # question word, then the slot words


def test_other_front_doors_emit_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    conversation = Conversation(handler=make_handler(build_skill()),
                                engine=engine_for(model_path("en-US")))
    conversation.say("who was shackleton")
    assert capsys.readouterr().out == ""


def test_the_lambda_entry_prints_the_lines_to_stdout(tmp_path: Path) -> None:
    """In a process of its own, as on Lambda: the metric line is the process's stdout."""
    from tests.support import envelopes as env

    code = ("import json, sys; sys.path.insert(0, 'lambda'); import lambda_function; "
            "lambda_function.lambda_handler(json.loads(sys.argv[1]), None)")
    environ = {k: v for k, v in os.environ.items()
               if k not in ("TABLE_NAME", "SKILL_ID", "LOG_LEVEL")}
    environ["SERUM_RUN_DB"] = str(tmp_path / "progress.sqlite3")
    result = subprocess.run(
        [sys.executable, "-c", code, json.dumps(env.intent("AMAZON.FallbackIntent"))],
        cwd=ROOT, env=environ, capture_output=True, text=True, timeout=120, check=True,
    )
    (line,) = result.stdout.splitlines()
    document = json.loads(line)
    assert_emf(document)
    assert document[metrics.FALLBACK] == 1
