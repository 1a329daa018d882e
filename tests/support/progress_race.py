"""Eight devices moving one listener through the story at once, through the Lambda entry.

Shared by the SQLite and the DynamoDB (moto_server) tests. Each device sends "next" turns in
story mode from its own session position, so every write it makes is a forward move for that
session; with a store that checks and writes in two steps, an older position can land after a
newer one (the probe saw 8 -> 7, 6 -> 2 and a finished 10 -> 9). How the stored record changed is
read from the store's own write history (an SQLite trigger, a DynamoDB stream), never from the
code under test.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from tests.support import envelopes as env
from tests.support.alexa_limits import assert_alexa_valid

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]

DEVICES = 8
CHAPTERS = 10


def next_turn(chapter: int, user_id: str) -> dict[str, Any]:
    """"Next" in story mode while this session is on ``chapter``, stamped now (microseconds)."""
    event = env.intent(
        "AMAZON.NextIntent",
        attributes={"mode": "story", "story": {"chapter": chapter, "finished": False}},
        user_id=user_id,
    )
    event["request"]["timestamp"] = datetime.now(UTC).isoformat().replace("+00:00", "Z")
    return event


def run_race(handler: Handler, user_id: str, *, rounds: int = 1) -> None:
    """``DEVICES`` threads, each walking chapters 1..CHAPTERS ``rounds`` times; raises on error."""
    start = threading.Barrier(DEVICES)
    errors: list[BaseException] = []

    def device() -> None:
        try:
            start.wait(timeout=30)
            for _ in range(rounds):
                for chapter in range(1, CHAPTERS + 1):
                    assert_alexa_valid(handler(next_turn(chapter, user_id), None))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=device) for _ in range(DEVICES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    if errors:
        raise errors[0]


def rank(story: dict[str, Any]) -> tuple[int, bool]:
    return (int(story["chapter"]), bool(story["finished"]))


def backward_moves(history: Sequence[dict[str, Any]]) -> list[tuple[tuple[int, bool], ...]]:
    """Each consecutive pair of stored positions where the second is behind the first."""
    ranks = [rank(story) for story in history]
    return [(a, b) for a, b in zip(ranks, ranks[1:], strict=False) if b < a]
