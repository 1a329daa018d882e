"""The chapters file: content rules from the issue, and validation errors that name the problem."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from skill.story.chapters import DEFAULT_PATH, ChaptersError, load_chapters, parse_chapters

TOPICS = [
    "outbreak",
    "rail",
    "first_legs",
    "norton_sound",
    "storm",
    "final_run",
    "fame",
    "balto_later",
    "togo_later",
    "legacy",
]


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    return json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))


def test_packaged_story_has_the_ten_topics_in_order() -> None:
    story = load_chapters()
    assert [c.id for c in story.chapters] == TOPICS
    assert [c.number for c in story.chapters] == list(range(1, 11))


@pytest.mark.parametrize("number", range(1, 11))
def test_each_chapter_is_150_to_300_words(number: int) -> None:
    chapter = load_chapters().chapter(number)
    assert chapter is not None
    assert 150 <= chapter.word_count <= 300, (chapter.id, chapter.word_count)


def test_story_is_at_least_1500_words() -> None:
    assert sum(c.word_count for c in load_chapters().chapters) >= 1500


def test_every_chapter_has_aliases_and_plain_text() -> None:
    for chapter in load_chapters().chapters:
        assert chapter.aliases, chapter.id
        assert all("<" not in p and ">" not in p for p in chapter.paragraphs)


def test_disagreements_are_acknowledged_not_silently_resolved() -> None:
    """Where the sources disagree the narration says so (distance, Togo's age, Balto's death)."""
    story = load_chapters()
    hedges = ("accounts differ", "some say", "by most accounts", "records disagree", "about")
    assert "650" in story.chapter(2).text and "674" in story.chapter(2).text  # type: ignore[union-attr]
    assert "55" in story.chapter(6).text  # type: ignore[union-attr]  # 53 vs 55 miles
    assert "1916" in story.chapter(9).text  # type: ignore[union-attr]  # Togo born 1913 or 1916
    for number in (1, 2, 3, 6, 8, 9):
        text = story.chapter(number).text.lower()  # type: ignore[union-attr]
        assert any(h in text for h in hedges), number


def test_loading_is_cached() -> None:
    assert load_chapters() is load_chapters()


def test_lookup_by_number_and_out_of_range() -> None:
    story = load_chapters()
    assert story.chapter(4).id == "norton_sound"  # type: ignore[union-attr]
    assert story.chapter(0) is None
    assert story.chapter(11) is None


@pytest.mark.parametrize(
    ("spoken", "chapter_id"),
    [
        ("norton sound", "norton_sound"),
        ("the Norton Sound chapter", "norton_sound"),
        ("Togo's run", "norton_sound"),
        ("storm", "storm"),
        ("the storm chapter", "storm"),
        ("Kaasen and Balto", "final_run"),
        ("the iditarod", "legacy"),
        ("Balto's later life", "balto_later"),
        ("Handoffs Through the Storm", "storm"),
        ("first legs", "first_legs"),
    ],
)
def test_find_by_spoken_name(spoken: str, chapter_id: str) -> None:
    found = load_chapters().find(spoken)
    assert found is not None and found.id == chapter_id


@pytest.mark.parametrize("spoken", ["", "the submarine chapter", "chapter"])
def test_find_unknown_name(spoken: str) -> None:
    assert load_chapters().find(spoken) is None


def _mutated(raw: dict[str, Any], index: int, **changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(raw)
    data["chapters"][index].update(changes)
    return data


@pytest.mark.parametrize(
    ("index", "changes", "message"),
    [
        (0, {"id": "Outbreak!"}, r"chapter #1: 'id' must be lowercase"),
        (2, {"number": 7}, r"chapter 'first_legs': 'number' must be 3"),
        (1, {"title": ""}, r"chapter 'rail': 'title' must be a non-empty string"),
        (3, {"paragraphs": []}, r"chapter 'norton_sound': 'paragraphs' must not be empty"),
        (
            3,
            {"paragraphs": ["Plain <break/> text"]},
            r"chapter 'norton_sound': paragraph 1 contains '<'",
        ),
        (4, {"aliases": ["Storm!"]}, r"chapter 'storm': alias 'Storm!' must be lowercase"),
        (
            5,
            {"aliases": ["the storm"]},
            r"chapter 'final_run': alias 'the storm' is already used by chapter 'storm'",
        ),
        (
            6,
            {"emphasis": ["not in the text"]},
            r"chapter 'fame': emphasis phrase 'not in the text' does not occur",
        ),
        (7, {"scene_breaks": [0]}, r"chapter 'balto_later': 'scene_breaks' must list"),
        (8, {"id": "rail"}, r"chapter 'rail': duplicate id"),
    ],
)
def test_validation_names_file_and_chapter(
    raw: dict[str, Any], index: int, changes: dict[str, Any], message: str
) -> None:
    with pytest.raises(ChaptersError, match=r"^my/chapters\.json: " + message):
        parse_chapters(_mutated(raw, index, **changes), "my/chapters.json")


def test_top_level_must_have_chapters() -> None:
    with pytest.raises(ChaptersError, match="'chapters' must be a non-empty list"):
        parse_chapters({"chapters": []}, "x.json")
    with pytest.raises(ChaptersError, match="must be an object"):
        parse_chapters([], "x.json")


def test_missing_and_malformed_files(tmp_path: Path) -> None:
    with pytest.raises(ChaptersError, match=r"nope\.json: cannot read"):
        load_chapters(tmp_path / "nope.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ChaptersError, match=r"bad\.json: not valid JSON \(line 1"):
        load_chapters(bad)
