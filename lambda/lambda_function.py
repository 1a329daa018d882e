"""AWS Lambda entry point for Serum Run.

The skill is built once per container (at import, i.e. during the cold start) and reused for every
request the container serves, by the same ``handler_from_config`` every front door uses. Only
``skill`` is imported (docs/performance.md measures what that costs).
"""

from __future__ import annotations

import gc
import os
import sys
from typing import Any

# Building the skill creates tens of thousands of objects that live as long as the container,
# none of them garbage: collecting while they are made only slows the cold start, and scanning
# them again in later collections only slows requests. Collection resumes, without them, below.
gc.disable()

# In the source tree the package lives one directory up; in the built artifact it sits beside
# this file, where Lambda already puts it on sys.path.
_HERE = os.path.dirname(os.path.abspath(__file__))
if not os.path.isdir(os.path.join(_HERE, "skill")):
    sys.path.insert(0, os.path.dirname(_HERE))

from skill.alexa.metrics import print_line  # noqa: E402
from skill.alexa.skill_factory import handler_from_config  # noqa: E402
from skill.config import load_config  # noqa: E402
from skill.logging_setup import configure_logging  # noqa: E402

_config = load_config()
# Lambda's runtime already has a handler on the root logger (it adds the request id); the shared
# setup keeps it and applies LOG_LEVEL (and LOG_FORMAT=json) to it.
configure_logging(_config.log_level, _config.log_format)

# Outcome metrics (answered, no record, fallback, chapter reached) go to stdout as CloudWatch
# embedded-metric-format lines: CloudWatch Logs turns them into metrics, no API call needed.
_handler = handler_from_config(_config, metrics=print_line)
gc.freeze()
gc.enable()


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Entry point named in template.yaml (``lambda_function.lambda_handler``)."""
    return _handler(event, context)
