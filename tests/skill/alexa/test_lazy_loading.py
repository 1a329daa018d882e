"""What the skill reads from disk, and when.

A launch (most cold starts) must not parse the fact store, the ranking lexicon or the chapters:
they load on the first request that needs them. After that, serving never opens a file again.
"""

from __future__ import annotations

import sys
from typing import Any

from skill.alexa.skill_factory import build_skill, make_handler
from tests.support import envelopes as env


class _Opens:
    """Audit hook recording the paths opened while ``active`` (hooks cannot be removed)."""

    def __init__(self) -> None:
        self.active = False
        self.paths: list[str] = []

    def __call__(self, event: str, args: tuple[Any, ...]) -> None:
        if self.active and event == "open" and isinstance(args[0], str):
            self.paths.append(args[0])

    def during(self, call: Any) -> list[str]:
        self.paths = []
        self.active = True
        try:
            call()
        finally:
            self.active = False
        return self.paths


_OPENS = _Opens()
sys.addaudithook(_OPENS)


def test_launch_reads_no_data_and_warm_requests_open_nothing(alexa_valid: Any) -> None:
    built: list[Any] = []

    def build_and_launch() -> None:
        built.append(make_handler(build_skill()))
        alexa_valid(built[0](env.launch(), None))

    start_opens = _OPENS.during(build_and_launch)
    assert not [p for p in start_opens if p.endswith(".json")], start_opens
    handler = built[0]

    first = env.question("how far did togo run")
    alexa_valid(handler(first, None))  # loads what questions need (store, lexicon)

    def warm() -> None:
        for event in (
            env.launch(),
            env.question("who was balto"),
            env.question("where is balto now"),
            env.intent("AMAZON.HelpIntent"),
        ):
            response = alexa_valid(handler(event, None))
            assert response["response"]["outputSpeech"]["ssml"]

    assert _OPENS.during(warm) == []
