"""The skill manifest and the package `ask deploy` uploads (scripts/build_skill_package.py)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.aws.template import REPO, load_template
from tests.support.scripts import load_script

ARN = "arn:aws:lambda:us-east-1:123456789012:function:serum-run-SkillFunction-Ab12Cd34"


package = load_script("build_skill_package")


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    return json.loads((REPO / "skill-package" / "skill.json").read_text())["manifest"]


LOCALES = ["en-US", "en-CA", "en-GB", "en-AU", "en-IN"]
#: The country each English locale is built for (its Alexa marketplace).
HOME_COUNTRY = {"en-US": "US", "en-CA": "CA", "en-GB": "GB", "en-AU": "AU", "en-IN": "IN"}


def language_model(locale: str = "en-US") -> dict[str, Any]:
    """The committed generated model of ``locale``."""
    path = REPO / "interaction_model" / f"{locale}.json"
    return json.loads(path.read_text())["interactionModel"]["languageModel"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("locale", LOCALES)
def test_manifest_meets_the_alexa_publishing_limits(manifest: dict[str, Any], locale: str) -> None:
    assert manifest["manifestVersion"] == "1.0"
    info = manifest["publishingInformation"]
    entry = info["locales"][locale]
    assert entry["name"] == "Serum Run"
    assert 0 < len(entry["summary"]) <= 160
    assert 0 < len(entry["description"]) <= 4000
    assert 1 <= len(entry["examplePhrases"]) <= 3
    assert 0 < len(entry["keywords"]) <= 30
    assert info["category"] == "EDUCATION_AND_REFERENCE"
    assert HOME_COUNTRY[locale] in info["distributionCountries"]
    assert set(manifest["privacyAndCompliance"]) >= {
        "allowsPurchases",
        "usesPersonalInfo",
        "isChildDirected",
        "isExportCompliant",
        "containsAds",
    }


def test_the_manifest_publishes_exactly_the_built_locales(manifest: dict[str, Any]) -> None:
    assert sorted(manifest["publishingInformation"]["locales"]) == sorted(LOCALES)
    assert sorted(p.stem for p in (REPO / "interaction_model").glob("*.json")) == sorted(LOCALES)


@pytest.mark.parametrize("locale", LOCALES)
def test_store_text_is_written_in_the_locales_english(
    manifest: dict[str, Any], locale: str
) -> None:
    """The summary and description already read as the skill's own speech would in ``locale``."""
    from skill.speech.regional import localise

    entry = manifest["publishingInformation"]["locales"][locale]
    for field in ("summary", "description"):
        assert localise(entry[field], locale) == entry[field], (locale, field)


def test_committed_manifest_carries_no_account_specific_endpoint(
    manifest: dict[str, Any],
) -> None:
    """The ARN is per account and region: build_skill_package.py adds it after `sam deploy`."""
    assert "endpoint" not in manifest["apis"]["custom"]


def _sample_pattern(sample: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", sample)
    regex = "".join(
        re.escape(part) if index % 2 == 0 else f"(?P<{part}>.+)" for index, part in enumerate(parts)
    )
    return re.compile(regex)


def _slot_values(model: dict[str, Any], intent: dict[str, Any], slot: str) -> set[str]:
    slot_type = next(s["type"] for s in intent.get("slots", []) if s["name"] == slot)
    values: set[str] = set()
    for declared in model.get("types", []):
        if declared["name"] == slot_type:
            for value in declared["values"]:
                values.add(value["name"]["value"].lower())
                values.update(s.lower() for s in value["name"].get("synonyms", []))
    return values


def _utterance_matches(model: dict[str, Any], utterance: str) -> bool:
    for intent in model["intents"]:
        for sample in intent.get("samples", []):
            match = _sample_pattern(sample).fullmatch(utterance)
            if match is None:
                continue
            slot_ok = all(
                not (values := _slot_values(model, intent, slot)) or value in values
                for slot, value in match.groupdict().items()
            )
            if slot_ok:
                return True
    return False


@pytest.mark.parametrize("locale", LOCALES)
def test_example_phrases_are_ones_the_model_understands(
    manifest: dict[str, Any], locale: str
) -> None:
    model = language_model(locale)
    invocation = model["invocationName"]
    phrases = manifest["publishingInformation"]["locales"][locale]["examplePhrases"]
    assert phrases[0] == f"Alexa, open {invocation}"
    for phrase in phrases[1:]:
        match = re.fullmatch(rf"Alexa, ask {re.escape(invocation)} (?:to )?(.+)", phrase)
        assert match, phrase
        assert _utterance_matches(model, match.group(1).lower()), phrase


def _models_dir(tmp_path: Path, locales: list[str], text: str | None = None) -> Path:
    folder = tmp_path / "models"
    folder.mkdir()
    for locale in locales:
        body = text or json.dumps({"interactionModel": {"languageModel": language_model()}})
        (folder / f"{locale}.json").write_text(body)
    return folder


def _manifest_for(tmp_path: Path, locales: list[str], **extra: Any) -> Path:
    manifest = json.loads((REPO / "skill-package" / "skill.json").read_text())
    en_us = manifest["manifest"]["publishingInformation"]["locales"]["en-US"]
    manifest["manifest"]["publishingInformation"]["locales"] = {loc: en_us for loc in locales}
    manifest["manifest"].update(extra)
    path = tmp_path / "skill.json"
    path.write_text(json.dumps(manifest))
    return path


def test_package_carries_the_endpoint_and_the_models_byte_for_byte(
    tmp_path: Path,
) -> None:
    models = _models_dir(tmp_path, ["en-GB", "en-US"])
    out = tmp_path / "pkg"

    written = package.build_package(
        out, ARN, manifest_path=_manifest_for(tmp_path, ["en-US", "en-GB"]), model_dir=models,
        assets=tmp_path / "no-assets",
    )

    skill_json = json.loads((out / "skill.json").read_text())
    assert skill_json["manifest"]["apis"]["custom"]["endpoint"] == {"uri": ARN}
    copied = [out / "interactionModels" / "custom" / f"{loc}.json" for loc in ("en-GB", "en-US")]
    for path in copied:
        assert path.read_bytes() == (models / path.name).read_bytes()
    assert written == [out / "skill.json", *copied]


def test_the_real_package_has_ask_cli_v2s_layout(tmp_path: Path) -> None:
    """skill.json on top, interactionModels/custom/<locale>.json, optional assets/, nothing else.

    That is the skill-package format `ask deploy` zips and imports; every model file is named
    after a locale the manifest publishes, and every published locale has its model.
    """
    out = tmp_path / "pkg"
    package.build_package(out, ARN)
    top = sorted(p.name for p in out.iterdir())
    assert [name for name in top if name != "assets"] == ["interactionModels", "skill.json"]
    assert sorted(p.name for p in (out / "interactionModels").iterdir()) == ["custom"]
    manifest = json.loads((out / "skill.json").read_text())["manifest"]
    published = sorted(manifest["publishingInformation"]["locales"])
    models = sorted(p.name for p in (out / "interactionModels" / "custom").iterdir())
    assert models == [f"{locale}.json" for locale in published]
    for name in models:
        model = json.loads((out / "interactionModels" / "custom" / name).read_text())
        assert model["interactionModel"]["languageModel"]["invocationName"] == "serum run"
    assert list(manifest["apis"]) == ["custom"]  # ask-cli refuses none, or several, api domains


def _ask_cli() -> Path | None:
    """An unpacked ask-cli npm package: $ASK_CLI_PACKAGE, or the copy .ci/ask_cli.sh fetches."""
    configured = os.environ.get("ASK_CLI_PACKAGE")
    candidate = Path(configured) if configured else REPO / "build" / "ask-cli" / "package"
    return candidate if (candidate / "dist" / "lib" / "utils" / "constants.js").is_file() else None


def test_ask_cli_itself_finds_every_model_and_the_manifest(tmp_path: Path) -> None:
    """Read the package with ask-cli's own constants and its model-discovery rule (node)."""
    ask_cli = _ask_cli()
    node = shutil.which("node")
    if ask_cli is None or node is None:
        pytest.skip("needs node and ask-cli unpacked (bash .ci/ask_cli.sh, which .ci/run calls)")
    out = tmp_path / "pkg"
    package.build_package(out, ARN)
    result = subprocess.run(
        [node, str(REPO / "tests" / "aws" / "ask_cli_layout.js"), str(ask_cli), str(out)],
        capture_output=True, text=True, check=True, timeout=60,
    )
    seen = json.loads(result.stdout)
    published = sorted(json.loads((out / "skill.json").read_text())["manifest"][
        "publishingInformation"]["locales"])
    assert seen["modelFolder"] == package.PACKAGE_MODELS.as_posix()
    assert seen["manifestFile"] == package.PACKAGE_MANIFEST
    assert seen["modelLocales"] == seen["manifestLocales"] == published
    assert seen["apiDomains"] == ["custom"]


def test_package_without_endpoint_is_allowed_for_the_first_deploy(tmp_path: Path) -> None:
    package.build_package(tmp_path / "pkg", None)
    skill_json = json.loads((tmp_path / "pkg" / "skill.json").read_text())
    assert "endpoint" not in skill_json["manifest"]["apis"]["custom"]


def test_assets_are_copied_and_manifest_references_must_exist(tmp_path: Path) -> None:
    assets = tmp_path / "assets"
    (assets / "images").mkdir(parents=True)
    (assets / "images" / "small.png").write_bytes(b"\x89PNG small")
    icons = {"smallIconUri": "file://assets/images/small.png",
             "largeIconUri": "file://assets/images/large.png"}
    manifest = json.loads(_manifest_for(tmp_path, ["en-US"]).read_text())
    manifest["manifest"]["publishingInformation"]["locales"]["en-US"].update(icons)
    (tmp_path / "skill.json").write_text(json.dumps(manifest))
    models = _models_dir(tmp_path, ["en-US"])
    out = tmp_path / "pkg"
    with pytest.raises(package.PackageError, match="assets/images/large.png"):
        package.build_package(out, ARN, manifest_path=tmp_path / "skill.json",
                              model_dir=models, assets=assets)
    assert not out.exists()
    (assets / "images" / "large.png").write_bytes(b"\x89PNG large")
    written = package.build_package(out, ARN, manifest_path=tmp_path / "skill.json",
                                    model_dir=models, assets=assets)
    assert (out / "assets" / "images" / "small.png").read_bytes() == b"\x89PNG small"
    assert out / "assets" / "images" / "large.png" in written


def test_models_and_published_locales_must_match(tmp_path: Path) -> None:
    models = _models_dir(tmp_path, ["en-US", "en-GB"])
    with pytest.raises(package.PackageError, match="no publishing information for en-GB"):
        package.build_package(tmp_path / "a", ARN, manifest_path=_manifest_for(
            tmp_path, ["en-US"]), model_dir=models)
    with pytest.raises(package.PackageError, match="no interaction model for en-IN"):
        package.build_package(tmp_path / "b", ARN, manifest_path=_manifest_for(
            tmp_path, ["en-US", "en-GB", "en-IN"]), model_dir=models)


@pytest.mark.parametrize(
    "arn",
    [
        "",
        "serum-run",
        "arn:aws:lambda:us-east-1:12345:function:short-account",
        "arn:aws:s3:::bucket",
        ARN + " ; rm -rf /",
    ],
)
def test_bad_endpoints_are_refused_before_anything_is_written(
    arn: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pkg"
    assert package.main(["--endpoint", arn, "--out", str(out)]) == 2
    assert "is not a Lambda function ARN" in capsys.readouterr().err
    assert not out.exists()


def test_qualified_and_partition_arns_are_accepted() -> None:
    assert package.check_endpoint(f" {ARN}:live ") == f"{ARN}:live"
    assert package.check_endpoint(
        ARN.replace("arn:aws:", "arn:aws-us-gov:").replace("us-east-1", "us-gov-west-1")
    )


def test_a_missing_model_says_how_to_make_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(package, "MODEL_DIR", tmp_path / "empty")
    assert package.main(["--out", str(tmp_path / "pkg")]) == 2
    assert "build_interaction_model.py" in capsys.readouterr().err


def test_an_unrelated_folder_is_never_deleted(tmp_path: Path) -> None:
    (tmp_path / "precious.txt").write_text("keep me")
    with pytest.raises(package.PackageError, match="not a skill package"):
        package.build_package(tmp_path, ARN)
    assert (tmp_path / "precious.txt").read_text() == "keep me"


def test_the_arn_is_read_from_the_stack_outputs_sam_prints() -> None:
    outputs = [
        {"OutputKey": "ProgressTableName", "OutputValue": "serum-run-ProgressTable-XYZ"},
        {"OutputKey": package.ARN_OUTPUT_KEY, "OutputValue": ARN},
    ]
    assert package.arn_from_stack_outputs(json.dumps(outputs)) == ARN
    with pytest.raises(package.PackageError, match="no SkillFunctionArn output"):
        package.arn_from_stack_outputs(json.dumps(outputs[:1]))
    with pytest.raises(package.PackageError, match="not JSON"):
        package.arn_from_stack_outputs("Error: stack not found")


def test_template_output_and_ask_resources_agree_with_the_script() -> None:
    assert package.ARN_OUTPUT_KEY in load_template()["Outputs"]
    resources = json.loads((REPO / "ask-resources.json").read_text())
    src = resources["profiles"]["default"]["skillMetadata"]["src"]
    assert (REPO / src).resolve() == package.DEFAULT_OUT
