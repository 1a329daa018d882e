"""The screen a turn shows: the screen preview's SVG when it draws one, else the card.

``balto.screen_preview.render_svg(response, device) -> str | None`` belongs to the screen
issue. These tests do not depend on whether it is installed: each one puts either nothing
(``None`` in ``sys.modules`` makes the import fail, as when the module does not exist) or a
stand-in module there.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from typing import Any

import pytest

from balto.console import screen
from balto.console.state import ConsoleState

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="800">'
       '<rect width="1280" height="800" fill="#123"/><text x="40" y="80">Togo</text></svg>')
CARD = {"type": "Simple", "title": "Serum Run: Togo", "content": "Togo: Seppala's lead dog."}


def _response(card: dict[str, Any] | None = CARD) -> dict[str, Any]:
    body: dict[str, Any] = {"outputSpeech": {"type": "SSML", "ssml": "<speak>Hi</speak>"}}
    if card is not None:
        body["card"] = card
    return {"version": "1.0", "response": body}


def _install(monkeypatch: pytest.MonkeyPatch, render: Callable[..., Any] | None) -> list[Any]:
    """Put a stand-in screen preview in place (None: the module is missing); returns the calls."""
    calls: list[Any] = []
    if render is None:
        monkeypatch.setitem(sys.modules, screen.PREVIEW_MODULE, None)
        return calls
    module = types.ModuleType(screen.PREVIEW_MODULE)

    def render_svg(response: dict[str, Any], device: str = "echo-show") -> str | None:
        calls.append((response, device))
        return render(response, device)

    module.render_svg = render_svg  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, screen.PREVIEW_MODULE, module)
    return calls


def test_without_the_screen_preview_a_screen_device_shows_the_card(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _install(monkeypatch, None)
    assert screen.renderer() is None
    shown = screen.screen_of(_response(), "echo-show")
    assert shown["kind"] == "card" and shown["svg"] is None
    assert shown["card"] == {"title": "Serum Run: Togo", "text": "Togo: Seppala's lead dog."}
    assert "not installed" in shown["note"]


def test_the_preview_svg_is_shown_when_the_renderer_draws_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _install(monkeypatch, lambda response, device: SVG)
    response = _response()
    shown = screen.screen_of(response, "echo-show-5")
    assert shown["kind"] == "svg" and shown["svg"] == SVG
    assert calls == [(response, "echo-show-5")]  # the whole envelope, and the device's name
    assert shown["card"]["title"] == "Serum Run: Togo"


def test_a_response_without_apl_falls_back_to_the_card(monkeypatch: pytest.MonkeyPatch) -> None:
    _install(monkeypatch, lambda response, device: None)
    shown = screen.screen_of(_response(), "echo-show")
    assert shown["kind"] == "card" and "no APL document" in shown["note"]


def test_a_failing_renderer_shows_the_card_and_the_turn_goes_on(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    def broken(response: dict[str, Any], device: str) -> str:
        raise KeyError("mainTemplate")

    _install(monkeypatch, broken)
    shown = screen.screen_of(_response(), "echo-show")
    assert shown["kind"] == "card" and "failed (KeyError)" in shown["note"]
    assert "screen preview failed" in caplog.text


def test_a_speaker_has_no_screen_and_the_renderer_is_not_asked(
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _install(monkeypatch, lambda response, device: SVG)
    shown = screen.screen_of(_response(), "speaker")
    assert shown["kind"] == "none" and shown["card"]["title"] == "Serum Run: Togo"
    assert calls == []


def test_a_screen_without_card_or_preview_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    _install(monkeypatch, None)
    shown = screen.screen_of(_response(card=None), "echo-spot")
    assert shown["kind"] == "card" and shown["card"] is None


def test_turns_on_an_echo_show_carry_the_preview_of_the_real_response(
        make_state: Callable[..., ConsoleState], monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _install(monkeypatch, lambda response, device: SVG)
    console = make_state(device="echo-show")
    [turn] = console.say("who was togo")
    assert turn["screen"] == {"kind": "svg", "device": "echo-show", "card": turn["card"],
                              "svg": SVG, "note": None}
    [(response, device)] = calls
    assert response == turn["response"] and device == "echo-show"


def test_turns_on_an_echo_show_fall_back_to_the_card_without_the_preview(
        make_state: Callable[..., ConsoleState], monkeypatch: pytest.MonkeyPatch) -> None:
    _install(monkeypatch, None)
    console = make_state(device="echo-show")
    [turn] = console.say("who was togo")
    assert turn["screen"]["kind"] == "card"
    assert turn["screen"]["card"]["title"] == turn["card"]["title"] == "Serum Run: Togo"


def test_with_the_real_screen_preview_a_chapter_on_an_echo_show_is_drawn(
        make_state: Callable[..., ConsoleState]) -> None:
    pytest.importorskip(screen.PREVIEW_MODULE,
                        reason="the screen preview (issue 16) is not on this branch yet")
    console = make_state(device="echo-show")
    [turn] = console.say("tell me the story")
    assert turn["screen"]["kind"] == "svg", turn["screen"]["note"]
    assert turn["screen"]["svg"].lstrip().startswith("<svg")
