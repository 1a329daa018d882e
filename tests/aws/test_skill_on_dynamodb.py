"""The whole skill (build_skill + make_handler, as the Lambda entry wires it) on DynamoDB.

Everything goes over HTTP to moto's server, or to a loopback stand-in that throttles, or to a
port where nothing listens. Whatever the store does, Alexa must get a valid spoken answer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from skill.alexa.skill_factory import build_skill, make_handler
from skill.persistence.dynamodb import PARTITION_KEY_NAME, make_dynamodb_adapter
from tests.aws import envelopes
from tests.aws.conftest import REGION
from tests.aws.servers import free_port, throttling_server
from tests.support.alexa_limits import assert_alexa_valid

pytestmark = pytest.mark.slow

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]


def skill_on(table_name: str, endpoint: str) -> Handler:
    """The Lambda's handler with the DynamoDB store ``persistence_from_config`` would build."""
    adapter = make_dynamodb_adapter(table_name, endpoint_url=endpoint, region=REGION)
    return make_handler(build_skill(persistence=adapter), skill_id=envelopes.SKILL_ID)


def speech(response: dict[str, Any]) -> str:
    output = response["response"]["outputSpeech"]
    return str(output.get("ssml") or output.get("text"))


def test_a_new_listener_is_greeted_and_nothing_is_stored_before_they_listen(
    moto_endpoint: str, table_name: str, dynamodb: Any
) -> None:
    handler = skill_on(table_name, moto_endpoint)
    response = assert_alexa_valid(handler(envelopes.launch(), None))
    assert "Serum Run" in speech(response)
    assert "Item" not in dynamodb.Table(table_name).get_item(
        Key={PARTITION_KEY_NAME: envelopes.USER_A}
    )


def test_a_returning_listener_is_offered_their_chapter(
    moto_endpoint: str, table_name: str, dynamodb: Any
) -> None:
    """Progress written by an earlier session (any container) is read back at launch."""
    dynamodb.Table(table_name).put_item(
        Item={
            PARTITION_KEY_NAME: envelopes.USER_A,
            "attributes": {
                "story": {"chapter": 3, "finished": False, "last_listened": "2026-11-01T20:00:00Z"}
            },
        }
    )
    handler = skill_on(table_name, moto_endpoint)
    returning = assert_alexa_valid(handler(envelopes.launch(user_id=envelopes.USER_A), None))
    newcomer = assert_alexa_valid(handler(envelopes.launch(user_id=envelopes.USER_B), None))

    assert returning["sessionAttributes"]["story"]["chapter"] == 3
    assert speech(returning) != speech(newcomer)
    assert "story" not in newcomer.get("sessionAttributes", {})


@pytest.mark.parametrize("failure", ["missing table", "throttled", "unreachable"])
def test_the_skill_still_answers_when_the_store_fails(moto_endpoint: str, failure: str) -> None:
    def run(endpoint: str, table: str) -> dict[str, Any]:
        handler = skill_on(table, endpoint)
        launch = assert_alexa_valid(handler(envelopes.launch(), None))
        help_ = assert_alexa_valid(handler(envelopes.intent("AMAZON.HelpIntent"), None))
        assert speech(help_)
        return launch

    if failure == "missing table":
        launch = run(moto_endpoint, "table-that-was-never-deployed")
    elif failure == "throttled":
        with throttling_server() as (endpoint, calls):
            launch = run(endpoint, "progress")
        assert calls.calls >= 1
    else:
        launch = run(f"http://127.0.0.1:{free_port()}", "progress")
    assert "Serum Run" in speech(launch)
    assert launch["response"].get("shouldEndSession") is not True
