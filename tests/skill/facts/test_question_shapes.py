"""The words each question shape needs stand in for its pattern: on every question of every
shipped set, the shapes found by searching only the patterns whose words the question holds
are the shapes found by searching them all."""

from __future__ import annotations

import json
from pathlib import Path

from skill.facts.question_shapes import aspects_by_every_pattern, aspects_in
from skill.facts.ranking import Ranker
from skill.text.normalise import plain_words

DATA = Path(__file__).parents[2] / "data"


def _questions() -> list[str]:
    said: list[str] = []
    for path in sorted(DATA.glob("*.json")):
        if not path.name.startswith(("heldout_questions", "blind_speaker_", "phrasings")):
            continue
        raw = json.loads(path.read_text(encoding="utf-8"))
        entries = raw if isinstance(raw, list) else [
            *raw.get("questions", []), *raw.get("unanswerable", []), *raw.get("off_topic", []),
            *(t for c in raw.get("conversations", []) for t in c.get("turns", []))]
        said += [e["q"] for e in entries if isinstance(e, dict) and isinstance(e.get("q"), str)]
    return said


def test_the_words_of_each_shape_find_what_its_pattern_finds() -> None:
    lexicon = Ranker().lexicon
    questions = _questions()
    assert len(questions) > 5000
    differ = []
    for question in questions:
        text = lexicon.rewrite(" ".join(plain_words(question)))
        if aspects_in(text) != aspects_by_every_pattern(text):
            differ.append(question)
    assert differ == []


def test_a_question_with_none_of_a_shapes_words_has_not_that_shape() -> None:
    assert "where_now" not in aspects_in("how far did togo run")
    assert "distance" in aspects_in("how far did togo run")
    assert "where_now" in aspects_in("where is balto now")
