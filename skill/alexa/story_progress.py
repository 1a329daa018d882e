"""Listener progress through the story: session first, persistence second, never stale.

Why this module exists: a story that plays must not depend on a database that may be locked (the
SQLite file held by another process) or unreachable (DynamoDB throttling, an expired role). So:

* Session attributes are the source of truth while a session lasts. The persistent store is read
  once, at the start of a session, to learn where a returning listener stopped.
* Every store failure is caught, the story carries on from the session, and the failure is logged
  ONCE per session (a session-attribute flag), with the user's id shortened and the operation.
* A save never overwrites newer progress: the stored record's ``last_listened`` (the Alexa request
  timestamp that wrote it) must not be newer than this request's, and a chapter never moves
  backwards unless the listener asked for it (previous, start over, jump). When the stored record
  cannot be read, nothing is written, since it might hold newer progress.
* That rule is applied *inside* the store's own atomic update where the store has one
  (``update_attributes``: one SQLite transaction; a DynamoDB put conditional on the version it
  read), so two requests for one listener at once (two devices, a retry) cannot both pass the
  check on the same old record and the older one win. Stores without it (test doubles) get the
  same rule as read-check-write.

The keys, in the session and in the stored record, are :mod:`skill.alexa.state`'s; other
top-level keys of the stored record are preserved.
"""

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Protocol

from ask_sdk_core.exceptions import AttributesManagerException
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import get_user_id
from ask_sdk_model import RequestEnvelope

from skill.alexa import state
from skill.records import Record
from skill.speech import story_phrases
from skill.story.chapters import Story, load_chapters
from skill.story.navigation import StoryPosition

log = logging.getLogger(__name__)

class AtomicStore(Protocol):
    """A persistence adapter that can read, decide and write one user's record atomically."""

    def update_attributes(
        self,
        request_envelope: RequestEnvelope,
        change: Callable[[dict[str, Any]], dict[str, Any] | None],
    ) -> dict[str, Any] | None:
        """Apply ``change`` to the stored attributes; return what was written, or None."""


class SavedProgress(Record):
    """Progress as stored: position plus when it was last written."""

    __slots__ = ()

    position: StoryPosition
    last_listened: datetime | None

    @classmethod
    def parse(cls, value: Any, story: Story) -> "SavedProgress | None":
        """Parse a stored record defensively (another skill version may have written it)."""
        position = state.parse_position(value, story.chapter_count)
        if position is None:
            return None
        stamp = _parse_time(value.get(state.LAST_LISTENED)) if isinstance(value, dict) else None
        return cls(position=position, last_listened=stamp)


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def request_time(handler_input: HandlerInput) -> datetime:
    """When Alexa sent this request (UTC); the clock used to order saves.

    The request timestamp, not the server clock, orders writes from two devices or a delayed
    retry correctly; a request without one falls back to now.
    """
    stamp = getattr(handler_input.request_envelope.request, "timestamp", None)
    if isinstance(stamp, datetime):
        return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)
    if isinstance(stamp, str):
        parsed = _parse_time(stamp)
        if parsed is not None:
            return parsed
    return datetime.now(UTC)


def _user_hint(handler_input: HandlerInput) -> str:
    """A short, non-identifying tail of the user id for log context."""
    try:
        user_id = get_user_id(handler_input)
    except AttributeError:  # an envelope without context.System
        user_id = None
    return f"...{user_id[-8:]}" if isinstance(user_id, str) and user_id else "unknown"


def _store_failed(handler_input: HandlerInput, operation: str, exc: BaseException) -> None:
    """Log a store failure the first time it happens in this session; later ones at debug."""
    attrs = state.session(handler_input)
    if attrs.get(state.STORE_FAILED):
        log.debug("progress store still failing (%s): %s", operation, exc)
        return
    attrs[state.STORE_FAILED] = True
    log.warning(
        "progress store failed while trying to %s progress for user %s (%s: %s); "
        "story continues from session attributes",
        operation,
        _user_hint(handler_input),
        type(exc).__name__,
        exc,
    )


class _NoStore(Exception):
    """No persistence adapter is configured: progress lives in the session only."""


def _read_record(handler_input: HandlerInput) -> dict[str, Any]:
    """The persistent attributes (cached by ask-sdk after the first successful read).

    Raises ``_NoStore`` without an adapter; any adapter failure propagates to the caller, which
    logs it once. Adapters differ in what they raise (PersistenceException from ask-sdk's,
    sqlite3 or botocore errors from others), hence the broad catches at the call sites.
    """
    try:
        attrs = handler_input.attributes_manager.persistent_attributes
    except AttributesManagerException as exc:
        raise _NoStore from exc
    return attrs if isinstance(attrs, dict) else {}


def load_saved(handler_input: HandlerInput, story: Story | None = None) -> SavedProgress | None:
    """Stored progress for this listener; None when there is none or the store failed.

    The chapters are loaded only once there is a record to check against them: a launch without
    saved progress (most cold starts) never reads the chapters file.
    """
    try:
        stored = _read_record(handler_input)
    except _NoStore:
        return None
    except Exception as exc:  # noqa: BLE001 - any store failure must not stop the story
        _store_failed(handler_input, "load", exc)
        return None
    value = stored.get(state.PERSISTENT_STORY)
    if not isinstance(value, dict):
        return None  # what SavedProgress.parse says of anything but a dict
    return SavedProgress.parse(value, story or load_chapters())


def session_position(
    handler_input: HandlerInput, story: Story | None = None
) -> StoryPosition | None:
    """The position kept in session attributes, if the story has been touched this session."""
    story = story or load_chapters()
    return state.session_position(handler_input, story.chapter_count)


def current_position(
    handler_input: HandlerInput, story: Story | None = None
) -> StoryPosition | None:
    """Where the listener is: the session's position, else the saved one (copied into the session).

    None means the listener has never started the story (or the store could not say).
    """
    story = story or load_chapters()
    position = session_position(handler_input, story)
    if position is not None:
        return position
    saved = load_saved(handler_input, story)
    if saved is None:
        return None
    state.set_session_position(handler_input, saved.position)
    return saved.position


def _rank(position: StoryPosition) -> tuple[int, bool]:
    return (position.chapter, position.finished)


def _may_overwrite(
    stored: SavedProgress | None, position: StoryPosition, now: datetime, explicit: bool
) -> str | None:
    """None when the write may go ahead, else the reason it must not."""
    if stored is None:
        return None
    if stored.last_listened is not None and stored.last_listened > now:
        return f"stored progress is newer ({stored.last_listened.isoformat()})"
    if not explicit and _rank(position) < _rank(stored.position):
        return f"stored chapter {stored.position.chapter} is further on"
    return None


def _atomic_store(handler_input: HandlerInput) -> AtomicStore | None:
    """The request's persistence adapter if it offers ``update_attributes``.

    ask-sdk keeps the adapter on the AttributesManager as ``_persistence_adapter`` (a private
    name, stable in ask-sdk-core 1.x, which lambda/requirements.txt pins).
    """
    adapter = getattr(handler_input.attributes_manager, "_persistence_adapter", None)
    return adapter if callable(getattr(adapter, "update_attributes", None)) else None


def _entry(position: StoryPosition, now: datetime) -> dict[str, Any]:
    stamp = now.isoformat().replace("+00:00", "Z")
    return {**state.position_dict(position), state.LAST_LISTENED: stamp}


def save(
    handler_input: HandlerInput,
    position: StoryPosition,
    *,
    explicit: bool = False,
    story: Story | None = None,
) -> bool:
    """Remember ``position`` in the session and, when safe, in the persistent store.

    Returns True when the persistent store was written. ``explicit`` marks a deliberate move
    backwards (previous, start over, jump), the only case an earlier chapter may be saved.
    """
    story = story or load_chapters()
    state.set_session_position(handler_input, position)
    now = request_time(handler_input)
    store = _atomic_store(handler_input)
    if store is not None:
        return _save_atomically(handler_input, store, position, now, explicit, story)
    try:
        existing = _read_record(handler_input)
    except _NoStore:
        return False
    except Exception as exc:  # noqa: BLE001 - unreadable store: do not risk overwriting it
        _store_failed(handler_input, "check", exc)
        return False
    reason = _may_overwrite(
        SavedProgress.parse(existing.get(state.PERSISTENT_STORY), story), position, now, explicit
    )
    if reason is not None:
        log.info("not saving story progress for user %s: %s", _user_hint(handler_input), reason)
        return False
    updated = {**existing, state.PERSISTENT_STORY: _entry(position, now)}
    manager = handler_input.attributes_manager
    manager.persistent_attributes = updated
    try:
        manager.save_persistent_attributes()
    except Exception as exc:  # noqa: BLE001 - the session still holds the progress
        _store_failed(handler_input, "save", exc)
        # Keep the cached copy equal to what the store still holds.
        manager.persistent_attributes = existing
        return False
    return True


def _save_atomically(
    handler_input: HandlerInput,
    store: AtomicStore,
    position: StoryPosition,
    now: datetime,
    explicit: bool,
    story: Story,
) -> bool:
    """:func:`save`'s check and write as one atomic update of the stored record."""
    refused: list[str] = []

    def change(current: dict[str, Any]) -> dict[str, Any] | None:
        stored = SavedProgress.parse(current.get(state.PERSISTENT_STORY), story)
        reason = _may_overwrite(stored, position, now, explicit)
        if reason is not None:
            refused.append(reason)
            return None
        return {**current, state.PERSISTENT_STORY: _entry(position, now)}

    try:
        written = store.update_attributes(handler_input.request_envelope, change)
    except Exception as exc:  # noqa: BLE001 - the session still holds the progress
        _store_failed(handler_input, "save", exc)
        return False
    if written is None:
        reason = refused[-1] if refused else "newer progress exists"
        log.info("not saving story progress for user %s: %s", _user_hint(handler_input), reason)
        return False
    handler_input.attributes_manager.persistent_attributes = written  # this request's cached copy
    return True


def resume_offer(handler_input: HandlerInput) -> str | None:
    """The launch greeting for a listener with an unfinished story, or None.

    Loads the saved position into the session so a following "yes" resumes there; the launch
    handler sets ``pending`` to :attr:`state.Pending.RESUME_STORY`.
    """
    saved = load_saved(handler_input)
    if saved is None or saved.position.finished:
        return None
    chapter = load_chapters().chapter(saved.position.chapter)
    if chapter is None:
        return None
    state.set_session_position(handler_input, saved.position)
    return story_phrases.resume_offer(chapter)
