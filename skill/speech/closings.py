"""How an answer ends: chosen by context, varied, and never built from a name that reads badly.

Why a module of its own: the closing is what makes a run of answers sound like a conversation
rather than a form. The same "Want to hear more about X, or ask something else?" after every
answer sounds mechanical, and some names cannot stand in that sentence ("more about Films about
the serum run", "more about "Wild Bill" Shannon"). So:

* mid-story, the closing asks whether to go back to the story (and "yes" does);
* with more to tell on the subject, it varies between an offer and an open question, turn by
  turn (deterministic, so tests and transcripts are stable);
* with nothing more to tell, it says so and suggests where to go next;
* a subject is named only when it is a person, a dog or a place, cleaned of quotes and
  parentheses; topics, events and films are "that".

PURE: standard library, the speech package and the facts' value types only.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from skill.records import Record
from skill.speech.phrases import ask_about

if TYPE_CHECKING:
    from skill.facts.model import Entity

#: Entity types whose names read well inside a sentence.
NAMED_TYPES = frozenset({"person", "dog", "place"})

#: Mid-story: the story is waiting, and "yes" goes back to it.
STORY_CLOSINGS = (
    "Shall we go back to the story?",
    "Want to go back to the story, or ask something else?",
    "Say back to the story when you're ready, or ask me another question.",
)
STORY_REPROMPT = "Say yes to go back to the story, or ask me another question."

#: More to tell: an offer, then open questions, in turn ({s}: the subject).
MORE_CLOSINGS = (
    "Want to hear more about {s}?",
    "What else would you like to know?",
    "There's more about {s}: just say tell me more.",
    "Anything else you'd like to know?",
)
MORE_CLOSINGS_UNNAMED = (
    "Want to hear more?",
    "What else would you like to know?",
    "There's more on that: just say tell me more.",
    "Anything else you'd like to know?",
)
MORE_REPROMPT = "Say tell me more for more about {s}, or ask another question."
MORE_REPROMPT_UNNAMED = "Say tell me more, or ask another question."

#: Nothing more on the subject.
EXHAUSTED = "That's all I have about {s}."
EXHAUSTED_UNNAMED = "That's all I have on that."
OPEN_QUESTION = "What else would you like to know?"


class Closing(Record):
    """The words that end an answer, and the reprompt that goes with them."""

    __slots__ = ()

    text: str
    reprompt: str


def subject_name(entity: Entity | None) -> str | None:
    """The name to say in a closing ("Wild Bill Shannon", "Jackscrew"), or None when the entity
    is a topic, event or film, whose names are titles rather than names."""
    if entity is None or entity.type not in NAMED_TYPES:
        return None
    name = re.sub(r"\s*\([^)]*\)", "", entity.name).replace('"', "")
    name = re.sub(r"\s+(Sr|Jr)\.$", "", name)
    return " ".join(name.split()) or None


def _offered(ask: str, first: bool) -> str:
    """ "You could ask, who was X?" for a question, "You could say, tell me about Y." for a
    request; after the first, "Or ask, ..." / "Or say, ..."."""
    question = ask.startswith(("who ", "what ", "where ", "how ", "why "))
    verb = "ask" if question else "say"
    lead = f"You could {verb}" if first else f"Or {verb}"
    return f"{lead}, {ask}{'?' if question else '.'}"


def suggestions(entities: list[Entity]) -> str:
    """ "You could ask, who was Edgar Kalland? Or say, tell me about Nenana." ("" for none)."""
    asks = [ask for e in entities if (name := subject_name(e)) and (ask := ask_about(e.type, name))]
    return " ".join(_offered(ask, i == 0) for i, ask in enumerate(asks[:2]))


def answer_closing(subject: str | None, *, turn: int, more: bool, in_story: bool,
                   next_steps: str = "") -> Closing:
    """How to end an answer.

    ``turn`` counts the facts heard so far (the closings rotate with it); ``more``: there is
    more to tell about the subject; ``next_steps``: where to go when there is not
    (:func:`suggestions`).
    """
    if in_story:
        return Closing(STORY_CLOSINGS[turn % len(STORY_CLOSINGS)], STORY_REPROMPT)
    if more:
        if subject:
            text = MORE_CLOSINGS[turn % len(MORE_CLOSINGS)].format(s=subject)
            return Closing(text, MORE_REPROMPT.format(s=subject))
        return Closing(MORE_CLOSINGS_UNNAMED[turn % len(MORE_CLOSINGS_UNNAMED)],
                       MORE_REPROMPT_UNNAMED)
    return exhausted(subject, next_steps)


def exhausted(subject: str | None, next_steps: str) -> Closing:
    """Nothing more to tell on the subject: say so, and where to go next."""
    said = EXHAUSTED.format(s=subject) if subject else EXHAUSTED_UNNAMED
    follow = next_steps or OPEN_QUESTION
    return Closing(f"{said} {follow}", next_steps or OPEN_QUESTION)
