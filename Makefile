# Lambda artifact build, run by `sam build` (template.yaml: Metadata BuildMethod: makefile).
#
# SAM sets ARTIFACTS_DIR; this target writes nothing anywhere else, so it can also be run by hand:
#   make build-SkillFunction ARTIFACTS_DIR=/tmp/serum-run-artifact
#
# The artifact holds the serving code and its runtime dependencies only: skill/ as it stands
# (the local tools live apart, in balto/, and the import contracts in pyproject.toml keep skill/
# from importing them). boto3/botocore are left out: the Lambda runtime provides them. It ships
# bytecode compiled with --invalidation-mode unchecked-hash: /var/task is read-only on Lambda, so
# without it every cold start would recompile every module it imports. (SyntaxWarnings are muted
# while compiling because ask_sdk_model's docstrings trip them on 3.12; syntax errors still fail.)

# Must match template.yaml's Runtime (tests/aws/test_template.py checks they agree).
LAMBDA_PYTHON_VERSION := 3.12
PLATFORM := manylinux2014_x86_64
# Interpreter used to fetch wheels and compile bytecode; its version must equal the runtime's,
# because .pyc files are tied to one minor version (.ci/aws_checks.sh finds an installed 3.12
# and puts it on PATH as python3.12).
PYTHON ?= python$(LAMBDA_PYTHON_VERSION)
LAMBDA_ENTRY ?= lambda/lambda_function.py

.PHONY: build-SkillFunction

build-SkillFunction:
ifndef ARTIFACTS_DIR
	$(error ARTIFACTS_DIR is not set: run `sam build`, or `make build-SkillFunction ARTIFACTS_DIR=<dir>`)
endif
	@$(PYTHON) -c 'import sys; v = "%d.%d" % sys.version_info[:2]; sys.exit(0 if v == "$(LAMBDA_PYTHON_VERSION)" else "$(PYTHON) is Python " + v + ", the Lambda runtime is $(LAMBDA_PYTHON_VERSION): set PYTHON=<a python$(LAMBDA_PYTHON_VERSION)>, or run bash .ci/aws_checks.sh, which finds one")'
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --no-deps --no-compile \
		--only-binary=:all: --platform $(PLATFORM) --implementation cp \
		--python-version $(LAMBDA_PYTHON_VERSION) --target "$(ARTIFACTS_DIR)" \
		-r lambda/requirements.txt
	rm -rf "$(ARTIFACTS_DIR)/bin"
	cp "$(LAMBDA_ENTRY)" "$(ARTIFACTS_DIR)/lambda_function.py"
	cp -R skill "$(ARTIFACTS_DIR)/skill"
	# The answering core, prepared now so a first question does not build it (skill/facts/index.py)
	cd "$(ARTIFACTS_DIR)" && $(PYTHON) -m skill.facts.index --write skill/facts/data/index.pickle
	find "$(ARTIFACTS_DIR)" -name __pycache__ -type d -prune -exec rm -rf {} +
	PYTHONWARNINGS=ignore::SyntaxWarning $(PYTHON) -m compileall -q -j0 \
		--invalidation-mode unchecked-hash "$(ARTIFACTS_DIR)"
