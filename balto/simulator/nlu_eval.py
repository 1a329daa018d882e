"""NLU evaluation: annotated utterances -> intent and slot accuracy, confusions, misses.

The annotated file is YAML: a list under ``utterances``, each either a mapping
``{text: ..., intent: ..., slots: {name: value}}`` or a compact list
``[text, intent, {slots}]``.  An expected slot value matches the resolved canonical value,
its id, or the words said (case-insensitive); ``slots: {}`` asserts that no slot is filled.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from balto.nlu import NluEngine, Resolution


class EvalFileError(ValueError):
    """The annotated file is malformed; the message names the entry."""


@dataclass(frozen=True)
class Example:
    """One annotated utterance."""

    text: str
    intent: str
    slots: dict[str, str] | None  # None: slots not annotated


@dataclass
class Outcome:
    """An example with the engine's resolution."""

    example: Example
    resolution: Resolution

    @property
    def intent_ok(self) -> bool:
        """The predicted intent is the annotated one."""
        return self.resolution.intent == self.example.intent

    @property
    def slots_ok(self) -> bool:
        """Every annotated slot matches (and no other slot is filled)."""
        expected = self.example.slots or {}
        got = self.resolution.slots
        if set(got) != set(expected):
            return False
        for name, wanted in expected.items():
            slot = got[name]
            options = {slot.resolved.lower(), slot.value.lower(), (slot.resolved_id or "").lower()}
            if str(wanted).lower() not in options:
                return False
        return True


@dataclass
class EvalResult:
    """Aggregated metrics over a set."""

    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def intent_accuracy(self) -> float:
        """Share of utterances with the right intent."""
        if not self.outcomes:
            return 0.0
        return sum(o.intent_ok for o in self.outcomes) / len(self.outcomes)

    @property
    def slotted(self) -> list[Outcome]:
        """Outcomes whose slots are annotated and whose intent is right."""
        return [o for o in self.outcomes if o.example.slots is not None]

    @property
    def slot_accuracy(self) -> float:
        """Share of slot-annotated utterances with the right intent and exactly the right slots."""
        rows = self.slotted
        return sum(o.intent_ok and o.slots_ok for o in rows) / len(rows) if rows else 0.0

    def confusions(self) -> Counter[tuple[str, str]]:
        """(expected, predicted) -> count, for wrong intents only."""
        return Counter((o.example.intent, o.resolution.intent)
                       for o in self.outcomes if not o.intent_ok)

    def confusion_table(self) -> list[str]:
        """A matrix (rows expected, columns predicted) over the intents involved in errors.

        Columns are numbered to keep the table narrow; the legend maps numbers to intents.
        """
        involved = sorted({name for pair in self.confusions() for name in pair})
        counts = Counter((o.example.intent, o.resolution.intent) for o in self.outcomes)
        width = max(len(name) for name in involved)
        header = " " * (width + 3) + "".join(f"{n:>5}" for n in range(1, len(involved) + 1))
        rows = [f"{number:>2} {name:<{width}}" + "".join(
                    f"{counts[(name, other)] or '.':>5}" for other in involved)
                for number, name in enumerate(involved, 1)]
        return ["confusion table (rows: expected, columns: predicted)", header, *rows]

    def per_intent(self) -> dict[str, tuple[int, int, int]]:
        """intent -> (true positives, expected count, predicted count)."""
        expected = Counter(o.example.intent for o in self.outcomes)
        predicted = Counter(o.resolution.intent for o in self.outcomes)
        hits = Counter(o.example.intent for o in self.outcomes if o.intent_ok)
        return {name: (hits[name], expected[name], predicted[name])
                for name in sorted(set(expected) | set(predicted))}

    def parsers(self) -> Counter[str]:
        """How many utterances each parser stage decided."""
        return Counter(o.resolution.parser for o in self.outcomes)

    def summary(self) -> dict[str, Any]:
        """Machine-readable metrics."""
        return {
            "utterances": len(self.outcomes),
            "intent_accuracy": round(self.intent_accuracy, 4),
            "slot_accuracy": round(self.slot_accuracy, 4),
            "slot_annotated": len(self.slotted),
            "parsers": dict(sorted(self.parsers().items())),
            "confusions": [{"expected": e, "predicted": p, "count": n}
                           for (e, p), n in self.confusions().most_common()],
            "misses": [{"text": o.example.text, "expected": o.example.intent,
                        "predicted": o.resolution.intent, "slots": o.resolution.slot_values(),
                        "expected_slots": o.example.slots}
                       for o in self.outcomes if not (o.intent_ok and
                                                      (o.example.slots is None or o.slots_ok))],
        }

    def render(self) -> str:
        """A readable report: headline numbers, per-intent table, confusions, misses."""
        lines = [
            f"utterances:      {len(self.outcomes)}",
            f"intent accuracy: {self.intent_accuracy:.1%}",
            f"slot accuracy:   {self.slot_accuracy:.1%} "
            f"(of {len(self.slotted)} slot-annotated utterances)",
            "decided by:      " + ", ".join(f"{k} {v}" for k, v in sorted(self.parsers().items())),
            "",
            f"{'intent':34} {'recall':>8} {'precision':>10}",
        ]
        for name, (hits, expected, predicted) in self.per_intent().items():
            recall = f"{hits}/{expected}" if expected else "-"
            precision = f"{hits}/{predicted}" if predicted else "-"
            lines.append(f"{name:34} {recall:>8} {precision:>10}")
        confusions = self.confusions()
        if confusions:
            lines += ["", "confusions (expected -> predicted: count)"]
            lines += [f"  {e} -> {p}: {n}" for (e, p), n in confusions.most_common()]
            lines += ["", *self.confusion_table()]
        misses = self.summary()["misses"]
        if misses:
            lines += ["", "misses"]
            for miss in misses:
                lines.append(f"  {miss['text']!r}: expected {miss['expected']} "
                             f"{miss['expected_slots'] or ''}, got {miss['predicted']} "
                             f"{miss['slots'] or ''}".rstrip())
        return "\n".join(lines)


def _example(entry: Any, number: int, path: Path) -> Example:
    where = f"{path}: utterance #{number}"
    if isinstance(entry, list) and 2 <= len(entry) <= 3:
        entry = {"text": entry[0], "intent": entry[1],
                 **({"slots": entry[2]} if len(entry) == 3 else {})}
    if not isinstance(entry, dict) or not isinstance(entry.get("text"), str) or not isinstance(
            entry.get("intent"), str):
        raise EvalFileError(f"{where}: needs 'text' and 'intent' strings (or [text, intent, "
                            "{slots}])")
    slots = entry.get("slots")
    if slots is not None and not isinstance(slots, dict):
        raise EvalFileError(f"{where} ({entry['text']!r}): 'slots' must be a mapping")
    return Example(entry["text"], entry["intent"],
                   {str(k): str(v) for k, v in slots.items()} if slots is not None else None)


def load_examples(path: Path) -> list[Example]:
    """Read an annotated file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise EvalFileError(f"{path}: cannot read ({error.strerror})") from error
    except yaml.YAMLError as error:
        raise EvalFileError(f"{path}: not valid YAML ({error})") from error
    entries = data.get("utterances") if isinstance(data, dict) else data
    if not isinstance(entries, list) or not entries:
        raise EvalFileError(f"{path}: expected a non-empty list under 'utterances'")
    return [_example(entry, number, path) for number, entry in enumerate(entries, 1)]


def evaluate(engine: NluEngine, examples: list[Example]) -> EvalResult:
    """Resolve every example."""
    return EvalResult([Outcome(e, engine.resolve(e.text)) for e in examples])


def evaluate_file(path: Path, model: str | Path | None = None,
                  locale: str = "en-US") -> EvalResult:
    """Evaluate the engine of ``model`` (default: the locale's model) on an annotated file."""
    from balto.simulator.runtime import engine_for, model_path

    return evaluate(engine_for(model_path(locale, model)), load_examples(path))
