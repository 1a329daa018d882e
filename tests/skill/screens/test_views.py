"""Story and answer data sources: every chapter's map highlights the right legs."""

from __future__ import annotations

import pytest

from skill.facts.answer_records import Question
from skill.facts.answering import answer
from skill.facts.lazy import LazyRanker
from skill.facts.store import default_store
from skill.screens import documents
from skill.screens.route import load_route
from skill.screens.views import AHEAD, NOW, PAST, answer_view, story_view
from skill.story.chapters import load_chapters

#: What the story tells, chapter by chapter: the legs completed by its end, and the leg under
#: way (read from the chapter texts: chapter 3 ends with Jackscrew over the portage, chapter 4
#: with Seppala resting at Isaac's Point, chapter 5 with Kaasen leaving Bluff).
EXPECTED = {1: (0, None), 2: (0, None), 3: (14, None), 4: (17, 18), 5: (19, None),
            6: (20, None), 7: (20, None), 8: (20, None), 9: (20, None), 10: (20, None)}


def _drawn(view: dict) -> dict[int, set[str]]:
    states: dict[int, set[str]] = {}
    for leg in view["map"]["legs"]:
        states.setdefault(leg["order"], set()).add(leg["state"])
    return states


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_each_chapters_map_highlights_the_right_legs(number):
    done, under_way = EXPECTED[number]
    states = _drawn(story_view(load_chapters(), number))
    for order, drawn in states.items():
        if order == under_way:
            assert drawn == {NOW, AHEAD}, order
        elif order <= done:
            assert AHEAD not in drawn, order
        else:
            assert drawn == {AHEAD}, order
    assert set(states) == set(range(1, 21)) - {17}  # leg 17 is a handoff on the spot


@pytest.mark.parametrize("number", [3, 4, 5, 6])
def test_the_legs_run_in_a_chapter_are_its_own_and_earlier_ones_are_past(number):
    story = load_chapters()
    states = _drawn(story_view(story, number))
    before = EXPECTED[number - 1][0]
    for order in range(1, before + 1):
        if order in states and order != EXPECTED[number][1]:
            assert states[order] == {PAST}
    route = load_route()
    last_done = route.legs[EXPECTED[number][0] - 1]
    name = default_store().entities[last_done.musher].spoken_name.split()[-1]
    assert name in story.chapter(number).text  # the story names who brought it this far


def test_the_serum_marker_follows_the_story():
    story = load_chapters()
    where = {n: story_view(story, n)["map"] for n in EXPECTED}
    assert not where[1]["serumShown"]
    assert where[2]["serum"]["name"] == "Nenana"
    assert where[4]["serum"]["name"] == "Isaac's Point"
    assert where[5]["serum"]["name"] == "Bluff"
    assert where[6]["serum"]["name"] == "Nome"


def test_the_chapter_line_names_mushers_and_miles_from_the_store():
    route = load_route()
    line = story_view(load_chapters(), 6)["legs"]
    kaasen = route.leg_of("kaasen")
    assert f"Leg {kaasen.order}" in line and f"{kaasen.miles:g} mi" in line
    assert "Gunnar Kaasen" in line


def test_progress_and_buttons_data():
    view = story_view(load_chapters(), 4)
    assert view["progress"] == "Chapter 4 of 10"
    assert (view["chapter"], view["count"]) == (4, 10)


def test_answer_view_names_its_sources_and_a_hint():
    view = answer_view("Togo", "He ran far.", ["A", "B", "A"], "who was Balto")
    assert view["source"] == "Sources: A; B"
    assert view["hint"] == "Try: \u201cwho was Balto\u201d"


def test_every_hint_is_answered_about_its_subject():
    ranker = LazyRanker()
    for ask, about in documents.hints():
        result = answer(ranker, Question(text=ask), None)
        assert result.known and result.fact is not None, ask
        assert about in result.fact.about, (ask, result.fact.id)


def test_a_hint_is_about_something_else():
    for ask, about in documents.hints():
        assert documents.hint_for(about, "seed") != ask or len(documents.hints()) == 1
