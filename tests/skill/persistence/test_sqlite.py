"""The SQLite persistence adapter: ask-sdk's interface, per-user records, locks, threads."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope

from skill.persistence.sqlite import SQLitePersistenceAdapter
from tests.support import envelopes as env

SERIALIZER = DefaultSerializer()


def request_for(user_id: str) -> RequestEnvelope:
    event = env.intent("StoryIntent", user_id=user_id)
    return SERIALIZER.deserialize(json.dumps(event), RequestEnvelope)  # type: ignore[no-any-return]


ALICE = request_for("amzn1.ask.account.ALICE")
BOB = request_for("amzn1.ask.account.BOB")


def test_is_an_ask_sdk_persistence_adapter(adapter: SQLitePersistenceAdapter) -> None:
    assert isinstance(adapter, AbstractPersistenceAdapter)


def test_unknown_user_gets_empty_attributes(adapter: SQLitePersistenceAdapter) -> None:
    assert adapter.get_attributes(ALICE) == {}


def test_save_then_load_round_trip(adapter: SQLitePersistenceAdapter) -> None:
    record = {"story": {"chapter": 4, "finished": False, "last_listened": "2025-01-01T00:00:00Z"}}
    adapter.save_attributes(ALICE, record)
    assert adapter.get_attributes(ALICE) == record
    record["story"]["chapter"] = 5
    adapter.save_attributes(ALICE, record)
    assert adapter.get_attributes(ALICE)["story"]["chapter"] == 5


def test_two_users_are_kept_apart(adapter: SQLitePersistenceAdapter) -> None:
    adapter.save_attributes(ALICE, {"story": {"chapter": 2}})
    adapter.save_attributes(BOB, {"story": {"chapter": 9}})
    assert adapter.get_attributes(ALICE) == {"story": {"chapter": 2}}
    assert adapter.get_attributes(BOB) == {"story": {"chapter": 9}}
    adapter.delete_attributes(ALICE)
    assert adapter.get_attributes(ALICE) == {}
    assert adapter.get_attributes(BOB) == {"story": {"chapter": 9}}
    adapter.delete_attributes(ALICE)  # deleting nothing is fine


def test_survives_a_new_adapter_on_the_same_file(db_path: Path) -> None:
    first = SQLitePersistenceAdapter(db_path)
    first.save_attributes(ALICE, {"story": {"chapter": 7}})
    first.close()
    second = SQLitePersistenceAdapter(db_path)
    try:
        assert second.get_attributes(ALICE) == {"story": {"chapter": 7}}
    finally:
        second.close()


def test_wal_mode_and_busy_timeout(db_path: Path) -> None:
    store = SQLitePersistenceAdapter(db_path, timeout=2.5)
    try:
        conn = store._connection()
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 2500
    finally:
        store.close()


def test_creates_missing_parent_directories(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "progress.sqlite3"
    store = SQLitePersistenceAdapter(path)
    try:
        store.save_attributes(ALICE, {"x": 1})
        assert path.exists()
    finally:
        store.close()


def test_unusable_path_fails_at_construction_with_advice(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    with pytest.raises(PersistenceException, match="Cannot open the progress database.*--db"):
        SQLitePersistenceAdapter(blocker / "progress.sqlite3")


def test_locked_database_raises_persistence_exception(
    adapter: SQLitePersistenceAdapter, db_path: Path
) -> None:
    adapter.save_attributes(ALICE, {"story": {"chapter": 1}})
    holder = sqlite3.connect(db_path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(PersistenceException, match="database is locked"):
            adapter.save_attributes(ALICE, {"story": {"chapter": 2}})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    adapter.save_attributes(ALICE, {"story": {"chapter": 3}})  # recovers once released
    assert adapter.get_attributes(ALICE) == {"story": {"chapter": 3}}


def test_corrupt_record_is_a_persistence_exception(
    adapter: SQLitePersistenceAdapter, db_path: Path
) -> None:
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute(
        "INSERT INTO attributes (id, attributes) VALUES (?, ?)", ("amzn1.ask.account.ALICE", "{x")
    )
    conn.close()
    with pytest.raises(PersistenceException, match="not JSON"):
        adapter.get_attributes(ALICE)


def test_unserialisable_attributes_are_refused(adapter: SQLitePersistenceAdapter) -> None:
    with pytest.raises(PersistenceException, match="not JSON-serialisable"):
        adapter.save_attributes(ALICE, {"when": object()})


def test_envelope_without_user_id_is_refused(adapter: SQLitePersistenceAdapter) -> None:
    event: dict[str, Any] = env.intent("StoryIntent")
    del event["context"]["System"]["user"]
    envelope = SERIALIZER.deserialize(json.dumps(event), RequestEnvelope)
    with pytest.raises(PersistenceException, match="user id"):
        adapter.get_attributes(envelope)


def test_threads_each_get_a_connection_and_all_writes_land(db_path: Path) -> None:
    """Concurrent writers wait for each other within the busy timeout instead of failing."""
    adapter = SQLitePersistenceAdapter(db_path)  # default timeout: writers queue, never fail
    errors: list[BaseException] = []
    users = [request_for(f"amzn1.ask.account.T{i}") for i in range(8)]

    def work(index: int) -> None:
        try:
            for chapter in range(1, 6):
                adapter.save_attributes(users[index], {"story": {"chapter": chapter}})
                assert adapter.get_attributes(users[index])["story"]["chapter"] == chapter
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(users))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert all(adapter.get_attributes(u) == {"story": {"chapter": 5}} for u in users)
    assert len(adapter._connections) == len(users) + 1  # one per worker + the constructing thread
    adapter.close()
    assert adapter._connections == []
