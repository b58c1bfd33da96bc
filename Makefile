# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: run test bench lint bytecode clean-out

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

# Where PYTHONDONTWRITEBYTECODE is set, every callscrub process (and every worker) would
# compile its modules again, 30 ms each time; compileall only redoes what changed. The
# cleaners' regular expressions are stored compiled beside them (38 ms a start).
bytecode: $(VENV)/.installed
	$(BIN)/python -m compileall -q annotations cleaners callscrub tui
	$(BIN)/python -c "from cleaners.patterncache import store; store()"

run: bytecode
	$(BIN)/callscrub clean examples/transcripts --out out --glossary examples/glossaries/hlrb.toml

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -q

bench: $(VENV)/.installed-test bytecode
	$(BIN)/python bench/run.py --shared $(SHARED)
	$(BIN)/python bench/editor.py --shared $(SHARED)

clean-out:
	rm -rf out
