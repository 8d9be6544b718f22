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

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) site test-output bench/out

# The quality gates alone (browser, accessibility, HTML validity, links, weight,
# reproducibility, injection); see tests/quality/README.md. Needs `npm ci` and chromium.
.PHONY: test-quality
test-quality: $(STAMP)
	$(BIN)/python -m pytest tests/quality
