"""Read template.yaml the way CloudFormation sees it, without AWS: short-form tags become dicts.

``yaml.safe_load`` refuses CloudFormation's ``!Ref`` / ``!GetAtt`` / ``!Sub`` tags. This loader
turns each ``!Name value`` into ``{"Fn::Name": value}`` (``{"Ref": value}`` for ``!Ref``), which is
what the tests need to read the table schema and the function's settings straight from the file
that gets deployed, so the tests cannot drift from it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
TEMPLATE_PATH = REPO / "template.yaml"


class _CfnLoader(yaml.SafeLoader):
    """SafeLoader that understands CloudFormation short-form intrinsic functions."""


def _intrinsic(loader: yaml.SafeLoader, tag_suffix: str, node: yaml.Node) -> dict[str, Any]:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    if tag_suffix == "Ref":
        return {"Ref": value}
    if tag_suffix == "GetAtt" and isinstance(value, str):
        value = value.split(".", 1)
    return {f"Fn::{tag_suffix}": value}


_CfnLoader.add_multi_constructor("!", _intrinsic)


def load_template(path: Path = TEMPLATE_PATH) -> dict[str, Any]:
    """Parse a CloudFormation/SAM template into plain Python data."""
    with path.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_CfnLoader)  # noqa: S506 - SafeLoader subclass
    if not isinstance(data, dict):
        raise ValueError(f"{path} is not a template (top level is {type(data).__name__})")
    return data


def resource(template: dict[str, Any], type_name: str) -> tuple[str, dict[str, Any]]:
    """The one resource of ``type_name`` in ``template`` as (logical id, definition)."""
    found = [
        (logical_id, body)
        for logical_id, body in template["Resources"].items()
        if body["Type"] == type_name
    ]
    if len(found) != 1:
        raise AssertionError(f"expected exactly one {type_name}, found {len(found)}")
    return found[0]


def create_table_from_template(dynamodb: Any, table_name: str) -> None:
    """Create ``table_name`` with the key schema, billing and options template.yaml declares.

    ``dynamodb`` is a boto3 DynamoDB service resource. CloudFormation property names differ from
    the API's for SSE and point-in-time recovery, so those two are translated here.
    """
    _, table = resource(load_template(), "AWS::DynamoDB::Table")
    props = table["Properties"]
    created = dynamodb.create_table(
        TableName=table_name,
        KeySchema=props["KeySchema"],
        AttributeDefinitions=props["AttributeDefinitions"],
        BillingMode=props["BillingMode"],
        SSESpecification={"Enabled": bool(props["SSESpecification"]["SSEEnabled"])},
    )
    created.wait_until_exists()
    pitr = props["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"]
    dynamodb.meta.client.update_continuous_backups(
        TableName=table_name,
        PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": bool(pitr)},
    )
