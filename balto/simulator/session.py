"""A conversation with the skill, turn by turn, as a device would hold it.

The :class:`Conversation` owns what Alexa owns between requests: the session id, the new
flag, the session attributes echoed back by the skill, and the user id.  It sends a
``SessionEndedRequest`` when the user leaves an open session, and it honours
``shouldEndSession`` from the skill.  Requests go through the same lambda-style handler the
Lambda uses, so what the simulator shows is what a speaker hears.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from balto.nlu import NluEngine, Resolution
from balto.nlu.invocation import split_invocation
from balto.simulator import envelopes
from skill.speech.ssml import strip_tags

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]

#: Parsers whose readings are trusted over a retry with the connecting word kept.
CONFIDENT_PARSERS = frozenset({"exact", "exact-cleaned", "fuzzy"})


@dataclass
class Turn:
    """One request/response exchange."""

    utterance: str | None
    request: dict[str, Any]
    response: dict[str, Any]
    resolution: Resolution | None = None

    @property
    def request_type(self) -> str:
        """LaunchRequest, IntentRequest or SessionEndedRequest."""
        return str(self.request["request"]["type"])

    @property
    def intent(self) -> str | None:
        """The intent name sent, for intent requests."""
        intent = self.request["request"].get("intent")
        return str(intent["name"]) if intent else None

    @property
    def end_session(self) -> bool:
        """Whether the skill closed the session with this response."""
        body = self.response.get("response") or {}
        return bool(body.get("shouldEndSession")) or self.request_type == "SessionEndedRequest"

    @property
    def ssml(self) -> str:
        """The SSML spoken ("" when the response says nothing)."""
        body = self.response.get("response") or {}
        return str((body.get("outputSpeech") or {}).get("ssml") or "")

    @property
    def speech(self) -> str:
        """What was spoken, as plain text."""
        return strip_tags(self.ssml)

    @property
    def reprompt(self) -> str:
        """The reprompt, as plain text ("" when there is none)."""
        body = self.response.get("response") or {}
        speech = (body.get("reprompt") or {}).get("outputSpeech") or {}
        return strip_tags(str(speech.get("ssml") or ""))

    @property
    def attributes(self) -> dict[str, Any]:
        """The session attributes the skill sent back with this response."""
        return dict(self.response.get("sessionAttributes") or {})

    @property
    def chapter_heard(self) -> int | None:
        """The story chapter this turn narrated (by its spoken heading, "Chapter 3."), if any."""
        match = re.search(r"\bChapter (\d+)\.", self.speech)
        return int(match.group(1)) if match else None


@dataclass
class Conversation:
    """A user talking to the skill: typed text through the simulator NLU (``say``), or intents
    by name (``intent``, no NLU needed). ``check`` sees every response (tests pass the
    Alexa-limits validator); ``timestamp`` on a turn stands in for a device's clock."""

    handler: Handler
    engine: NluEngine | None = None
    user_id: str = field(default_factory=lambda: envelopes.local_user_id("local"))
    locale: str = "en-US"
    skill_id: str = envelopes.DEFAULT_SKILL_ID
    #: Which device sends the requests (a name in envelopes.DEVICES): a speaker, or a screen.
    device: str = "speaker"
    session_id: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    check: Callable[[dict[str, Any], str], object] | None = None
    _new: bool = True

    @property
    def active(self) -> bool:
        """True while a session is open."""
        return self.session_id is not None

    # -- sending ------------------------------------------------------------------------------
    def send(self, request: dict[str, Any], utterance: str | None = None,
             resolution: Resolution | None = None, *, timestamp: str | None = None) -> Turn:
        """Send one request in this conversation's session (opening one if none is open)."""
        if timestamp is not None:
            request = {**request, "timestamp": timestamp}
        if self.session_id is None:
            self.session_id = envelopes.new_session_id()
            self.attributes = {}
            self._new = True
        event = envelopes.envelope(request, user_id=self.user_id, session_id=self.session_id,
                                   new=self._new, attributes=self.attributes,
                                   skill_id=self.skill_id, device=self.device)
        response = self.handler(event, None)
        if self.check is not None:
            self.check(response, self.locale)
        turn = Turn(utterance, event, response, resolution)
        self._new = False
        if turn.request_type == "SessionEndedRequest" or turn.end_session:
            self._close()
        else:
            self.attributes = dict(response.get("sessionAttributes") or {})
        return turn

    def _close(self) -> None:
        self.session_id = None
        self.attributes = {}
        self._new = True

    # -- what the user can do -----------------------------------------------------------------
    def launch(self, timestamp: str | None = None) -> Turn:
        """"Alexa, open <skill>": a LaunchRequest in a new session (ending any open one)."""
        if self.active:
            self.end()
        return self.send(envelopes.launch_request(self.locale), timestamp=timestamp)

    def intent(self, name: str, timestamp: str | None = None,
               **slots: str | dict[str, Any]) -> Turn:
        """Send intent ``name`` as Alexa would; a slot given as text is heard and unresolved,
        one given as a dict (:func:`envelopes.slot`) is sent as it is."""
        built = {slot: value if isinstance(value, dict) else envelopes.slot(slot, value)
                 for slot, value in slots.items()}
        request = envelopes.named_intent_request(name, built, self.locale)
        return self.send(request, name, timestamp=timestamp)

    def touch(self, *arguments: Any, token: str = "serumrun.story") -> Turn:
        """Touch a button on the screen: the UserEvent its SendEvent command sends (a screen
        device only; a speaker has nothing to touch)."""
        if envelopes.DEVICES.get(self.device) is None:
            raise ValueError(f"device {self.device!r} has no screen to touch")
        request = envelopes.user_event_request(arguments, token, self.locale)
        return self.send(request, f"[touch {' '.join(map(str, arguments))}]")

    @property
    def nlu(self) -> NluEngine:
        """The NLU engine typed text goes through (a conversation by intent names has none)."""
        if self.engine is None:
            raise ValueError("this conversation has no NLU engine: send intents by name")
        return self.engine

    def resolve(self, text: str) -> tuple[str, Resolution | None]:
        """Resolve typed text: ("launch", None) for an opening phrase, else ("intent", r)."""
        engine = self.nlu
        invocation = split_invocation(text, engine.model.invocation_name)
        if invocation.kind == "launch":
            return "launch", None
        resolution = engine.resolve(invocation.utterance)
        if invocation.dropped and resolution.parser not in CONFIDENT_PARSERS:
            kept = engine.resolve(f"{invocation.dropped} {invocation.utterance}")
            if kept.parser in CONFIDENT_PARSERS:
                resolution = kept
        return "intent", resolution

    def say(self, text: str) -> Turn:
        """Say one utterance; opening phrases launch, anything else becomes an IntentRequest."""
        kind, resolution = self.resolve(text)
        if kind == "launch" or resolution is None:
            return self.launch()
        return self.send_resolution(resolution, text)

    def send_resolution(self, resolution: Resolution, text: str | None = None) -> Turn:
        """Send an already-resolved intent (used by ``say`` and by dialog scripts)."""
        intent = self.nlu.model.intent(resolution.intent)
        slot_names = [s.name for s in intent.slots] if intent else list(resolution.slots)
        request = envelopes.intent_request(resolution, slot_names, self.locale, self.skill_id)
        return self.send(request, text if text is not None else resolution.utterance,
                          resolution)

    def end(self, reason: str = "USER_INITIATED") -> Turn | None:
        """Leave the session: a SessionEndedRequest if one is open, else nothing."""
        if not self.active:
            return None
        return self.send(envelopes.session_ended_request(self.locale, reason), None, None)
