# inclusion_audit: `make run` serves the app, `make test` checks it. Both set everything up first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
export FLASK_DEBUG ?= 1
PORT ?= 5000
# The suite runs on one pytest-xdist worker per core where there is more than one core, and in this
# process (no workers) otherwise. `make test TEST_WORKERS=0` forces a single process.
TEST_WORKERS ?= $(shell [ "$$(nproc 2>/dev/null || echo 1)" -gt 1 ] && echo auto || echo 0)
# Tests run as production does, without the debugger (which `make run` turns on with FLASK_DEBUG).
PYTEST := FLASK_DEBUG=0 $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup

.PHONY: help setup run test test-postgres screenshots lint format assets db demo bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

static/build/app.css: node_modules/.installed $(wildcard static/scss/*.scss)
	@mkdir -p static/vendor/govuk static/build
	rm -rf static/vendor/govuk/*
	cp -R node_modules/govuk-frontend/dist/govuk/assets static/vendor/govuk/assets
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js static/vendor/govuk/
	node_modules/.bin/sass --pkg-importer=node --style=compressed --no-source-map --quiet \
		static/scss/app.scss static/build/app.css

assets: static/build/app.css ## Copy GOV.UK Frontend into static/vendor and build our CSS

setup: $(BIN)/.installed assets ## Create the virtualenv, install Python and npm packages, build assets

db: setup ## Apply database migrations (they also build the stored figures when what they count changes)
	$(FLASK) db upgrade

demo: db ## Load demo organisations, users and audits (safe to repeat)
	$(FLASK) demo load
	$(FLASK) local-help import

run: demo ## Set up everything and serve on http://127.0.0.1:5000 (another port: make run PORT=5001)
	BASE_URL=$${BASE_URL:-http://127.0.0.1:$(PORT)} $(FLASK) run --host 127.0.0.1 --port $(PORT)

lint: setup ## ruff lint and format check, and bandit (medium and high findings fail)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit --quiet --recursive --severity-level medium inclusion_audit wsgi.py

format: setup ## Format the code
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: lint ## Lint, then run the whole test suite (TEST_DATABASE_URL=postgresql+psycopg://... for PostgreSQL)
	$(PYTEST)

test-postgres: setup ## Run the suite on PostgreSQL (TEST_DATABASE_URL, default the local `test` database)
	TEST_DATABASE_URL=$${TEST_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test} $(PYTEST) -m "not browser"

# The browser tests (tests/browser) run in `make test` with the system Chromium at /usr/bin/chromium, and are
# skipped with the reason when it is missing (REQUIRE_BROWSER=1 makes that a failure). They always use their
# own throwaway SQLite database, so the PostgreSQL run above leaves them out.
screenshots: setup ## Save PNGs of the main pages and the guide documents to docs/screenshots/ (needs Chromium, poppler-utils)
	$(BIN)/python -m tests.browser.screenshots
	$(BIN)/python -m tests.guide.screenshots

# WeasyPrint (the PDF reference) needs Pango; PostgreSQL is used when one answers on 127.0.0.1:5432.
$(BIN)/.bench-installed: $(BIN)/.installed pyproject.toml
	@ldconfig -p | grep -q 'libpangoft2-1.0.so.0' || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; }
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	@touch $@

bench: $(BIN)/.bench-installed assets ## Benchmarks against their references (~10 min); writes docs/benchmarks.md
	FLASK_DEBUG=0 $(BIN)/python -m bench

clean: ## Remove everything the setup made
	rm -rf $(VENV) node_modules static/vendor static/build instance .pytest_cache .ruff_cache .hypothesis
