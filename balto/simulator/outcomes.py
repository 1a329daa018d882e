"""What a run of dialog scripts found, in either format (balto's YAML, Bespoken's bst suites).

Kept apart from both runners (:mod:`balto.simulator.dialogs`, :mod:`balto.simulator.bst`) so
neither imports the other's internals: the dialogs runner dispatches bst files to the bst runner,
and both report in these types.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from balto.simulator.session import Turn


class DialogFileError(ValueError):
    """A dialog file is malformed; the message names the file, dialog and turn."""


@dataclass
class TurnOutcome:
    """What happened on one scripted turn."""

    label: str
    summary: dict[str, Any]
    failures: list[str] = field(default_factory=list)
    explanation: str | None = None


@dataclass
class DialogOutcome:
    """The result of one dialog."""

    file: str
    name: str
    turns: list[TurnOutcome] = field(default_factory=list)
    skipped: bool = False

    @property
    def passed(self) -> bool:
        """True when no turn failed (a skipped dialog fails nothing)."""
        return all(not t.failures for t in self.turns)


@dataclass
class Report:
    """All dialogs of a run, renderable for a terminal."""

    dialogs: list[DialogOutcome] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """True when every dialog passed (and there was at least one)."""
        return bool(self.dialogs) and all(d.passed for d in self.dialogs)

    def render(self, verbose: bool = False) -> str:
        """PASS/FAIL per dialog, the failing turns in detail, a summary line."""
        lines: list[str] = []
        for dialog in self.dialogs:
            if dialog.skipped:
                lines.append(f"SKIP  {dialog.file}: {dialog.name}")
                continue
            lines.append(f"{'PASS' if dialog.passed else 'FAIL'}  {dialog.file}: {dialog.name} "
                         f"({len(dialog.turns)} turns)")
            for number, turn in enumerate(dialog.turns, 1):
                if not turn.failures and not verbose:
                    continue
                rec = turn.summary
                lines.append(f"      turn {number} {turn.label}: {rec.get('request_type')} "
                             f"{rec.get('intent') or ''} {rec.get('slots') or ''}".rstrip())
                lines.append(f"        Alexa: {rec.get('speech', '')}")
                for failure in turn.failures:
                    lines.append(f"        x {failure}")
                if turn.failures and turn.explanation:
                    lines.extend("        | " + line for line in turn.explanation.splitlines())
        failed = sum(not d.passed for d in self.dialogs)
        skipped = sum(d.skipped for d in self.dialogs)
        total_turns = sum(len(d.turns) for d in self.dialogs)
        lines.append(f"{len(self.dialogs) - failed - skipped} passed, {failed} failed"
                     + (f", {skipped} skipped" if skipped else "")
                     + f" ({len(self.dialogs)} dialogs, {total_turns} turns)")
        return "\n".join(lines)


def validate_turn(turn: Turn, locale: str) -> list[str]:
    """Alexa's limits on a turn's response (nothing to check for a SessionEndedRequest)."""
    if turn.request_type == "SessionEndedRequest":
        return []
    from balto.validation import validate_response

    return [f"invalid Alexa response: {p}" for p in validate_response(turn.response,
                                                                        locale=locale)]
