# The targets are the README's words: make run, make test, make check, make bench, make screenshots.
# `make test` is the whole gate (what .ci/run calls): lint, format check, strict types over
# backcare_tui/, tests/ and bench/, import contracts, then the suite on two workers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-slow check lint format bench screenshots snapshots-update mutate clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/backcare

test: lint
	$(BIN)/python -m pytest -n 2

test-slow: $(STAMP)
	$(BIN)/python -m pytest -m slow

lint: $(STAMP)
	$(BIN)/ruff check backcare_tui tests bench tools
	$(BIN)/ruff format --check backcare_tui tests bench tools
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

check: test

format: $(STAMP)
	$(BIN)/ruff format backcare_tui tests bench tools
	$(BIN)/ruff check --fix backcare_tui tests bench tools

$(VENV)/.bench-installed: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $(VENV)/.bench-installed

bench: $(VENV)/.bench-installed
	$(BIN)/python -m bench

screenshots: $(STAMP)
	$(BIN)/python -m tools.screenshots screenshots

# Rewrite the SVG snapshots of every test that takes `snap_compare` (marked `snapshot` in
# tests/conftest.py); look at the changed pictures before committing them.
snapshots-update: $(STAMP)
	$(BIN)/python -m pytest -m snapshot --snapshot-update

# Mutation testing of the ground floor (docs/mutation.md); never part of `make test`.
# One module at a time: make mutate MUTANTS='backcare_tui.core.timeline*'
MUTANTS ?=
MUTATE_STAMP := $(VENV)/.installed-mutate

$(MUTATE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,dev,mutate]'
	touch $(MUTATE_STAMP)

mutate: $(MUTATE_STAMP)
	$(BIN)/mutmut run --max-children 2 $(MUTANTS)
	$(BIN)/python tools/mutation_scores.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache mutants
