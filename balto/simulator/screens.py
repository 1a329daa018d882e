"""``--screen-out``: write what the device's screen shows for a turn as an SVG file.

``balto ask`` writes the one screen to PATH; ``balto chat`` numbers the turns, so PATH
``out/screen.svg`` becomes ``out/screen-003.svg`` for the third turn (a turn whose response
shows nothing new writes no file: the device keeps showing the last one).
"""

from __future__ import annotations

from pathlib import Path

from balto.screen_preview import render_svg
from balto.simulator.session import Turn


class ScreenWriter:
    """Renders each turn's APL document for ``device`` and writes it next to ``path``."""

    def __init__(self, path: Path, device: str, *, numbered: bool = False) -> None:
        self.path = path
        self.device = device
        self.numbered = numbered
        self.turns = 0

    def target(self, number: int) -> Path:
        """Where turn ``number``'s screen goes."""
        if not self.numbered:
            return self.path
        suffix = self.path.suffix or ".svg"
        return self.path.with_name(f"{self.path.stem}-{number:03d}{suffix}")

    def write(self, turn: Turn) -> Path | None:
        """Write the turn's screen; the file written, or None when the response has none."""
        self.turns += 1
        if self.device == "speaker":
            return None
        svg = render_svg(turn.response, self.device)
        if svg is None:
            return None
        target = self.target(self.turns)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(svg, encoding="utf-8")
        return target
