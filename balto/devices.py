"""The devices the simulator and the screen preview stand in for: a speaker, or a screen.

A speaker declares no screen. The others declare ``Alexa.Presentation.APL`` and send their
viewport (``context.Viewport``): the sizes of the Echo Show family and the round Echo Spot.
:mod:`balto.simulator.envelopes` puts them in request envelopes; :mod:`balto.screen_preview`
draws a response at the same size.

PURE: standard library only.
"""

from __future__ import annotations

from typing import Any

#: APL runtime version a screen device declares (Alexa.Presentation.APL supportedInterfaces).
APL_MAX_VERSION = "2024.3"


def _screen(shape: str, width: int, height: int, dpi: int = 160) -> dict[str, Any]:
    """``context.Viewport`` as an Echo device with a screen sends it."""
    return {
        "mode": "HUB",
        "shape": shape,
        "pixelWidth": width,
        "pixelHeight": height,
        "dpi": dpi,
        "currentPixelWidth": width,
        "currentPixelHeight": height,
        "touch": ["SINGLE"],
        "keyboard": [],
        "video": {"codecs": ["H_264_42", "H_264_41"]},
    }


#: The devices the simulator can stand in for: a speaker declares no screen; the others declare
#: APL and send their viewport (sizes of the Echo Show family and the round Echo Spot).
DEVICES: dict[str, dict[str, Any] | None] = {
    "speaker": None,
    "echo-show": _screen("RECTANGLE", 1280, 800),        # Echo Show 8, landscape hub
    "echo-show-5": _screen("RECTANGLE", 960, 480),       # small landscape hub
    "echo-show-15": _screen("RECTANGLE", 1920, 1080),    # large landscape hub
    "echo-show-portrait": _screen("RECTANGLE", 1080, 1920),  # Echo Show 15 hung upright
    "echo-spot": _screen("ROUND", 480, 480),             # round small hub
}
