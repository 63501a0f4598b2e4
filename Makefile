# The project's front door: `make run` serves the demo site, `make test` runs the whole suite.
# Everything is installed into .venv and node_modules by these targets; nothing by hand.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/arbeitskreise
# `make run PORT=8010` serves on another port; the demo's Site, feeds and mail links follow it
# through WAGTAILADMIN_BASE_URL, unless that is set in the environment or on the command line.
PORT ?= 8000
WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)
# One test process per core; narrow a run with e.g. `make test PYTEST_ARGS="-m 'not e2e'"`.
PYTEST_ARGS ?=
PYTEST := $(BIN)/pytest -n auto

.PHONY: install run test test-postgres test-e2e lint format check messages css fonts faults bench clean

# Reinstall when the dependency lists change; the stamp files remember the last install.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

install: $(VENV)/.installed node_modules/.installed

run: install
	$(MANAGE) migrate --no-input --verbosity 0
	WAGTAILADMIN_BASE_URL=$(WAGTAILADMIN_BASE_URL) $(MANAGE) load_demo
	WAGTAILADMIN_BASE_URL=$(WAGTAILADMIN_BASE_URL) $(MANAGE) runserver 127.0.0.1:$(PORT)

test: install
	$(PYTEST) $(PYTEST_ARGS)

test-postgres: install
	DATABASE_URL=$(POSTGRES_URL) $(PYTEST) $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

# The admin's German overrides: compile locale/de after editing its django.po.
messages: install
	$(MANAGE) compilemessages --locale de --ignore '.venv/*' --ignore 'node_modules/*'

# KERN's stylesheet cut down to the rules the site uses (site/static/css/kern-used.css), then
# the one stylesheet pages load, site.css: fonts, that KERN subset and css/components/ joined
# (both committed; run after changing a component or using a KERN class for the first time:
# tests/home/test_css.py and test_site_css.py say so).
css: install
	node scripts/purge_kern_css.mjs
	$(BIN)/python scripts/build_site_css.py

# Fira Sans cut down to the characters the site writes, into site/static/fonts/ (committed).
fonts: install
	$(BIN)/python scripts/subset_fonts.py

# Fault drill on a PostgreSQL, Redis and Varnish of its own (temporary, free ports, removed
# afterwards, also on Ctrl-C): restarts, stops and freezes them under load on 127.0.0.1 and
# counts pages served to the wrong audience; writes test-artifacts/faults.md. A few minutes.
# Needs varnishd (Debian: apt-get install varnish, as .ci/run does); it installs nothing itself.
faults: install
	$(BIN)/python scripts/fault_drill.py

# Public pages of the demo and of a grown site (BENCH_GROW events and entries, default 2,000)
# under wrk on 127.0.0.1, on a PostgreSQL and Redis of its own (removed afterwards); writes
# test-artifacts/bench.md. BENCH_SECONDS=1 for a quick run (default 8 s per page),
# BENCH_GROW=10000 for a bigger site. Not part of `make test`.
bench: install
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) node_modules static test-artifacts .pytest_cache .ruff_cache
