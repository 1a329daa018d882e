"""Parse an ASK interaction model file into plain dataclasses, failing loudly on bad input.

The simulator must not crash with a KeyError on an unusual model (an empty synonym list,
a value without an id): such things are legal or merely odd, and are accepted.  Things that
make the model unusable (no ``interactionModel``, a slot referenced but never declared, an
intent declared twice, a slot type that is neither custom nor built-in) raise
:class:`ModelError` naming the file, the intent and the problem.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from skill.jsonfile import read_json
from skill.text.normalise import normalise

SLOT_REF = re.compile(r"\{([^{}]*)\}")


class ModelError(ValueError):
    """The interaction model cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class SlotValue:
    """One value of a custom slot type: canonical name, optional id, synonyms."""

    name: str
    id: str | None
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class SlotType:
    """A custom slot type (open list, as on Alexa) or a built-in ``AMAZON.*`` type."""

    name: str
    values: tuple[SlotValue, ...] = ()
    builtin: bool = False


@dataclass(frozen=True)
class Slot:
    """A slot of an intent: its name and the name of its type."""

    name: str
    type: str


@dataclass(frozen=True)
class Intent:
    """An intent with its slots and sample utterances (as written in the model)."""

    name: str
    slots: tuple[Slot, ...] = ()
    samples: tuple[str, ...] = ()

    @property
    def builtin(self) -> bool:
        """True for ``AMAZON.*`` intents, which ship with standard phrases."""
        return self.name.startswith("AMAZON.")

    def slot(self, name: str) -> Slot | None:
        """The slot called ``name``, if the intent has one."""
        for slot in self.slots:
            if slot.name == name:
                return slot
        return None


@dataclass(frozen=True)
class InteractionModel:
    """A parsed language model for one locale."""

    invocation_name: str
    intents: tuple[Intent, ...]
    types: dict[str, SlotType] = field(default_factory=dict)
    source: str = "<memory>"
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def intent(self, name: str) -> Intent | None:
        """The intent called ``name``, if declared."""
        for intent in self.intents:
            if intent.name == name:
                return intent
        return None

    def slot_type(self, name: str) -> SlotType:
        """The custom or built-in type called ``name``."""
        if name in self.types:
            return self.types[name]
        return SlotType(name=name, builtin=True)


def _load_builtin_data() -> dict[str, Any]:
    text = resources.files("balto.nlu").joinpath("data/builtin_intents.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


_BUILTINS: dict[str, Any] = _load_builtin_data()

#: Standard phrases of the built-in intents (lower-case, as speech recognition gives them).
BUILTIN_INTENT_PHRASES: dict[str, tuple[str, ...]] = {
    name: tuple(phrases) for name, phrases in _BUILTINS["intents"].items()
}
#: Built-in slot types the simulator knows (open text unless handled specially).
KNOWN_BUILTIN_SLOT_TYPES: frozenset[str] = frozenset(_BUILTINS["slot_types"])


def _require(condition: bool, source: str, message: str) -> None:
    if not condition:
        raise ModelError(f"{source}: {message}")


def _as_list(value: Any, source: str, where: str) -> list[Any]:
    if value is None:
        return []
    _require(isinstance(value, list), source, f"{where} must be a list, got {type(value).__name__}")
    return list(value)


def _parse_type(raw: Any, source: str) -> SlotType:
    _require(isinstance(raw, dict), source, "each entry of languageModel.types must be an object")
    name = raw.get("name")
    _require(isinstance(name, str) and bool(name), source, "a slot type has no name")
    values: list[SlotValue] = []
    for index, entry in enumerate(_as_list(raw.get("values"), source, f"type {name!r} values")):
        where = f"type {name!r} value #{index + 1}"
        _require(isinstance(entry, dict), source, f"{where} must be an object")
        body = entry.get("name")
        _require(isinstance(body, dict), source, f"{where} has no 'name' object")
        value = body.get("value")
        _require(isinstance(value, str) and bool(value.strip()), source,
                 f"{where} has no 'value' string")
        synonyms = tuple(
            s for s in _as_list(body.get("synonyms"), source, f"{where} synonyms")
            if isinstance(s, str) and s.strip()
        )
        ident = entry.get("id")
        values.append(SlotValue(name=value, id=ident if isinstance(ident, str) and ident else None,
                                synonyms=synonyms))
    return SlotType(name=name, values=tuple(values))


def _parse_intent(raw: Any, source: str, types: dict[str, SlotType]) -> Intent:
    _require(isinstance(raw, dict), source, "each entry of languageModel.intents must be an object")
    name = raw.get("name")
    _require(isinstance(name, str) and bool(name), source, "an intent has no name")
    slots: list[Slot] = []
    for entry in _as_list(raw.get("slots"), source, f"intent {name!r} slots"):
        _require(isinstance(entry, dict) and isinstance(entry.get("name"), str)
                 and isinstance(entry.get("type"), str), source,
                 f"intent {name!r}: each slot needs a 'name' and a 'type'")
        slot_type = entry["type"]
        _require(slot_type in types or slot_type in KNOWN_BUILTIN_SLOT_TYPES, source,
                 f"intent {name!r}: slot {entry['name']!r} has type {slot_type!r}, which is "
                 "neither declared in languageModel.types nor a known AMAZON built-in type")
        _require(all(s.name != entry["name"] for s in slots), source,
                 f"intent {name!r}: slot {entry['name']!r} is declared twice")
        slots.append(Slot(name=entry["name"], type=slot_type))
    samples: list[str] = []
    for sample in _as_list(raw.get("samples"), source, f"intent {name!r} samples"):
        _require(isinstance(sample, str), source, f"intent {name!r}: samples must be strings")
        for ref in SLOT_REF.findall(sample):
            _require(any(s.name == ref for s in slots), source,
                     f"intent {name!r}: sample {sample!r} references slot {{{ref}}}, "
                     "which the intent does not declare")
        samples.append(sample)
    return Intent(name=name, slots=tuple(slots), samples=tuple(samples))


def parse_model(data: Any, source: str = "<memory>") -> InteractionModel:
    """Build an :class:`InteractionModel` from the decoded JSON of an ASK model file."""
    _require(isinstance(data, dict), source, "the model must be a JSON object")
    interaction = data.get("interactionModel")
    _require(isinstance(interaction, dict), source, "missing the top-level 'interactionModel' key")
    language = interaction.get("languageModel")
    _require(isinstance(language, dict), source, "missing 'interactionModel.languageModel'")
    invocation = language.get("invocationName")
    _require(isinstance(invocation, str) and bool(invocation.strip()), source,
             "missing 'languageModel.invocationName'")
    types: dict[str, SlotType] = {}
    for raw in _as_list(language.get("types"), source, "languageModel.types"):
        slot_type = _parse_type(raw, source)
        _require(slot_type.name not in types, source,
                 f"slot type {slot_type.name!r} is declared twice")
        types[slot_type.name] = slot_type
    raw_intents = _as_list(language.get("intents"), source, "languageModel.intents")
    _require(bool(raw_intents), source, "languageModel.intents is empty")
    intents: list[Intent] = []
    for raw in raw_intents:
        intent = _parse_intent(raw, source, types)
        _require(all(i.name != intent.name for i in intents), source,
                 f"intent {intent.name!r} is declared twice")
        intents.append(intent)
    return InteractionModel(invocation_name=normalise(invocation), intents=tuple(intents),
                            types=types, source=source, raw=data)


def load_model(path: str | Path) -> InteractionModel:
    """Read and parse a model file; any problem becomes a :class:`ModelError`."""
    data = read_json(path, ModelError, "the model file")
    return parse_model(data, source=str(path))
