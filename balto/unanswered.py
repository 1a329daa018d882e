"""Summarise a Serum Run log: how requests went, and the questions the skill could not answer.

The deployed skill prints one CloudWatch embedded-metric-format line per countable request
(skill/alexa/metrics.py). This reads those lines back from whatever a log export looks like:

* the lines themselves, one JSON object per line;
* ``sam logs`` / ``aws logs tail`` output, where each line carries a timestamp and stream first;
* JSON exports: ``aws logs filter-log-events`` (``{"events": [{"message": ...}]}``), a JSON list of
  events, or JSON Lines whose ``message`` holds the metric line.

Everything else in the log (the skill's own log records, Lambda's START/END/REPORT lines) is
ignored. The summary names no user: metric lines carry no user, device or session ids, and any
``amzn1.`` id that might appear inside a question's words is masked before printing.

PURE: standard library only.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

OUTCOMES = ("Answered", "NoRecord", "Fallback")
_ID = re.compile(r"amzn1\.[\w.-]+")


@dataclass
class Summary:
    """Counts per outcome, per chapter, per locale, and the unanswered questions."""

    outcomes: Counter[str] = field(default_factory=Counter)
    chapters: Counter[int] = field(default_factory=Counter)
    locales: Counter[str] = field(default_factory=Counter)
    questions: Counter[str] = field(default_factory=Counter)
    intents: dict[str, Counter[str]] = field(default_factory=dict)

    @property
    def requests(self) -> int:
        """Requests with an answer outcome (chapters are counted apart)."""
        return sum(self.outcomes[name] for name in OUTCOMES)

    def add(self, document: dict[str, Any]) -> None:
        """Count one metric document."""
        if document.get("ChapterReached") and str(document.get("Chapter", "")).isdigit():
            self.chapters[int(document["Chapter"])] += 1
            return
        outcome = next((name for name in OUTCOMES if document.get(name)), None)
        if outcome is None:
            return
        self.outcomes[outcome] += 1
        if isinstance(document.get("locale"), str):
            self.locales[document["locale"]] += 1
        if outcome == "NoRecord":
            question = normalise(str(document.get("question") or ""))
            self.questions[question] += 1
            intent = str(document.get("intent") or "?")
            self.intents.setdefault(question, Counter())[intent] += 1

    def as_dict(self, top: int) -> dict[str, Any]:
        """The summary as plain data (for ``--json``)."""
        return {
            "requests": self.requests,
            "outcomes": {name: self.outcomes[name] for name in OUTCOMES},
            "locales": dict(sorted(self.locales.items())),
            "chapters_reached": {str(k): v for k, v in sorted(self.chapters.items())},
            "unanswered": [
                {"question": question or None, "count": count,
                 "intents": sorted(self.intents[question])}
                for question, count in self.questions.most_common(top)
            ],
            "unanswered_distinct": len(self.questions),
        }

    def render(self, top: int) -> str:
        """A report for a terminal."""
        total = self.requests
        if not total and not self.chapters:
            return ("No Serum Run metric lines found. Point this at the function's log "
                    "(sam logs, aws logs tail or filter-log-events output).")
        lines = [f"{total:,} requests with an outcome"
                 + (f" ({', '.join(f'{k} {v:,}' for k, v in sorted(self.locales.items()))})"
                    if self.locales else "")]
        labels = {"Answered": "answered", "NoRecord": "no record", "Fallback": "fallback"}
        for name in OUTCOMES:
            share = f"{100 * self.outcomes[name] / total:5.1f}%" if total else "   -"
            lines.append(f"  {labels[name]:<10} {self.outcomes[name]:>7,}  {share}")
        if self.chapters:
            reached = ", ".join(f"{k}: {v:,}" for k, v in sorted(self.chapters.items()))
            lines.append(f"story chapters reached: {reached}")
        if self.questions:
            lines.append("")
            lines.append(f"Questions without an answer ({sum(self.questions.values()):,}, "
                         f"{len(self.questions):,} different), most asked first:")
            for question, count in self.questions.most_common(top):
                intents = ", ".join(sorted(self.intents[question]))
                lines.append(f"  {count:>5,}  {question or '(no words: an empty slot)'}"
                             f"  [{intents}]")
            hidden = len(self.questions) - top
            if hidden > 0:
                lines.append(f"  ... and {hidden:,} more (--top {len(self.questions)} to see all)")
        return "\n".join(lines)


def normalise(question: str) -> str:
    """Lower case, single spaces, end punctuation dropped, ids masked: one entry per question."""
    question = _ID.sub("[id]", question)
    return " ".join(question.lower().split()).strip(" .?!")


def metric_documents(text: str) -> Iterator[dict[str, Any]]:
    """Every Serum Run metric document in a log export, whatever its shape."""
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            whole = json.loads(stripped)
        except ValueError:
            pass  # JSON Lines, or text with JSON in it: read line by line below
        else:
            yield from _from_value(whole)
            return
    for line in text.splitlines():
        start = line.find("{")
        if start == -1:
            continue
        try:
            value = json.loads(line[start:])
        except ValueError:
            continue
        yield from _from_value(value)


def _from_value(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        for item in value:
            yield from _from_value(item)
    elif isinstance(value, dict):
        if "_aws" in value:
            yield value
        elif isinstance(value.get("events"), list):
            yield from _from_value(value["events"])
        elif isinstance(value.get("message"), str) and "{" in value["message"]:
            yield from metric_documents(value["message"])
        elif isinstance(value.get("message"), dict):
            yield from _from_value(value["message"])


def summarise(texts: Iterable[str]) -> Summary:
    """Count what every log text says."""
    summary = Summary()
    for text in texts:
        for document in metric_documents(text):
            summary.add(document)
    return summary
