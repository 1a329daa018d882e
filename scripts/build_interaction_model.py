"""Generate interaction_model/<locale>.json from its template and the skill's own data.

Why generated: the slot types (dogs, people, places, topics, chapters) must carry exactly the ids
and synonyms the fact store and the story use, or entity resolution hands the handlers ids they
don't know. The template holds intents and sample utterances (hand-written); this script fills the
custom slot types from skill/facts/data/entities.json and skill/story/data/chapters.json and merges
the story's sample utterances. A test fails if the committed model is out of date:

    python scripts/build_interaction_model.py          # rewrite the model
    python scripts/build_interaction_model.py --check  # exit 1 if it would change
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
OUTPUT = ROOT / "interaction_model" / "en-US.json"
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


def build(template: dict[str, Any]) -> dict[str, Any]:
    """The full model: template intents + generated slot types + merged story samples."""
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
    return model


def render(model: dict[str, Any]) -> str:
    return json.dumps(model, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the model is out of date")
    args = parser.parse_args(argv)
    text = render(build(json.loads(TEMPLATE.read_text(encoding="utf-8"))))
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT} is out of date: run python scripts/build_interaction_model.py")
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
