"""The console in a real headless chromium: what a developer sees and clicks.

Each test serves a fresh console on a free loopback port (``console_url``) and drives Debian's
chromium through Selenium (``browser``; skipped, saying why, where no chromium is installed).
Screenshots are left in ``test-artifacts/console/``.
"""

from __future__ import annotations

import json
import shutil
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from balto.console import screen

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WAIT = 20  # seconds: a cold skill's first answer, a chapter's audio rendered by espeak-ng


def _wait(driver: Any, condition: Any, message: str) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT).until(condition, message)


def _css(driver: Any, selector: str) -> Any:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, selector)


def _all(driver: Any, selector: str) -> list[Any]:
    from selenium.webdriver.common.by import By

    return list(driver.find_elements(By.CSS_SELECTOR, selector))


def _open(driver: Any, url: str) -> None:
    driver.get(url)
    _wait(driver, lambda d: "loading" not in _css(d, "#session").text, "the page did not load")


def _turns(driver: Any) -> list[Any]:
    return _all(driver, "#transcript li.turn")


def _say(driver: Any, text: str) -> Any:
    """Type ``text`` and press Enter; return the turn it produced (the newest)."""
    from selenium.webdriver.common.keys import Keys

    before = len(_turns(driver))
    box = _css(driver, "#utterance")
    box.clear()
    box.send_keys(text, Keys.ENTER)
    _wait(driver, lambda d: len(_turns(d)) > before, f"no answer to {text!r}")
    return _turns(driver)[-1]


def _open_details(turn: Any, selector: str) -> str:
    """Open a collapsed section and return its text once the page has filled it (the JSON is
    written when the section first opens, by its toggle event, which fires a moment later)."""
    details = turn.find_element("css selector", selector)
    details.find_element("css selector", "summary").click()
    pre = details.find_element("css selector", "pre")
    _wait(turn.parent, lambda d: pre.get_attribute("textContent"), f"{selector} stayed empty")
    return str(pre.get_attribute("textContent"))


def _shot(driver: Any, artifacts: Path, name: str) -> Path:
    path = artifacts / name
    assert driver.save_screenshot(str(path)), f"no screenshot at {path}"
    assert path.read_bytes().startswith(b"\x89PNG") and path.stat().st_size > 10_000
    return path


def test_a_typed_question_shows_the_answer_the_intent_and_the_json(
        browser: Any, console_url: str, artifacts: Path) -> None:
    _open(browser, console_url)
    turn = _say(browser, "who was togo")
    assert turn.find_element("css selector", ".you").text == "You: who was togo"
    assert turn.find_element("css selector", ".speech").text.startswith("Alexa: Togo was")
    assert "more about Togo" in turn.find_element("css selector", ".reprompt").text
    assert turn.find_element("css selector", ".session-state").text == "session stays open"
    assert "within Alexa's limits" in turn.find_element("css selector", ".limits").text
    assert turn.find_element("css selector", ".intent-name").text == "AboutDogIntent"
    slot_row = [c.text for c in turn.find_elements("css selector", ".slots tbody td")]
    assert slot_row == ["dog", "togo", "ER_SUCCESS_MATCH", "togo (id togo)"]
    turn.find_element("css selector", ".explain summary").click()
    explain = turn.find_element("css selector", ".explain").text
    assert "who was {dog}" in explain and "1.00" in explain and "AskWhoIntent" in explain
    request = json.loads(_open_details(turn, ".request-json"))
    assert request["request"]["intent"]["name"] == "AboutDogIntent"
    assert request["request"]["intent"]["slots"]["dog"]["value"] == "togo"
    response = json.loads(_open_details(turn, ".response-json"))
    assert response["response"]["outputSpeech"]["ssml"].startswith("<speak>Togo was")
    copy = turn.find_element("css selector", ".request-json .copy")
    copy.click()
    _wait(browser, lambda d: copy.text == "Copied", "the copy button did not answer")
    # a speaker: no screen, the card the Alexa app shows
    assert "A speaker has no screen" in _css(browser, "#screen").text
    assert "Serum Run: Togo" in _css(browser, "#screen .card h3").text
    browser.execute_script("arguments[0].scrollIntoView({block: 'start'})", turn)
    _shot(browser, artifacts, "question.png")


def _play(browser: Any, turn: Any) -> Any:
    button = turn.find_element("css selector", ".play")
    button.click()
    _wait(browser, lambda d: button.get_attribute("data-state") in ("playing", "ended", "error"),
          "the audio did not start")
    assert button.get_attribute("data-state") == "playing", _css(browser, "#error").text
    assert float(button.get_attribute("data-duration")) > 5  # a chapter, not a blip
    return button


def test_the_story_plays_for_two_chapters(browser: Any, console_url: str,
                                          artifacts: Path) -> None:
    _open(browser, console_url)
    first = _say(browser, "tell me the story")
    assert first.find_element("css selector", ".speech").text.startswith("Alexa: Chapter 1.")
    assert first.find_element("css selector", ".intent-name").text == "StoryIntent"
    assert "chapter 2" in first.find_element("css selector", ".reprompt").text.lower()
    speech = shutil.which("espeak-ng") is not None
    if speech:
        first_button = _play(browser, first)
    else:
        button = first.find_element("css selector", ".play")
        assert not button.is_enabled() and "espeak-ng" in button.get_attribute("title")
    second = _say(browser, "yes")
    assert second.find_element("css selector", ".speech").text.startswith("Alexa: Chapter 2.")
    assert second.find_element("css selector", ".intent-name").text == "AMAZON.YesIntent"
    assert second.find_element("css selector", ".session-state").text == "session stays open"
    if speech:
        second_button = _play(browser, second)
        # one voice at a time: starting chapter 2 stopped chapter 1
        assert first_button.get_attribute("data-state") == "stopped"
        second_button.click()
        assert second_button.get_attribute("data-state") == "stopped"
    _shot(browser, artifacts, "story.png")


def test_past_turns_survive_a_page_reload(browser: Any, console_url: str) -> None:
    _open(browser, console_url)
    _say(browser, "who was togo")
    _say(browser, "how far did balto run")
    ids = [t.get_attribute("data-id") for t in _turns(browser)]
    browser.refresh()
    _wait(browser, lambda d: len(_turns(d)) == 2, "the turns did not come back")
    assert [t.get_attribute("data-id") for t in _turns(browser)] == ids
    assert _turns(browser)[-1].find_element("css selector", ".intent-name").text == "HowFarIntent"
    assert "Session open" in _css(browser, "#session").text


def _choose(browser: Any, select_id: str, value: str) -> None:
    from selenium.webdriver.support.ui import Select

    Select(_css(browser, f"#{select_id}")).select_by_value(value)
    _wait(browser, lambda d: value in _transcript_notes(d), f"{select_id} did not change")


def _transcript_notes(browser: Any) -> str:
    return " ".join(n.text for n in _all(browser, "#transcript li.note"))


def test_an_echo_show_shows_the_preview_svg(browser: Any, console_url: str, artifacts: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="800">'
           '<rect width="1280" height="800" fill="#0b2239"/>'
           '<text x="60" y="120" font-size="64" fill="#fff">Screen preview</text></svg>')
    stand_in = types.ModuleType(screen.PREVIEW_MODULE)
    stand_in.render_svg = lambda response, device="echo-show": svg  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, screen.PREVIEW_MODULE, stand_in)
    _open(browser, console_url)
    _choose(browser, "device", "echo-show")
    turn = _say(browser, "who was togo")
    request = json.loads(_open_details(turn, ".request-json"))
    assert request["context"]["Viewport"]["pixelWidth"] == 1280
    image = _css(browser, "#screen img")
    _wait(browser, lambda d: d.execute_script("return arguments[0].naturalWidth", image) == 1280,
          "the SVG was not drawn")
    assert image.get_attribute("src").startswith("blob:")
    assert "echo-show" in _css(browser, "#screen-title").text
    _shot(browser, artifacts, "echo-show-preview.png")


def test_without_the_preview_an_echo_show_shows_the_card(
        browser: Any, console_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, screen.PREVIEW_MODULE, None)
    _open(browser, console_url)
    _choose(browser, "device", "echo-show")
    _say(browser, "who was togo")
    assert _css(browser, "#screen").get_attribute("data-kind") == "card"
    assert _css(browser, "#screen .card h3").text == "Serum Run: Togo"
    assert "not installed" in _css(browser, "#screen-note").text
    assert _all(browser, "#screen img") == []


def test_the_controls_change_user_locale_session_and_progress(
        browser: Any, console_url: str) -> None:
    from selenium.webdriver.common.keys import Keys

    _open(browser, console_url)
    user = _css(browser, "#user")
    user.clear()
    user.send_keys("control tester", Keys.ENTER)
    _wait(browser, lambda d: "control tester" in _transcript_notes(d), "the user did not change")
    _choose(browser, "locale", "en-GB")
    turn = _say(browser, "tell me the story")
    request = json.loads(_open_details(turn, ".request-json"))
    assert request["request"]["locale"] == "en-GB"
    user_id = request["session"]["user"]["userId"]
    assert user_id.startswith("amzn1.ask.account.") and user_id in _css(browser, "#user") \
        .get_attribute("title")
    _say(browser, "yes")  # chapter 2 is now saved for this user
    _css(browser, "#new-session").click()
    _wait(browser, lambda d: _turns(d)[-1].get_attribute("data-request-type") == "LaunchRequest",
          "no new session")
    welcome = _turns(browser)[-1].find_element("css selector", ".speech").text
    assert "chapter 2" in welcome.lower()
    _css(browser, "#clear-progress").click()
    browser.switch_to.alert.accept()
    _wait(browser, lambda d: "Progress cleared" in _transcript_notes(d), "progress not cleared")
    again = _say(browser, "tell me the story")
    assert again.find_element("css selector", ".speech").text.startswith("Alexa: Chapter 1.")
    _css(browser, "#clear-history").click()
    _wait(browser, lambda d: _turns(d) == [], "the history was not cleared")
    assert _css(browser, "#screen").text == "Nothing said yet."
    browser.refresh()
    _open(browser, browser.current_url)
    assert _turns(browser) == []
    assert _css(browser, "#locale").get_attribute("value") == "en-GB"


def test_bad_input_is_explained_on_the_page(browser: Any, console_url: str) -> None:
    _open(browser, console_url)
    browser.execute_script("document.getElementById('utterance').removeAttribute('maxlength')")
    _say_refused = "x" * 600
    box = _css(browser, "#utterance")
    box.send_keys(_say_refused)
    _css(browser, "#send").click()
    _wait(browser, lambda d: _css(d, "#error").is_displayed(), "no error shown")
    assert "at most 500" in _css(browser, "#error").text
    assert _turns(browser) == []
