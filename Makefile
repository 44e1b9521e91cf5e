# Tamayuz: the two commands are `make run` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup venv venv-test migrate messages static demo search-index serve lint check npm test-services bench-relevance bench-speed bench-load bench-customer-form bench-pages

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.base-installed: requirements/base.txt | $(VENV)/bin/python
	$(PIP) install --quiet -r requirements/base.txt
	touch $@

$(VENV)/.test-installed: requirements/base.txt requirements/test.txt | $(VENV)/bin/python
	$(PIP) install --quiet -r requirements/test.txt
	touch $@ $(VENV)/.base-installed

venv: $(VENV)/.base-installed
venv-test: $(VENV)/.test-installed

node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

npm: node_modules/axe-core/axe.min.js

migrate: venv
	$(MANAGE) migrate --noinput
	$(MANAGE) load_search_vocabulary

# Compiled .mo files are committed; recompile when GNU gettext is available.
messages: venv
	@if command -v msgfmt >/dev/null; then $(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0; \
	else echo "msgfmt not found: using the committed .mo files"; fi

static: venv
	$(MANAGE) collectstatic --noinput -v 0

demo: venv
	$(MANAGE) load_demo --site-url http://$(HOST):$(PORT)

# Publishing keeps the index current; this applies the changes it missed (the outbox:
# a crash between a commit and its indexing), then repairs it if its file was lost or is stale.
search-index: venv
	-@$(MANAGE) search_index --replay
	@$(MANAGE) search_index --check >/dev/null 2>&1 || $(MANAGE) search_index --rebuild --no-progress

setup: venv migrate messages static demo search-index

# portal.server is daphne answering over-long request lines with 414 (plain daphne hangs up).
serve:
	$(PY) -m portal.server -b $(HOST) -p $(PORT) portal.asgi:application

# Beside the server, `manage.py periodic` runs the portal's periodic work until the server
# stops: the search outbox and scheduled publishing every minute, reminders and award
# standings every hour (portal/periodic.py).
run: setup
	@echo "Serving Tamayuz at http://$(HOST):$(PORT) (Ctrl+C to stop)"
	@$(MANAGE) periodic & periodic=$$!; trap 'kill $$periodic 2>/dev/null' EXIT INT TERM; \
		$(PY) -m portal.server -b $(HOST) -p $(PORT) portal.asgi:application

lint: venv-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: venv-test
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=portal.settings.production SECRET_KEY=check-deploy-$$RANDOM$$RANDOM$$RANDOM-not-a-real-secret-0123456789abcdef ALLOWED_HOSTS=tamayuz.example BADGE_SIGNING_KEY=$$(head -c 32 /dev/urandom | base64) $(MANAGE) check --deploy --fail-level WARNING

# pytest exits 5 when it collects no tests; that fails here like any other non-zero code.
# One test process per core (at most four), each with its own database, search index and
# Redis database; a test module, and the browser package, run whole in one process
# (tests/conftest.py). PYTEST_PROCESSES=0 runs everything in this process.
PYTEST_PROCESSES ?= auto
PYTEST_PARALLEL := $(if $(filter 0,$(PYTEST_PROCESSES)),,-n $(PYTEST_PROCESSES) --maxprocesses 4 --dist loadgroup)
test: venv-test npm messages lint check
	$(PY) -m pytest $(PYTEST_PARALLEL) $(PYTEST_ARGS)

# The same suite against the real PostgreSQL and Redis (used by .ci/run).
test-services: venv-test npm messages
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/tamayuz} REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0} \
		$(PY) -m pytest $(PYTEST_PARALLEL) $(PYTEST_ARGS)

bench-relevance: venv-test
	$(PY) bench/relevance.py

bench-speed: venv-test
	$(PY) bench/speed.py

# 20 searchers against daphne, without then with a publisher (BENCH_LOAD_ARGS: --seconds 20,
# --database postgres, --redis-url redis://127.0.0.1:6379/3, ...).
bench-load: venv-test
	$(PY) bench/load.py $(BENCH_LOAD_ARGS)

# Customer form submissions per second: real daphne, 50 clients, loopback only. The default
# run is the single-process SQLite set-up; the second, two workers on PostgreSQL + Redis;
# the third, the same with an award season open (every rating also moves its tallies).
BENCH_CUSTOMER_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/tamayuz_bench_customer
BENCH_CUSTOMER_REDIS_URL ?= redis://127.0.0.1:6379/8
bench-customer-form: venv-test
	$(PY) bench/customer_form.py
	$(PY) bench/customer_form.py --workers 2 --database-url $(BENCH_CUSTOMER_DATABASE_URL) --redis-url $(BENCH_CUSTOMER_REDIS_URL)
	$(PY) bench/customer_form.py --workers 2 --open-season --database-url $(BENCH_CUSTOMER_DATABASE_URL) --redis-url $(BENCH_CUSTOMER_REDIS_URL)

# Anonymous public pages under load (ab -c 20) against a static file, uncached render cost,
# freshness after a publish; one then two daphne workers (BENCH_PAGES_ARGS: --seconds 8, ...).
bench-pages: venv-test
	$(PY) bench/pages.py $(BENCH_PAGES_ARGS)
	$(PY) bench/pages.py --workers 2 $(BENCH_PAGES_ARGS)
