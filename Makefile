# Race & Reliance. `make serve` and `make test` work on a fresh machine: each sets up
# the local virtual environment (.venv) from nothing first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup check serve build test bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

setup: $(STAMP)

check: $(STAMP)
	$(BIN)/rr-check

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict

# npm packages for the browser gates (axe-core, vnu-jar), pinned in package-lock.json.
# Skipped quietly where npm is missing: those gates then skip and say what to install.
NODE_STAMP := node_modules/.rr-package-lock.json
$(NODE_STAMP): package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && cp package-lock.json $(NODE_STAMP); \
	else echo "npm not found: browser gates will be skipped (install nodejs + npm)"; fi

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) site test-output bench/out

# The quality gates alone (browser, accessibility, HTML validity, links, weight,
# reproducibility, injection); see tests/quality/README.md. Needs `npm ci` and chromium.
.PHONY: test-quality
test-quality: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest tests/quality
