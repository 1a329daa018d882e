"""What a conversation remembers between questions, for follow-ups ("and togo", "when did he
die"): kept apart from the understanding so the rewording of a question's words, which also
reads it, sits below the understanding that builds on it.

Pure: standard library only.
"""

from __future__ import annotations

from skill.records import Record


class Context(Record):
    """What the conversation remembers for follow-ups: what the last answer was about, what it
    asked (topic and facet), and the entities of the last few turns, most recent first."""

    __slots__ = ()

    entity: str | None = None
    topic: str | None = None
    facet: str | None = None
    entities: tuple[str, ...] = ()
    #: The fact the last answer spoke ("what year was that" asks its date).
    fact: str | None = None
    #: Whom that answer gave as the value asked ("what was his lead dog": Togo): "that dog".
    values: tuple[str, ...] = ()
    #: The last question's words, as understood: what a bare "to who" asks again.
    question: tuple[str, ...] = ()
