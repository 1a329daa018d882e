#!/usr/bin/env bash
# Deployment checks that need no AWS account (called by .ci/run; also runnable by hand):
#   1. sam validate --lint and cfn-lint on template.yaml
#   2. sam build (the Makefile target build-SkillFunction, with Python 3.12)
#   3. the built artifact imported by a clean `python3.12 -I -S` that sees only the artifact and
#      boto3 (what the Lambda runtime provides), invoked with a LaunchRequest
#   4. its size, unpacked and zipped
# aws-sam-cli pins many libraries, so it lives in its own virtualenv (.venv-sam), never in .venv,
# installed at the versions in .ci/sam-constraints.txt (aws-sam-cli and everything it pulls in).
set -euo pipefail
cd "$(dirname "$0")/.."

export SAM_CLI_TELEMETRY=0
export PIP_DISABLE_PIP_VERSION_CHECK=1
export PIP_ROOT_USER_ACTION=ignore
SAM_VENV=.venv-sam
SAM_CONSTRAINTS=.ci/sam-constraints.txt
ARTIFACT=.aws-sam/build/SkillFunction
RUNTIME=build/lambda-runtime
started=$SECONDS

step() { printf '\n== %s (%ss)\n' "$1" "$((SECONDS - started))"; }

is_python312() { "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' 2>/dev/null; }

# sam build compiles bytecode for the Lambda runtime, so it needs that exact Python: any
# installed 3.12 will do. Looked for on PATH first, then where pyenv, uv, the deadsnakes PPA,
# python.org installers and Homebrew put one. Found off PATH, it is exposed as python3.12
# through build/python3.12/ (a symlink, so nothing else from its folder leaks onto PATH).
find_python312() {
  local candidate
  if is_python312 python3.12; then
    command -v python3.12
    return
  fi
  for candidate in \
      "$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")"/versions/3.12*/bin/python3.12 \
      "$HOME"/.local/share/uv/python/cpython-3.12*/bin/python3.12 \
      /usr/local/bin/python3.12 /usr/bin/python3.12 /opt/python/3.12*/bin/python3.12 \
      /Library/Frameworks/Python.framework/Versions/3.12/bin/python3.12 \
      /opt/homebrew/bin/python3.12; do
    if [ -x "$candidate" ] && is_python312 "$candidate"; then
      echo "$candidate"
      return
    fi
  done
  return 1
}

step "Python 3.12 for the Lambda build"
if ! found=$(find_python312); then
  echo "No Python 3.12 found (sam build must compile for the Lambda runtime, python3.12)." >&2
  echo "Install one (pyenv install 3.12, uv python install 3.12, apt install python3.12, ...)." >&2
  exit 1
fi
if [ "$(command -v python3.12 || true)" != "$found" ]; then
  mkdir -p build/python3.12
  ln -sfn "$found" build/python3.12/python3.12
  export PATH="$PWD/build/python3.12:$PATH"
fi
LAMBDA_PYTHON=$(command -v python3.12)
echo "$LAMBDA_PYTHON -> $found ($("$LAMBDA_PYTHON" -c 'import sys; print(sys.version.split()[0])'))"

step "aws-sam-cli in $SAM_VENV (pinned by $SAM_CONSTRAINTS)"
pinned=$(sed -n 's/^aws-sam-cli==//p' "$SAM_CONSTRAINTS")
if [ ! -x "$SAM_VENV/bin/sam" ] || ! "$SAM_VENV/bin/sam" --version | grep -q "$pinned"; then
  python3 -m venv "$SAM_VENV"
  "$SAM_VENV/bin/pip" install --quiet --constraint "$SAM_CONSTRAINTS" "aws-sam-cli==$pinned"
fi
"$SAM_VENV/bin/sam" --version

step "sam validate --lint"
# validate needs a region to resolve the SAM transform; it never calls AWS.
AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}" "$SAM_VENV/bin/sam" validate --lint

step "cfn-lint"
# aws-sam-cli depends on cfn-lint, so the copy in its venv is always there.
"$SAM_VENV/bin/cfn-lint" template.yaml

step "sam build"
"$SAM_VENV/bin/sam" build

step "Lambda runtime stand-in (boto3 for Python 3.12) in $RUNTIME"
if [ ! -d "$RUNTIME/boto3" ]; then
  rm -rf "$RUNTIME"
  "$LAMBDA_PYTHON" -m pip install --quiet --no-compile --only-binary=:all: \
    --platform manylinux2014_x86_64 --implementation cp --python-version 3.12 \
    --target "$RUNTIME" boto3
fi

step "artifact invoked by a clean interpreter"
smoke_report=$(mktemp)
trap 'rm -f "$smoke_report"' EXIT
if ! env -i PATH="$PATH" HOME="$HOME" \
    AWS_REGION=us-east-1 AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null \
    SKILL_ID=amzn1.ask.skill.00000000-0000-4000-8000-00000000a0b5 \
    "$LAMBDA_PYTHON" -I -S tests/aws/artifact_smoke.py "$ARTIFACT" "$RUNTIME" >"$smoke_report"; then
  cat "$smoke_report"
  echo "artifact smoke test FAILED" >&2
  exit 1
fi
"$LAMBDA_PYTHON" -I -S - "$smoke_report" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
launch = report["responses"]["LaunchRequest"]["response"]["outputSpeech"]
print(f"Python {report['python']}: cold import of lambda_function {report['import_seconds']} s,"
      f" {len(report['shipped_modules'])} skill modules import cleanly")
print("LaunchRequest says:", launch.get("ssml") or launch.get("text"))
PY

step "artifact size"
"$LAMBDA_PYTHON" -I -S - "$ARTIFACT" <<'PY'
import io, sys, zipfile
from pathlib import Path
root = Path(sys.argv[1])
files = [p for p in sorted(root.rglob("*")) if p.is_file()]
unpacked = sum(p.stat().st_size for p in files)
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
    for p in files:
        archive.write(p, p.relative_to(root).as_posix())
top = {}
for p in files:
    key = p.relative_to(root).parts[0]
    top[key] = top.get(key, 0) + p.stat().st_size
print(f"{len(files)} files, {unpacked / 2**20:.1f} MiB unpacked, {buffer.tell() / 2**20:.1f} MiB zipped")
for key, size in sorted(top.items(), key=lambda kv: -kv[1])[:8]:
    print(f"  {size / 2**20:6.2f} MiB  {key}")
PY

step "done"
