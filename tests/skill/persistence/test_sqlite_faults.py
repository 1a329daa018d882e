"""SQLite faults: a deleted file, a store locked by someone else, a file that is not a database."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from ask_sdk_core.exceptions import PersistenceException

from skill.alexa.skill_factory import build_skill, make_handler
from skill.persistence import sqlite as sqlite_persistence
from skill.persistence.sqlite import SQLitePersistenceAdapter
from tests.skill.persistence.test_sqlite import ALICE, BOB
from tests.support.alexa_limits import assert_alexa_valid
from tests.support.progress_race import next_turn


def stored_in_file(path: Path) -> dict[str, str]:
    """What a fresh, independent connection finds in the file at ``path``."""
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT id, attributes FROM attributes").fetchall())


# -- a deleted database file ---------------------------------------------------------------------
def test_a_deleted_file_is_noticed_and_a_new_one_opened(
    db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Before: old connections kept writing to the unlinked file, so progress vanished."""
    adapter = SQLitePersistenceAdapter(db_path)
    other_thread_ready = threading.Event()
    go_on = threading.Event()
    errors: list[BaseException] = []

    def other_thread() -> None:  # holds its own connection from before the deletion
        try:
            adapter.save_attributes(BOB, {"story": {"chapter": 1}})
            other_thread_ready.set()
            go_on.wait(timeout=10)
            adapter.save_attributes(BOB, {"story": {"chapter": 2}})
        except BaseException as exc:  # noqa: BLE001 - asserted below
            errors.append(exc)

    try:
        adapter.save_attributes(ALICE, {"story": {"chapter": 3}})
        thread = threading.Thread(target=other_thread)
        thread.start()
        assert other_thread_ready.wait(timeout=10)
        os.unlink(db_path)
        with caplog.at_level(logging.WARNING, logger="skill.persistence.sqlite"):
            adapter.save_attributes(ALICE, {"story": {"chapter": 4}})
            go_on.set()
            thread.join(timeout=10)
        assert errors == []
        assert db_path.exists()
        on_disk = stored_in_file(db_path)
        assert set(on_disk) == {"amzn1.ask.account.ALICE", "amzn1.ask.account.BOB"}
        assert '"chapter": 4' in on_disk["amzn1.ask.account.ALICE"]
        assert '"chapter": 2' in on_disk["amzn1.ask.account.BOB"]
        assert adapter.get_attributes(ALICE) == {"story": {"chapter": 4}}
        assert len([r for r in caplog.records if "deleted or replaced" in r.message]) == 1
    finally:
        adapter.close()


def test_a_replaced_file_is_noticed_too(db_path: Path, tmp_path: Path) -> None:
    adapter = SQLitePersistenceAdapter(db_path)
    try:
        adapter.save_attributes(ALICE, {"story": {"chapter": 3}})
        backup = SQLitePersistenceAdapter(tmp_path / "backup.sqlite3")
        backup.save_attributes(ALICE, {"story": {"chapter": 9}})
        backup.close()
        os.replace(tmp_path / "backup.sqlite3", db_path)
        assert adapter.get_attributes(ALICE) == {"story": {"chapter": 9}}
    finally:
        adapter.close()


# -- a store locked by another process -------------------------------------------------------------
def test_the_busy_timeout_is_at_most_a_second(db_path: Path) -> None:
    adapter = SQLitePersistenceAdapter(db_path)
    try:
        assert sqlite_persistence.DEFAULT_TIMEOUT_SECONDS <= 1.0
        busy = adapter._connection().execute("PRAGMA busy_timeout").fetchone()[0]
        assert 0 < busy <= 1000
    finally:
        adapter.close()


def test_a_locked_store_costs_a_turn_well_under_a_second_and_the_story_goes_on(
    db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Before: every story turn waited the full 5 s, and eight of them blocked every worker."""
    adapter = SQLitePersistenceAdapter(db_path)
    handler = make_handler(build_skill(persistence=adapter))
    user = "amzn1.ask.account.LOCKED"
    holder = sqlite3.connect(db_path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        with caplog.at_level(logging.WARNING, logger="skill.alexa.story_progress"):
            started = time.monotonic()
            response = assert_alexa_valid(handler(next_turn(3, user), None))
            elapsed = time.monotonic() - started
        assert elapsed < 2.5  # the 5 s busy timeout it replaces
        assert "Chapter 4." in response["response"]["outputSpeech"]["ssml"]
        assert response["sessionAttributes"]["story"] == {"chapter": 4, "finished": False}
        assert "locked" in caplog.text
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    handler(next_turn(4, user), None)  # the lock is gone: the next turn is saved again
    assert adapter.get_attributes(next_envelope(user))["story"]["chapter"] == 5
    adapter.close()


def next_envelope(user: str):  # type: ignore[no-untyped-def]
    import json

    from ask_sdk_core.serialize import DefaultSerializer
    from ask_sdk_model import RequestEnvelope

    return DefaultSerializer().deserialize(json.dumps(next_turn(1, user)), RequestEnvelope)


# -- messages that say what is wrong -----------------------------------------------------------
def test_a_file_that_is_not_a_database_is_called_that(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    path.write_bytes(b"these are someone's notes, not a database\n" * 100)
    with pytest.raises(PersistenceException) as caught:
        SQLitePersistenceAdapter(path)
    message = str(caught.value)
    assert "not a SQLite database" in message and "Move it aside" in message
    assert "writable" not in message and "permission" not in message


def test_a_damaged_database_is_called_damaged(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    adapter = SQLitePersistenceAdapter(path)
    for index in range(100):
        adapter.save_attributes(ALICE, {"story": {"chapter": index, "pad": "x" * 2000}})
        adapter.save_attributes(BOB, {"n": index, "pad": "y" * 2000})
    adapter.close()
    with path.open("r+b") as handle:  # garble the pages after the schema page
        handle.seek(4096)
        handle.write(b"\xde\xad\xbe\xef" * 4096)
    with pytest.raises(PersistenceException) as caught:
        damaged = SQLitePersistenceAdapter(path)
        try:
            damaged.get_attributes(ALICE)
            damaged.get_attributes(BOB)
        finally:
            damaged.close()
    message = str(caught.value)
    assert "damaged" in message or "not a SQLite database" in message
    assert "writable" not in message


def test_a_directory_that_cannot_be_created_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    with pytest.raises(PersistenceException, match="cannot create its directory"):
        SQLitePersistenceAdapter(blocker / "progress.sqlite3")


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (sqlite3.SQLITE_BUSY, "locked by another connection or process"),
        (sqlite3.SQLITE_READONLY, "read-only"),
        (sqlite3.SQLITE_FULL, "disk is full"),
        (sqlite3.SQLITE_CANTOPEN, "directory exists and is writable"),
        (sqlite3.SQLITE_IOERR_SHORT_READ, "I/O error"),  # an extended code maps to its primary
    ],
)
def test_each_sqlite_failure_gets_its_own_advice(code: int, words: str) -> None:
    error = sqlite3.OperationalError("sqlite says so")
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    assert words in sqlite_persistence.describe_sqlite_error(error)
