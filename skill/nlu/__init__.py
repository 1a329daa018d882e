"""Offline natural-language understanding compiled from the skill's interaction model.

PURE: standard library only.  Entry points: :func:`load_model`, :class:`NluEngine`.
"""

from skill.nlu.engine import CatchAll, NluEngine
from skill.nlu.model import InteractionModel, ModelError, load_model, parse_model
from skill.nlu.result import Resolution, SlotResult

__all__ = ["CatchAll", "InteractionModel", "ModelError", "NluEngine", "Resolution",
           "SlotResult", "load_model", "parse_model"]
