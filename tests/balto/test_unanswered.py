"""`balto unanswered`: the outcome-metric lines read back from real log-export shapes."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from balto import cli
from balto.simulator.runtime import engine_for, model_path
from balto.simulator.session import Conversation
from balto.unanswered import metric_documents, normalise, summarise
from skill.alexa.skill_factory import build_skill, make_handler

USER = "amzn1.ask.account.AHUMANBEINGSID"
SAID = [
    "open serum run", "who was togo", "who was shackleton", "Who was Shackleton?",
    "when did ernest shackleton die", "i like pizza", "tell me the story", "next",
    "how far did togo run",
]


@pytest.fixture(scope="module")
def metric_lines() -> list[str]:
    """What the deployed skill prints for SAID, produced by the real skill."""
    lines: list[str] = []
    talk = Conversation(handler=make_handler(build_skill(metrics=lines.append)),
                        engine=engine_for(model_path("en-US")), user_id=USER)
    for utterance in SAID:
        talk.say(utterance)
    return lines


def application_log(message: str) -> str:
    """A record of the skill's own logger as Lambda's JSON log format writes it."""
    return json.dumps({"timestamp": "2026-12-04T20:00:00Z", "level": "INFO", "message": message,
                       "logger": "skill.alexa.story_progress", "requestId": "abc-123"})


def shapes(lines: list[str]) -> dict[str, str]:
    noise = [application_log(f"not saving story progress for user {USER}: stored chapter 4"),
             "START RequestId: 1f6e Version: $LATEST",
             "REPORT RequestId: 1f6e Duration: 12.1 ms Billed Duration: 13 ms"]
    stream = "2026/12/04/[$LATEST]0123456789abcdef"
    events = [{"timestamp": 1_733_000_000_000 + i, "message": line + "\n",
               "logStreamName": stream} for i, line in enumerate(noise + lines)]
    return {
        "plain": "\n".join(noise + lines),
        "aws logs tail": "\n".join(f"2026-12-04T20:00:00.{i:06d}+00:00 {stream} {line}"
                                   for i, line in enumerate(noise + lines)),
        "filter-log-events": json.dumps({"events": events, "searchedLogStreams": []}, indent=2),
        "json lines": "\n".join(json.dumps(event) for event in events),
    }


def test_every_export_shape_gives_the_same_summary(metric_lines: list[str]) -> None:
    results = {name: summarise([text]).as_dict(10) for name, text in shapes(metric_lines).items()}
    expected = results["plain"]
    assert all(result == expected for result in results.values()), results
    assert expected["outcomes"] == {"Answered": 2, "NoRecord": 3, "Fallback": 1}
    assert expected["chapters_reached"] == {"1": 1, "2": 1}
    assert expected["locales"] == {"en-US": 6}
    top = expected["unanswered"][0]
    assert (top["question"], top["count"], top["intents"]) == ("who was shackleton", 2,
                                                               ["AskWhoIntent"])
    assert expected["unanswered_distinct"] == 2


def test_the_summary_names_no_user(metric_lines: list[str]) -> None:
    text = shapes(metric_lines)["filter-log-events"]
    assert USER in text  # the application log record carries one...
    summary = summarise([text])
    for rendered in (summary.render(10), json.dumps(summary.as_dict(10))):
        assert "amzn1." not in rendered and "AHUMANBEINGSID" not in rendered


def test_ids_inside_a_question_are_masked() -> None:
    assert normalise("Who is amzn1.ask.person.XYZ123 ?") == "who is [id]"


def test_only_metric_documents_are_read() -> None:
    text = "\n".join([application_log("question 'x' -> None"), "{not json", '{"_aws": 1} tail',
                      '{"message": "no braces here"}', '{"_aws": {"CloudWatchMetrics": []}}'])
    assert list(metric_documents(text)) == [{"_aws": {"CloudWatchMetrics": []}}]


def balto(*argv: str, stdin: str = "") -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(list(argv), environ={}, stdin=io.StringIO(stdin), out=out, err=err)
    return code, out.getvalue() + err.getvalue()


def test_balto_unanswered_reports_for_a_terminal(metric_lines: list[str], tmp_path: Path) -> None:
    log = tmp_path / "skill.log"
    log.write_text(shapes(metric_lines)["aws logs tail"])
    code, out = balto("unanswered", str(log), "--top", "1")
    assert code == 0
    assert "6 requests with an outcome (en-US 6)" in out
    assert "no record" in out and " 50.0%" in out
    assert "story chapters reached: 1: 1, 2: 1" in out
    assert "2  who was shackleton  [AskWhoIntent]" in out
    assert "... and 1 more (--top 2 to see all)" in out


def test_balto_unanswered_reads_stdin_and_prints_json(metric_lines: list[str]) -> None:
    code, out = balto("unanswered", "-", "--json", stdin=shapes(metric_lines)["plain"])
    assert code == 0
    data: dict[str, Any] = json.loads(out)
    assert data["requests"] == 6 and data["unanswered"][1]["question"] == (
        "when did ernest shackleton die")


def test_a_log_without_metric_lines_says_where_to_look(tmp_path: Path) -> None:
    log = tmp_path / "empty.log"
    log.write_text("START RequestId: 1\nEND RequestId: 1\n")
    code, out = balto("unanswered", str(log))
    assert code == 0 and "No Serum Run metric lines found" in out


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    code, out = balto("unanswered", str(tmp_path / "nope.log"))
    assert code == 2 and "nope.log" in out
