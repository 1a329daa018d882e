"""Every `balto` mode, driven through balto.cli.run with in-memory streams."""

from __future__ import annotations

import io
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from balto import cli
from balto.simulator import runtime
from skill.config import Config
from skill.persistence import persistence_from_config
from tests.balto.simulator.fakes import echo_handler

FIXTURES = Path(__file__).resolve().parents[1] / "nlu" / "fixtures"
MINI = str(FIXTURES / "mini.json")
KEYS = {"utterance", "request_type", "intent", "slots", "speech", "ssml", "reprompt", "card",
        "end_session"}


@pytest.fixture(autouse=True)
def fake_skill(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Use the fake ask-sdk skill; record the persistence each build received."""
    built: list[Any] = []

    def fake(config: Config | None = None) -> Any:
        persistence = persistence_from_config(config) if config is not None else None
        built.append(persistence)
        return echo_handler(persistence)[0]

    monkeypatch.setattr(runtime, "skill_handler", fake)
    return built


def balto(*argv: str, stdin: str = "", env: dict[str, str] | None = None,
          tmp: Path | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    environ = {"SERUM_RUN_DB": str((tmp or Path("/nonexistent")) / "db.sqlite3"), **(env or {})}
    code = cli.run(list(argv), environ=environ, stdin=io.StringIO(stdin), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_ask_json_prints_one_record(tmp_path: Path) -> None:
    code, out, _ = balto("ask", "who", "was", "togo", "--json", "--model", MINI, tmp=tmp_path)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 1
    record = json.loads(lines[0])
    assert set(record) == KEYS
    assert (record["request_type"], record["intent"], record["slots"]) == (
        "IntentRequest", "AboutDogIntent", {"dog": "Togo"})


@pytest.mark.parametrize(
    ("text", "request_type", "intent"),
    [("open serum run", "LaunchRequest", None),
     ("ask serum run to tell me the story", "IntentRequest", "StoryIntent"),
     ("tell serum run who was balto", "IntentRequest", "AboutDogIntent")],
)
def test_ask_accepts_spoken_forms(tmp_path: Path, text: str, request_type: str,
                                  intent: str | None) -> None:
    _, out, _ = balto("ask", text, "--json", "--model", MINI, tmp=tmp_path)
    record = json.loads(out)
    assert (record["request_type"], record["intent"]) == (request_type, intent)


def test_ask_explain_shows_the_decision(tmp_path: Path) -> None:
    code, out, _ = balto("ask", "um tell me about balto please", "--explain", "--model", MINI,
                         tmp=tmp_path)
    assert code == 0
    assert "parser: exact-cleaned" in out and "'tell me about {dog}'" in out
    assert "Alexa: You asked AboutDogIntent" in out


def test_ask_json_explain_goes_to_stderr(tmp_path: Path) -> None:
    code, out, err = balto("ask", "who was togo", "--json", "--explain", "--model", MINI,
                           tmp=tmp_path)
    assert code == 0 and json.loads(out)["intent"] == "AboutDogIntent"
    assert "sample:    'who was {dog}'" in err


def test_ask_uses_default_db_from_environment(tmp_path: Path, fake_skill: list[Any]) -> None:
    balto("ask", "who was togo", "--model", MINI, tmp=tmp_path)
    assert fake_skill[-1].path == str(tmp_path / "db.sqlite3")
    assert (tmp_path / "db.sqlite3").exists()


def test_chat_json_piped_session_flow(tmp_path: Path) -> None:
    script = "who was togo\n\n/new\nstop\nnext\n/quit\nnever read\n"
    code, out, _ = balto("chat", "--json", "--model", MINI, "--db", str(tmp_path / "c.db"),
                         stdin=script, tmp=tmp_path)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert all(set(r) == KEYS for r in records)
    assert [(r["request_type"], r["intent"]) for r in records] == [
        ("LaunchRequest", None),
        ("IntentRequest", "AboutDogIntent"),
        ("SessionEndedRequest", None),
        ("LaunchRequest", None),
        ("IntentRequest", "AMAZON.StopIntent"),
        ("IntentRequest", "AMAZON.NextIntent"),
        ("SessionEndedRequest", None),
    ]
    assert records[4]["end_session"] is True
    assert (tmp_path / "c.db").exists()


def test_chat_text_transcript(tmp_path: Path) -> None:
    code, out, _ = balto("chat", "--model", MINI, "--user", "ann", stdin="who was togo\n/bogus\n",
                         tmp=tmp_path)
    assert code == 0
    assert out.splitlines()[:2] == ["[LaunchRequest]", "Alexa: Welcome & hello. Ask me."]
    assert "You: who was togo" in out and "[AboutDogIntent dog='Togo']" in out
    assert "Unknown command '/bogus'" in out


def test_chat_speak_without_espeak_says_so(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    code, out, err = balto("chat", "--speak", "--model", MINI, stdin="next\n", tmp=tmp_path)
    assert code == 0
    assert "--speak needs espeak-ng, which is not installed" in err
    assert "[AMAZON.NextIntent]" in out


def test_chat_speak_passes_ssml_to_espeak(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "spoken.txt"
    fake = tmp_path / "espeak-ng"
    fake.write_text(f"#!/bin/sh\nprintf '%s|%s\\n' \"$1\" \"$2\" >> {log}\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    code, _, err = balto("chat", "--speak", "--model", MINI, stdin="next\n", tmp=tmp_path)
    spoken = log.read_text().splitlines()
    assert code == 0 and err == ""
    assert spoken[0].startswith("-m|<speak>") and "Welcome &amp; hello" in spoken[0]
    assert "NextIntent" in spoken[1]


@pytest.mark.parametrize(
    ("model", "message"),
    [("bad_missing_interaction_model.json", "missing the top-level 'interactionModel' key"),
     ("bad_undeclared_slot.json", "references slot {place}"),
     ("nope.json", "cannot read the model file")],
)
def test_malformed_model_is_a_clear_error(tmp_path: Path, model: str, message: str) -> None:
    code, out, err = balto("ask", "hi", "--model", str(FIXTURES / model), tmp=tmp_path)
    assert code == 2 and out == ""
    assert err.startswith("balto: error: ") and message in err and "Traceback" not in err


def test_unknown_locale_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = balto("ask", "hi", "--locale", "xx-XX", tmp=tmp_path)
    assert code == 2 and "no interaction model for locale 'xx-XX'" in err


def test_default_db_path_honours_environment() -> None:
    assert cli.default_db_path({"SERUM_RUN_DB": "/tmp/x.db"}) == Path("/tmp/x.db")
    assert cli.default_db_path({"XDG_DATA_HOME": "/data"}) == Path(
        "/data/serum-run/progress.sqlite3")
    assert cli.default_db_path({}) == Path.home() / ".local/share/serum-run/progress.sqlite3"


DIALOG_OK = """
name: togo then stop
turns:
  - launch: true
    speech_contains: welcome
    reprompt_contains: ask me
  - say: who was togo
    intent: AboutDogIntent
    slots: {dog: togo}
    speech_matches: "turn \\\\d"
    card_contains: Echo
    attributes: {turns: 2}
  - say: stop
    end_session: true
"""

DIALOG_BAD = """
dialogs:
  - name: wrong expectations
    turns:
      - say: who was togo
        intent: AboutPersonIntent
        speech_contains: [nome]
        end_session: true
"""


def test_test_dialogs_pass_and_fail(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text(DIALOG_OK)
    bad.write_text(DIALOG_BAD)
    code, out, _ = balto("test-dialogs", str(good), "--model", MINI, tmp=tmp_path)
    assert code == 0 and out.startswith("PASS") and "1 passed, 0 failed" in out
    code, out, _ = balto("test-dialogs", str(good), str(bad), "--model", MINI, tmp=tmp_path)
    assert code == 1
    assert "FAIL" in out and "expected intent 'AboutPersonIntent', got 'AboutDogIntent'" in out
    assert "speech does not contain 'nome'" in out
    assert "expected end_session True, got False" in out
    assert "| sample:    'who was {dog}'" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [("name: x\n", "'turns' must be a non-empty list"),
     ("turns:\n  - say: hi\n    expect_intent: X\n", "unknown key(s) ['expect_intent']"),
     ("turns:\n  - intent: X\n", "needs exactly one of"),
     ("turns: [\n", "not valid YAML")],
)
def test_test_dialogs_rejects_malformed_files(tmp_path: Path, content: str,
                                              message: str) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(content)
    code, _, err = balto("test-dialogs", str(path), "--model", MINI, tmp=tmp_path)
    assert code == 2 and message in err


EVAL = """
utterances:
  - {text: who was togo, intent: AboutDogIntent, slots: {dog: togo}}
  - [tell me the story, StoryIntent, {}]
  - [next, AMAZON.NextIntent]
  - [who was seppala, AboutDogIntent, {dog: seppala}]
"""


def test_nlu_eval_reports_accuracy_confusions_and_misses(tmp_path: Path) -> None:
    path = tmp_path / "eval.yaml"
    path.write_text(EVAL)
    code, out, _ = balto("nlu-eval", str(path), "--model", MINI, tmp=tmp_path)
    assert code == 0
    assert "intent accuracy: 75.0%" in out
    assert "slot accuracy:   66.7% (of 3 slot-annotated utterances)" in out
    assert "AboutDogIntent -> AboutPersonIntent: 1" in out
    table = out[out.index("confusion table"):].splitlines()
    assert table[1].split() == ["1", "2"]
    assert table[2].split() == ["1", "AboutDogIntent", "1", "1"]
    assert table[3].split() == ["2", "AboutPersonIntent", ".", "."]
    assert "'who was seppala': expected AboutDogIntent" in out
    code, out, _ = balto("nlu-eval", str(path), "--model", MINI, "--json", "--min-accuracy",
                         "0.9", tmp=tmp_path)
    summary = json.loads(out)
    assert code == 1 and summary["utterances"] == 4 and summary["intent_accuracy"] == 0.75


def test_nlu_eval_rejects_bad_entries(tmp_path: Path) -> None:
    path = tmp_path / "eval.yaml"
    path.write_text("utterances:\n  - [only text]\n")
    code, _, err = balto("nlu-eval", str(path), "--model", MINI, tmp=tmp_path)
    assert code == 2 and "utterance #1: needs 'text' and 'intent'" in err


def test_model_check_clean_and_broken(tmp_path: Path) -> None:
    code, out, _ = balto("model", "check", MINI, tmp=tmp_path)
    assert code == 0 and "0 error(s)" in out
    code, out, _ = balto("model", "check", str(FIXTURES / "shared_sample.json"), tmp=tmp_path)
    assert code == 1
    assert "shared_sample.json: error: sample 'i like {COLOR}' is claimed by ColorIntent and " \
           "LikeIntent" in out


def test_serve_delegates_to_the_web_adapter(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    import balto.web.app as web
    import skill.alexa.skill_factory as factory

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(factory, "build_skill",
                        lambda persistence=None, metrics=None: ("skill", persistence))
    monkeypatch.setattr(web, "serve", lambda skill, **kw: calls.append({"skill": skill, **kw}))
    code, _, _ = balto("serve", "--host", "0.0.0.0", "--port", "9000", "--no-verify",
                       "--db", str(tmp_path / "serve.db"),
                       env={"SKILL_ID": "amzn1.ask.skill.abc"}, tmp=tmp_path)
    assert code == 0
    (call,) = calls
    handler = call.pop("skill")
    skill, persistence = handler.skill
    assert (skill, persistence.path) == ("skill", str(tmp_path / "serve.db"))
    assert handler.skill_id == "amzn1.ask.skill.abc"
    assert call == {"host": "0.0.0.0", "port": 9000, "verify": False,
                    "skill_id": "amzn1.ask.skill.abc", "log_level": "INFO", "log_format": "text"}


def test_serve_reports_bad_configuration(tmp_path: Path) -> None:
    code, _, err = balto("serve", env={"SKILL_ID": "not-a-skill"}, tmp=tmp_path)
    assert code == 2 and "SKILL_ID='not-a-skill' does not look like an Alexa skill id" in err


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    for command in ("ask", "chat", "test-dialogs", "nlu-eval", "model", "serve"):
        assert command in text
