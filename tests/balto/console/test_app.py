"""The console's HTTP face: the page and its files, the JSON API, and what it refuses."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from flask.testing import FlaskClient

from balto.console import app as console_app
from balto.console.app import create_app
from balto.console.state import ConsoleState

HOST = {"Host": "localhost"}


def post(client: FlaskClient, path: str, body: object = None, **kwargs: object):  # type: ignore[no-untyped-def]
    """POST ``body`` as JSON (``{}`` when None), as the page does."""
    return client.post(path, json={} if body is None else body, headers=HOST, **kwargs)


def test_the_page_and_its_files_are_served_from_the_package(client: FlaskClient) -> None:
    page = client.get("/", headers=HOST)
    assert page.status_code == 200 and page.mimetype == "text/html"
    html = page.get_data(as_text=True)
    assert '<script src="/static/console.js"' in html and "/static/console.css" in html
    assert "http" not in html.replace("http-equiv", "")  # nothing fetched from elsewhere
    for name, kind in (("console.js", "javascript"), ("console.css", "text/css")):
        served = client.get(f"/static/{name}", headers=HOST)
        assert served.status_code == 200 and kind in served.content_type
        assert "//cdn" not in served.get_data(as_text=True)


def test_every_answer_carries_the_security_headers(client: FlaskClient) -> None:
    for response in (client.get("/", headers=HOST), client.get("/api/state", headers=HOST),
                     post(client, "/api/say", {"text": ""})):
        csp = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
    assert client.get("/api/state", headers=HOST).headers["Cache-Control"] == "no-store"


def test_say_answers_with_the_turn_and_the_settings(client: FlaskClient,
                                                     state: ConsoleState) -> None:
    response = post(client, "/api/say", {"text": "who was togo"})
    assert response.status_code == 200
    data = response.get_json()
    [turn] = data["records"]
    assert turn["intent"] == "AboutDogIntent" and turn["speech"].startswith("Togo was")
    assert turn["request"]["request"]["type"] == "IntentRequest"
    assert turn["response"]["response"]["outputSpeech"]["type"] == "SSML"
    assert data["settings"]["session_open"] is True
    assert data["settings"]["user_id"] == state.user_id


def test_past_turns_come_back_on_reload(client: FlaskClient, state: ConsoleState) -> None:
    said = [post(client, "/api/say", {"text": t}).get_json()["records"][0]
            for t in ("who was togo", "how far did balto run")]
    reloaded = client.get("/api/state", headers=HOST).get_json()
    assert [r["id"] for r in reloaded["records"]] == [r["id"] for r in said]
    assert reloaded["records"][1]["intent"] == "HowFarIntent"
    one = client.get(f"/api/turns/{said[0]['id']}", headers=HOST).get_json()
    assert one["typed"] == "who was togo"
    # another tab's page sees the same desk
    other = create_app(state, allowed_hosts={"localhost"}).test_client()
    assert len(other.get("/api/state", headers=HOST).get_json()["records"]) == 2


def test_controls_answer_with_their_records(client: FlaskClient) -> None:
    launched = post(client, "/api/session/new").get_json()["records"]
    assert [r["request_type"] for r in launched] == ["LaunchRequest"]
    changed = post(client, "/api/settings", {"device": "echo-show", "locale": "en-CA"}).get_json()
    assert changed["settings"]["device"] == "echo-show"
    assert changed["settings"]["locale"] == "en-CA"
    assert changed["records"][0]["request_type"] == "SessionEndedRequest"
    cleared = post(client, "/api/progress/clear").get_json()
    assert "Progress cleared" in cleared["records"][-1]["text"]
    assert post(client, "/api/history/clear").get_json()["records"] == []
    assert client.get("/api/state", headers=HOST).get_json()["records"] == []


@pytest.mark.parametrize("path, body, status, message", [
    ("/api/say", {"text": ""}, 400, "empty"),
    ("/api/say", {"text": 5}, 400, "must be a string"),
    ("/api/say", {}, 400, "must be a string"),
    ("/api/say", ["who was togo"], 400, "JSON object"),
    ("/api/say", {"text": "togo " * 200}, 413, "at most"),
    ("/api/settings", {"locale": "xx-XX"}, 400, "unknown locale"),
    ("/api/settings", {"device": 3}, 400, "unknown device"),
    ("/api/settings", {"colour": "red"}, 400, "unknown setting"),
])
def test_bad_input_gets_a_4xx_with_a_reason(client: FlaskClient, path: str, body: object,
                                            status: int, message: str) -> None:
    response = post(client, path, body)
    assert response.status_code == status
    assert message in response.get_json()["error"]


def test_a_body_that_is_not_json_is_refused(client: FlaskClient) -> None:
    form = client.post("/api/say", data={"text": "who was togo"}, headers=HOST)
    assert form.status_code == 415 and "application/json" in form.get_json()["error"]
    broken = client.post("/api/say", data="{not json", content_type="application/json",
                         headers=HOST)
    assert broken.status_code == 400 and "JSON object" in broken.get_json()["error"]
    for path in ("/api/session/new", "/api/progress/clear", "/api/history/clear"):
        assert client.post(path, data="", headers=HOST).status_code == 415


def test_an_oversized_body_is_refused_before_it_is_read(client: FlaskClient) -> None:
    body = json.dumps({"text": "x" * (console_app.MAX_BODY_BYTES + 1)})
    response = client.post("/api/say", data=body, content_type="application/json",
                           headers=HOST)
    assert response.status_code == 413 and response.get_json()["error"]


def test_unknown_paths_methods_and_turns_are_json_4xx(client: FlaskClient) -> None:
    assert client.get("/api/nothing", headers=HOST).status_code == 404
    assert client.get("/api/nothing", headers=HOST).get_json()["error"]
    assert client.get("/api/say", headers=HOST).status_code == 405
    missing = client.get("/api/turns/41", headers=HOST)
    assert missing.status_code == 404 and "no turn 41" in missing.get_json()["error"]
    assert client.get("/api/turns/41/speech.wav", headers=HOST).status_code == 404


def test_a_foreign_host_or_origin_is_refused(client: FlaskClient) -> None:
    rebinding = client.get("/api/state", headers={"Host": "attacker.example"})
    assert rebinding.status_code == 400 and "answers to" in rebinding.get_json()["error"]
    cross_site = client.post("/api/say", json={"text": "stop"},
                             headers={**HOST, "Origin": "http://attacker.example"})
    assert cross_site.status_code == 403
    same_site = client.post("/api/say", json={"text": "who was togo"},
                            headers={**HOST, "Origin": "http://localhost"})
    assert same_site.status_code == 200


def test_an_unexpected_failure_is_a_short_json_500_and_logged(
        client: FlaskClient, state: ConsoleState, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    def broken(text: object) -> list[dict[str, object]]:
        raise RuntimeError("boom in the console")

    monkeypatch.setattr(state, "say", broken)
    response = post(client, "/api/say", {"text": "who was togo"})
    assert response.status_code == 500
    assert "boom" not in response.get_data(as_text=True)  # no internals to the page
    assert "boom in the console" in caplog.text


def test_speech_is_served_as_wav(make_state: Callable[..., ConsoleState],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from balto.console import state as console_state

    fake = b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(64)
    monkeypatch.setattr(console_state.speak, "wav", lambda ssml, exe=None: fake)
    console = make_state()
    console.espeak = "/usr/bin/espeak-ng"
    client = create_app(console, allowed_hosts={"localhost"}).test_client()
    [turn] = post(client, "/api/say", {"text": "who was togo"}).get_json()["records"]
    audio = client.get(f"/api/turns/{turn['id']}/speech.wav", headers=HOST)
    assert audio.status_code == 200 and audio.mimetype == "audio/wav"
    assert audio.data == fake
    part = client.get(f"/api/turns/{turn['id']}/speech.wav",
                      headers={**HOST, "Range": "bytes=0-3"})
    assert part.status_code == 206 and part.data == b"RIFF"
