#!/usr/bin/env bash
# Cross-check (by hand, not part of .ci/run): run the shipped bst suite with Bespoken's own
# `bst test` (bespoken-tools from npm, ~290 MB of node_modules) against `balto serve` on
# loopback, to show that balto's offline reading of the format agrees with bst's.
#   bash .ci/bst_crosscheck.sh            # needs npm, node and the project's .venv
set -euo pipefail
cd "$(dirname "$0")/.."
BST_VERSION=2.6.7
repo=$PWD
tools=build/bst
work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ ! -x "$tools/node_modules/.bin/bst" ]; then
  mkdir -p "$tools"
  (cd "$tools" && npm install --silent --no-audit --no-fund "bespoken-tools@$BST_VERSION")
fi

port=$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
SERUM_RUN_DB="$work/progress.sqlite3" .venv/bin/balto serve --port "$port" --no-verify \
  >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do
  if .venv/bin/python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/healthz')" 2>/dev/null; then
    break
  fi
  sleep 0.2
done

# bst runs a Node.js handler by default: point it at the server and at our model instead.
mkdir -p "$work/test"
sed "s#^  locale: en-US#  locale: en-US\n  skillURL: http://127.0.0.1:$port/\n  interactionModel: $repo/interaction_model/en-US.json#" \
  tests/dialogs/serum_run.test.yml >"$work/test/serum_run.test.yml"
cd "$work"
"$repo/$tools/node_modules/.bin/bst" test 2>&1 | sed -n '/serum_run.test.yml/,/^Tests:/p'
