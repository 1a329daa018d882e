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

step "done"
