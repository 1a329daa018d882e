"""Stored progress never moves backwards on DynamoDB when one listener's requests overlap.

The table is template.yaml's, on moto_server, with a stream switched on so that every write the
table accepted can be read back in order: the check is made on DynamoDB's own record of what was
written, not on what the adapter says it did.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any

import boto3
import pytest
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope
from boto3.dynamodb.types import TypeDeserializer

from skill.alexa.skill_factory import build_skill, make_handler
from skill.persistence.dynamodb import (
    ATTRIBUTE_NAME,
    PARTITION_KEY_NAME,
    VERSION_NAME,
    make_dynamodb_adapter,
)
from tests.aws.conftest import REGION
from tests.support import envelopes as env
from tests.support.progress_race import CHAPTERS, DEVICES, backward_moves, run_race

pytestmark = pytest.mark.slow

USER = "amzn1.ask.account.RACER"


def written_items(endpoint: str, table_name: str) -> list[dict[str, Any]]:
    """Every item image the table accepted, oldest first (its stream, NEW_IMAGE)."""
    client = boto3.client("dynamodb", endpoint_url=endpoint, region_name=REGION)
    arn = client.describe_table(TableName=table_name)["Table"]["LatestStreamArn"]
    streams = boto3.client("dynamodbstreams", endpoint_url=endpoint, region_name=REGION)
    images: list[dict[str, Any]] = []
    for shard in streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"]:
        iterator = streams.get_shard_iterator(
            StreamArn=arn, ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON"
        )["ShardIterator"]
        while iterator:
            page = streams.get_records(ShardIterator=iterator, Limit=1000)
            images += [record["dynamodb"]["NewImage"] for record in page["Records"]]
            iterator = page.get("NextShardIterator") if page["Records"] else None
    plain = TypeDeserializer()
    return [{key: plain.deserialize(value) for key, value in image.items()} for image in images]


def request_envelope() -> RequestEnvelope:
    raw = json.dumps(env.launch(user_id=USER))
    return DefaultSerializer().deserialize(raw, RequestEnvelope)  # type: ignore[no-any-return]


@pytest.fixture
def streamed_table(dynamodb: Any, table_name: str) -> str:
    dynamodb.meta.client.update_table(
        TableName=table_name,
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"},
    )
    return table_name


def test_eight_devices_never_move_stored_progress_backwards(
    moto_endpoint: str, streamed_table: str
) -> None:
    adapter = make_dynamodb_adapter(streamed_table, endpoint_url=moto_endpoint, region=REGION)
    run_race(make_handler(build_skill(persistence=adapter)), USER)
    items = written_items(moto_endpoint, streamed_table)
    assert len(items) >= CHAPTERS - 1
    versions = [int(item[VERSION_NAME]) for item in items]
    assert versions == list(range(1, len(items) + 1))  # each write followed the one it read
    stories = [item[ATTRIBUTE_NAME]["story"] for item in items]
    assert backward_moves(stories) == []
    assert (stories[-1]["chapter"], stories[-1]["finished"]) == (CHAPTERS, True)


def test_a_lost_race_is_retried_on_the_newer_record(
    moto_endpoint: str, table_name: str, dynamodb: Any
) -> None:
    """Another write lands between this update's read and its put: the put is refused by the
    version condition, and the caller decides again on what is now stored."""
    adapter = make_dynamodb_adapter(table_name, endpoint_url=moto_endpoint, region=REGION)
    table = dynamodb.Table(table_name)
    envelope = request_envelope()
    seen: list[dict[str, Any]] = []

    def change(current: dict[str, Any]) -> dict[str, Any] | None:
        seen.append(current)
        if len(seen) == 1:  # someone else writes (a newer chapter) while we decide
            table.put_item(Item={PARTITION_KEY_NAME: USER, ATTRIBUTE_NAME: {"chapter": 7},
                                 VERSION_NAME: 1})
        if current.get("chapter", 0) >= 5:
            return None  # newer progress exists: leave it
        return {"chapter": 5}

    assert adapter.update_attributes(envelope, change) is None
    assert seen == [{}, {"chapter": 7}]
    item = table.get_item(Key={PARTITION_KEY_NAME: USER}, ConsistentRead=True)["Item"]
    assert item[ATTRIBUTE_NAME] == {"chapter": Decimal(7)}


def test_updates_from_eight_threads_are_never_lost(moto_endpoint: str, table_name: str) -> None:
    adapter = make_dynamodb_adapter(table_name, endpoint_url=moto_endpoint, region=REGION)
    envelope = request_envelope()

    def bump(current: dict[str, Any]) -> dict[str, Any]:
        return {"n": current.get("n", 0) + 1}

    with ThreadPoolExecutor(max_workers=DEVICES) as pool:
        results = list(pool.map(lambda _: adapter.update_attributes(envelope, bump), range(40)))
    applied = sum(result is not None for result in results)
    assert adapter.get_attributes(envelope) == {"n": applied}  # no increment overwrote another
    # Lost races give up after a few attempts by design; how many win depends on the machine's
    # load, so only ask that contention never starves the writers altogether.
    assert applied >= DEVICES
