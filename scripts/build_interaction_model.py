"""Generate interaction_model/<locale>.json, for every English locale, from one shared template.

Why generated: the slot types (dogs, people, places, topics, chapters) must carry exactly the ids
and synonyms the fact store and the story use, or entity resolution hands the handlers ids they
don't know. The template (templates/en-US.json) holds the intents and sample utterances every
locale shares (hand-written); templates/locales.json lists each locale and its touches, the
samples people there say that the template lacks ("how many kilometres did togo run", "tell us
the story", "spin us a yarn"). This script fills the custom slot types from
skill/facts/data/entities.json and skill/story/data/chapters.json, merges the story's sample
utterances, then each locale's touches. A test fails if a committed model is out of date:

    python scripts/build_interaction_model.py          # rewrite every locale's model
    python scripts/build_interaction_model.py --check  # exit 1 if any would change
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "interaction_model" / "templates" / "en-US.json"
LOCALE_TOUCHES = ROOT / "interaction_model" / "templates" / "locales.json"
MODEL_DIR = ROOT / "interaction_model"
OUTPUT = MODEL_DIR / "en-US.json"
ENTITIES = ROOT / "skill" / "facts" / "data" / "entities.json"
CHAPTERS = ROOT / "skill" / "story" / "data" / "chapters.json"
STORY_UTTERANCES = ROOT / "skill" / "story" / "data" / "utterances.json"

#: Entity type -> slot types it belongs to (SUBJECT takes every entity).
TYPE_SLOTS = {
    "dog": ("DOG",),
    "person": ("PERSON",),
    "place": ("PLACE",),
    "event": ("TOPIC",),
    "topic": ("TOPIC",),
    "film": ("TOPIC",),
}

_NOT_ALLOWED = re.compile(r"[^a-z0-9' .]+")


def _spoken(text: str) -> str:
    """Lower-case text with only characters ASK accepts in slot values."""
    return " ".join(_NOT_ALLOWED.sub(" ", text.lower()).split())


def _value(value_id: str, name: str, synonyms: list[str]) -> dict[str, Any]:
    canonical = _spoken(name)
    seen = {canonical}
    clean: list[str] = []
    for synonym in synonyms:
        spoken = _spoken(synonym)
        if spoken and spoken not in seen:
            seen.add(spoken)
            clean.append(spoken)
    entry: dict[str, Any] = {"id": value_id, "name": {"value": canonical}}
    if clean:
        entry["name"]["synonyms"] = clean
    return entry


def locale_touches() -> dict[str, dict[str, Any]]:
    """locale -> its touches (``like`` resolved), for every locale the skill is built for."""
    raw = json.loads(LOCALE_TOUCHES.read_text(encoding="utf-8"))
    locales = {name: spec for name, spec in raw.items() if not name.startswith("_")}
    resolved: dict[str, dict[str, Any]] = {}
    for name, spec in locales.items():
        samples: dict[str, list[str]] = {}
        for source in (locales[spec["like"]] if "like" in spec else {}, spec):
            for intent, extra in source.get("samples", {}).items():
                samples.setdefault(intent, []).extend(extra)
        resolved[name] = {"samples": samples}
    return resolved


def _add_samples(language: dict[str, Any], samples: dict[str, list[str]], locale: str) -> None:
    intents = {intent["name"]: intent for intent in language["intents"]}
    for name, extra in samples.items():
        if name not in intents:
            raise SystemExit(f"{LOCALE_TOUCHES.name}: {locale} adds samples to unknown {name}")
        existing = intents[name].setdefault("samples", [])
        existing.extend(sample for sample in extra if sample not in existing)


def build(template: dict[str, Any], locale: str = "en-US") -> dict[str, Any]:
    """The full model for ``locale``: template intents + generated slot types + merged story
    samples + the locale's touches."""
    model = json.loads(json.dumps(template))
    language = model["interactionModel"]["languageModel"]
    generated = {*(n for names in TYPE_SLOTS.values() for n in names), "SUBJECT", "CHAPTER"}
    values: dict[str, list[dict[str, Any]]] = {
        t["name"]: [] for t in language["types"] if t["name"] in generated}
    for entity in json.loads(ENTITIES.read_text(encoding="utf-8"))["entities"]:
        value = _value(entity["id"], entity["name"], entity.get("synonyms", []))
        for type_name in (*TYPE_SLOTS[entity["type"]], "SUBJECT"):
            values[type_name].append(value)
    if CHAPTERS.exists():
        for chapter in json.loads(CHAPTERS.read_text(encoding="utf-8"))["chapters"]:
            values["CHAPTER"].append(
                _value(chapter["id"], chapter["title"], chapter.get("aliases", []))
            )
    for slot_type in language["types"]:
        if slot_type["name"] in values:  # others (QUESTION_WORD) keep the template's values
            slot_type["values"] = values[slot_type["name"]]
    if STORY_UTTERANCES.exists():
        extra = json.loads(STORY_UTTERANCES.read_text(encoding="utf-8"))
        for intent in language["intents"]:
            samples = intent.setdefault("samples", [])
            for sample in extra.get(intent["name"], []):
                if sample not in samples:
                    samples.append(sample)
    _add_samples(language, locale_touches()[locale]["samples"], locale)
    return model


def render(model: dict[str, Any]) -> str:
    return json.dumps(model, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a model is out of date")
    args = parser.parse_args(argv)
    template = json.loads(TEMPLATE.read_text(encoding="utf-8"))
    stale = 0
    for locale in locale_touches():
        output = MODEL_DIR / f"{locale}.json"
        text = render(build(template, locale))
        if args.check:
            current = output.read_text(encoding="utf-8") if output.exists() else ""
            if current != text:
                print(f"{output} is out of date: run python scripts/build_interaction_model.py")
                stale += 1
            continue
        output.write_text(text, encoding="utf-8")
        print(f"wrote {output}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
