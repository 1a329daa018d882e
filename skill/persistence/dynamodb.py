"""DynamoDB progress store on AWS: ask-sdk's adapter with an explicit boto3 resource.

Why this module exists rather than calling ``DynamoDbAdapter(...)`` directly:

* ``ask_sdk_dynamodb.adapter`` evaluates ``boto3.resource("dynamodb")`` as a *default argument*
  when the module is imported. That needs an AWS region (it raises ``NoRegionError`` otherwise)
  and costs a boto3 session. We import it only here, only when a table is configured, and make
  sure a region is visible during that import; the resource it builds is never used because we
  always pass our own.
* Our resource carries timeouts and a retry budget sized for Alexa, which abandons a request after
  8 seconds: botocore's defaults (60 s connect / 60 s read, several retries) would let one slow
  DynamoDB call eat the whole budget, so the skill could not even say "sorry".
* DynamoDB hands numbers back as ``decimal.Decimal`` and refuses Python floats. The rest of the
  skill (and the SQLite store, and session attributes) speaks JSON types, where a chapter is an
  ``int``; a ``Decimal('3')`` fails ``isinstance(chapter, int)`` and progress would silently never
  resume on AWS. The adapter returned here converts at the edge, both ways.
* The table is created by the SAM template (``template.yaml``), never by the adapter: a function
  whose policy allows ``CreateTable`` could create tables anywhere in the account.
* Progress must never move backwards when two requests for one listener overlap (two devices, a
  retry). ask-sdk's ``save_attributes`` is an unconditional ``put_item``: the later write wins even
  when it carries older progress. ``update_attributes`` reads the item with a version number,
  lets the caller decide, and writes with a ``ConditionExpression`` on that version; a
  ``ConditionalCheckFailedException`` means someone wrote in between, so it reads again and lets
  the caller decide again (a few times at most, after which newer progress is taken to exist).
  It needs only GetItem and PutItem, which the template already grants.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import boto3
from botocore.config import Config as BotocoreConfig
from botocore.exceptions import BotoCoreError, ClientError

if TYPE_CHECKING:
    from ask_sdk_dynamodb.adapter import DynamoDbAdapter
    from ask_sdk_model import RequestEnvelope
    from boto3.resources.base import ServiceResource

PARTITION_KEY_NAME = "id"
"""Hash key of the progress table; template.yaml's KeySchema must use the same name."""

ATTRIBUTE_NAME = "attributes"
"""Item attribute that holds the persistent-attributes map."""

VERSION_NAME = "version"
"""Item attribute counting conditional writes; absent on items written by a plain put."""

MAX_UPDATE_ATTEMPTS = 4
"""Read-decide-write rounds before concluding that newer progress keeps arriving."""

log = logging.getLogger(__name__)

FALLBACK_IMPORT_REGION = "us-east-1"
"""Region made visible only while importing ask_sdk_dynamodb when none is configured at all."""

BOTOCORE_CONFIG = BotocoreConfig(
    connect_timeout=0.5,
    read_timeout=1.0,
    retries={"total_max_attempts": 2, "mode": "standard"},
)
"""Two attempts (one retry) of at most 1.5 s each plus jittered backoff: in-region DynamoDB answers
in milliseconds, so this only bounds the bad case, keeping the skill inside Alexa's 8 s."""


def _import_adapter_class(region: str | None) -> type[DynamoDbAdapter]:
    """Import ``DynamoDbAdapter``, giving its import-time ``boto3.resource`` call a region.

    If neither the environment nor the caller names a region, AWS_DEFAULT_REGION is set only for
    the duration of the import and then removed again, so no global state leaks out of here.
    """
    if boto3.session.Session().region_name is not None:
        from ask_sdk_dynamodb.adapter import DynamoDbAdapter

        return DynamoDbAdapter
    os.environ["AWS_DEFAULT_REGION"] = region or FALLBACK_IMPORT_REGION
    try:
        from ask_sdk_dynamodb.adapter import DynamoDbAdapter
    finally:
        del os.environ["AWS_DEFAULT_REGION"]
    return DynamoDbAdapter


def from_dynamodb(value: Any) -> Any:
    """DynamoDB's types to JSON's: integral ``Decimal`` to ``int``, others to ``float``."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {key: from_dynamodb(item) for key, item in value.items()}
    if isinstance(value, list):
        return [from_dynamodb(item) for item in value]
    return value


def to_dynamodb(value: Any) -> Any:
    """JSON's types to DynamoDB's: ``float`` to ``Decimal`` (boto3 refuses floats)."""
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, dict):
        return {key: to_dynamodb(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_dynamodb(item) for item in value]
    return value


@functools.cache
def _json_types_adapter_class(base: type[DynamoDbAdapter]) -> type[DynamoDbAdapter]:
    """ask-sdk's adapter, converting attribute values at the DynamoDB edge.

    Built on first use rather than at module level because ``base`` cannot be imported until a
    region is known (see :func:`_import_adapter_class`).
    """

    class JsonTypesDynamoDbAdapter(base):  # type: ignore[misc,valid-type]
        """ask-sdk's DynamoDbAdapter whose attributes are plain JSON types on the skill side."""

        def get_attributes(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
            return from_dynamodb(super().get_attributes(request_envelope))

        def save_attributes(
            self, request_envelope: RequestEnvelope, attributes: dict[str, Any]
        ) -> None:
            super().save_attributes(request_envelope, to_dynamodb(attributes))

        def update_attributes(
            self,
            request_envelope: RequestEnvelope,
            change: Callable[[dict[str, Any]], dict[str, Any] | None],
        ) -> dict[str, Any] | None:
            """Read, decide and write conditionally on the version read; see the module doc.

            Returns what was written, or None when ``change`` declined or newer writes kept
            winning. Failures other than a lost race raise ``PersistenceException``.
            """
            from ask_sdk_core.exceptions import PersistenceException

            table = self.dynamodb.Table(self.table_name)
            key = {self.partition_key_name: self.partition_keygen(request_envelope)}
            try:
                for _ in range(MAX_UPDATE_ATTEMPTS):
                    item = table.get_item(Key=key, ConsistentRead=True).get("Item")
                    current = from_dynamodb(item[self.attribute_name]) if item else {}
                    updated = change(current if isinstance(current, dict) else {})
                    if updated is None:
                        return None
                    if _put_if_version(table, key, self.attribute_name, updated, item):
                        return updated
            except (ClientError, BotoCoreError) as exc:
                raise PersistenceException(
                    f"Failed to update attributes in DynamoDb table {self.table_name}: "
                    f"{type(exc).__name__}: {exc}"
                ) from exc
            log.info("progress kept changing during %d attempts; not saving", MAX_UPDATE_ATTEMPTS)
            return None

    return JsonTypesDynamoDbAdapter


def _put_if_version(
    table: Any,
    key: dict[str, Any],
    attribute_name: str,
    attributes: dict[str, Any],
    previous: dict[str, Any] | None,
) -> bool:
    """Put the item if its version is still what was read; False when another write won."""
    version = previous.get(VERSION_NAME) if previous else None
    condition: dict[str, Any] = {"ExpressionAttributeNames": {"#v": VERSION_NAME}}
    if version is None:  # no item yet, or one written by a plain (unversioned) put
        condition["ConditionExpression"] = "attribute_not_exists(#v)"
    else:
        condition["ConditionExpression"] = "#v = :v"
        condition["ExpressionAttributeValues"] = {":v": version}
    item = {**key, attribute_name: to_dynamodb(attributes), VERSION_NAME: int(version or 0) + 1}
    try:
        table.put_item(Item=item, **condition)
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
            return False
        raise
    return True


def make_dynamodb_resource(
    *, endpoint_url: str | None = None, region: str | None = None
) -> ServiceResource:
    """Build the boto3 DynamoDB service resource the adapter talks through.

    ``endpoint_url`` points at DynamoDB Local or a moto server; on AWS it stays ``None``.
    The resource comes from boto3's default session when one exists: importing
    ``ask_sdk_dynamodb`` has just created it and loaded the DynamoDB service model into it, so
    reusing it costs ~15 ms of the cold start where a fresh session costs ~100 ms.
    """
    session = boto3.DEFAULT_SESSION or boto3.session.Session()
    resolved = region or boto3.session.Session().region_name
    if resolved is None:
        raise ValueError(
            "No AWS region for DynamoDB: set AWS_REGION (Lambda sets it for you) "
            "or AWS_DEFAULT_REGION."
        )
    return session.resource(
        "dynamodb", region_name=resolved, endpoint_url=endpoint_url, config=BOTOCORE_CONFIG
    )


def make_dynamodb_adapter(
    table_name: str, *, endpoint_url: str | None = None, region: str | None = None
) -> DynamoDbAdapter:
    """Return ask-sdk's DynamoDB persistence adapter for ``table_name``, keyed by Alexa user id.

    The adapter never creates the table (``create_table=False``); it reads and writes items
    ``{"id": <userId>, "attributes": {...}}``, with numbers as ``int``/``float`` on the skill's
    side. Failures surface as
    ``ask_sdk_core.exceptions.PersistenceException`` for the skill's interceptors to handle.
    """
    if not table_name:
        raise ValueError("make_dynamodb_adapter needs a table name (TABLE_NAME is empty).")
    # A class is hashable; mypy reads the adapter class's __hash__ as an instance method.
    adapter_class = _json_types_adapter_class(_import_adapter_class(region))  # type: ignore[arg-type]
    from ask_sdk_dynamodb.partition_keygen import user_id_partition_keygen

    return adapter_class(
        table_name=table_name,
        partition_key_name=PARTITION_KEY_NAME,
        attribute_name=ATTRIBUTE_NAME,
        create_table=False,
        partition_keygen=user_id_partition_keygen,
        dynamodb_resource=make_dynamodb_resource(endpoint_url=endpoint_url, region=region),
    )
