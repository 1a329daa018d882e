"""The APL documents and the answer hints, read from ``data/`` on first use.

The documents are JSON data files that ship with the skill, not dicts built in handlers, so a
designer can change the layout without touching code, and the APL authoring tool can open them
as they are. Each is read once per process, when the first device with a screen asks: a speaker
never loads them, and the Lambda cold start does not either.

PURE: standard library.
"""

from __future__ import annotations

import os
from functools import cache, lru_cache
from typing import Any

from skill.jsonfile import read_json

_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")

#: Document name -> file; also the token of the RenderDocument directive that shows it.
DOCUMENTS = {"story": "story.apl.json", "answer": "answer.apl.json"}
HINTS_FILE = os.path.join(_DATA, "hints.json")


class DocumentError(ValueError):
    """A packaged document or the hints file is missing or malformed."""


def document_path(name: str) -> str:
    """The file holding document ``name`` ("story" or "answer")."""
    return os.path.join(_DATA, DOCUMENTS[name])


@cache
def document(name: str) -> dict[str, Any]:
    """The APL document ``name``, parsed once (callers must not change it)."""
    data = read_json(document_path(name), DocumentError, "the APL document")
    if not isinstance(data, dict) or data.get("type") != "APL":
        raise DocumentError(f"{document_path(name)}: not an APL document")
    return data


@lru_cache(maxsize=1)
def hints() -> tuple[tuple[str, str], ...]:
    """(question, entity id) pairs the answer screen may suggest."""
    data = read_json(HINTS_FILE, DocumentError, "the hints file")
    try:
        return tuple((str(h["ask"]), str(h["about"])) for h in data["hints"])
    except (KeyError, TypeError) as exc:
        raise DocumentError(f"{HINTS_FILE}: each hint needs 'ask' and 'about'") from exc


def hint_for(entity: str | None, seed: str) -> str | None:
    """A question to suggest after an answer about ``entity``: one about something else,
    chosen by ``seed`` (the fact id) so the same answer always shows the same hint."""
    choices = [ask for ask, about in hints() if about != entity]
    if not choices:
        return None
    return choices[sum(map(ord, seed)) % len(choices)]
