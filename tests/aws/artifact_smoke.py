"""Run the built Lambda artifact the way Lambda does, in an interpreter that sees nothing else.

Usage (stdlib only; meant for ``python3.12 -I -S``, so neither site-packages nor this checkout
is importable):

    python3.12 -I -S tests/aws/artifact_smoke.py ARTIFACT_DIR RUNTIME_DIR

``RUNTIME_DIR`` holds what the Lambda Python runtime provides besides the standard library
(boto3 and its dependencies). sys.path becomes ARTIFACT_DIR, RUNTIME_DIR, then the standard
library, which is Lambda's order (/var/task before /var/runtime). Environment variables
(TABLE_NAME, SKILL_ID, AWS_*) pass through as Lambda would set them.

It imports ``lambda_function``, invokes ``lambda_handler`` with a LaunchRequest, a HelpIntent, a
StoryIntent (which stores progress when a table is configured) and a SessionEndedRequest, imports
every shipped ``skill`` module, and prints one JSON report. It exits non-zero when a response has
no speech, a module was loaded from outside the three allowed places, a local-only library was
imported, the interpreter wrote any file into the artifact (which would mean the shipped
bytecode is not being used), or the StoryIntent printed no CloudWatch embedded-metric-format line
for the chapter it reached (the handler's stdout is captured into the report as ``metric_lines``).
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import os
import pkgutil
import sys
import time
import uuid
from pathlib import Path
from typing import Any

FORBIDDEN = ("flask", "flask_ask_sdk", "yaml", "waitress", "moto", "pytest", "hypothesis")
DEFAULT_SKILL_ID = "amzn1.ask.skill.00000000-0000-4000-8000-00000000a0b5"
SMOKE_USER = "amzn1.ask.account.ARTIFACT-SMOKE"


def snapshot(root: Path) -> set[str]:
    return {str(path.relative_to(root)) for path in root.rglob("*")}


def envelope(request: dict[str, Any], session_id: str, new: bool) -> dict[str, Any]:
    application = {"applicationId": os.environ.get("SKILL_ID") or DEFAULT_SKILL_ID}
    user = {"userId": SMOKE_USER}
    return {
        "version": "1.0",
        "session": {
            "new": new,
            "sessionId": session_id,
            "application": application,
            "attributes": {},
            "user": user,
        },
        "context": {
            "System": {
                "application": application,
                "user": user,
                "device": {"deviceId": "amzn1.ask.device.SMOKE", "supportedInterfaces": {}},
                "apiEndpoint": "https://api.amazonalexa.com",
            }
        },
        "request": {
            "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
            "timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "locale": "en-US",
            **request,
        },
    }


def requests() -> list[tuple[str, dict[str, Any]]]:
    session = f"amzn1.echo-api.session.{uuid.uuid4()}"

    def intent(name: str) -> dict[str, Any]:
        request = {"type": "IntentRequest", "intent": {"name": name, "confirmationStatus": "NONE"}}
        return envelope(request, session, False)

    return [
        ("LaunchRequest", envelope({"type": "LaunchRequest"}, session, True)),
        ("AMAZON.HelpIntent", intent("AMAZON.HelpIntent")),
        ("StoryIntent", intent("StoryIntent")),
        (
            "SessionEndedRequest",
            envelope({"type": "SessionEndedRequest", "reason": "USER_INITIATED"}, session, False),
        ),
    ]


def loaded_from_elsewhere(allowed: list[Path]) -> list[str]:
    """Modules whose file is outside ``allowed`` (this script itself excepted)."""
    outside = []
    this_script = Path(__file__).resolve()
    for name, module in sorted(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if file and Path(file).resolve() == this_script:
            continue
        if file and not any(Path(file).resolve().is_relative_to(root) for root in allowed):
            outside.append(f"{name}: {file}")
    return outside


def metric_problems(printed: dict[str, list[str]]) -> list[str]:
    """Every printed line is an EMF document; the StoryIntent counted chapter 1 as reached."""
    problems = []
    for label, lines in printed.items():
        for line in lines:
            try:
                document = json.loads(line)
            except ValueError:
                problems.append(f"{label}: printed a line that is not JSON: {line[:80]!r}")
                continue
            if "CloudWatchMetrics" not in document.get("_aws", {}):
                problems.append(f"{label}: printed JSON that is not an EMF document")
    story = [json.loads(line) for line in printed.get("StoryIntent", []) if line.startswith("{")]
    if not any(doc.get("ChapterReached") == 1 and doc.get("Chapter") == "1" for doc in story):
        problems.append(f"StoryIntent: no ChapterReached metric for chapter 1 in {story!r}")
    return problems


def main(argv: list[str]) -> int:
    artifact, runtime = (Path(arg).resolve() for arg in argv[1:3])
    stdlib = Path(os.__file__).resolve().parent
    sys.path[:0] = [str(artifact), str(runtime)]
    before = snapshot(artifact)

    started = time.perf_counter()
    lambda_function = importlib.import_module("lambda_function")
    import_seconds = time.perf_counter() - started

    responses: dict[str, Any] = {}
    printed: dict[str, list[str]] = {}
    for label, event in requests():
        stdout = io.StringIO()
        with contextlib.redirect_stdout(stdout):
            responses[label] = lambda_function.lambda_handler(event, None)
        printed[label] = stdout.getvalue().splitlines()

    import skill  # the artifact's copy: sys.path[0]

    shipped = sorted(info.name for info in pkgutil.walk_packages(skill.__path__, prefix="skill."))
    for name in shipped:
        importlib.import_module(name)

    problems = []
    for label in ("LaunchRequest", "AMAZON.HelpIntent", "StoryIntent"):
        speech = (responses[label] or {}).get("response", {}).get("outputSpeech")
        if not speech:
            problems.append(f"{label}: no outputSpeech in {responses[label]!r}")
    problems += metric_problems(printed)
    outside = loaded_from_elsewhere([artifact, runtime, stdlib])
    problems += [f"loaded from outside: {entry}" for entry in outside]
    problems += [f"local-only module imported: {name}" for name in FORBIDDEN if name in sys.modules]
    written = sorted(snapshot(artifact) - before)
    problems += [f"written into the artifact: {path}" for path in written]

    report = {
        "python": sys.version.split()[0],
        "import_seconds": round(import_seconds, 4),
        "responses": responses,
        "shipped_modules": shipped,
        "metric_lines": printed,
        "problems": problems,
    }
    print(json.dumps(report, indent=1))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
