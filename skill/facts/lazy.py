"""The ranker as the skill holds it: built, with the answering core imported, on first use.

A launch, help or story request never asks a question, so it should not pay for importing the
ranker, the text pipeline and question understanding (several milliseconds of every cold start).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from skill.facts.ranking import Ranker
    from skill.facts.store import FactStore


class LazyRanker:
    """Stands for a :class:`~skill.facts.ranking.Ranker` until something is asked of it."""

    __slots__ = ("_store", "_ranker")

    def __init__(self, store: FactStore | None = None) -> None:
        self._store = store
        self._ranker: Ranker | None = None

    def _real(self) -> Ranker:
        ranker = self._ranker
        if ranker is None:
            if self._store is None:
                # The packaged store: prepared at build time if the artifact carries the index.
                from skill.facts import index

                ranker = index.load()
            if ranker is None:
                from skill.facts.ranking import Ranker

                ranker = Ranker(self._store)
            self._ranker = ranker
        return ranker

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real(), name)
