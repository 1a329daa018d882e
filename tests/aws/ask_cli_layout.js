// Read a skill package the way ask-cli v2 does, with ask-cli's own constants (no other module of
// ask-cli is loaded, so its dependencies need not be installed).
//   node tests/aws/ask_cli_layout.js <unpacked ask-cli package> <skill package folder>
// Prints one JSON object for tests/aws/test_skill_package.py.
"use strict";
const fs = require("fs");
const path = require("path");

const [askCli, skillPackage] = process.argv.slice(2);
const CONSTANTS = require(path.resolve(askCli, "dist/lib/utils/constants.js"));
const { version } = require(path.resolve(askCli, "package.json"));
const FILES = CONSTANTS.FILE_PATH.SKILL_PACKAGE;

// As SkillMetadataController.getInteractionModelLocales: <src>/interactionModels/custom/*.json,
// kept only when the file name is a language ask-cli knows.
const modelFolder = path.join(skillPackage, FILES.INTERACTION_MODEL, "custom");
const known = Object.keys(CONSTANTS.ALEXA.LANGUAGES);
const modelLocales = fs.existsSync(modelFolder)
  ? fs.readdirSync(modelFolder)
      .filter((file) => path.extname(file) === ".json")
      .map((file) => path.basename(file, ".json"))
      .filter((name) => known.includes(name))
      .sort()
  : [];

// As Manifest / SkillMetadataController.validateDomain: <src>/skill.json with one api domain.
const manifest = JSON.parse(fs.readFileSync(path.join(skillPackage, FILES.MANIFEST), "utf8"));
console.log(JSON.stringify({
  version,
  modelFolder: path.relative(skillPackage, modelFolder),
  manifestFile: FILES.MANIFEST,
  modelLocales,
  manifestLocales: Object.keys(manifest.manifest.publishingInformation.locales).sort(),
  apiDomains: Object.keys(manifest.manifest.apis || {}),
}));
