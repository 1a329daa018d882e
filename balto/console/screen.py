"""What a device's screen shows for a response: the screen preview's SVG, else the card.

The renderer is ``balto.screen_preview.render_svg(response, device) -> str | None`` (the screen
issue's), looked up on every call by name: the console works before it exists, and a test can
put a stand-in in ``sys.modules``. Any failure of the renderer shows the card with a note
instead of failing the turn: a preview is an aid, the conversation must go on.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any

from balto.simulator.envelopes import DEVICES
from balto.simulator.transcript import card_of

log = logging.getLogger(__name__)

#: The module and function of the screen preview (shared interface with the screen issue).
PREVIEW_MODULE = "balto.screen_preview"
PREVIEW_FUNCTION = "render_svg"

Renderer = Callable[[dict[str, Any], str], "str | None"]


def renderer() -> Renderer | None:
    """The screen preview's ``render_svg``, or None while it is not installed."""
    try:
        module = importlib.import_module(PREVIEW_MODULE)
    except ImportError:
        return None
    found = getattr(module, PREVIEW_FUNCTION, None)
    return found if callable(found) else None


def has_screen(device: str) -> bool:
    """Whether ``device`` (a name in DEVICES) has a screen."""
    return DEVICES.get(device) is not None


def screen_of(response: dict[str, Any], device: str) -> dict[str, Any]:
    """The screen for one response envelope on ``device``.

    ``kind`` is ``svg`` (the preview drew it: ``svg`` holds the SVG text), ``card`` (a screen
    device without a preview of this response: the card is shown, ``note`` says why) or
    ``none`` (a speaker: no screen; its card still goes to the Alexa app).
    """
    card = card_of(response.get("response") or {})
    if not has_screen(device):
        return {"kind": "none", "device": device, "card": card, "svg": None, "note": None}
    render = renderer()
    note = "the screen preview is not installed; showing the card"
    svg = None
    if render is not None:
        try:
            svg = render(response, device)
        except Exception as error:  # noqa: BLE001 - any renderer failure shows the card instead
            log.warning("screen preview failed on %s: %s", device, error, exc_info=True)
            note = f"the screen preview failed ({type(error).__name__}); showing the card"
        else:
            note = "this response has no APL document; showing the card"
    if isinstance(svg, str) and svg.strip():
        return {"kind": "svg", "device": device, "card": card, "svg": svg, "note": None}
    return {"kind": "card", "device": device, "card": card, "svg": None, "note": note}
