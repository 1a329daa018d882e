"""Answer-quality evaluation: blind question sets run through the whole skill, as a speaker would.

Every question goes through the simulator NLU, the lambda-style handler and the speech module, in
a session of its own (conversations keep one session for all their turns), so the figure is what a
listener would hear, not what the ranker returns in isolation.

A set file is JSON, in one of two shapes:

- the current shape, written blind from the research brief::

    {"name": "...",
     "questions":     [{"q": "...", "expect": [["1933"], ["cleveland", "museum"]], "kind": "..."}],
     "unanswerable":  [{"q": "...", "why": "..."}],
     "off_topic":     [{"q": "..."}],
     "conversations": [{"turns": [{"q": "...", "expect": [[...]]}, ...]}]}

  ``expect`` is a list of groups of alternatives: the spoken answer (lower-cased) is right when
  every group has at least one alternative in it.
- the older flat list ``[{"q": ..., "expect": ["kw", ...]} | {"q": ..., "off_topic": true}]``,
  where every keyword must appear.

Each response is classed as an answer, an honest "no record" / "don't know", or a fallback
("didn't catch that"). An unanswerable question is right only when met with "no record"; an
off-topic request when not answered with a fact.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from balto.simulator.session import Conversation
from balto.simulator.transcript import summary
from skill.text.numbers import UNITS

#: How the skill's honest refusals begin (skill/speech/phrases.py): "no record" for a question it
#: understood but holds no fact for, "don't know" for one it could not place.
_NO_RECORD = re.compile(
    r"\b(i don't have (a|any) record|i don't know (that|the answer)|i don't have an answer|"
    r"no source (i know|records)|isn't recorded|nobody recorded|the sources don't say|"
    r"i don't know what|i'm not sure what you're asking)"
)
_FALLBACK = re.compile(r"\b(didn't catch that|i didn't understand)")

ANSWERED, NO_RECORD, FALLBACK = "answer", "no record", "fallback"


class EvalSetError(ValueError):
    """The set file is malformed; the message names the entry."""


@dataclass(frozen=True)
class Case:
    """One question and what a right response must contain (``None``: must be "no record")."""

    text: str
    expect: tuple[tuple[str, ...], ...] | None
    kind: str = ""
    section: str = "questions"


@dataclass
class Result:
    """A case with the response text and its class."""

    case: Case
    speech: str
    outcome: str
    followup: bool = False

    @property
    def right(self) -> bool:
        """Whether the response is what the case asks for."""
        if self.case.section == "off_topic":
            return self.outcome != ANSWERED
        if self.case.expect is None:
            return self.outcome == NO_RECORD
        spoken = self.speech.lower()
        return self.outcome == ANSWERED and all(
            _verdict_said(spoken, group) if _is_verdict(group)
            else any(_alternative_said(alt.lower(), spoken) for alt in group)
            for group in self.case.expect
        )


#: A small number a set writes in digits, as the skill says it ("4": "four").
_SMALL_NUMBER_WORDS = {str(n): w for w, n in UNITS.items() if w not in ("oh", "zero")}


def _alternative_said(alt: str, spoken: str) -> bool:
    """Whether the answer says the alternative. A number must be said as a number, not as
    part of a larger one ("25" is not in "1925", a year; "300" is in "300,000", a writer's
    shorthand for the figure), and a small one may be said as its word."""
    if not alt[:1].isdigit() and not alt[-1:].isdigit():
        return alt in spoken
    pattern = re.escape(alt)
    if alt[:1].isdigit():
        pattern = r"(?<![\d.,])" + pattern
    if alt[-1:].isdigit():
        pattern += r"(?!\d)"
    word = _SMALL_NUMBER_WORDS.get(alt)
    return re.search(pattern, spoken) is not None or (
        word is not None and re.search(rf"\b{word}\b", spoken) is not None)


#: Words a group may hold that ask for the answer's verdict, not a word anywhere in it.
_VERDICTS = frozenset({"yes", "no"})


def _is_verdict(group: Sequence[str]) -> bool:
    """A group of only "yes" or "no": the verdict the answer opens with. (As a substring,
    "no" is in "Nome" and "not", which would pass almost any answer.)"""
    return bool(group) and all(alt.strip().lower() in _VERDICTS for alt in group)


def _verdict_said(spoken: str, group: Sequence[str]) -> bool:
    """Whether the answer opens with one of the group's verdicts, as a word ("No.", "Yes,")."""
    return any(re.match(rf"{alt.strip().lower()}\b", spoken) for alt in group)


@dataclass
class Report:
    """All results of one set, with the figures the README and the issue notes quote."""

    name: str
    results: list[Result] = field(default_factory=list)

    def _share(self, chosen: Iterable[Result]) -> tuple[int, int]:
        picked = list(chosen)
        return sum(r.right for r in picked), len(picked)

    def figures(self) -> dict[str, tuple[int, int]]:
        """(right, total) per section; conversations split into first turns and follow-ups."""
        by = self.results
        return {
            "questions": self._share(r for r in by if r.case.section == "questions"),
            "unanswerable": self._share(r for r in by if r.case.section == "unanswerable"),
            "off_topic": self._share(r for r in by if r.case.section == "off_topic"),
            "conversation_openers": self._share(
                r for r in by if r.case.section == "conversations" and not r.followup),
            "followups": self._share(r for r in by if r.followup),
        }

    def by_kind(self) -> dict[str, tuple[int, int]]:
        """(right, total) per question kind, for the answerable questions."""
        kinds: dict[str, list[Result]] = {}
        for r in self.results:
            if r.case.section == "questions":
                kinds.setdefault(r.case.kind or "-", []).append(r)
        return {k: self._share(v) for k, v in sorted(kinds.items())}

    def misses(self) -> list[Result]:
        """Every result that is not right."""
        return [r for r in self.results if not r.right]

    def summary(self) -> dict[str, Any]:
        """The figures as plain data (``--json``)."""
        outcomes = Counter(
            (r.case.section, r.outcome) for r in self.results if not r.right)
        return {
            "name": self.name,
            "figures": {k: {"right": a, "total": b} for k, (a, b) in self.figures().items() if b},
            "by_kind": {k: {"right": a, "total": b} for k, (a, b) in self.by_kind().items()},
            "misses_by_outcome": {f"{s}/{o}": n for (s, o), n in sorted(outcomes.items())},
        }

    def render(self, show_misses: bool = False) -> str:
        """A readable report; with ``show_misses`` every miss with what was said."""
        lines = [f"{self.name}"]
        for section, (right, total) in self.figures().items():
            if total:
                lines.append(f"  {section:22} {right:4}/{total:<4} {right / total:6.1%}")
        kinds = self.by_kind()
        if len(kinds) > 1:
            lines.append("  by kind: " + ", ".join(
                f"{k} {a}/{b}" for k, (a, b) in kinds.items()))
        if show_misses:
            for r in self.misses():
                want = "no record" if r.case.expect is None else (
                    "redirect" if r.case.section == "off_topic"
                    else " & ".join("|".join(g) for g in r.case.expect))
                lines.append(f"- [{r.case.section}{'/followup' if r.followup else ''}] "
                             f"{r.case.text!r} (want {want}; got {r.outcome})")
                lines.append(f"    {r.speech[:300]}")
        return "\n".join(lines)


def classify(speech: str) -> str:
    """Answer, honest "no record", or fallback, from the spoken text."""
    lowered = speech.lower().replace("’", "'")
    if _FALLBACK.search(lowered):
        return FALLBACK
    if _NO_RECORD.search(lowered):
        return NO_RECORD
    return ANSWERED


def _groups(raw: Any, where: str) -> tuple[tuple[str, ...], ...]:
    if not isinstance(raw, list) or not raw:
        raise EvalSetError(f"{where}: 'expect' must be a non-empty list")
    groups = []
    for group in raw:
        options = [group] if isinstance(group, str) else group
        if not isinstance(options, list) or not options or not all(
                isinstance(o, str) and o.strip() for o in options):
            raise EvalSetError(f"{where}: each 'expect' group is a string or a list of strings")
        groups.append(tuple(options))
    return tuple(groups)


def _text(entry: Any, where: str) -> str:
    if not isinstance(entry, dict) or not isinstance(entry.get("q"), str) or not entry["q"].strip():
        raise EvalSetError(f"{where}: expected an object with a non-empty 'q'")
    return str(entry["q"])


def load_set(path: Path) -> tuple[str, list[Case], list[list[Case]]]:
    """(name, single-turn cases, conversations) from a set file, old or new shape."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise EvalSetError(f"{path}: {error}") from error
    if isinstance(raw, list):  # the older flat shape
        cases = []
        for i, entry in enumerate(raw):
            where = f"{path}: entry #{i}"
            text = _text(entry, where)
            if entry.get("off_topic"):
                cases.append(Case(text, None, section="off_topic"))
            else:
                cases.append(Case(text, _groups(entry.get("expect"), where)))
        return path.stem, cases, []
    if not isinstance(raw, dict):
        raise EvalSetError(f"{path}: expected a list or an object")
    cases = []
    for i, entry in enumerate(raw.get("questions", [])):
        where = f"{path}: questions #{i}"
        cases.append(Case(_text(entry, where), _groups(entry.get("expect"), where),
                          str(entry.get("kind", "")), "questions"))
    for i, entry in enumerate(raw.get("unanswerable", [])):
        cases.append(Case(_text(entry, f"{path}: unanswerable #{i}"), None,
                          section="unanswerable"))
    for i, entry in enumerate(raw.get("off_topic", [])):
        cases.append(Case(_text(entry, f"{path}: off_topic #{i}"), None, section="off_topic"))
    conversations = []
    for i, convo in enumerate(raw.get("conversations", [])):
        turns = convo.get("turns") if isinstance(convo, dict) else None
        if not isinstance(turns, list) or not turns:
            raise EvalSetError(f"{path}: conversations #{i}: expected non-empty 'turns'")
        conversations.append([
            Case(_text(t, f"{path}: conversations #{i} turn {j}"),
                 None if t.get("expect") is None
                 else _groups(t["expect"], f"{path}: conversations #{i} turn {j}"),
                 section="conversations")
            for j, t in enumerate(turns)
        ])
    return str(raw.get("name") or path.stem), cases, conversations


def _spoken(conversation: Conversation, text: str) -> str:
    return str(summary(conversation.say(text))["speech"])


def evaluate(name: str, cases: Sequence[Case], conversations: Sequence[Sequence[Case]],
             new_conversation: Callable[[], Conversation]) -> Report:
    """Ask every case in a fresh session, and every conversation in one session of its own."""
    report = Report(name)
    for case in cases:
        talk = new_conversation()
        speech = _spoken(talk, case.text)
        report.results.append(Result(case, speech, classify(speech)))
    for turns in conversations:
        talk = new_conversation()
        for index, case in enumerate(turns):
            speech = _spoken(talk, case.text)
            if case.expect is None:
                case = Case(case.text, None, section="unanswerable")
            report.results.append(Result(case, speech, classify(speech), followup=index > 0))
    return report


def evaluate_file(path: Path, new_conversation: Callable[[], Conversation]) -> Report:
    """Load a set file and evaluate it."""
    name, cases, conversations = load_set(path)
    return evaluate(name, cases, conversations, new_conversation)
