"""``balto model check``: lint an interaction model against ASK's build rules, offline.

Besides the rules the ASK build enforces (invocation name, sample characters, declared slot
references, SearchQuery carrier phrases, duplicates), it does what Amazon's deprecated
utterance-conflict tool did: the same utterance claimed by two intents, and samples that the
simulator's matcher resolves to another intent.  Each finding names file, intent and sample.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from balto.nlu import InteractionModel, ModelError, NluEngine, load_model
from balto.nlu.compiled import NUMBER_TYPES, ORDINAL_TYPES, SEARCH_QUERY
from balto.nlu.exact import exact_candidates
from balto.nlu.language_model import BUILTIN_INTENT_PHRASES, SLOT_REF, Intent
from skill.text.normalise import normalise

#: ASK: invocation names may not contain these words.
FORBIDDEN_INVOCATION_WORDS = frozenset({
    "alexa", "amazon", "echo", "computer", "skill", "app", "launch", "ask", "tell", "load",
    "begin", "enable", "open", "start", "to", "from", "by", "if", "and", "whether",
})
INVOCATION_CHARS = re.compile(r"^[a-z][a-z .']*$")
SAMPLE_CHARS = re.compile(r"^[\w .'{}-]+$", re.UNICODE)
SLOT_NAME = re.compile(r"^[A-Za-z][A-Za-z_]*$")
MAX_SAMPLE_CHARS = 200
MAX_INVOCATION_CHARS = 50
#: Fills search-query slots when probing for conflicts: words no slot type knows.
NEUTRAL_QUERY = "the price of tea in china"


@dataclass(frozen=True)
class Finding:
    """One problem: severity, where, what."""

    level: str  # "error" | "warning"
    file: str
    message: str
    intent: str | None = None
    sample: str | None = None

    def render(self) -> str:
        """file: level: intent 'X': sample 'y': message."""
        where = "".join([f" intent {self.intent!r}:" if self.intent else "",
                         f" sample {self.sample!r}:" if self.sample is not None else ""])
        return f"{self.file}: {self.level}:{where} {self.message}"


def check_invocation(model: InteractionModel, file: str) -> list[Finding]:
    """ASK's invocation-name rules."""
    raw = str(model.raw["interactionModel"]["languageModel"]["invocationName"])
    found: list[Finding] = []

    def error(message: str) -> None:
        found.append(Finding("error", file, f"invocation name {raw!r}: {message}"))

    if raw != raw.lower():
        error("must be lower case")
    if not INVOCATION_CHARS.match(raw.strip().lower()):
        error("may contain only letters, spaces, apostrophes and periods (spell out numbers)")
    words = normalise(raw).split()
    if len(words) < 2:
        found.append(Finding("warning", file, f"invocation name {raw!r}: one-word names are "
                             "allowed only for brand or intellectual-property names"))
    bad = sorted(set(words) & FORBIDDEN_INVOCATION_WORDS)
    if bad:
        error(f"must not contain {', '.join(repr(w) for w in bad)} (wake words, launch "
              "phrases, connecting words, 'skill' or 'app')")
    if len(raw) > MAX_INVOCATION_CHARS:
        error(f"longer than {MAX_INVOCATION_CHARS} characters")
    return found


def _sample_findings(intent: Intent, sample: str, file: str) -> list[Finding]:
    found: list[Finding] = []

    def add(level: str, message: str) -> None:
        found.append(Finding(level, file, message, intent.name, sample))

    if not sample.strip():
        add("error", "empty sample utterance")
        return found
    if not SAMPLE_CHARS.match(sample):
        add("error", "only letters, spaces, apostrophes, periods (for abbreviations), "
                     "hyphens and {slot} references are allowed")
    if re.search(r"\d", SLOT_REF.sub("", sample)):
        add("error", "numbers must be spelled out ('twenty five', not '25')")
    if len(sample) > MAX_SAMPLE_CHARS:
        add("error", f"longer than {MAX_SAMPLE_CHARS} characters")
    if re.search(r"\}\s*\{|\}\{", sample):
        add("error", "two slots side by side need words between them")
    refs = SLOT_REF.findall(sample)
    types = {ref: slot.type for ref in refs if (slot := intent.slot(ref)) is not None}
    if any(t == SEARCH_QUERY for t in types.values()):
        if not SLOT_REF.sub("", sample).strip():
            add("error", "an AMAZON.SearchQuery slot cannot be the whole sample; add a carrier "
                         "phrase ('who was {query}')")
        if len(refs) > 1:
            add("error", "a sample with an AMAZON.SearchQuery slot cannot contain other slots")
    if len(refs) != len(set(refs)):
        add("error", "the same slot is referenced twice")
    return found


def check_intents(model: InteractionModel, file: str) -> list[Finding]:
    """Per-intent rules: samples, slots, duplicates."""
    found: list[Finding] = []
    for intent in model.intents:
        if not intent.builtin and not intent.samples:
            found.append(Finding("error", file, "a custom intent needs sample utterances",
                                 intent.name))
        referenced = {ref for sample in intent.samples for ref in SLOT_REF.findall(sample)}
        for slot in intent.slots:
            if not SLOT_NAME.match(slot.name):
                found.append(Finding("error", file, f"slot name {slot.name!r} may contain only "
                                     "letters and underscores", intent.name))
            if slot.name not in referenced:
                found.append(Finding("warning", file, f"slot {slot.name!r} is used by no sample",
                                     intent.name))
        seen: dict[str, str] = {}
        for sample in intent.samples:
            found += _sample_findings(intent, sample, file)
            key = normalise(sample.replace("{", " {").replace("}", "} "))
            if key in seen:
                found.append(Finding("error", file, f"duplicate of {seen[key]!r}", intent.name,
                                     sample))
            seen.setdefault(key, sample)
    return found


def check_types(model: InteractionModel, file: str) -> list[Finding]:
    """Custom slot types: used, non-empty, no value claimed twice."""
    found: list[Finding] = []
    used = {slot.type for intent in model.intents for slot in intent.slots}
    for name, slot_type in model.types.items():
        if name not in used:
            found.append(Finding("warning", file, f"slot type {name!r} is used by no slot"))
        if not slot_type.values:
            found.append(Finding("error", file, f"slot type {name!r} has no values"))
        owners: dict[str, str] = {}
        for value in slot_type.values:
            for phrase in (value.name, *value.synonyms):
                key = normalise(phrase)
                if key in owners and owners[key] != value.name:
                    found.append(Finding("warning", file, f"slot type {name!r}: {phrase!r} is "
                                         f"claimed by values {owners[key]!r} and {value.name!r}"))
                owners.setdefault(key, value.name)
    return found


def _instantiate(model: InteractionModel, intent: Intent, sample: str) -> str:
    """A concrete utterance for a sample: each slot filled with a typical value."""
    def fill(match: re.Match[str]) -> str:
        slot = intent.slot(match.group(1))
        if slot is None or slot.type == SEARCH_QUERY:
            return NEUTRAL_QUERY
        if slot.type in NUMBER_TYPES:
            return "three"
        if slot.type in ORDINAL_TYPES:
            return "third"
        values = model.slot_type(slot.type).values
        return values[0].name if values else "the serum run"
    return SLOT_REF.sub(fill, sample)


def _resolution_findings(engine: NluEngine, model: InteractionModel, intent: Intent,
                         sample: str, file: str) -> list[Finding]:
    """Does the sample, filled in, reach its own intent through the exact parser?"""
    utterance = _instantiate(model, intent, sample)
    candidates = exact_candidates(engine.compiled, normalise(utterance))
    if not candidates:
        return []
    top = candidates[0]
    if top.intent != intent.name:
        return [Finding("warning", file, f"{utterance!r} resolves to {top.intent} (via "
                        f"{top.sample!r}, score {top.score:.2f})", intent.name, sample)]
    rivals = [c for c in candidates[1:] if c.score == top.score and c.literals == top.literals]
    if rivals:
        return [Finding("warning", file, f"{utterance!r} is ambiguous: {rivals[0].intent} "
                        f"matches as well (via {rivals[0].sample!r})", intent.name, sample)]
    return []


def check_conflicts(model: InteractionModel, file: str) -> list[Finding]:
    """Utterance conflicts: shared samples and samples the matcher gives to another intent."""
    engine = NluEngine(model)
    found = [Finding("error", file, f"sample {signature!r} is claimed by "
                     f"{' and '.join(intents)}; the simulator ignores it")
             for signature, intents in engine.compiled.dropped]
    declared = {i.name for i in model.intents}
    for intent in model.intents:
        if intent.builtin:
            continue
        for sample in intent.samples:
            phrase = normalise(sample)
            for builtin, phrases in BUILTIN_INTENT_PHRASES.items():
                if builtin in declared and phrase in phrases:
                    found.append(Finding("error", file, f"conflicts with the built-in "
                                         f"{builtin} phrase {phrase!r}", intent.name, sample))
            found += _resolution_findings(engine, model, intent, sample, file)
    return found


def check_model_file(path: Path) -> list[Finding]:
    """Every finding for one model file (a model that cannot load is one error)."""
    file = str(path)
    try:
        model = load_model(path)
    except ModelError as error:
        return [Finding("error", file, str(error).removeprefix(f"{file}: "))]
    return (check_invocation(model, file) + check_intents(model, file) + check_types(model, file)
            + check_conflicts(model, file))


def check_files(paths: list[Path]) -> list[Finding]:
    """Findings for several files, in order."""
    return [finding for path in paths for finding in check_model_file(path)]
