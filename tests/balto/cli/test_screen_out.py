"""`balto ask/chat --device NAME --screen-out PATH`: the screen as SVG files (the real skill)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from balto import cli


def balto(tmp: Path, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    environ = {"SERUM_RUN_DB": str(tmp / "db.sqlite3")}
    code = cli.run(list(argv), environ=environ, stdin=io.StringIO(stdin), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_ask_writes_the_answer_screen(tmp_path: Path) -> None:
    target = tmp_path / "answer.svg"
    code, out, _ = balto(tmp_path, "ask", "--device", "echo-spot", "--screen-out", str(target),
                         "who", "was", "togo")
    assert code == 0 and f"(screen: {target})" in out
    root = ET.parse(target).getroot()
    assert root.get("data-device") == "echo-spot" and root.get("data-token") == "serumrun.answer"


def test_chat_writes_one_file_per_turn_with_a_screen(tmp_path: Path) -> None:
    target = tmp_path / "screens" / "turn.svg"
    code, out, _ = balto(tmp_path, "chat", "--device", "echo-show", "--screen-out", str(target),
                         stdin="tell me the story\n/touch next\nhelp\n")
    assert code == 0
    written = sorted(p.name for p in target.parent.iterdir())
    assert written == ["turn-002.svg", "turn-003.svg"]  # launch and help show nothing new
    assert "Chapter 2 of 10" in (target.parent / "turn-003.svg").read_text()
    assert "[Alexa.Presentation.APL.UserEvent]" in out


def test_a_speaker_writes_no_screen(tmp_path: Path) -> None:
    target = tmp_path / "none.svg"
    code, _, err = balto(tmp_path, "ask", "--screen-out", str(target), "who", "was", "togo")
    assert code == 0 and not target.exists() and "--device" in err


def test_touch_needs_a_screen(tmp_path: Path) -> None:
    code, out, _ = balto(tmp_path, "chat", stdin="/touch next\n")
    assert code == 0 and "no screen" in out


def test_unknown_device_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        balto(tmp_path, "ask", "--device", "toaster", "hi")
