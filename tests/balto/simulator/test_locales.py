"""The five English locales: a fresh model each, touches that resolve, `balto --locale` for each.

The conversations themselves (what each locale hears) are in tests/dialogs/locales.yaml, which
the suite runs through the simulator with each dialog's own model.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from balto import cli
from balto.simulator.model_check import check_model_file
from balto.simulator.runtime import available_locales, engine_for, model_path
from tests.support.scripts import load_script

ROOT = Path(__file__).resolve().parents[3]
LOCALES = ["en-AU", "en-CA", "en-GB", "en-IN", "en-US"]


builder = load_script("build_interaction_model")


def test_the_five_english_locales_are_built_and_installed() -> None:
    assert sorted(builder.locale_touches()) == LOCALES
    assert available_locales() == LOCALES


@pytest.mark.parametrize("locale", LOCALES)
def test_committed_model_is_what_the_template_and_touches_generate(locale: str) -> None:
    template = json.loads(builder.TEMPLATE.read_text(encoding="utf-8"))
    expected = builder.render(builder.build(template, locale))
    assert model_path(locale).read_text(encoding="utf-8") == expected, (
        f"interaction_model/{locale}.json is stale: run python scripts/build_interaction_model.py"
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_every_locale_model_passes_the_model_check(locale: str) -> None:
    findings = [f.render() for f in check_model_file(model_path(locale))]
    assert findings == []


def _filled(
    sample: str, language: dict[str, Any], intent: dict[str, Any]
) -> tuple[str, dict[str, str]]:
    """The sample with each slot replaced by the first value of its type."""
    slot_types = {slot["name"]: slot["type"] for slot in intent.get("slots", [])}
    values = {t["name"]: t["values"][0]["name"]["value"] for t in language["types"]}
    chosen = {name: values[slot_types[name]] for name in re.findall(r"\{(\w+)\}", sample)}
    return re.sub(r"\{(\w+)\}", lambda m: chosen[m.group(1)], sample), chosen


def _touches() -> list[tuple[str, str, str]]:
    return [
        (locale, intent, sample)
        for locale, spec in builder.locale_touches().items()
        for intent, samples in spec["samples"].items()
        for sample in samples
    ]


@pytest.mark.parametrize(("locale", "intent_name", "sample"), _touches())
def test_each_locale_touch_reaches_its_intent(locale: str, intent_name: str, sample: str) -> None:
    path = model_path(locale)
    language = json.loads(path.read_text(encoding="utf-8"))["interactionModel"]["languageModel"]
    intent = next(i for i in language["intents"] if i["name"] == intent_name)
    utterance, chosen = _filled(sample, language, intent)
    result = engine_for(path).resolve(utterance)
    assert result.intent == intent_name, result.explain()
    for name, value in chosen.items():
        assert result.slots[name].resolved == value


def _balto(*argv: str, stdin: str = "", tmp: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(list(argv), environ={"SERUM_RUN_DB": str(tmp / "db.sqlite3")},
                   stdin=io.StringIO(stdin), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("locale", LOCALES)
def test_balto_ask_answers_in_each_locale(locale: str, tmp_path: Path) -> None:
    code, out, err = _balto("ask", "--locale", locale, "--json", "how", "far", "did", "balto",
                            "run", tmp=tmp_path)
    assert code == 0, err
    record = json.loads(out)
    assert record["intent"] == "HowFarIntent"
    metric = locale in ("en-AU", "en-CA", "en-IN")
    assert ("kilometres" in record["speech"]) == metric
    assert "53 miles" in record["speech"]


@pytest.mark.parametrize("locale", LOCALES)
def test_balto_chat_runs_a_session_in_each_locale(locale: str, tmp_path: Path) -> None:
    code, out, err = _balto("chat", "--locale", locale, "--json", "--user", "ann",
                            stdin="tell me the story\nstop\n", tmp=tmp_path)
    assert code == 0, err
    turns = [json.loads(line) for line in out.splitlines()]
    launch, story, stop = turns[0], turns[1], turns[2]
    assert "Welcome to Serum Run" in launch["speech"]
    assert story["intent"] == "StoryIntent" and "Chapter 1" in story["speech"]
    assert ('amazon:domain name="long-form"' in story["ssml"]) == (locale == "en-US")
    assert ("harbour" in story["speech"]) == (locale != "en-US")
    assert stop["end_session"] is True


def test_an_unknown_locale_is_a_clear_error_naming_the_ones_there_are(tmp_path: Path) -> None:
    code, _, err = _balto("ask", "--locale", "en-NZ", "who", "was", "togo", tmp=tmp_path)
    assert code == 2
    assert "no interaction model for locale 'en-NZ'" in err
    assert "en-AU, en-CA, en-GB, en-IN, en-US" in err
