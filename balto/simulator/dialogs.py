"""YAML dialog scripts: conversations with assertions, runnable in CI (``balto test-dialogs``).

A file holds one dialog (a mapping with ``turns``), a list of them under ``dialogs``, or
several YAML documents.  Example::

    name: Ask about Togo, then stop
    turns:
      - launch: true                       # the default first turn; say launch: false to skip
        speech_contains: Serum Run
      - say: who was togo
        intent: AboutDogIntent
        slots: {dog: Togo}
        speech_contains: [Togo, Seppala]
      - say: stop
        end_session: true

Turn actions: ``say`` (an utterance, or "open serum run"), ``launch: true``, ``end: true``
(the user leaves: a SessionEndedRequest).  Expectations: ``request_type``, ``intent``,
``slots`` (subset, matched against the resolved value, its id or what was said),
``speech_contains`` / ``speech_not_contains`` (text or list, case-insensitive),
``speech_matches`` (regex), ``ssml_contains`` / ``ssml_not_contains`` (the markup itself: a sound
clip, a speaking style), ``reprompt_contains``, ``reprompt`` (null for none), ``card_contains``,
``end_session``, ``attributes`` (subset of the session attributes after the turn).
Every response is also checked against Alexa's limits with ``validate_response``.

Files in Bespoken's ``bst test`` format (a ``configuration:`` document, ``- test:`` lists) are
recognised and run by :mod:`balto.simulator.bst`; both kinds report the same way.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import yaml

from balto.simulator import transcript
from balto.simulator.outcomes import (
    DialogFileError,
    DialogOutcome,
    Report,
    TurnOutcome,
    validate_turn,
)
from balto.simulator.session import Conversation, Turn

ACTIONS = frozenset({"say", "launch", "end"})
EXPECTATIONS = frozenset({
    "request_type", "intent", "slots", "speech_contains", "speech_not_contains",
    "speech_matches", "ssml_contains", "ssml_not_contains", "reprompt_contains", "reprompt",
    "card_contains", "end_session", "attributes",
})
DIALOG_KEYS = frozenset({"name", "turns", "user", "locale", "launch", "description"})


# -- loading ------------------------------------------------------------------------------------
def load_dialogs(path: Path) -> list[dict[str, Any]]:
    """Read and structurally check every dialog in a file."""
    try:
        documents = [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8"))
                     if d is not None]
    except OSError as error:
        raise DialogFileError(f"{path}: cannot read ({error.strerror})") from error
    except yaml.YAMLError as error:
        raise DialogFileError(f"{path}: not valid YAML ({error})") from error
    dialogs: list[Any] = []
    for document in documents:
        if isinstance(document, dict) and "dialogs" in document:
            dialogs.extend(document["dialogs"] or [])
        elif isinstance(document, list):
            dialogs.extend(document)
        else:
            dialogs.append(document)
    if not dialogs:
        raise DialogFileError(f"{path}: no dialogs found")
    for number, dialog in enumerate(dialogs, 1):
        _check_dialog(path, number, dialog)
    return dialogs


def _check_dialog(path: Path, number: int, dialog: Any) -> None:
    where = f"{path}: dialog #{number}"
    if not isinstance(dialog, dict):
        raise DialogFileError(f"{where} must be a mapping with 'turns'")
    unknown = set(dialog) - DIALOG_KEYS
    if unknown:
        raise DialogFileError(f"{where}: unknown key(s) {sorted(unknown)}; "
                              f"allowed: {sorted(DIALOG_KEYS)}")
    turns = dialog.get("turns")
    if not isinstance(turns, list) or not turns:
        raise DialogFileError(f"{where} ({dialog.get('name', 'unnamed')}): 'turns' must be a "
                              "non-empty list")
    for index, turn in enumerate(turns, 1):
        twhere = f"{where} ({dialog.get('name', 'unnamed')}), turn {index}"
        if isinstance(turn, str):
            continue
        if not isinstance(turn, dict):
            raise DialogFileError(f"{twhere} must be a mapping or an utterance string")
        unknown = set(turn) - ACTIONS - EXPECTATIONS
        if unknown:
            raise DialogFileError(f"{twhere}: unknown key(s) {sorted(unknown)}; actions: "
                                  f"{sorted(ACTIONS)}, expectations: {sorted(EXPECTATIONS)}")
        actions = [a for a in ACTIONS if a in turn]
        if len(actions) != 1:
            raise DialogFileError(f"{twhere}: needs exactly one of {sorted(ACTIONS)}")
        if "speech_matches" in turn:
            try:
                re.compile(str(turn["speech_matches"]))
            except re.error as error:
                raise DialogFileError(f"{twhere}: bad speech_matches regex ({error})") from error


# -- checking -----------------------------------------------------------------------------------
def _as_list(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _slot_ok(turn: Turn, name: str, expected: Any) -> bool:
    if turn.resolution is None or name not in turn.resolution.slots:
        return expected is None
    slot = turn.resolution.slots[name]
    wanted = str(expected).lower()
    return wanted in {slot.resolved.lower(), slot.value.lower(), (slot.resolved_id or "").lower()}


def _text_checks(spec: dict[str, Any], rec: dict[str, Any]) -> list[str]:
    """speech/reprompt/card containment, table-driven: (key, haystack, negate, what)."""
    card = rec["card"] or {}
    haystacks = {
        "speech_contains": (rec["speech"], False, "speech"),
        "speech_not_contains": (rec["speech"], True, "speech"),
        "ssml_contains": (rec["ssml"] or "", False, "SSML"),
        "ssml_not_contains": (rec["ssml"] or "", True, "SSML"),
        "reprompt_contains": (rec["reprompt"] or "", False, "reprompt"),
        "card_contains": (f"{card.get('title', '')} {card.get('text', '')}", False, "card"),
    }
    failures: list[str] = []
    for key, (haystack, negate, what) in haystacks.items():
        for text in _as_list(spec[key]) if key in spec else []:
            if (text.lower() in haystack.lower()) == negate:
                verb = "contains" if negate else "does not contain"
                failures.append(f"{what} {verb} {text!r}")
    return failures


def check_turn(spec: dict[str, Any], turn: Turn, attributes: dict[str, Any]) -> list[str]:
    """The failed expectations of one turn (empty when it passed)."""
    rec = transcript.summary(turn)
    failures = [f"expected {key} {spec[key]!r}, got {rec[key]!r}"
                for key in ("request_type", "intent", "end_session")
                if key in spec and rec[key] != spec[key]]
    failures += [f"expected slot {name}={expected!r}, got {rec['slots'].get(name)!r}"
                 for name, expected in (spec.get("slots") or {}).items()
                 if not _slot_ok(turn, name, expected)]
    failures += _text_checks(spec, rec)
    if "speech_matches" in spec and not re.search(str(spec["speech_matches"]), rec["speech"],
                                                  re.IGNORECASE):
        failures.append(f"speech does not match /{spec['speech_matches']}/")
    if "reprompt" in spec and spec["reprompt"] is None and rec["reprompt"] is not None:
        failures.append(f"expected no reprompt, got {rec['reprompt']!r}")
    failures += [f"expected session attribute {key}={expected!r}, got {attributes.get(key)!r}"
                 for key, expected in (spec.get("attributes") or {}).items()
                 if attributes.get(key) != expected]
    return failures


def run_dialog(dialog: dict[str, Any], talk: Conversation, file: str) -> DialogOutcome:
    """Play one dialog through a fresh conversation."""
    outcome = DialogOutcome(file, str(dialog.get("name", "unnamed")))
    turns: list[Any] = list(dialog["turns"])
    first = turns[0]
    explicit_launch = isinstance(first, dict) and "launch" in first
    if dialog.get("launch", True) and not explicit_launch:
        turns.insert(0, {"launch": True})
    for spec in turns:
        spec = {"say": spec} if isinstance(spec, str) else spec
        if "say" in spec:
            label = repr(str(spec["say"]))
            turn: Turn | None = talk.say(str(spec["say"]))
        elif "end" in spec:
            label = "(user leaves)"
            turn = talk.end()
        else:
            label = "(launch)"
            turn = talk.launch()
        if turn is None:
            outcome.turns.append(TurnOutcome(label, {}, ["no session was open to end"]))
            continue
        failures = check_turn(spec, turn, talk.attributes) + validate_turn(turn, talk.locale)
        explanation = turn.resolution.explain() if turn.resolution else None
        outcome.turns.append(TurnOutcome(label, transcript.summary(turn), failures, explanation))
    return outcome


def run_files(paths: list[Path], model: str | Path | None = None) -> Report:
    """Run every dialog of every file, each in a fresh conversation with its own store."""
    from balto.simulator import bst
    from balto.simulator.runtime import conversation

    report = Report()
    for path in paths:
        if bst.is_bst(bst.load_documents(path)):
            report.dialogs.extend(bst.run_file(path, model=model))
            continue
        dialogs = load_dialogs(path)
        for dialog in dialogs:
            with tempfile.TemporaryDirectory(prefix="balto-dialog-") as tmp:
                talk = conversation(locale=str(dialog.get("locale", "en-US")), model=model,
                                    user=str(dialog.get("user", f"dialog:{dialog.get('name')}")),
                                    db=Path(tmp) / "progress.sqlite3")
                report.dialogs.append(run_dialog(dialog, talk, str(path)))
    return report
