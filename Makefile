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

.PHONY: run test lint check-migrations pytest bench bench-http loadtest deps system-deps converters demo clean

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

# Bench-only Python packages (locust for `make loadtest`, django-import-export compared with
# tongket's results import in `make bench`), never installed by `make deps`.
$(VENV)/.bench-installed: $(VENV)/.installed requirements-bench.lock
	$(PY) -m pip install --quiet -r requirements-bench.lock
	@touch $@

# Debian packages for browser tests, PDF and the HTTP bench: chromium, LibreOffice Writer,
# Liberation fonts, poppler-utils, wrk, and python3-uno for the PDF converters kept running
# (unoserver in .venv-uno, a venv of the system Python that sees python3-uno; pinned in
# requirements-uno.lock).
UNO_VENV := .venv-uno
system-deps:
	@missing=""; \
	command -v wrk >/dev/null || missing="$$missing wrk"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v soffice >/dev/null || missing="$$missing libreoffice-writer-nogui"; \
	/usr/bin/python3 -c "import uno" 2>/dev/null || missing="$$missing python3-uno"; \
	ls /usr/share/python-wheels/pip-*.whl >/dev/null 2>&1 || missing="$$missing python3-venv"; \
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
	@$(MAKE) --no-print-directory $(UNO_VENV)/.installed

$(UNO_VENV)/.installed: requirements-uno.lock
	@test -x $(UNO_VENV)/bin/python || /usr/bin/python3 -m venv --system-site-packages $(UNO_VENV)
	$(UNO_VENV)/bin/python -m pip install --quiet -r requirements-uno.lock
	@touch $@

# `make run` uses the converters when python3-uno is installed, else one-shot soffice.
converters:
	@if /usr/bin/python3 -c "import uno" 2>/dev/null; then $(MAKE) --no-print-directory $(UNO_VENV)/.installed \
	  || echo "Không tạo được $(UNO_VENV): PDF dùng LibreOffice chạy một lần."; \
	else echo "Chưa có python3-uno: PDF dùng LibreOffice chạy một lần (make system-deps để cài)."; fi

demo: deps
	@mkdir -p var
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py load_demo

run: demo converters
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
# Creates the bench database if missing; fails when PostgreSQL does not answer.
BENCH_PG_CREATE := $(PY) -c 'import psycopg; c = psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres", connect_timeout=3, autocommit=True); found = c.execute("SELECT 1 FROM pg_database WHERE datname = %s", ("$(BENCH_PG_DB)",)).fetchone(); found or c.execute("CREATE DATABASE $(BENCH_PG_DB)")'
bench: deps system-deps $(VENV)/.bench-installed
	@mkdir -p var
	DATABASE_URL=$(BENCH_SQLITE) $(TEST_ENV) $(PY) manage.py migrate --noinput -v0
	DATABASE_URL=$(BENCH_SQLITE) $(TEST_ENV) $(PY) manage.py bench $(BENCH_ARGS)
	@if $(BENCH_PG_CREATE) 2>/dev/null; then \
	  DATABASE_URL=$(BENCH_PG) $(TEST_ENV) $(PY) manage.py migrate --noinput -v0 && \
	  DATABASE_URL=$(BENCH_PG) $(TEST_ENV) $(PY) manage.py bench $(BENCH_ARGS); \
	else echo "PostgreSQL không trả lời ở 127.0.0.1:5432: bỏ qua phép đo trên PostgreSQL."; fi

# HTTP benches on the national PostgreSQL data of `make bench` (generated when missing):
# tongket served as in production (no TONGKET_TESTING, DEBUG off, a throw-away SECRET_KEY,
# plain HTTP on loopback) by gunicorn with 3 sync workers, under the bench settings, the only
# place the floor page's URL exists. `make bench-http` drives each page with wrk (8
# connections) and prints one JSON line per page with its ratio to the floor page;
# `make loadtest` runs 100 signed-in locust users for 60 s (BENCH_HTTP_ARGS, LOADTEST_ARGS).
BENCH_SERVE_ENV = DATABASE_URL=$(BENCH_PG) DJANGO_SETTINGS_MODULE=tongket.bench.settings \
	DEBUG=false TONGKET_TESTING=false HTTPS=false ALLOWED_HOSTS=127.0.0.1 \
	SECRET_KEY=bench-$$($(PY) -c 'import secrets; print(secrets.token_hex(32))')
BENCH_PG_REQUIRED = @$(BENCH_PG_CREATE) 2>/dev/null || { \
	echo "PostgreSQL không trả lời ở 127.0.0.1:5432: phép đo HTTP cần PostgreSQL."; exit 1; }

bench-http: deps system-deps
	@mkdir -p var
	$(BENCH_PG_REQUIRED)
	@$(BENCH_SERVE_ENV) $(PY) manage.py migrate --noinput -v0
	@$(BENCH_SERVE_ENV) $(PY) manage.py bench_http $(BENCH_HTTP_ARGS)

loadtest: deps system-deps $(VENV)/.bench-installed
	@mkdir -p var
	$(BENCH_PG_REQUIRED)
	@$(BENCH_SERVE_ENV) $(PY) manage.py migrate --noinput -v0
	@$(BENCH_SERVE_ENV) $(PY) manage.py loadtest $(LOADTEST_ARGS)

clean:
	rm -rf var/tongket.sqlite3* var/static var/media

# Text import (issue 16): precision and recall per fact type on the development set (dev and
# held-out splits) and the count of invented numbers; fails when a number is invented.
.PHONY: eval-import
eval-import: deps
	$(PY) -m tongket.lib.facts.eval
