"""ask-sdk's DynamoDB adapter, as the skill builds it, against moto's server over real HTTP.

The skill reaches persistence only through ask-sdk's ``AttributesManager`` (one per request), so
these tests drive the adapter through it exactly as a request does: load lazily, change, save.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from typing import Any

import pytest
from ask_sdk_core.attributes_manager import AttributesManager
from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope

from skill.config import load_config
from skill.persistence import persistence_from_config
from skill.persistence.dynamodb import (
    ATTRIBUTE_NAME,
    BOTOCORE_CONFIG,
    PARTITION_KEY_NAME,
    make_dynamodb_adapter,
)
from tests.aws import envelopes
from tests.aws.conftest import REGION
from tests.aws.servers import free_port, throttling_server
from tests.aws.template import REPO

pytestmark = pytest.mark.slow

PROGRESS = {"story": {"chapter": 3, "finished": False, "last_listened": "2026-11-28T19:05:00Z"}}


def request_envelope(raw: dict[str, Any]) -> RequestEnvelope:
    """Deserialize a raw envelope the way the Lambda handler does."""
    return DefaultSerializer().deserialize(json.dumps(raw), RequestEnvelope)


def manager_for(adapter: Any, user_id: str) -> AttributesManager:
    """The attributes manager one request from ``user_id`` gets."""
    return AttributesManager(request_envelope(envelopes.launch(user_id=user_id)), adapter)


def test_progress_saved_in_one_session_is_resumed_in_the_next(
    moto_endpoint: str, table_name: str
) -> None:
    first = manager_for(make_dynamodb_adapter(table_name, endpoint_url=moto_endpoint), "u1")
    assert first.persistent_attributes == {}
    first.persistent_attributes = PROGRESS
    first.save_persistent_attributes()

    # A new session, possibly in a new Lambda container: a fresh adapter and resource.
    second = manager_for(make_dynamodb_adapter(table_name, endpoint_url=moto_endpoint), "u1")
    assert second.persistent_attributes == PROGRESS


def test_numbers_come_back_as_json_types_not_decimals(
    moto_endpoint: str, table_name: str, dynamodb: Any
) -> None:
    """DynamoDB stores Decimals; the skill (like SQLite and the session) must see int and float."""
    adapter = make_dynamodb_adapter(table_name, endpoint_url=moto_endpoint)
    manager = manager_for(adapter, "u5")
    manager.persistent_attributes = {"story": {"chapter": 4}, "ratio": 0.25, "seen": [1, 2.5]}
    manager.save_persistent_attributes()  # boto3 alone refuses floats

    loaded = manager_for(adapter, "u5").persistent_attributes
    assert loaded == {"story": {"chapter": 4}, "ratio": 0.25, "seen": [1, 2.5]}
    assert type(loaded["story"]["chapter"]) is int
    assert type(loaded["ratio"]) is float
    assert [type(item) for item in loaded["seen"]] == [int, float]
    raw = dynamodb.Table(table_name).get_item(Key={PARTITION_KEY_NAME: "u5"})["Item"]
    assert raw[ATTRIBUTE_NAME]["story"]["chapter"] == Decimal(4)


def test_two_listeners_are_kept_apart(moto_endpoint: str, table_name: str) -> None:
    adapter = make_dynamodb_adapter(table_name, endpoint_url=moto_endpoint)
    listener_a = manager_for(adapter, envelopes.USER_A)
    listener_a.persistent_attributes = PROGRESS
    listener_a.save_persistent_attributes()
    listener_b = manager_for(adapter, envelopes.USER_B)
    listener_b.persistent_attributes = {"story": {"chapter": 0, "finished": True}}
    listener_b.save_persistent_attributes()

    assert manager_for(adapter, envelopes.USER_A).persistent_attributes == PROGRESS
    assert manager_for(adapter, envelopes.USER_B).persistent_attributes == {
        "story": {"chapter": 0, "finished": True}
    }
    assert manager_for(adapter, "amzn1.ask.account.SOMEONE-ELSE").persistent_attributes == {}


def test_items_are_keyed_by_alexa_user_id_under_the_template_key(
    moto_endpoint: str, table_name: str, dynamodb: Any
) -> None:
    manager = manager_for(make_dynamodb_adapter(table_name, endpoint_url=moto_endpoint), "u7")
    manager.persistent_attributes = PROGRESS
    manager.save_persistent_attributes()

    item = dynamodb.Table(table_name).get_item(Key={PARTITION_KEY_NAME: "u7"})["Item"]
    assert item[ATTRIBUTE_NAME]["story"]["chapter"] == 3
    assert dynamodb.Table(table_name).item_count in (0, 1)  # moto updates counts lazily


def test_deleting_progress_forgets_the_listener(moto_endpoint: str, table_name: str) -> None:
    adapter = make_dynamodb_adapter(table_name, endpoint_url=moto_endpoint)
    manager = manager_for(adapter, "u9")
    manager.persistent_attributes = PROGRESS
    manager.save_persistent_attributes()
    manager_for(adapter, "u9").delete_persistent_attributes()
    assert manager_for(adapter, "u9").persistent_attributes == {}


def test_missing_table_is_reported_and_never_created(moto_endpoint: str, dynamodb: Any) -> None:
    adapter = make_dynamodb_adapter("no-such-table", endpoint_url=moto_endpoint)
    with pytest.raises(PersistenceException, match="ResourceNotFoundException"):
        manager_for(adapter, "u1").persistent_attributes  # noqa: B018 - the load is the test
    manager = AttributesManager(request_envelope(envelopes.launch()), adapter)
    manager.persistent_attributes = PROGRESS
    with pytest.raises(PersistenceException):
        manager.save_persistent_attributes()
    assert "no-such-table" not in dynamodb.meta.client.list_tables()["TableNames"]


def test_throttled_calls_fail_within_the_retry_budget() -> None:
    with throttling_server() as (endpoint, handler):
        adapter = make_dynamodb_adapter("progress", endpoint_url=endpoint, region=REGION)
        with pytest.raises(PersistenceException, match="Throttling"):
            manager_for(adapter, "u1").persistent_attributes  # noqa: B018
    assert handler.calls == BOTOCORE_CONFIG.retries["total_max_attempts"] == 2


def test_unreachable_endpoint_fails_with_persistence_exception() -> None:
    adapter = make_dynamodb_adapter(
        "progress", endpoint_url=f"http://127.0.0.1:{free_port()}", region=REGION
    )
    with pytest.raises(PersistenceException):
        manager_for(adapter, "u1").persistent_attributes  # noqa: B018


def test_config_wires_table_and_endpoint_from_the_environment(
    moto_endpoint: str, table_name: str
) -> None:
    cfg = load_config(
        {"TABLE_NAME": table_name, "AWS_REGION": REGION, "AWS_ENDPOINT_URL_DYNAMODB": moto_endpoint}
    )
    adapter = persistence_from_config(cfg)
    manager = manager_for(adapter, "u3")
    manager.persistent_attributes = PROGRESS
    manager.save_persistent_attributes()
    assert (
        manager_for(
            make_dynamodb_adapter(table_name, endpoint_url=moto_endpoint), "u3"
        ).persistent_attributes
        == PROGRESS
    )


def test_empty_table_name_is_refused() -> None:
    with pytest.raises(ValueError, match="table name"):
        make_dynamodb_adapter("")


def test_adapter_imports_without_any_configured_region_and_leaves_no_trace() -> None:
    """ask_sdk_dynamodb needs a region at import; ours must not leak the one it lends it."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("AWS_") or key in {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"}
    }
    env["AWS_CONFIG_FILE"] = "/dev/null"
    code = (
        "import os\n"
        "from skill.config import load_config\n"
        "from skill.persistence import persistence_from_config\n"
        "cfg = load_config({'TABLE_NAME': 't', 'AWS_REGION': 'eu-west-1'})\n"
        "adapter = persistence_from_config(cfg)\n"
        "from ask_sdk_dynamodb.adapter import DynamoDbAdapter\n"
        "print(isinstance(adapter, DynamoDbAdapter), adapter.dynamodb.meta.client.meta.region_name,"
        " os.environ.get('AWS_DEFAULT_REGION'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "eu-west-1", "None"]


def test_a_missing_region_is_a_clear_error() -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    env["AWS_CONFIG_FILE"] = "/dev/null"
    code = ("from skill.persistence.dynamodb import make_dynamodb_adapter\n"
            "make_dynamodb_adapter('t')\n")
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert "set AWS_REGION" in result.stderr
