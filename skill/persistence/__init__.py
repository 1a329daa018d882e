"""Where listener progress is kept: SQLite (embedded default) and DynamoDB (AWS), side by side.

:func:`persistence_from_config` picks one from the configuration. Each adapter is imported only
when chosen: ``ask_sdk_dynamodb``'s adapter builds a boto3 session at import (~0.3 s, and it needs
an AWS region), which a local run must neither pay for nor require.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from skill.config import Config, ConfigError

if TYPE_CHECKING:
    from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter


def persistence_from_config(config: Config) -> AbstractPersistenceAdapter | None:
    """The progress store the configuration asks for.

    DynamoDB when ``table_name`` is set (the AWS deployment), else SQLite when ``sqlite_path`` is
    set (local runs), else ``None``: the skill then works without remembering story progress
    between sessions, which is the right default for throw-away simulator runs and tests.

    Raises
    ------
    ConfigError
        When the SQLite file cannot be opened (the message says which file and why).
    """
    if config.table_name is not None:
        from skill.persistence.dynamodb import make_dynamodb_adapter

        return make_dynamodb_adapter(
            config.table_name, endpoint_url=config.dynamodb_endpoint, region=config.region
        )
    if config.sqlite_path is not None:
        from skill.persistence.sqlite import SQLitePersistenceAdapter

        try:
            return SQLitePersistenceAdapter(config.sqlite_path)
        except Exception as error:  # noqa: BLE001 - any failure to open is a setup error
            raise ConfigError(f"progress database {config.sqlite_path}: {error}") from error
    return None
