#!/usr/bin/env bash
# Unpack the ask-cli npm package into build/ask-cli/package (called by .ci/run before the tests), so
# tests/aws/test_skill_package.py can read our skill package with ask-cli's own constants. Without
# npm this prints why and exits 0: that one test then skips, and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
ASK_CLI_VERSION=2.30.7
target=build/ask-cli
if [ -f "$target/package/package.json" ] && grep -q "\"version\": \"$ASK_CLI_VERSION\"" "$target/package/package.json"; then
  echo "ask-cli $ASK_CLI_VERSION already in $target"
  exit 0
fi
if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
  echo "npm/node not found: the ask-cli layout test will be skipped"
  exit 0
fi
rm -rf "$target" && mkdir -p "$target"
(cd "$target" && npm pack --silent "ask-cli@$ASK_CLI_VERSION" >/dev/null && tar xzf "ask-cli-$ASK_CLI_VERSION.tgz")
echo "ask-cli $ASK_CLI_VERSION unpacked in $target/package"
