"""SQLite persistence adapter: the embedded default store for listener progress.

Why SQLite: local runs (the simulator's ``--db``, the web host) need progress that survives a
restart without an AWS account, and one file is easy to inspect and delete. It implements ask-sdk's
``AbstractPersistenceAdapter``, so handlers use the same ``attributes_manager`` calls as with the
DynamoDB adapter on AWS.

Concurrency: the web host serves requests on threads. Each thread gets its own connection (sqlite3
connections must not be shared across threads without care), the database runs in WAL mode so
readers never block the writer, and a busy timeout makes a briefly locked file wait rather than
fail. A file that stays locked past the timeout raises :class:`PersistenceException`; story mode
catches that and carries on from session attributes.

Where the file lives is decided by the configuration step (CLI / ``skill.config``); this class only
takes a path.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_model import RequestEnvelope

DEFAULT_TIMEOUT_SECONDS = 5.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS attributes (
    id TEXT PRIMARY KEY,
    attributes TEXT NOT NULL,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
)
"""
_UPSERT = """
INSERT INTO attributes (id, attributes) VALUES (?, ?)
ON CONFLICT(id) DO UPDATE SET
    attributes = excluded.attributes,
    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
"""


def user_id_key(request_envelope: RequestEnvelope) -> str:
    """The partition key: the Alexa user id, as the DynamoDB adapter's default keygen uses.

    Raises
    ------
    PersistenceException
        When the envelope carries no user id (a malformed request).
    """
    context = request_envelope.context
    system = context.system if context is not None else None
    user = system.user if system is not None else None
    user_id = user.user_id if user is not None else None
    if not isinstance(user_id, str) or not user_id:
        raise PersistenceException("Couldn't retrieve user id from request envelope")
    return user_id


class SQLitePersistenceAdapter(AbstractPersistenceAdapter):
    """Persistent attributes in one SQLite file, one JSON document per Alexa user id.

    Parameters
    ----------
    path:
        Database file (created with its parent directories). ``":memory:"`` is accepted for
        single-thread tests only, since each thread would get its own empty database.
    timeout:
        Seconds to wait for a lock held by another connection before giving up.
    """

    def __init__(self, path: str | Path, *, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> None:
        self.path = str(path)
        self.timeout = timeout
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        if self.path != ":memory:":
            try:
                Path(self.path).expanduser().parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise PersistenceException(
                    f"Cannot open the progress database {self.path!r}: cannot create its "
                    f"directory ({exc.strerror}). Pass another path (balto --db PATH / "
                    "SERUM_RUN_DB)."
                ) from exc
        # Create the schema eagerly so a bad path fails at start-up, not mid-conversation.
        self._connection()

    def _connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        try:
            conn = sqlite3.connect(
                str(Path(self.path).expanduser()) if self.path != ":memory:" else self.path,
                timeout=self.timeout,
                isolation_level=None,  # autocommit: each statement is its own transaction
                # Each connection is used only by the thread that made it (thread-local), but
                # close() may run on another thread at shutdown.
                check_same_thread=False,
            )
            conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
            if self.path != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(_SCHEMA)
        except sqlite3.Error as exc:
            raise PersistenceException(
                f"Cannot open the progress database {self.path!r}: {exc}. Check that the "
                "directory is writable, or pass another path (balto --db PATH / SERUM_RUN_DB)."
            ) from exc
        self._local.conn = conn
        with self._lock:
            self._connections.append(conn)
        return conn

    def get_attributes(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        """The stored attributes for this user, or ``{}`` when there are none."""
        key = user_id_key(request_envelope)
        try:
            row = (
                self._connection()
                .execute("SELECT attributes FROM attributes WHERE id = ?", (key,))
                .fetchone()
            )
        except sqlite3.Error as exc:
            raise PersistenceException(
                f"Failed to read attributes from {self.path}: {exc}"
            ) from exc
        if row is None:
            return {}
        try:
            value = json.loads(row[0])
        except json.JSONDecodeError as exc:
            raise PersistenceException(f"Stored attributes for a user are not JSON: {exc}") from exc
        return value if isinstance(value, dict) else {}

    def save_attributes(
        self, request_envelope: RequestEnvelope, attributes: dict[str, Any]
    ) -> None:
        """Replace this user's attributes (an upsert, atomic on its own)."""
        key = user_id_key(request_envelope)
        try:
            document = json.dumps(attributes, sort_keys=True)
        except (TypeError, ValueError) as exc:
            raise PersistenceException(f"Attributes are not JSON-serialisable: {exc}") from exc
        try:
            self._connection().execute(_UPSERT, (key, document))
        except sqlite3.Error as exc:
            raise PersistenceException(f"Failed to save attributes to {self.path}: {exc}") from exc

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        """Forget this user's attributes (no error when there were none)."""
        key = user_id_key(request_envelope)
        try:
            self._connection().execute("DELETE FROM attributes WHERE id = ?", (key,))
        except sqlite3.Error as exc:
            raise PersistenceException(
                f"Failed to delete attributes from {self.path}: {exc}"
            ) from exc

    def close(self) -> None:
        """Close every connection this adapter opened (each thread's)."""
        with self._lock:
            connections, self._connections = self._connections, []
        for conn in connections:
            conn.close()
        self._local = threading.local()
