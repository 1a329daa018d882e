"""The value a handler hands to the speech module.

Handlers decide *what* to say (plain sentences); the speech module decides *how* it is written as
SSML. Keeping that boundary in one small record means no handler ever writes markup, so escaping
and Alexa's limits are enforced in exactly one place.
"""

from skill.records import Record


class Card(Record):
    """A Simple card shown in the Alexa app next to the spoken answer."""

    __slots__ = ()

    title: str
    text: str


class StoryScreen(Record):
    """On a screen: chapter ``number``'s title, progress, the relay map and the touch buttons."""

    __slots__ = ()

    number: int


class AnswerScreen(Record):
    """On a screen: the entity's name, the answer, the sources (references) and a hint."""

    __slots__ = ()

    title: str
    text: str
    sources: tuple[str, ...]
    entity: str | None = None
    fact_id: str = ""


class Reply(Record):
    """Everything one response says.

    Attributes
    ----------
    speech:
        Plain-text sentences (no markup). Spoken first.
    reprompt:
        Plain text said if the listener stays silent; ``None`` ends the session unless
        ``end_session`` is False and the caller supplies one.
    card:
        Optional card for the companion app.
    end_session:
        True closes the session after speaking.
    ssml_body:
        Pre-built SSML fragment (from the speech module only, e.g. story narration) spoken after
        ``speech``; handlers never build it by hand.
    screen:
        What a device with a screen shows with this reply (a speaker ignores it): the
        response gets an APL document only when the device declares APL
        (skill/alexa/respond.py).
    """

    __slots__ = ()

    speech: str
    reprompt: str | None = None
    card: Card | None = None
    end_session: bool = False
    ssml_body: str | None = None
    screen: StoryScreen | AnswerScreen | None = None
