# Wijkteam Intake — developer commands. `make run` and `make test` set everything up first.
PYTHON ?= $(shell scripts/find-python)
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run demo test test-oldest lint bench doctor bundle clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

## Set up and start the program with a throwaway demo profile (synthetic residents).
run: $(STAMP)
	$(VENV)/bin/wijkteam-intake demo

## Set up and run the whole test suite (real SQLCipher, keyring, Qt, CUPS where present).
test: $(STAMP)
	$(VENV)/bin/ruff check desktop_app tests
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mypy
	scripts/test-session $(PY) -m pytest $(PYTEST_ARGS)

## The same suite on the oldest supported Python, 3.11, which gets PySide6 6.11 (pyproject.toml),
## in a venv of its own; the bundle tests (marked slow) check the 3.12+ bundle and are left out.
test-oldest:
	$(MAKE) test VENV=.venv-3.11 PYTHON="$$(scripts/find-python 3.11)" PYTEST_ARGS='-m "not slow"'

BUILD_STAMP := $(VENV)/.installed-build
$(BUILD_STAMP): $(STAMP) pyproject.toml
	$(PY) -m pip install --quiet -e ".[build]"
	touch $(BUILD_STAMP)

## Build the desktop bundle dist/wijkteam-intake/ (PyInstaller, one folder) and check it starts.
bundle: $(BUILD_STAMP)
	$(PY) build_spec/build.py

lint: $(STAMP)
	$(VENV)/bin/ruff check desktop_app tests
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mypy

bench: $(STAMP)
	scripts/test-session $(VENV)/bin/wijkteam-intake bench

doctor: $(STAMP)
	$(VENV)/bin/wijkteam-intake doctor

clean:
	rm -rf $(VENV) .venv-3.11 build dist artifacts .pytest_cache .ruff_cache .mypy_cache
