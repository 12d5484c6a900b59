# inclusion_audit: `make run` serves the app, `make test` checks it. Both set everything up first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
export FLASK_DEBUG ?= 1

.PHONY: help setup run test lint format assets db demo clean

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

db: setup ## Apply database migrations
	$(FLASK) db upgrade

demo: db ## Load demo organisations, users and audits (safe to repeat)
	$(FLASK) demo load

run: demo ## Set up everything and serve on http://127.0.0.1:5000
	$(FLASK) run --host 127.0.0.1 --port 5000

lint: setup ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup ## Format the code
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: lint ## Lint, then run the whole test suite (TEST_DATABASE_URL=postgresql+psycopg://... for PostgreSQL)
	$(BIN)/python -m pytest

clean: ## Remove everything the setup made
	rm -rf $(VENV) node_modules static/vendor static/build instance .pytest_cache .ruff_cache .hypothesis
