"""The answering core prepared ahead of time: built once at packaging, loaded on the first question.

Building the ranker from the data files (parsing ~220 facts, indexing ~1,000 texts, preparing the
relation vocabulary and the name matcher) takes over 100 ms; a Lambda container whose first
request is a question would pay all of it. ``make build-SkillFunction`` (which ``sam build`` runs)
therefore writes the fully prepared ranker to ``data/index.pickle`` inside the artifact, and the
first question loads it in about 10 ms. The file is the skill's own, written by its own build, so
unpickling it trusts nothing outside the package.

The file carries a digest of everything it was built from (the data files, the modules whose
objects it holds, the Python version). A file whose digest does not match is stale and ignored:
the ranker is built from the data instead (logged at INFO). In a checkout there is usually no
file at all, and that is the normal, slower path.

    python -m skill.facts.index --write PATH   # build and write the index
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import sys
import zlib
from typing import TYPE_CHECKING

from skill.facts.store import data_file

if TYPE_CHECKING:
    from skill.facts.ranking import Ranker

log = logging.getLogger(__name__)

INDEX_FILE = data_file("index.pickle")
#: Bump when what the file holds changes shape in a way the digest cannot see.
FORMAT = 1
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
#: Everything the prepared ranker is made from: its data, and the code that builds and holds it.
_INPUTS = (
    "facts/data/facts.json", "facts/data/entities.json", "facts/data/lexicon.json",
    "facts/data/relations.json", "facts/data/everyday_words.txt", "facts/model.py",
    "facts/store.py", "facts/ranking.py", "facts/lexicon.py", "facts/patterns.py",
    "facts/relations.py", "facts/names.py", "facts/understanding.py",
    "facts/question_shapes.py", "text/normalise.py", "text/numbers.py", "text/terms.py",
    "text/vocabulary.py", "records.py",
)


def digest() -> str:
    """What the index must have been built from to be used (changes with any input).

    A CRC of each input, not a cryptographic hash: it guards against a stale build, not an
    attacker, and importing hashlib would cost the first question about 4 ms."""
    parts = [f"{FORMAT} {sys.version_info[0]}.{sys.version_info[1]}"]
    for name in _INPUTS:
        with open(os.path.join(_PACKAGE, name), "rb") as handle:
            content = handle.read()
        parts.append(f"{name}:{len(content)}:{zlib.crc32(content):08x}")
    return " ".join(parts)


def build() -> Ranker:
    """A ranker with everything a question needs already prepared."""
    from skill.facts.ranking import Ranker

    ranker = Ranker()
    ranker.understander  # noqa: B018 - builds the store, the index, lexicon, relations, names
    ranker.forget_compiled()  # patterns are compiled where a question needs one, not on load
    return ranker


def write(path: str = INDEX_FILE) -> None:
    """Build the ranker and write it, with its digest, to ``path``."""
    with open(path, "wb") as handle:
        pickle.dump((digest(), build()), handle, protocol=pickle.HIGHEST_PROTOCOL)


def load(path: str = INDEX_FILE) -> Ranker | None:
    """The prepared ranker from ``path``, or None when there is none or it is stale."""
    collecting = gc.isenabled()
    gc.disable()  # ~15,000 new objects, none of them garbage: collecting midway only costs
    try:
        with open(path, "rb") as handle:
            built_from, ranker = pickle.load(handle)
    except FileNotFoundError:
        return None
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError) as exc:
        log.warning("ignoring unreadable fact index %s: %s", path, exc)
        return None
    finally:
        if collecting:
            gc.freeze()  # the prepared core lives as long as the process: never rescan it
            gc.enable()
    if built_from != digest():
        # Normal in a checkout being edited; the Lambda build always writes a fresh one.
        log.info("ignoring stale fact index %s: rebuild it (python -m skill.facts.index "
                 "--write)", path)
        return None
    return ranker  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or args[0] != "--write":
        print("usage: python -m skill.facts.index --write PATH", file=sys.stderr)
        return 2
    write(args[1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
