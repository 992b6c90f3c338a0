# tongket: `make run` serves the demo, `make test` runs every check, `make bench` measures.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# Tests and benches need no SECRET_KEY; `make run` is a local demo server with DEBUG on.
TEST_ENV := TONGKET_TESTING=true
RUN_ENV := DEBUG=true

.PHONY: run test lint check-migrations pytest bench deps system-deps demo clean

$(VENV)/.installed: pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

deps: $(VENV)/.installed node_modules/.installed

# Debian packages for browser tests and PDF: chromium, LibreOffice Writer, Liberation fonts.
system-deps:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v soffice >/dev/null || missing="$$missing libreoffice-writer-nogui"; \
	fc-list 2>/dev/null | grep -q "LiberationSerif" || missing="$$missing fonts-liberation2"; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Cài gói Debian:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing fonts-liberation2 >/dev/null; \
	  else \
	    echo "Thiếu gói Debian:$$missing. Hãy chạy: sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

demo: deps
	@mkdir -p var
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py load_demo

run: demo
	@echo "tongket đang chạy tại http://$(HOST):$(PORT)/  (Ctrl+C để dừng)"
	$(RUN_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

lint: deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check-migrations: deps
	$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run

pytest: deps system-deps
	$(TEST_ENV) $(VENV)/bin/pytest -q $(PYTEST_ARGS)

test: lint check-migrations pytest

# Benchmarks run on their own databases, SQLite then PostgreSQL (when it answers); the
# national data set is generated once and reused by the next `make bench`.
BENCH_SQLITE := sqlite:///$(CURDIR)/var/bench.sqlite3
BENCH_PG_DB := tongket_bench
BENCH_PG := postgres://postgres@127.0.0.1:5432/$(BENCH_PG_DB)
# Bench-only packages (django-import-export, compared with tongket's results import).
$(VENV)/.bench-installed: requirements-bench.lock $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-bench.lock
	@touch $@

bench: deps system-deps $(VENV)/.bench-installed
	@mkdir -p var
	DATABASE_URL=$(BENCH_SQLITE) $(TEST_ENV) $(PY) manage.py migrate --noinput -v0
	DATABASE_URL=$(BENCH_SQLITE) $(TEST_ENV) $(PY) manage.py bench $(BENCH_ARGS)
	@if $(PY) -c 'import psycopg; c = psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres", connect_timeout=3, autocommit=True); found = c.execute("SELECT 1 FROM pg_database WHERE datname = %s", ("$(BENCH_PG_DB)",)).fetchone(); found or c.execute("CREATE DATABASE $(BENCH_PG_DB)")' 2>/dev/null; then \
	  DATABASE_URL=$(BENCH_PG) $(TEST_ENV) $(PY) manage.py migrate --noinput -v0 && \
	  DATABASE_URL=$(BENCH_PG) $(TEST_ENV) $(PY) manage.py bench $(BENCH_ARGS); \
	else echo "PostgreSQL không trả lời ở 127.0.0.1:5432: bỏ qua phép đo trên PostgreSQL."; fi

clean:
	rm -rf var/tongket.sqlite3* var/static var/media

# Text import (issue 16): precision and recall per fact type on the development set (dev and
# held-out splits) and the count of invented numbers; fails when a number is invented.
.PHONY: eval-import
eval-import: deps
	$(PY) -m tongket.lib.facts.eval
