"""Stored progress never moves backwards when one listener's requests overlap (SQLite).

The DynamoDB version of the race runs against moto_server in tests/aws/test_progress_race.py.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope

from skill.alexa.skill_factory import build_skill, make_handler
from skill.persistence.sqlite import SQLitePersistenceAdapter
from tests.support import envelopes as env
from tests.support.progress_race import CHAPTERS, DEVICES, backward_moves, run_race

USER = "amzn1.ask.account.RACER"

#: Every committed write, in commit order, recorded by the database itself.
HISTORY = """
CREATE TABLE IF NOT EXISTS history (n INTEGER PRIMARY KEY AUTOINCREMENT, attributes TEXT);
CREATE TRIGGER IF NOT EXISTS history_insert AFTER INSERT ON attributes
BEGIN INSERT INTO history (attributes) VALUES (NEW.attributes); END;
CREATE TRIGGER IF NOT EXISTS history_update AFTER UPDATE ON attributes
BEGIN INSERT INTO history (attributes) VALUES (NEW.attributes); END;
"""


def history(path: Path) -> list[dict[str, Any]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT attributes FROM history ORDER BY n").fetchall()
    return [json.loads(row[0])["story"] for row in rows]


def test_eight_devices_never_move_stored_progress_backwards(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Through the Lambda entry; the check-then-write version of this made about 20 backward
    moves a run (for example 9 -> 2, 8 -> 3)."""
    path = tmp_path / "progress.sqlite3"
    adapter = SQLitePersistenceAdapter(path)
    with sqlite3.connect(path) as conn:
        conn.executescript(HISTORY)
    try:
        with caplog.at_level(logging.WARNING, logger="skill"):
            run_race(make_handler(build_skill(persistence=adapter)), USER, rounds=2)
    finally:
        adapter.close()
    assert caplog.records == []  # no turn failed to reach the store (no lock timeouts)
    writes = history(path)
    assert len(writes) >= CHAPTERS - 1  # the race really wrote, again and again
    assert backward_moves(writes) == []
    assert (writes[-1]["chapter"], writes[-1]["finished"]) == (CHAPTERS, True)


def test_update_attributes_is_one_transaction_across_threads(tmp_path: Path) -> None:
    """A read-modify-write counter: with a check-then-write store, increments are lost."""
    adapter = SQLitePersistenceAdapter(tmp_path / "counter.sqlite3")
    raw = env.launch(user_id=USER)
    envelope = DefaultSerializer().deserialize(json.dumps(raw), RequestEnvelope)

    def bump(current: dict[str, Any]) -> dict[str, Any]:
        return {**current, "n": current.get("n", 0) + 1}

    def worker() -> None:
        for _ in range(25):
            adapter.update_attributes(envelope, bump)

    threads = [threading.Thread(target=worker) for _ in range(DEVICES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert adapter.get_attributes(envelope) == {"n": DEVICES * 25}
        assert adapter.update_attributes(envelope, lambda current: None) is None
        assert adapter.get_attributes(envelope) == {"n": DEVICES * 25}
    finally:
        adapter.close()
