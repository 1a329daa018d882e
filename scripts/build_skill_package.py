"""Assemble the Alexa skill package that `ask deploy` uploads: manifest, models, assets.

The layout is ASK CLI v2's skill-package format::

    build/skill-package/
        skill.json                          the manifest (skill-package/skill.json + endpoint)
        interactionModels/custom/<locale>.json   one per locale (interaction_model/<locale>.json)
        assets/...                          copied from skill-package/assets/ when it exists

ask-cli reads the models from ``<src>/interactionModels/custom`` (its constant
``FILE_PATH.SKILL_PACKAGE.INTERACTION_MODEL`` is "interactionModels") and keeps only files named
after a locale it knows; tests/aws/test_skill_package.py checks the package against that.

Why a build step instead of a committed ``skill-package/`` folder:

* The interaction models have one source of truth, ``interaction_model/<locale>.json`` (generated
  by ``scripts/build_interaction_model.py``). A second committed copy under
  ``skill-package/interactionModels/custom/`` could drift; copying it here cannot.
* The Lambda endpoint is the ARN of *your* deployed function (account and region differ per
  user), known only after ``sam deploy``; it is filled in here rather than committed.

Usage::

    python3 scripts/build_skill_package.py                      # no endpoint yet (first deploy)
    python3 scripts/build_skill_package.py --endpoint ARN       # wire the deployed function
    python3 scripts/build_skill_package.py --from-stack serum-run   # ARN from the stack outputs

The result goes to ``build/skill-package/`` (``ask-resources.json`` points `ask deploy` there).
Standard library only, so it runs before any virtualenv exists.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
MANIFEST = REPO / "skill-package" / "skill.json"
MODEL_DIR = REPO / "interaction_model"
ASSETS = REPO / "skill-package" / "assets"
DEFAULT_OUT = REPO / "build" / "skill-package"
ARN_OUTPUT_KEY = "SkillFunctionArn"

#: ASK CLI v2's skill-package layout (ask-cli lib/utils/constants.js, FILE_PATH.SKILL_PACKAGE).
PACKAGE_MANIFEST = "skill.json"
PACKAGE_MODELS = Path("interactionModels") / "custom"
PACKAGE_ASSETS = "assets"

LAMBDA_ARN = re.compile(
    r"arn:aws(?:-[a-z]+)*:lambda:[a-z]{2}(?:-[a-z]+)+-\d:\d{12}:function:[A-Za-z0-9_-]{1,64}"
    r"(?::[A-Za-z0-9_$-]{1,128})?"
)
"""A Lambda function ARN, optionally with a version or alias qualifier."""


class PackageError(Exception):
    """The package cannot be built; the message says what to do."""


def check_endpoint(arn: str) -> str:
    """Return ``arn`` stripped, or raise when it is not a Lambda function ARN."""
    arn = arn.strip()
    if not LAMBDA_ARN.fullmatch(arn):
        raise PackageError(
            f"{arn!r} is not a Lambda function ARN "
            "(expected arn:aws:lambda:<region>:<account>:function:<name>; "
            f"take the {ARN_OUTPUT_KEY} output of `sam deploy`)."
        )
    return arn


def arn_from_stack_outputs(outputs_json: str) -> str:
    """Pick the function ARN out of `sam list stack-outputs --output json`."""
    try:
        outputs = json.loads(outputs_json)
    except json.JSONDecodeError as exc:
        raise PackageError(f"stack outputs are not JSON: {exc}") from exc
    for output in outputs if isinstance(outputs, list) else []:
        if isinstance(output, dict) and output.get("OutputKey") == ARN_OUTPUT_KEY:
            return check_endpoint(str(output.get("OutputValue", "")))
    raise PackageError(
        f"the stack has no {ARN_OUTPUT_KEY} output; was it deployed from template.yaml?"
    )


def stack_outputs(stack_name: str) -> str:
    """Run `sam list stack-outputs` for ``stack_name`` (needs AWS credentials)."""
    sam = shutil.which("sam")
    if sam is None:
        raise PackageError("`sam` is not on PATH; pass --endpoint ARN instead of --from-stack.")
    result = subprocess.run(
        [sam, "list", "stack-outputs", "--stack-name", stack_name, "--output", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise PackageError(f"sam list stack-outputs failed: {result.stderr.strip()}")
    return result.stdout


def manifest_with_endpoint(manifest: dict[str, Any], endpoint: str | None) -> dict[str, Any]:
    """A copy of ``manifest`` whose custom API points at ``endpoint`` (left out when None)."""
    updated = json.loads(json.dumps(manifest))
    custom = updated["manifest"]["apis"]["custom"]
    if endpoint is None:
        custom.pop("endpoint", None)
    else:
        custom["endpoint"] = {"uri": check_endpoint(endpoint)}
    return updated


def _models(manifest: dict[str, Any], model_dir: Path) -> dict[str, Path]:
    """locale -> model file, one for each locale the manifest publishes, and no other.

    A manifest locale without a model would be a skill Alexa cannot understand there; a model
    without a manifest locale would be refused by the import. Both are caught before writing.
    """
    published = sorted(manifest["manifest"]["publishingInformation"]["locales"])
    models = {path.stem: path for path in sorted(model_dir.glob("*.json"))}
    missing = [locale for locale in published if locale not in models]
    if missing:
        raise PackageError(
            f"no interaction model for {', '.join(missing)} in {_shown(model_dir)}: "
            "run `python3 scripts/build_interaction_model.py`."
        )
    unpublished = sorted(set(models) - set(published))
    if unpublished:
        raise PackageError(
            f"skill.json has no publishing information for {', '.join(unpublished)} "
            f"(models found in {_shown(model_dir)})"
        )
    for source in models.values():
        try:
            json.loads(source.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise PackageError(f"{_shown(source)} is not valid JSON: {exc}") from exc
    return {locale: models[locale] for locale in published}


def _shown(path: Path) -> str:
    """``path`` relative to the repository when it is inside it (shorter messages)."""
    try:
        return str(path.relative_to(REPO))
    except ValueError:
        return str(path)


def _asset_references(manifest: dict[str, Any]) -> list[str]:
    """Every ``file://assets/...`` URI in the manifest (icons, for instance), as package paths."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str) and node.startswith("file://"):
            found.append(node.removeprefix("file://"))

    walk(manifest)
    return found


def build_package(
    out: Path,
    endpoint: str | None,
    *,
    manifest_path: Path | None = None,
    model_dir: Path | None = None,
    assets: Path | None = None,
) -> list[Path]:
    """Write skill.json, the interaction models and the assets under ``out``; return the files.

    The sources default to the repository's (skill-package/skill.json, interaction_model/,
    skill-package/assets/).

    Everything is checked before ``out`` is touched, so a bad ARN, a missing model or an icon the
    manifest names but nobody added never leaves a half-written package behind.
    """
    manifest_path = MANIFEST if manifest_path is None else manifest_path
    model_dir = MODEL_DIR if model_dir is None else model_dir
    assets = ASSETS if assets is None else assets
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    packaged_manifest = manifest_with_endpoint(manifest, endpoint)
    sources = _models(manifest, model_dir)
    asset_files = sorted(p for p in assets.rglob("*") if p.is_file()) if assets.is_dir() else []
    shipped = {f"{PACKAGE_ASSETS}/{p.relative_to(assets).as_posix()}" for p in asset_files}
    dangling = [ref for ref in _asset_references(manifest) if ref not in shipped]
    if dangling:
        raise PackageError(
            f"skill.json refers to {', '.join(dangling)}, which {_shown(assets)} does not have"
        )
    if out.exists():
        if any(out.iterdir()) and not (out / PACKAGE_MANIFEST).is_file():
            raise PackageError(f"{out} exists and is not a skill package; choose another --out.")
        shutil.rmtree(out)
    models_dir = out / PACKAGE_MODELS
    models_dir.mkdir(parents=True)
    skill_json = out / PACKAGE_MANIFEST
    skill_json.write_text(json.dumps(packaged_manifest, indent=2) + "\n", encoding="utf-8")
    written = [skill_json]
    for locale, source in sources.items():
        target = models_dir / f"{locale}.json"
        shutil.copyfile(source, target)
        written.append(target)
    for asset in asset_files:
        target = out / PACKAGE_ASSETS / asset.relative_to(assets)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(asset, target)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--endpoint", help="Lambda function ARN (the SkillFunctionArn output)")
    source.add_argument("--from-stack", metavar="STACK", help="read the ARN from this stack")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(argv)
    try:
        endpoint = args.endpoint
        if args.from_stack:
            endpoint = arn_from_stack_outputs(stack_outputs(args.from_stack))
        written = build_package(args.out, endpoint)
    except PackageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path}")
    if endpoint is None:
        print("no endpoint yet: after `sam deploy`, run again with --endpoint or --from-stack")
    else:
        print(f"endpoint: {endpoint}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
