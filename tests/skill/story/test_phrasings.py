"""Typed phrasings through the simulator NLU and the real model: every way to move around.

The interaction model is generated from the template, the entities, chapters.json and
utterances.json exactly as scripts/build_interaction_model.py does, so these tests also check
that the story's utterances and CHAPTER slot values reach the model.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from balto.nlu.language_model import load_model
from balto.simulator.runtime import engine_for
from balto.simulator.session import Conversation as SimConversation
from skill.alexa.skill_factory import make_handler
from skill.persistence.sqlite import SQLitePersistenceAdapter
from skill.speech.ssml import strip_tags
from skill.story.chapters import load_chapters, normalise_name
from tests.skill.conftest import ROOT, story_skill
from tests.support.alexa_limits import assert_alexa_valid

UTTERANCES = ROOT / "skill" / "story" / "data" / "utterances.json"
BUILTINS = ROOT / "balto" / "nlu" / "data" / "builtin_intents.json"
COMMITTED_MODEL = ROOT / "interaction_model" / "en-US.json"
STORY = load_chapters()


def _build_module() -> Any:
    spec = importlib.util.spec_from_file_location(
        "build_interaction_model", ROOT / "scripts" / "build_interaction_model.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def model_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    builder = _build_module()
    model = builder.build(json.loads(builder.TEMPLATE.read_text(encoding="utf-8")))
    path = tmp_path_factory.mktemp("model") / "en-US.json"
    path.write_text(builder.render(model), encoding="utf-8")
    return path


def _language(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))["interactionModel"]["languageModel"]  # type: ignore[no-any-return]


def _models(model_file: Path) -> list[Path]:
    return [model_file] + ([COMMITTED_MODEL] if COMMITTED_MODEL.exists() else [])


def test_model_carries_every_story_utterance(model_file: Path) -> None:
    wanted = {k: v for k, v in json.loads(UTTERANCES.read_text()).items() if not k.startswith("_")}
    for path in _models(model_file):
        intents = {i["name"]: set(i.get("samples", [])) for i in _language(path)["intents"]}
        for intent, samples in wanted.items():
            assert intent in intents, f"{path}: intent {intent} missing"
            missing = sorted(set(samples) - intents[intent])
            assert not missing, f"{path}: {intent} lacks {missing}"


def test_chapter_slot_type_agrees_with_chapters_file(model_file: Path) -> None:
    for path in _models(model_file):
        types = {t["name"]: t["values"] for t in _language(path)["types"]}
        values = {v["id"]: v["name"] for v in types["CHAPTER"]}
        assert list(values) == [c.id for c in STORY.chapters], path
        for chapter in STORY.chapters:
            spoken = {values[chapter.id]["value"], *values[chapter.id].get("synonyms", [])}
            assert normalise_name(chapter.title) in spoken
            assert set(chapter.aliases) <= spoken, (path, chapter.id)


def test_story_samples_do_not_collide_with_other_intents_builtin_phrases() -> None:
    """A sample two intents share is dropped as ambiguous, so ours must be unique."""
    builtin = json.loads(BUILTINS.read_text())["intents"]
    owner = {phrase: name for name, phrases in builtin.items() for phrase in phrases}
    ours = {k: v for k, v in json.loads(UTTERANCES.read_text()).items() if not k.startswith("_")}
    for intent, samples in ours.items():
        for sample in samples:
            assert owner.get(sample, intent) == intent, f"{sample!r}: {intent} vs {owner[sample]}"


def test_chapter_intent_samples_only_use_declared_slots() -> None:
    ours = json.loads(UTTERANCES.read_text())["ChapterIntent"]
    slots = {s for sample in ours for s in re.findall(r"\{(\w+)\}", sample)}
    assert slots == {"number", "ordinal", "chapter_name"}


def test_generated_model_loads(model_file: Path) -> None:
    assert load_model(model_file).intent("ChapterIntent") is not None


class Typed:
    """Types utterances at the simulator and reports the chapter narrated, if any."""

    def __init__(self, conversation: SimConversation) -> None:
        self.c = conversation

    def __call__(self, text: str) -> tuple[int | None, str]:
        turn = self.c.say(text)
        out = assert_alexa_valid(turn.response)
        ssml = out["response"].get("outputSpeech", {}).get("ssml", "")
        spoken = strip_tags(ssml)
        match = re.search(r"Chapter (\d+)\. ", spoken)
        return (int(match.group(1)) if match else None), spoken


@pytest.fixture
def typed(model_file: Path, tmp_path: Path) -> Iterator[Typed]:
    adapter = SQLitePersistenceAdapter(tmp_path / "progress.sqlite3")
    handler = make_handler(story_skill(adapter))
    yield Typed(SimConversation(handler=handler, engine=engine_for(model_file)))
    adapter.close()


@pytest.mark.parametrize(
    "opener", ["tell me the story", "story mode", "read me the story of balto"]
)
def test_start_phrasings(typed: Typed, opener: str) -> None:
    assert typed(opener)[0] == 1


def test_every_navigation_phrasing(typed: Typed) -> None:
    script = [
        ("tell me the story", 1),
        ("next", 2),
        ("continue", 3),
        ("keep going", 4),
        ("go on", 5),
        ("yes", 6),
        ("what happens next", 7),
        ("previous", 6),
        ("go back", 5),
        ("repeat", 5),
        ("say that again", 5),
        ("start over", 1),
        ("chapter three", 3),
        ("from the beginning", 1),
        ("go to the norton sound chapter", 4),
        ("the second chapter", 2),
        ("go to chapter 9", 9),
        ("go to the storm chapter", 5),
    ]
    for text, chapter in script:
        heard, spoken = typed(text)
        assert heard == chapter, (text, spoken[:120])


def test_where_am_i_question_and_back_to_the_story(typed: Typed) -> None:
    typed("tell me the story")
    typed("chapter six")
    assert "This is chapter 6" in typed("which chapter is this")[1]
    heard, answer = typed("how far did togo run")
    assert heard is None and "Togo" in answer
    # Chapter 6 was told in full: back to the story goes on with the next one.
    assert typed("back to the story")[0] == 7
    assert typed("keep going")[0] == 8


def test_missing_chapter_by_voice(typed: Typed) -> None:
    typed("tell me the story")
    heard, spoken = typed("chapter twelve")
    assert heard is None and "There's no chapter 12" in spoken


def test_pause_then_resume_in_a_new_session(typed: Typed) -> None:
    typed("tell me the story")
    typed("next")
    heard, spoken = typed("pause")
    assert heard is None and "Paused at chapter 2" in spoken
    welcome = typed("open serum run")[1]
    assert "Welcome back" in welcome and "chapter 2" in welcome
    assert typed("yes")[0] == 2
