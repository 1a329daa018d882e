"""Benchmark the simulator NLU: compile time and per-utterance resolve latency (p50/p99).

Usage (repository root, shared virtualenv active)::

    python benchmarks/bench_nlu.py                      # the real model, the annotated set
    python benchmarks/bench_nlu.py --model FILE --utterances FILE.yaml --repeat 20

The utterances are the annotated NLU evaluation set (tests/data/nlu_eval.yaml), so the mix of
exact, fuzzy, catch-all and fallback resolutions is the realistic one.  Target: p50 <= 2 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from balto.nlu import NluEngine, load_model  # noqa: E402
from balto.simulator.nlu_eval import load_examples  # noqa: E402


def percentile(samples: list[float], fraction: float) -> float:
    """Nearest-rank percentile of ``samples`` (seconds)."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> int:
    """Run the benchmark and print a small table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=str(REPO / "interaction_model" / "en-US.json"))
    parser.add_argument("--utterances", default=str(REPO / "tests" / "data" / "nlu_eval.yaml"))
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    started = time.perf_counter()
    model = load_model(args.model)
    engine = NluEngine(model)
    compile_ms = (time.perf_counter() - started) * 1000
    texts = [example.text for example in load_examples(Path(args.utterances))]
    for text in texts:  # warm caches
        engine.resolve(text)
    overall: list[float] = []
    by_parser: dict[str, list[float]] = defaultdict(list)
    for _ in range(args.repeat):
        for text in texts:
            begin = time.perf_counter()
            result = engine.resolve(text)
            elapsed = time.perf_counter() - begin
            overall.append(elapsed)
            by_parser[result.parser].append(elapsed)
    samples = len(engine.compiled.samples)
    print(f"model: {args.model} ({len(model.intents)} intents, {samples} compiled samples)")
    print(f"compile: {compile_ms:.1f} ms; utterances: {len(texts)} x {args.repeat}")
    print(f"{'parser':14} {'n':>6} {'p50 ms':>8} {'p99 ms':>8}")
    for name, values in sorted(by_parser.items()) + [("ALL", overall)]:
        print(
            f"{name:14} {len(values):6d} {percentile(values, 0.5) * 1000:8.3f} "
            f"{percentile(values, 0.99) * 1000:8.3f}"
        )
    print(f"mean ms: {statistics.fmean(overall) * 1000:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
