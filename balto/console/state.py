"""The console's conversation, its settings and its history: one desk shared by every page load.

Why one shared state: the console stands in for one device on the developer's desk. Reloading the
page, or opening a second tab, shows the same conversation and the same past turns, for as long
as the server runs (the history is memory only, capped at :data:`MAX_RECORDS`). Progress is the
skill's own store (SQLite, the file ``balto chat`` uses unless ``--db`` says otherwise), so
"clear this user's progress" deletes exactly what the skill would read back.

Every change happens under one lock: a :class:`Conversation` is a single device's session and
the turns must not interleave. Bad input raises :class:`ConsoleError` (the page gets a 4xx with
its message); a turn number nobody has raises :class:`NotFound`.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope

from balto.console.records import turn_record
from balto.console.screen import screen_of
from balto.console.skill_log import TurnLog
from balto.nlu import NluEngine
from balto.simulator import envelopes, speak
from balto.simulator.runtime import default_user_name, user_id_for
from balto.simulator.session import Conversation, Handler, Turn
from balto.validation import validate_response

log = logging.getLogger(__name__)
_SERIALIZER = DefaultSerializer()

#: Longest utterance accepted. Alexa hears a sentence or two; the simulator's NLU costs grow
#: with length, so a pasted essay is refused rather than matched word by word.
MAX_UTTERANCE_CHARS = 500
#: Longest user name or Alexa user id accepted.
MAX_USER_CHARS = 120
#: User names: letters, digits and . _ @ + - and spaces (an Alexa user id fits).
USER_PATTERN = re.compile(r"^[\w.@+\- ]+$")
#: Records kept for the page (turns and notes); older ones are dropped first.
MAX_RECORDS = 300
#: WAV files kept after rendering (a chapter is about 4 MB), so a second play is instant.
WAV_CACHE = 4


class ConsoleError(ValueError):
    """A request the console cannot carry out; the message says why. ``status`` is the HTTP
    answer: 4xx for what the page sent (the usual case), 503 when the progress store fails."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


class NotFound(ConsoleError):
    """No such turn, or nothing to play for it (answered with 404)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, 404)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class ConsoleState:
    """The conversation the page drives, its settings, and what it has shown so far.

    Parameters
    ----------
    handler:
        The skill's Lambda-style handler (one for every user, locale and device).
    engine_for:
        The NLU engine of a locale.
    locales:
        The locales the page may choose from.
    progress:
        The skill's persistence adapter (``handler.skill.persistence_adapter``), or None when
        the skill runs without a store (then progress cannot be cleared).
    espeak:
        The espeak-ng executable, or None when speech is unavailable.
    """

    def __init__(self, handler: Handler, *, engine_for: Callable[[str], NluEngine],
                 locales: list[str], user: str | None = None, locale: str = "en-US",
                 device: str = "speaker", progress: Any = None,
                 espeak: str | None = None) -> None:
        self._handler = handler
        self._engine_for = engine_for
        self.locales = list(locales)
        self._progress = progress
        self.espeak = espeak
        self._lock = threading.Lock()
        self._records: OrderedDict[int, dict[str, Any]] = OrderedDict()
        self._next = 1
        self._wavs: OrderedDict[int, bytes] = OrderedDict()
        self._log = TurnLog()
        self._log.install()
        self.user = self._check_user(user if user is not None else default_user_name())
        self.locale = self._check_locale(locale)
        self.device = self._check_device(device)
        self._talk = self._conversation()

    def close(self) -> None:
        """Stop collecting the skill's log lines (the state is not used afterwards)."""
        self._log.remove()

    # -- validation ---------------------------------------------------------------------------
    def _check_locale(self, locale: object) -> str:
        if not isinstance(locale, str) or locale not in self.locales:
            raise ConsoleError(f"unknown locale {locale!r}: one of {', '.join(self.locales)}")
        return locale

    @staticmethod
    def _check_device(device: object) -> str:
        if not isinstance(device, str) or device not in envelopes.DEVICES:
            raise ConsoleError(f"unknown device {device!r}: one of {', '.join(envelopes.DEVICES)}")
        return device

    @staticmethod
    def _check_user(user: object) -> str:
        if not isinstance(user, str):
            raise ConsoleError("user must be a string: a name or an Alexa user id")
        name = user.strip()
        if not name or len(name) > MAX_USER_CHARS or not USER_PATTERN.match(name):
            raise ConsoleError(f"user must be 1 to {MAX_USER_CHARS} letters, digits, spaces or "
                             ". _ @ + - (a name, or an Alexa user id amzn1.ask.account...)")
        return name

    @staticmethod
    def _check_text(text: object) -> str:
        if not isinstance(text, str):
            raise ConsoleError("text must be a string: what you would say to Alexa")
        cleaned = " ".join(text.split())
        if not cleaned:
            raise ConsoleError("say something: the utterance is empty")
        if len(cleaned) > MAX_UTTERANCE_CHARS:
            raise ConsoleError(f"the utterance is {len(cleaned)} characters long; at most "
                             f"{MAX_UTTERANCE_CHARS} are accepted (Alexa hears a sentence or "
                             "two)", 413)
        return cleaned

    # -- the conversation ---------------------------------------------------------------------
    def _conversation(self) -> Conversation:
        return Conversation(handler=self._handler, engine=self._engine_for(self.locale),
                            user_id=user_id_for(self.user), locale=self.locale,
                            device=self.device)

    @property
    def user_id(self) -> str:
        """The Alexa user id requests carry."""
        return self._talk.user_id

    def _number(self) -> int:
        """The next record's number (never reused, so a page's links stay right)."""
        self._next += 1
        return self._next - 1

    def _record(self, record: dict[str, Any]) -> dict[str, Any]:
        self._records[record["id"]] = record
        while len(self._records) > MAX_RECORDS:
            self._records.popitem(last=False)
        return record

    def _note(self, text: str) -> dict[str, Any]:
        return self._record({"kind": "note", "id": self._number(), "at": _now(), "text": text})

    def _run(self, action: Callable[[], Turn | None], typed: str | None = None
             ) -> list[dict[str, Any]]:
        """One turn (or none), timed, its skill log kept, recorded for the page."""
        session_id = self._talk.session_id
        started = time.perf_counter()
        with self._log.capture() as lines:
            turn = action()
        elapsed = (time.perf_counter() - started) * 1000
        if turn is None:
            return []
        session = turn.request["session"]["sessionId"] if session_id is None else session_id
        context = {"at": _now(), "typed": typed, "user": self.user, "user_id": self.user_id,
                   "locale": self.locale, "device": self.device, "session_id": session}
        extras = {
            "screen": screen_of(turn.response, self.device),
            "skill_log": list(lines),
            "problems": validate_response(turn.response, locale=self.locale),
            "elapsed_ms": round(elapsed, 1),
            "audio": bool(self.espeak and turn.ssml),
        }
        return [self._record(turn_record(turn, number=self._number(), context=context,
                                         extras=extras))]

    def say(self, text: object) -> list[dict[str, Any]]:
        """Say one utterance (an opening phrase launches; a closed session reopens)."""
        cleaned = self._check_text(text)
        with self._lock:
            return self._run(lambda: self._talk.say(cleaned), cleaned)

    def new_session(self) -> list[dict[str, Any]]:
        """End the open session (if any) and open the skill afresh: a LaunchRequest."""
        with self._lock:
            return self._run(self._talk.end) + self._run(self._talk.launch)

    def update(self, changes: dict[str, Any]) -> list[dict[str, Any]]:
        """Change user, locale and/or device. A session belongs to one user on one device in
        one locale, so an open one is ended first (a SessionEndedRequest)."""
        unknown = sorted(set(changes) - {"user", "locale", "device"})
        if unknown:
            raise ConsoleError(f"unknown setting(s) {', '.join(unknown)}: user, locale, device")
        user = self._check_user(changes["user"]) if "user" in changes else None
        locale = self._check_locale(changes["locale"]) if "locale" in changes else None
        device = self._check_device(changes["device"]) if "device" in changes else None
        with self._lock:
            wanted = {"user": user or self.user, "locale": locale or self.locale,
                      "device": device or self.device}
            if wanted == {"user": self.user, "locale": self.locale, "device": self.device}:
                return []
            records = self._run(self._talk.end)
            self.user, self.locale, self.device = wanted["user"], wanted["locale"], wanted["device"]
            self._talk = self._conversation()
            records.append(self._note(
                f"Now user {self.user} ({self.user_id}), {self.locale}, {self.device}."))
            return records

    def clear_progress(self) -> list[dict[str, Any]]:
        """Forget this user's saved progress: end the open session (whose attributes hold the
        story position too), then delete the user's record from the skill's store."""
        if self._progress is None:
            raise ConsoleError("this console runs the skill without a progress store, so there "
                             "is no progress to clear", 409)
        with self._lock:
            records = self._run(self._talk.end)
            event = envelopes.envelope(envelopes.launch_request(self.locale),
                                       user_id=self.user_id)
            try:
                self._progress.delete_attributes(
                    _SERIALIZER.deserialize(payload=json.dumps(event), obj_type=RequestEnvelope))
            except PersistenceException as error:
                log.warning("could not clear progress of %s: %s", self.user_id, error)
                raise ConsoleError(f"the progress could not be cleared: {error}", 503) from error
            records.append(self._note(f"Progress cleared for {self.user} "
                                      f"({self.user_id}): the story starts again at chapter 1."))
            return records

    def clear_history(self) -> list[dict[str, Any]]:
        """Forget the records shown so far (the conversation itself goes on); adds none."""
        with self._lock:
            self._records.clear()
            self._wavs.clear()
        return []

    # -- reading ------------------------------------------------------------------------------
    def settings(self) -> dict[str, Any]:
        """The current settings and session, and the choices the page offers."""
        return {
            "user": self.user,
            "user_id": self.user_id,
            "locale": self.locale,
            "device": self.device,
            "session_id": self._talk.session_id,
            "session_open": self._talk.active,
            "locales": self.locales,
            "devices": list(envelopes.DEVICES),
            "speech": self.espeak is not None,
            "progress_store": self._progress is not None,
            "max_utterance_chars": MAX_UTTERANCE_CHARS,
        }

    def snapshot(self) -> dict[str, Any]:
        """Everything the page shows on load: settings and every record kept."""
        with self._lock:
            return {"settings": self.settings(), "records": list(self._records.values())}

    def record(self, number: int) -> dict[str, Any]:
        """One record by its number."""
        with self._lock:
            found = self._records.get(number)
        if found is None:
            raise NotFound(f"no turn {number} (the history keeps the last {MAX_RECORDS})")
        return found

    def speech_wav(self, number: int) -> bytes:
        """The turn's speech as WAV, rendered by espeak-ng (kept for the next few plays)."""
        record = self.record(number)
        if self.espeak is None:
            raise NotFound("speech is unavailable: espeak-ng is not installed "
                           "(Debian/Ubuntu: apt-get install espeak-ng)")
        if record.get("kind") != "turn" or not record.get("ssml"):
            raise NotFound(f"turn {number} says nothing")
        with self._lock:
            cached = self._wavs.get(number)
        if cached is not None:
            return cached
        try:
            audio = speak.wav(record["ssml"], self.espeak)
        except speak.SpeakerUnavailable as error:
            raise NotFound(f"no audio for turn {number}: {error}") from error
        with self._lock:
            self._wavs[number] = audio
            while len(self._wavs) > WAV_CACHE:
                self._wavs.popitem(last=False)
        return audio


def build_state(*, db: str | None, user: str | None = None, locale: str = "en-US",
                device: str = "speaker") -> ConsoleState:
    """The console's state as ``balto console`` runs it: the skill built once by the
    composition root with the SQLite store at ``db`` (None: no store), every installed locale,
    and espeak-ng if it is on PATH."""
    import shutil

    from balto.simulator import runtime
    from skill.config import Config

    handler = runtime.skill_handler(Config(sqlite_path=db) if db is not None else None)
    skill = getattr(handler, "skill", None)
    return ConsoleState(
        handler,
        engine_for=lambda name: runtime.engine_for(runtime.model_path(name)),
        locales=runtime.available_locales(),
        user=user, locale=locale, device=device,
        progress=getattr(skill, "persistence_adapter", None),
        espeak=shutil.which(speak.ESPEAK),
    )
