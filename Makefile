# Race & Reliance. `make serve` and `make test` work on a fresh machine: each sets up
# the local virtual environment (.venv) from nothing first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

# `make serve` options (the serve tests point them at a scratch copy of the project).
SERVE_ADDR ?= 127.0.0.1:8000
SERVE_CONFIG ?= mkdocs.yml
SERVE_CODE ?= macros

.PHONY: setup check serve build test test-fast lint bench lighthouse clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

setup: $(STAMP)

check: $(STAMP)
	$(BIN)/rr-check

# `mkdocs serve --dirty` rebuilds on a saved page or data file, and the plugin has it
# render only the pages the edit changed (macros/glue.py, "serve"); a broken save shows
# its problems in the browser. MkDocs keeps the plugin (and the Python it imported) for
# the life of the process, so a saved code or template file under macros/ restarts the
# server instead: watchdog's `watchmedo auto-restart`.
serve: $(STAMP)
	$(BIN)/watchmedo auto-restart --directory=$(SERVE_CODE) --recursive \
	  --patterns='**/*.py;**/*.html' --ignore-patterns='**/__pycache__/**' --debounce-interval=0.3 \
	  --signal=SIGINT -- \
	  $(BIN)/mkdocs serve --dirty --strict -f $(SERVE_CONFIG) -a $(SERVE_ADDR)

build: $(STAMP)
	$(BIN)/mkdocs build --strict

# npm packages for the browser gates (axe-core, vnu-jar), pinned in package-lock.json.
# Skipped quietly where npm is missing: those gates then skip and say what to install.
NODE_STAMP := node_modules/.rr-package-lock.json
$(NODE_STAMP): package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && cp package-lock.json $(NODE_STAMP); \
	else echo "npm not found: browser gates will be skipped (install nodejs + npm)"; fi

lint: $(STAMP)
	$(BIN)/ruff check macros tests bench
	$(BIN)/mypy

# Everything: lint, then every test (one build of the real site, the browser gates).
test: $(STAMP) $(NODE_STAMP) lint
	$(BIN)/python -m pytest

# The fast lane: lint, the engine, the bad inputs, the goldens and the renderers; no site
# build, no browser (pytest markers `slow` and `browser`, see tests/conftest.py).
test-fast: $(STAMP) lint
	$(BIN)/python -m pytest -m "not slow and not browser" -q

# Lighthouse (mobile: performance, accessibility) on a strict build served compressed as
# GitHub Pages serves it; pinned in tools/lighthouse/ and installed only here (npm).
LIGHTHOUSE_STAMP := tools/lighthouse/node_modules/.rr-package-lock.json
$(LIGHTHOUSE_STAMP): tools/lighthouse/package.json tools/lighthouse/package-lock.json
	cd tools/lighthouse && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.rr-package-lock.json

lighthouse: $(STAMP) $(LIGHTHOUSE_STAMP) build
	$(BIN)/python tools/lighthouse/run.py site

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) site test-output bench/out

# The quality gates alone (browser, accessibility, HTML validity, links, weight,
# reproducibility, injection); see tests/quality/README.md. Needs `npm ci` and chromium.
.PHONY: test-quality
test-quality: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest tests/quality
