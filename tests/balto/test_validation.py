"""Each Alexa limit, broken once, must be reported; responses within the limits must pass clean.

Table-driven: a valid base response is built fresh for every case and one field is changed, so a
failing case names exactly the rule that regressed.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from balto.validation import (
    MAX_RESPONSE_BYTES,
    assert_valid_response,
    check_ssml,
    validate_response,
)

Envelope = dict[str, Any]


def base_response() -> Envelope:
    """An open-session answer with speech, reprompt and a Simple card: valid everywhere."""
    return {
        "version": "1.0",
        "sessionAttributes": {"last_entity": "togo", "seen_facts": ["togo.mileage"]},
        "response": {
            "outputSpeech": {
                "type": "SSML",
                "ssml": "<speak><p>Togo ran about 260 miles.</p> Want another fact?</speak>",
            },
            "reprompt": {
                "outputSpeech": {"type": "SSML", "ssml": "<speak>Want another fact?</speak>"}
            },
            "card": {"type": "Simple", "title": "Togo", "content": "About 260 miles."},
            "shouldEndSession": False,
        },
    }


def with_ssml(ssml: str) -> Envelope:
    envelope = base_response()
    envelope["response"]["outputSpeech"]["ssml"] = ssml
    return envelope


def edited(change: Callable[[Envelope], None]) -> Envelope:
    envelope = base_response()
    change(envelope)
    return envelope


def _drop_reprompt(e: Envelope) -> None:
    del e["response"]["reprompt"]


def _empty_reprompt(e: Envelope) -> None:
    e["response"]["reprompt"] = {"outputSpeech": {"type": "PlainText", "text": "  "}}


def _huge_attributes(e: Envelope) -> None:
    e["sessionAttributes"]["seen_facts"] = ["x" * 100] * 250


def _non_ascii_attributes(e: Envelope) -> None:
    # 5,000 CJK characters: 15,000 bytes as UTF-8, 30,000 bytes with json.dumps ASCII escapes.
    e["sessionAttributes"]["note"] = "雪" * 5000


def _long_plain_text(e: Envelope) -> None:
    e["response"]["outputSpeech"] = {"type": "PlainText", "text": "a" * 8001}


def _long_card(e: Envelope) -> None:
    e["response"]["card"] = {"type": "Simple", "title": "T" * 10, "content": "c" * 7991}


def _long_standard_card(e: Envelope) -> None:
    e["response"]["card"] = {"type": "Standard", "title": "T", "text": "c" * 8000}


def _http_card_image(e: Envelope) -> None:
    e["response"]["card"] = {
        "type": "Standard",
        "title": "Togo",
        "text": "Sled dog.",
        "image": {"smallImageUrl": "http://example.com/togo.png"},
    }


def _unknown_card(e: Envelope) -> None:
    e["response"]["card"] = {"type": "Poster", "title": "x"}


def _unknown_speech_type(e: Envelope) -> None:
    e["response"]["outputSpeech"] = {"type": "Markdown", "text": "hi"}


def _no_version(e: Envelope) -> None:
    del e["version"]


def _attributes_list(e: Envelope) -> None:
    e["sessionAttributes"] = ["not", "an", "object"]


def _end_session_string(e: Envelope) -> None:
    e["response"]["shouldEndSession"] = "false"


def _open_without_speech(e: Envelope) -> None:
    del e["response"]["outputSpeech"]


def _unserializable(e: Envelope) -> None:
    e["sessionAttributes"]["when"] = object()


SIX_AUDIO = "".join(f'<audio src="https://example.com/{i}.mp3"/>' for i in range(6))

#: (case id, broken envelope, text expected in one of the problems)
BROKEN: list[tuple[str, Envelope, str]] = [
    ("no reprompt on open session", edited(_drop_reprompt), "no reprompt"),
    ("blank reprompt", edited(_empty_reprompt), "has no text"),
    ("open session, no speech", edited(_open_without_speech), "no outputSpeech"),
    ("response over 24 KB", edited(_huge_attributes), "bytes as JSON"),
    ("24 KB counted with ASCII escapes", edited(_non_ascii_attributes), "bytes as JSON"),
    ("not JSON-serializable", edited(_unserializable), "not JSON-serializable"),
    ("PlainText over 8000", edited(_long_plain_text), "8000"),
    ("SSML over 8000", with_ssml("<speak>" + "a" * 7990 + "</speak>"), "characters of SSML"),
    ("Simple card over 8000", edited(_long_card), "card title + content"),
    ("Standard card over 8000", edited(_long_standard_card), "card title + text"),
    ("card image not https", edited(_http_card_image), "https"),
    ("unknown card type", edited(_unknown_card), "unknown type"),
    ("unknown speech type", edited(_unknown_speech_type), "unknown type"),
    ("no version", edited(_no_version), "version"),
    ("sessionAttributes not an object", edited(_attributes_list), "sessionAttributes"),
    ("shouldEndSession not a bool", edited(_end_session_string), "shouldEndSession"),
    ("malformed SSML", with_ssml("<speak>Seward & Nome</speak>"), "not well-formed"),
    ("unclosed tag", with_ssml("<speak><p>open</speak>"), "not well-formed"),
    ("root is not speak", with_ssml("<p>hello</p>"), "expected <speak>"),
    ("plain text in SSML", with_ssml("hello"), "not well-formed"),
    ("nested speak", with_ssml("<speak><speak>x</speak></speak>"), "nested"),
    ("unsupported tag", with_ssml("<speak><mark name='a'/>x</speak>"), "<mark>"),
    ("html tag", with_ssml("<speak><b>x</b></speak>"), "<b>"),
    ("unknown attribute", with_ssml('<speak><p class="x">a</p></speak>'), "unsupported attribute"),
    ("break over 10 s", with_ssml('<speak><break time="11s"/></speak>'), "10 seconds"),
    ("break 10001 ms", with_ssml('<speak><break time="10001ms"/></speak>'), "10 seconds"),
    ("break bad time", with_ssml('<speak><break time="2 seconds"/></speak>'), "500ms"),
    ("break strength", with_ssml('<speak><break strength="huge"/></speak>'), "strength"),
    ("emphasis level", with_ssml('<speak><emphasis level="loud">x</emphasis></speak>'), "level"),
    (
        "say-as value",
        with_ssml('<speak><say-as interpret-as="currency">5</say-as></speak>'),
        "interpret-as",
    ),
    ("say-as missing", with_ssml("<speak><say-as>5</say-as></speak>"), "interpret-as"),
    (
        "say-as format on non-date",
        with_ssml('<speak><say-as interpret-as="cardinal" format="mdy">5</say-as></speak>'),
        "format",
    ),
    (
        "unknown domain",
        with_ssml('<speak><amazon:domain name="sports">x</amazon:domain></speak>'),
        "speaking style",
    ),
    (
        "effect",
        with_ssml('<speak><amazon:effect name="shouted">x</amazon:effect></speak>'),
        "whispered",
    ),
    (
        "emotion name",
        with_ssml('<speak><amazon:emotion name="angry" intensity="low">x</amazon:emotion></speak>'),
        "excited",
    ),
    (
        "emotion intensity missing",
        with_ssml('<speak><amazon:emotion name="excited">x</amazon:emotion></speak>'),
        "intensity",
    ),
    ("prosody rate", with_ssml('<speak><prosody rate="10%">x</prosody></speak>'), "rate"),
    ("prosody pitch", with_ssml('<speak><prosody pitch="+80%">x</prosody></speak>'), "pitch"),
    ("prosody volume", with_ssml('<speak><prosody volume="+9dB">x</prosody></speak>'), "volume"),
    ("lang", with_ssml('<speak><lang xml:lang="xx-YY">x</lang></speak>'), "xml:lang"),
    (
        "phoneme alphabet",
        with_ssml('<speak><phoneme alphabet="abc" ph="x">x</phoneme></speak>'),
        "ipa",
    ),
    ("sub alias", with_ssml("<speak><sub>AK</sub></speak>"), "alias"),
    ("w role", with_ssml('<speak><w role="amazon:XX">read</w></speak>'), "role"),
    ("audio http", with_ssml('<speak><audio src="http://example.com/a.mp3"/></speak>'), "https"),
    ("six audio clips", with_ssml(f"<speak>{SIX_AUDIO}</speak>"), "<audio> clips"),
]


@pytest.mark.parametrize(
    ("envelope", "expected"),
    [pytest.param(envelope, expected, id=case) for case, envelope, expected in BROKEN],
)
def test_each_broken_limit_is_reported(envelope: Envelope, expected: str) -> None:
    problems = validate_response(envelope)
    assert problems, "the broken response was accepted"
    assert any(expected in problem for problem in problems), problems


def test_long_form_is_refused_where_the_locale_lacks_it() -> None:
    envelope = with_ssml(
        '<speak><amazon:domain name="long-form">Chapter one.</amazon:domain></speak>'
    )
    assert validate_response(envelope, locale="en-US") == []
    problems = validate_response(envelope, locale="en-GB")
    assert problems == ["outputSpeech: long-form narration is not available in locale 'en-GB'"]


def test_audio_clips_are_counted_across_speech_and_reprompt() -> None:
    three = "".join(f'<audio src="https://example.com/{i}.mp3"/>' for i in range(3))
    envelope = with_ssml(f"<speak>{three}</speak>")
    assert validate_response(envelope) == []
    envelope["response"]["reprompt"]["outputSpeech"]["ssml"] = f"<speak>{three}</speak>"
    assert validate_response(envelope) == ["6 <audio> clips in one response (Alexa allows 5)"]


def _session_end(e: Envelope) -> None:
    del e["response"]["reprompt"]
    e["response"]["shouldEndSession"] = True


def _plain_text(e: Envelope) -> None:
    e["response"]["outputSpeech"] = {"type": "PlainText", "text": "Goodbye."}
    e["response"]["reprompt"]["outputSpeech"] = {"type": "PlainText", "text": "Still there?"}


def _session_ended_reply(e: Envelope) -> None:
    # What ask-sdk serializes for a SessionEndedRequest: an empty response body.
    e["response"] = {}


def _at_limits(e: Envelope) -> None:
    e["response"]["outputSpeech"]["ssml"] = "<speak>" + "a" * (8000 - 15) + "</speak>"
    e["response"]["card"] = {"type": "Standard", "title": "T" * 10, "text": "c" * 7990}


def _link_account(e: Envelope) -> None:
    e["response"]["card"] = {"type": "LinkAccount"}


FIVE_AUDIO = "".join(f'<audio src="https://example.com/{i}.mp3"/>' for i in range(5))
RICH_SSML = (
    "<speak>"
    '<amazon:domain name="conversational"><p><s>Togo ran</s></p></amazon:domain>'
    '<p><emphasis level="strong">ran</emphasis></p>'
    '<break time="10s"/><break strength="x-strong"/><break time="250ms"/>'
    '<say-as interpret-as="date" format="ymd">1925-01-27</say-as>'
    '<say-as interpret-as="cardinal">674</say-as><sub alias="Alaska">AK</sub>'
    '<phoneme alphabet="ipa" ph="ˈnoʊm">Nome</phoneme><w role="amazon:VBD">read</w>'
    '<prosody rate="90%" pitch="-10%" volume="-2dB">slowly</prosody>'
    '<prosody rate="x-slow" pitch="x-high" volume="+4dB">and</prosody>'
    '<lang xml:lang="de-DE">Schnee</lang><voice name="Matthew">Hello</voice>'
    '<amazon:effect name="whispered">quiet</amazon:effect>'
    '<amazon:emotion name="excited" intensity="medium">Go!</amazon:emotion>'
    '<audio src="soundbank://soundlibrary/animals/amzn_sfx_dog_med_bark_2x_01"/>'
    "Seward &amp; Nome, 5 &lt; 6. Unicode: 雪 ✓ 🐕"
    "</speak>"
)

VALID: list[tuple[str, Envelope]] = [
    ("open session with reprompt", base_response()),
    ("session ends, no reprompt", edited(_session_end)),
    ("plain text", edited(_plain_text)),
    ("session-ended reply", edited(_session_ended_reply)),
    ("exactly at the limits", edited(_at_limits)),
    ("link account card", edited(_link_account)),
    ("every supported tag", with_ssml(RICH_SSML)),
    ("five audio clips", with_ssml(f"<speak>{FIVE_AUDIO}</speak>")),
    ("no session attributes", edited(lambda e: e.pop("sessionAttributes"))),
]


@pytest.mark.parametrize("envelope", [pytest.param(envelope, id=case) for case, envelope in VALID])
def test_valid_responses_have_no_problems(envelope: Envelope) -> None:
    assert validate_response(envelope, locale="en-US") == []


def test_exactly_24_kb_passes_and_one_byte_more_fails() -> None:
    envelope = base_response()
    envelope["sessionAttributes"]["pad"] = ""
    size = len(json.dumps(envelope).encode())
    envelope["sessionAttributes"]["pad"] = "p" * (MAX_RESPONSE_BYTES - size)
    assert validate_response(envelope) == []
    envelope["sessionAttributes"]["pad"] += "p"
    assert validate_response(envelope) == [
        f"response is {MAX_RESPONSE_BYTES + 1} bytes as JSON (Alexa allows {MAX_RESPONSE_BYTES})"
    ]


def test_validator_does_not_modify_its_input() -> None:
    envelope = with_ssml(RICH_SSML)
    before = copy.deepcopy(envelope)
    validate_response(envelope)
    assert envelope == before


def test_non_object_envelope_is_a_problem_not_a_crash() -> None:
    assert validate_response([1, 2]) == ["envelope must be a JSON object, got list"]  # type: ignore[arg-type]


def test_assert_valid_response_lists_every_problem() -> None:
    envelope = edited(_drop_reprompt)
    envelope["version"] = 1
    with pytest.raises(AssertionError, match=r"2 problems") as info:
        assert_valid_response(envelope)
    assert "no reprompt" in str(info.value) and "version" in str(info.value)
    assert_valid_response(base_response())


def test_amazon_tags_need_no_namespace_declaration() -> None:
    assert check_ssml('<speak><amazon:effect name="whispered">psst</amazon:effect></speak>') == []


def test_safety_net_fails_a_skill_that_answers_with_invalid_ssml() -> None:
    """The session-wide net in tests/support/alexa_limits.py validates every skill response.

    ask-sdk's ``speak()`` does not escape ``&``: a handler that forgets to escape produces SSML
    Alexa rejects, and the net must turn that into a test failure rather than let it pass.
    """
    from ask_sdk_core.dispatch_components import AbstractRequestHandler
    from ask_sdk_core.skill_builder import SkillBuilder

    class Careless(AbstractRequestHandler):
        def can_handle(self, handler_input: Any) -> bool:
            return True

        def handle(self, handler_input: Any) -> Any:
            return handler_input.response_builder.speak("Seward & Nome").response

    builder = SkillBuilder()
    builder.add_request_handler(Careless())
    launch = {
        "version": "1.0",
        "session": {
            "new": True,
            "sessionId": "amzn1.echo-api.session.net",
            "application": {"applicationId": "amzn1.ask.skill.net"},
            "user": {"userId": "amzn1.ask.account.NET"},
        },
        "request": {
            "type": "LaunchRequest",
            "requestId": "amzn1.echo-api.request.net",
            "timestamp": "2026-01-27T12:00:00Z",
            "locale": "en-US",
        },
    }
    with pytest.raises(AssertionError, match="invalid Alexa response") as info:
        builder.lambda_handler()(launch, None)
    assert "not well-formed" in str(info.value)


# -- speaking styles and the sound library --------------------------------------------------------

LONG_FORM = '<amazon:domain name="long-form">{}</amazon:domain>'


@pytest.mark.parametrize(
    ("inner", "offending"),
    [
        ('<p>She ran <emphasis level="moderate">fast</emphasis>.</p>', "<emphasis>"),
        ('<amazon:emotion name="excited" intensity="low">Go</amazon:emotion>', "<amazon:emotion>"),
        ('<voice name="Matthew">Hello</voice>', "<voice>"),
        ('<prosody pitch="+10%">high</prosody>', "<prosody>"),
        ('<say-as interpret-as="interjection">wow</say-as>', "<say-as>"),
    ],
)
def test_tags_alexa_lists_as_incompatible_with_a_style_fail_inside_one(
    inner: str, offending: str
) -> None:
    problems = check_ssml(f"<speak>{LONG_FORM.format(inner)}</speak>", "en-US")
    assert problems and offending in problems[0] and "incompatible" in problems[0]


def test_a_style_inside_emphasis_fails_too() -> None:
    ssml = f'<speak><emphasis level="strong">{LONG_FORM.format("Nome")}</emphasis></speak>'
    assert any("<amazon:domain> inside <emphasis>" in p for p in check_ssml(ssml, "en-US"))


def test_compatible_tags_inside_a_style_pass() -> None:
    inner = ('<p>It was <say-as interpret-as="cardinal">300000</say-as> units, '
             '<prosody rate="90%">slowly</prosody>.</p><break time="1s"/>')
    assert check_ssml(f"<speak>{LONG_FORM.format(inner)}</speak>", "en-US") == []


def test_sound_library_clips_are_timed_from_the_recorded_durations() -> None:
    from balto.validation import recorded_clip_seconds

    recorded = recorded_clip_seconds()
    assert recorded and all(url.startswith("soundbank://soundlibrary/") for url in recorded)
    clips = "".join(f'<audio src="{url}"/>' for url in list(recorded)[:5])
    assert validate_response(with_ssml(f"<speak>{clips}</speak>")) == []


def test_a_sound_library_clip_without_a_recorded_duration_is_reported() -> None:
    clip = '<audio src="soundbank://soundlibrary/animals/amzn_sfx_cat_meow_1x_01"/>'
    problems = validate_response(with_ssml(f"<speak>{clip}</speak>"))
    assert len(problems) == 1 and "duration is not recorded" in problems[0]


def test_more_than_240_seconds_of_audio_fails_across_speech_and_reprompt() -> None:
    lengths = {f"https://example.com/{i}.mp3": 60.0 for i in range(5)}
    three = "".join(f'<audio src="https://example.com/{i}.mp3"/>' for i in range(3))
    two = "".join(f'<audio src="https://example.com/{i}.mp3"/>' for i in range(3, 5))
    envelope = with_ssml(f"<speak>{three}</speak>")
    envelope["response"]["reprompt"]["outputSpeech"]["ssml"] = f"<speak>{two}</speak>"
    assert validate_response(envelope, audio_seconds=lengths) == [
        "300 seconds of audio in one response (Alexa allows 240)"
    ]
    lengths = dict.fromkeys(lengths, 48.0)
    assert validate_response(envelope, audio_seconds=lengths) == []
