"""skill.config: environment in, frozen settings out; persistence chosen from them."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import pytest

from skill.config import Config, ConfigError, load_config
from skill.persistence import persistence_from_config

SKILL_ID = "amzn1.ask.skill.12345678-1234-4234-8234-123456789012"


def test_defaults_when_nothing_is_set() -> None:
    cfg = load_config({})
    assert cfg == Config(None, None, "INFO", None, None, None)
    assert cfg.log_level_number == logging.INFO


def test_reads_every_setting() -> None:
    cfg = load_config(
        {
            "TABLE_NAME": "progress",
            "SKILL_ID": SKILL_ID,
            "LOG_LEVEL": "debug",
            "SERUM_RUN_DB": "/tmp/serum.sqlite3",
            "AWS_REGION": "eu-west-1",
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_ENDPOINT_URL_DYNAMODB": "http://127.0.0.1:8000",
        }
    )
    assert cfg == Config(
        table_name="progress",
        skill_id=SKILL_ID,
        log_level="DEBUG",
        sqlite_path="/tmp/serum.sqlite3",
        region="eu-west-1",  # Lambda's AWS_REGION wins over a default
        dynamodb_endpoint="http://127.0.0.1:8000",
    )
    assert cfg.log_level_number == logging.DEBUG


def test_blank_values_count_as_unset() -> None:
    """SAM and shells pass empty strings for parameters left empty."""
    cfg = load_config({"TABLE_NAME": " ", "SKILL_ID": "", "LOG_LEVEL": "", "AWS_REGION": ""})
    assert cfg == load_config({})


def test_region_falls_back_to_aws_default_region() -> None:
    assert load_config({"AWS_DEFAULT_REGION": "ap-southeast-2"}).region == "ap-southeast-2"


def test_reads_the_process_environment_when_given_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TABLE_NAME", "from-env")
    monkeypatch.setenv("LOG_LEVEL", "ERROR")
    cfg = load_config()
    assert (cfg.table_name, cfg.log_level) == ("from-env", "ERROR")


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"LOG_LEVEL": "verbose"}, "LOG_LEVEL='verbose' is not a logging level"),
        ({"SKILL_ID": "my-skill"}, "does not look like an Alexa skill id"),
    ],
)
def test_bad_values_are_refused_with_a_fix(environ: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_config(environ)


def test_config_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        load_config({}).table_name = "x"  # type: ignore[misc]


def test_no_persistence_when_nothing_is_configured() -> None:
    assert persistence_from_config(load_config({})) is None


def test_sqlite_when_only_a_database_path_is_set(tmp_path: Path) -> None:
    sqlite_persistence = pytest.importorskip("skill.persistence.sqlite")
    adapter = persistence_from_config(load_config({"SERUM_RUN_DB": str(tmp_path / "p.sqlite3")}))
    assert isinstance(adapter, sqlite_persistence.SQLitePersistenceAdapter)


def test_dynamodb_wins_when_a_table_is_configured(tmp_path: Path) -> None:
    adapter = persistence_from_config(
        load_config(
            {
                "TABLE_NAME": "progress",
                "SERUM_RUN_DB": str(tmp_path / "unused.sqlite3"),
                "AWS_REGION": "eu-west-1",
            }
        )
    )
    # Imported only now: importing ask_sdk_dynamodb needs a region, which our factory lends it.
    from ask_sdk_dynamodb.adapter import DynamoDbAdapter

    assert isinstance(adapter, DynamoDbAdapter)
    assert adapter.table_name == "progress"
    assert adapter.create_table is False
    assert not (tmp_path / "unused.sqlite3").exists()
