# Onward: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# `make run` installs what running needs; the test and lint tools come with the first
# target that needs them (`make test`, `make lint`, ...). Each stamp is redone when
# pyproject.toml changes.
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
PG_TEST_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
PYTEST_WORKERS ?= 2
# messages in bench/ingest.py's made-up mailbox; `make bench INGEST_MESSAGES=100000` for full size
INGEST_MESSAGES ?= 20000

.PHONY: run tour test test-sqlite test-postgres lint bench docs wheel corpus clean

$(RUN_STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@touch $(RUN_STAMP)

$(DEV_STAMP): $(RUN_STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(DEV_STAMP)

## run: set up .venv if needed, then start the web app on your own database and open it
## (an empty database offers demo data); Ctrl+C stops it
run: $(RUN_STAMP)
	$(BIN)/onward serve --open

## tour: the guided tour of the commands, on demo data in a temporary folder
tour: $(RUN_STAMP)
	$(BIN)/onward tour

## test: the whole suite on SQLite, then again on PostgreSQL
test: test-sqlite test-postgres

test-sqlite: $(DEV_STAMP)
	$(BIN)/pytest -n $(PYTEST_WORKERS)

test-postgres: $(DEV_STAMP)
	ONWARD_TEST_DATABASE_URL=$(PG_TEST_URL) $(BIN)/pytest -n $(PYTEST_WORKERS)

## lint: style, formatting, types and the layering contracts
lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools
	$(BIN)/mypy
	$(BIN)/lint-imports

## bench: performance figures (printed; INGEST_MESSAGES=100000 for the full mail import)
bench: $(DEV_STAMP)
	$(BIN)/python bench/cli_latency.py
	$(BIN)/python bench/classify.py
	$(BIN)/python bench/insights.py
	$(BIN)/python bench/skills.py
	$(BIN)/python bench/web.py
	$(BIN)/python -m bench.ingest --messages $(INGEST_MESSAGES)
	$(BIN)/python -m bench.imap_sync
	$(BIN)/python -m bench.fuzz_import --messages 20000

## docs: regenerate the CLI reference
docs: $(DEV_STAMP)
	$(BIN)/python -m onward.cli.reference > docs/cli.md

## wheel: build the wheel into dist/ (what ships: docs/architecture.md, "What the wheel holds")
wheel: $(DEV_STAMP)
	$(BIN)/python -m build --wheel --outdir dist

## corpus: rewrite the email reader's generated training corpus (tools/corpus/)
corpus: $(DEV_STAMP)
	$(BIN)/python -m tools.corpus.generate

clean:
	rm -rf $(VENV) build dist src/*.egg-info .mypy_cache .ruff_cache
