"""What the matcher returns: an intent, its slots with entity resolution, and the evidence."""

from __future__ import annotations

from dataclasses import dataclass, field

ER_SUCCESS_MATCH = "ER_SUCCESS_MATCH"
ER_SUCCESS_NO_MATCH = "ER_SUCCESS_NO_MATCH"
FALLBACK_INTENT = "AMAZON.FallbackIntent"


@dataclass(frozen=True)
class SlotResult:
    """A filled slot as Alexa would report it.

    ``value`` is what the user said (digits for numbers, as Alexa sends them);
    ``status`` is the entity-resolution code for custom types (None for built-in types,
    which Alexa does not resolve); ``matches`` holds ``(canonical name, id)`` pairs.
    """

    name: str
    value: str
    slot_type: str
    status: str | None = None
    matches: tuple[tuple[str, str | None], ...] = ()

    @property
    def resolved(self) -> str:
        """The canonical value when resolution matched, otherwise the spoken value."""
        return self.matches[0][0] if self.matches else self.value

    @property
    def resolved_id(self) -> str | None:
        """The id of the first resolution match, if any."""
        return self.matches[0][1] if self.matches else None


@dataclass(frozen=True)
class Candidate:
    """One scored reading of the utterance, kept for ``--explain``."""

    intent: str
    score: float
    parser: str
    sample: str | None
    slots: dict[str, SlotResult] = field(default_factory=dict)
    detail: str = ""
    literals: int = 0


@dataclass(frozen=True)
class Resolution:
    """The matcher's decision for one utterance, with the runner-up readings."""

    utterance: str
    intent: str
    slots: dict[str, SlotResult]
    parser: str
    score: float
    sample: str | None
    reason: str
    alternatives: tuple[Candidate, ...] = ()

    def slot_values(self) -> dict[str, str]:
        """Slot name -> resolved value (canonical when matched), for reports."""
        return {name: slot.resolved for name, slot in self.slots.items()}

    def explain(self) -> str:
        """A human-readable account of why the utterance resolved this way."""
        lines = [
            f"utterance: {self.utterance!r}",
            f"intent:    {self.intent}  (parser: {self.parser}, score {self.score:.2f})",
            f"sample:    {self.sample!r}" if self.sample is not None else "sample:    none",
            f"why:       {self.reason}",
        ]
        for slot in self.slots.values():
            status = slot.status or "built-in type, not resolved"
            canon = f" -> {slot.resolved!r} (id {slot.resolved_id})" if slot.matches else ""
            lines.append(f"slot:      {slot.name} [{slot.slot_type}] = {slot.value!r}{canon}"
                         f" {status}")
        for alt in self.alternatives[:4]:
            lines.append(f"also:      {alt.intent} {alt.score:.2f} via {alt.parser} "
                         f"{alt.sample!r}{' ' + alt.detail if alt.detail else ''}")
        return "\n".join(lines)
