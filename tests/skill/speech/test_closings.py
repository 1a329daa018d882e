"""How answers end: by context, varied, and never with a name that reads badly."""

from __future__ import annotations

import pytest

from skill.facts.model import Entity
from skill.speech import closings


def entity(kind: str, name: str, entity_id: str = "x") -> Entity:
    return Entity(id=entity_id, type=kind, name=name, synonyms=())


@pytest.mark.parametrize(
    ("kind", "name", "said"),
    [
        ("person", '"Wild Bill" Shannon', "Wild Bill Shannon"),
        ("person", "Jackscrew (Jack Nicolai)", "Jackscrew"),
        ("person", "Joe Redington Sr.", "Joe Redington"),
        ("dog", "Togo", "Togo"),
        ("place", "Norton Sound", "Norton Sound"),
        ("topic", "Films about the serum run", None),
        ("event", "The 1925 serum relay to Nome", None),
        ("film", "Balto (1995 film)", None),
    ],
)
def test_only_names_that_read_well_are_said(kind: str, name: str, said: str | None) -> None:
    assert closings.subject_name(entity(kind, name)) == said


def test_closings_vary_turn_by_turn_and_are_not_always_an_offer() -> None:
    texts = [closings.answer_closing("Togo", turn=t, more=True, in_story=False).text
             for t in range(4)]
    assert len(set(texts)) == 4
    offers = [t for t in texts if t.startswith("Want to hear more")]
    assert 0 < len(offers) < len(texts)
    assert all("Togo" in t for t in texts if "more" in t)


def test_a_subject_without_a_speakable_name_is_never_named() -> None:
    for turn in range(4):
        said = closings.answer_closing(None, turn=turn, more=True, in_story=False)
        assert "about None" not in said.text and "about None" not in said.reprompt
        assert "Films" not in said.text


def test_mid_story_the_closing_offers_the_story_back() -> None:
    for turn in range(3):
        said = closings.answer_closing("Togo", turn=turn, more=True, in_story=True)
        assert "story" in said.text and "Would you like to hear more" not in said.reprompt
        assert said.reprompt.startswith("Say yes to go back to the story")


def test_an_exhausted_subject_is_said_so_with_where_to_go_next() -> None:
    steps = closings.suggestions([entity("person", "Edgar Kalland"), entity("place", "Nenana")])
    assert steps == "You could ask, who was Edgar Kalland? Or say, tell me about Nenana."
    places_first = closings.suggestions([entity("place", "Nome"), entity("dog", "Fox")])
    assert places_first == "You could say, tell me about Nome. Or ask, who was Fox?"
    said = closings.answer_closing("Wild Bill Shannon", turn=2, more=False, in_story=False,
                                   next_steps=steps)
    assert said.text == f"That's all I have about Wild Bill Shannon. {steps}"
    assert said.reprompt == steps


def test_suggestions_leave_out_what_cannot_be_asked_by_name() -> None:
    assert closings.suggestions([entity("topic", "The credit controversy")]) == ""
    said = closings.exhausted(None, "").text
    assert said == "That's all I have on that. What else would you like to know?"
