#!/usr/bin/env bash
# Install check (called by .ci/run; also runnable by hand): build the wheel, install it (not
# editable) into a fresh virtualenv, and run `balto` from a directory outside the checkout, so the
# interaction models must come from the installed package (importlib.resources), not the source tree.
set -euo pipefail
cd "$(dirname "$0")/.."
export PIP_DISABLE_PIP_VERSION_CHECK=1
export PIP_ROOT_USER_ACTION=ignore
repo=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
started=$SECONDS
step() { printf '\n== %s (%ss)\n' "$1" "$((SECONDS - started))"; }
fail() { echo "wheel check FAILED: $*" >&2; exit 1; }

step "build the wheel"
python3 -m pip wheel --quiet --no-deps --wheel-dir "$work/dist" "$repo"
wheel=$(ls "$work"/dist/serum_run-*.whl)
python3 - "$wheel" <<'PY'
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
models = sorted(n for n in names if n.startswith("balto/interaction_model/") and n.endswith(".json"))
print(f"{sys.argv[1].rsplit('/', 1)[-1]}: {len(names)} files, models: {', '.join(models)}")
if "balto/interaction_model/en-US.json" not in models:
    sys.exit("the wheel carries no interaction model")
PY

step "install it into a fresh virtualenv"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "$wheel"

step "run balto outside the checkout"
mkdir "$work/elsewhere"
cd "$work/elsewhere"
export XDG_DATA_HOME="$work/data"
unset PYTHONPATH
location=$("$work/venv/bin/python" -c 'import balto.simulator.runtime as r; print(r.model_dir())')
case "$location" in
  "$work/venv/"*) echo "models read from $location" ;;
  *) fail "models were read from $location, not from the installed package" ;;
esac
answer=$("$work/venv/bin/balto" ask who was togo)
echo "$answer"
grep -q "Togo was" <<<"$answer" || fail "balto ask did not answer from the installed package"
"$work/venv/bin/balto" model check || fail "balto model check reported errors"
for locale in $("$work/venv/bin/python" -c 'import balto.simulator.runtime as r; print(*r.available_locales())'); do
  reply=$("$work/venv/bin/balto" ask --locale "$locale" how far did balto run)
  grep -q "Balto" <<<"$reply" || fail "balto ask --locale $locale: $reply"
  echo "$locale: ok"
done

step "balto console serves its page from the installed package"
"$work/venv/bin/balto" console --port 0 --db "$work/console.sqlite3" 2>"$work/console.log" &
console_pid=$!
url=""
for _ in $(seq 100); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/console.log" | head -1 || true)
  [ -n "$url" ] && break
  kill -0 "$console_pid" 2>/dev/null || break
  sleep 0.2
done
[ -n "$url" ] || { kill "$console_pid" 2>/dev/null || true; fail "balto console did not start: $(cat "$work/console.log")"; }
page_ok=yes
for path in "" static/console.js static/console.css; do
  code=$("$work/venv/bin/python" -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1]).status)' "$url$path" 2>&1 || true)
  [ "$code" = "200" ] || { page_ok="$path: $code"; break; }
done
kill "$console_pid" 2>/dev/null || true
wait "$console_pid" 2>/dev/null || true
[ "$page_ok" = yes ] || fail "balto console from the wheel did not serve $page_ok"
echo "console page served from the wheel at $url"

step "done"
