"""The prepared answering core: written, loaded, and ignored when stale or damaged."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from skill.facts import index
from skill.facts.answer_records import Question
from skill.facts.answering import answer
from skill.facts.ranking import Ranker

QUESTIONS = ["how far did toe go run", "where was balto laid to rest", "who was born first "
             "seppala or kaasen", "what was kaasens wifes name", "is the statue still in central "
             "park", "how cold was it"]


def _said(ranker: Ranker) -> list[tuple[str, str | None, str | None]]:
    results = [answer(ranker, Question(text=q)) for q in QUESTIONS]
    return [(r.kind, r.fact.id if r.fact else None, r.missing) for r in results]


def test_a_written_index_answers_exactly_as_a_fresh_build(tmp_path: Path) -> None:
    path = tmp_path / "index.pickle"
    index.write(str(path))
    loaded = index.load(str(path))
    assert loaded is not None
    assert _said(loaded) == _said(Ranker())


def test_a_stale_index_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "index.pickle"
    with path.open("wb") as handle:
        pickle.dump(("built from something else", Ranker()), handle)
    assert index.load(str(path)) is None


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps(("x",))])
def test_a_damaged_index_is_ignored(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "index.pickle"
    path.write_bytes(content)
    assert index.load(str(path)) is None


def test_no_index_means_none(tmp_path: Path) -> None:
    assert index.load(str(tmp_path / "missing.pickle")) is None


def test_the_digest_follows_the_data() -> None:
    """Any change to the data or the code that builds the index makes a written one stale."""
    before = index.digest()
    assert before == index.digest()
    assert "facts/data/facts.json" in before and "facts/understanding.py" in before
