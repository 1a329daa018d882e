"""Offline natural-language understanding compiled from the skill's interaction model.

PURE: standard library only.  Entry points: :func:`load_model`, :class:`NluEngine`.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from balto.nlu.engine import CatchAll, NluEngine
    from balto.nlu.language_model import InteractionModel, ModelError, load_model, parse_model
    from balto.nlu.result import Resolution, SlotResult

# Imported on first use (PEP 562): every balto command imports ModelError, and only the ones
# that match utterances should pay the 10-15 ms the matcher takes to import.
_EXPORTS = {
    "CatchAll": "balto.nlu.engine",
    "NluEngine": "balto.nlu.engine",
    "InteractionModel": "balto.nlu.language_model",
    "ModelError": "balto.nlu.language_model",
    "load_model": "balto.nlu.language_model",
    "parse_model": "balto.nlu.language_model",
    "Resolution": "balto.nlu.result",
    "SlotResult": "balto.nlu.result",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


__all__ = ["CatchAll", "InteractionModel", "ModelError", "NluEngine", "Resolution",
           "SlotResult", "load_model", "parse_model"]
