"""SQLite persistence adapter: the embedded default store for listener progress.

Why SQLite: local runs (the simulator's ``--db``, the web host) need progress that survives a
restart without an AWS account, and one file is easy to inspect and delete. It implements ask-sdk's
``AbstractPersistenceAdapter``, so handlers use the same ``attributes_manager`` calls as with the
DynamoDB adapter on AWS, plus :meth:`SQLitePersistenceAdapter.update_attributes`, a
read-decide-write in one transaction, so that concurrent requests for one listener cannot move
stored progress backwards (``skill.alexa.story_progress`` uses it).

Concurrency: the web host serves requests on threads. Each thread gets its own connection (sqlite3
connections must not be shared across threads without care), the database runs in WAL mode so
readers never block the writer, and this process's writers take turns on a lock of their own
(SQLite's busy handler polls with growing sleeps, which lets one of eight busy threads starve).
A short busy timeout (0.5 s) makes a file locked by another process wait rather than fail, while
a file held locked for long (an open ``sqlite3`` shell, a backup) costs a turn about a second at
most (0.5 s for the in-process lock, 0.5 s for SQLite's): the failure is a
:class:`PersistenceException` and story mode carries on from session attributes.

Faults: a database file deleted (or replaced) while the server runs is noticed before the next
statement, every connection to the old file is closed, and a new file is opened in its place;
errors say what is actually wrong (locked, not a database, damaged, read-only, disk full).

Where the file lives is decided by the configuration step (CLI / ``skill.config``); this class only
takes a path. Records are keyed by the Alexa user id exactly as the DynamoDB adapter keys them (the
same ask-sdk keygen, whose module does not import boto3).
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_dynamodb.partition_keygen import user_id_partition_keygen
from ask_sdk_model import RequestEnvelope

log = logging.getLogger(__name__)

#: At most 1 s: a story turn waits this long for a lock before carrying on from the session.
DEFAULT_TIMEOUT_SECONDS = 0.5

_SCHEMA = """
CREATE TABLE IF NOT EXISTS attributes (
    id TEXT PRIMARY KEY,
    attributes TEXT NOT NULL,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    version INTEGER NOT NULL DEFAULT 0
)
"""
_ADD_VERSION = "ALTER TABLE attributes ADD COLUMN version INTEGER NOT NULL DEFAULT 0"
_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
_UPSERT = f"""
INSERT INTO attributes (id, attributes, version) VALUES (?, ?, 1)
ON CONFLICT(id) DO UPDATE SET
    attributes = excluded.attributes,
    version = version + 1,
    updated_at = {_NOW}
"""
_UPDATE_IF_VERSION = f"""
UPDATE attributes SET attributes = ?, version = version + 1, updated_at = {_NOW}
WHERE id = ? AND version = ?
"""

#: What to tell the operator for each SQLite primary result code.
_ADVICE = {
    sqlite3.SQLITE_BUSY: "the database is locked by another connection or process (waited "
    "{timeout:g} s); story progress carries on from the session",
    sqlite3.SQLITE_LOCKED: "the database is locked (waited {timeout:g} s)",
    sqlite3.SQLITE_NOTADB: "the file is not a SQLite database. Move it aside (progress starts "
    "afresh) or pass another path (balto --db PATH / SERUM_RUN_DB)",
    sqlite3.SQLITE_CORRUPT: "the database file is damaged. Move it aside (progress starts afresh) "
    "or restore a backup, or pass another path (balto --db PATH / SERUM_RUN_DB)",
    sqlite3.SQLITE_CANTOPEN: "the file cannot be opened: check that its directory exists and is "
    "writable, or pass another path (balto --db PATH / SERUM_RUN_DB)",
    sqlite3.SQLITE_PERM: "permission denied: check the file's and its directory's permissions",
    sqlite3.SQLITE_READONLY: "the database is read-only: check the file's and its directory's "
    "permissions (SQLite also writes -wal and -shm files beside it)",
    sqlite3.SQLITE_FULL: "the disk is full",
    sqlite3.SQLITE_IOERR: "the operating system reported an I/O error",
}


def describe_sqlite_error(exc: sqlite3.Error, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> str:
    """SQLite's message plus what it means for the operator (by result code, not wording)."""
    code = getattr(exc, "sqlite_errorcode", None)
    advice = _ADVICE.get(code & 0xFF) if isinstance(code, int) else None
    return f"{exc} ({advice.format(timeout=timeout)})" if advice else str(exc)


class _Connection:
    """One thread's connection, with what it was opened on (to notice a deleted file)."""

    __slots__ = ("conn", "generation", "identity")

    def __init__(
        self, conn: sqlite3.Connection, identity: tuple[int, int] | None, generation: int
    ) -> None:
        self.conn = conn
        self.identity = identity
        self.generation = generation


def _identity(path: str) -> tuple[int, int] | None:
    """The file's (device, inode), or None when there is no file at ``path``."""
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    return (stat.st_dev, stat.st_ino)


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
        self._file = str(Path(self.path).expanduser()) if self.path != ":memory:" else None
        self._local = threading.local()
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        self._generation = 0
        if self._file is not None:
            try:
                Path(self._file).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise PersistenceException(
                    f"Cannot open the progress database {self.path!r}: cannot create its "
                    f"directory ({exc.strerror}). Pass another path (balto --db PATH / "
                    "SERUM_RUN_DB)."
                ) from exc
        # Create the schema eagerly so a bad path fails at start-up, not mid-conversation.
        self._connection()

    # -- connections -----------------------------------------------------------------------------
    def _connection(self) -> sqlite3.Connection:
        handle: _Connection | None = getattr(self._local, "handle", None)
        if handle is not None and handle.generation == self._generation:
            if self._file is None or _identity(self._file) == handle.identity:
                return handle.conn
            self._file_went_away(handle)
        return self._open()

    def _open(self) -> sqlite3.Connection:
        target = self._file if self._file is not None else ":memory:"
        try:
            conn = sqlite3.connect(
                target,
                timeout=self.timeout,
                isolation_level=None,  # autocommit; update_attributes opens its own transaction
                # Each connection is used only by the thread that made it (thread-local), but
                # close() may run on another thread (shutdown, a deleted file).
                check_same_thread=False,
            )
        except sqlite3.Error as exc:
            raise self._failure("open", exc) from exc
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
            if self._file is not None:
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(_SCHEMA)
            columns = {row[1] for row in conn.execute("PRAGMA table_info(attributes)")}
            if "version" not in columns:  # a file written before the column existed
                try:
                    conn.execute(_ADD_VERSION)
                except sqlite3.OperationalError as exc:
                    if "duplicate column" not in str(exc):  # another thread just added it
                        raise
        except sqlite3.Error as exc:
            conn.close()
            raise self._failure("open", exc) from exc
        identity = _identity(self._file) if self._file is not None else None
        with self._lock:
            self._connections.append(conn)
            self._local.handle = _Connection(conn, identity, self._generation)
        return conn

    def _file_went_away(self, stale: _Connection) -> None:
        """The file was deleted or replaced under us: close every connection to the old one.

        Old connections would otherwise keep writing to an unlinked file (progress silently
        lost), and the old file's write-ahead log, which SQLite leaves behind when its database
        has moved, would be replayed into the new file. So the log is first checkpointed into
        the old file and truncated, then every connection is closed. The first thread to notice
        does this; the others see the new generation and just open a connection.
        """
        with self._lock:
            if self._generation != stale.generation:
                return
            self._generation += 1
            connections, self._connections = self._connections, []
        log.warning(
            "progress database %s was deleted or replaced while in use; opening it afresh "
            "(progress saved since then is in the old file only)",
            self.path,
        )
        try:
            stale.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error as exc:
            log.warning("could not empty the old write-ahead log of %s: %s", self.path, exc)
        for conn in connections:
            try:
                conn.close()
            except sqlite3.Error:
                pass

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """This process's writers one at a time, waiting at most ``timeout`` for a turn."""
        if not self._write_lock.acquire(timeout=self.timeout):
            raise PersistenceException(
                f"Failed to save to the progress database {self.path!r}: other requests kept it "
                f"busy for {self.timeout:g} s; story progress carries on from the session"
            )
        try:
            yield
        finally:
            self._write_lock.release()

    def _failure(self, action: str, exc: sqlite3.Error) -> PersistenceException:
        verb = {"open": "Cannot open", "read": "Failed to read", "save": "Failed to save",
                "delete": "Failed to delete"}[action]
        return PersistenceException(
            f"{verb} the progress database {self.path!r}: "
            f"{describe_sqlite_error(exc, self.timeout)}"
        )

    # -- ask-sdk's adapter interface -------------------------------------------------------------
    def get_attributes(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        """The stored attributes for this user, or ``{}`` when there are none."""
        key = user_id_partition_keygen(request_envelope)
        try:
            row = (
                self._connection()
                .execute("SELECT attributes FROM attributes WHERE id = ?", (key,))
                .fetchone()
            )
        except sqlite3.Error as exc:
            raise self._failure("read", exc) from exc
        return {} if row is None else _decode(row[0])

    def save_attributes(
        self, request_envelope: RequestEnvelope, attributes: dict[str, Any]
    ) -> None:
        """Replace this user's attributes (an upsert, atomic on its own)."""
        key = user_id_partition_keygen(request_envelope)
        document = _encode(attributes)
        try:
            with self._writing():
                self._connection().execute(_UPSERT, (key, document))
        except sqlite3.Error as exc:
            raise self._failure("save", exc) from exc

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        """Forget this user's attributes (no error when there were none)."""
        key = user_id_partition_keygen(request_envelope)
        try:
            with self._writing():
                self._connection().execute("DELETE FROM attributes WHERE id = ?", (key,))
        except sqlite3.Error as exc:
            raise self._failure("delete", exc) from exc

    def update_attributes(
        self,
        request_envelope: RequestEnvelope,
        change: Callable[[dict[str, Any]], dict[str, Any] | None],
    ) -> dict[str, Any] | None:
        """Read, decide and write this user's attributes as one transaction.

        ``change`` gets the stored attributes (``{}`` for none) and returns what to store, or
        None to leave them as they are. The transaction takes the write lock before reading
        (``BEGIN IMMEDIATE``), so no other connection, thread or process can write in between;
        the UPDATE also names the version it read, as a second guard. Returns what was written,
        or None.
        """
        key = user_id_partition_keygen(request_envelope)
        try:
            with self._writing():
                conn = self._connection()
                conn.execute("BEGIN IMMEDIATE")
                try:
                    written = self._update_in_transaction(conn, key, change)
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT" if written is not None else "ROLLBACK")
        except sqlite3.Error as exc:
            raise self._failure("save", exc) from exc
        return written

    @staticmethod
    def _update_in_transaction(
        conn: sqlite3.Connection,
        key: str,
        change: Callable[[dict[str, Any]], dict[str, Any] | None],
    ) -> dict[str, Any] | None:
        row = conn.execute(
            "SELECT attributes, version FROM attributes WHERE id = ?", (key,)
        ).fetchone()
        updated = change({} if row is None else _decode(row[0]))
        if updated is None:
            return None
        document = _encode(updated)
        if row is None:
            conn.execute("INSERT INTO attributes (id, attributes, version) VALUES (?, ?, 1)",
                         (key, document))
        elif conn.execute(_UPDATE_IF_VERSION, (document, key, row[1])).rowcount != 1:
            raise sqlite3.OperationalError("the record changed during the transaction")
        return updated

    def close(self) -> None:
        """Close every connection this adapter opened (each thread's)."""
        with self._lock:
            connections, self._connections = self._connections, []
            self._generation += 1
        for conn in connections:
            conn.close()
        self._local = threading.local()


def _encode(attributes: dict[str, Any]) -> str:
    try:
        return json.dumps(attributes, sort_keys=True, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise PersistenceException(f"Attributes are not JSON-serialisable: {exc}") from exc


def _decode(document: str) -> dict[str, Any]:
    try:
        value = json.loads(document)
    except json.JSONDecodeError as exc:
        raise PersistenceException(f"Stored attributes for a user are not JSON: {exc}") from exc
    return value if isinstance(value, dict) else {}
