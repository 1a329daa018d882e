"""Fixtures for the AWS tests: one moto server per test session, a fresh table per test."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import boto3
import pytest

from tests.aws.servers import moto_server
from tests.aws.template import create_table_from_template

REGION = "us-east-1"
DUMMY_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
}


@pytest.fixture(autouse=True)
def _dummy_aws_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dummy credentials and a region, and no real AWS profile that could leak in."""
    for name, value in DUMMY_CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)
    for name in ("AWS_PROFILE", "AWS_REGION", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_DYNAMODB"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", "/dev/null")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    """Endpoint URL of a moto server running for the whole test session."""
    with moto_server() as endpoint:
        yield endpoint


@pytest.fixture
def dynamodb(moto_endpoint: str, _dummy_aws_environment: None) -> Any:
    """A boto3 DynamoDB resource talking to the moto server."""
    return boto3.resource("dynamodb", endpoint_url=moto_endpoint, region_name=REGION)


@pytest.fixture
def table_name(dynamodb: Any) -> Iterator[str]:
    """A fresh table created from template.yaml's schema, deleted after the test."""
    name = f"serum-run-progress-{uuid.uuid4().hex[:12]}"
    create_table_from_template(dynamodb, name)
    yield name
    dynamodb.Table(name).delete()
