# The two commands a new machine needs are `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PG_URL ?= postgres://root@127.0.0.1:5432/test

# The first interpreter that is Python 3.12 or newer (vietnam-provinces needs it).
PYTHON ?= $(shell for p in python3.13 python3.12 /root/.pyenv/versions/3.13.*/bin/python3.13 /root/.pyenv/versions/3.12.*/bin/python3.12 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && echo $$p && break; done)

.PHONY: run setup test test-sqlite test-postgres lint format bench messages

$(VENV)/.installed: requirements.txt
	@test -n "$(PYTHON)" || (echo "Cần Python 3.12 trở lên / Python 3.12 or newer is required" && exit 1)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	touch $@

messages: $(VENV)/.installed
	$(PY) manage.py compilemessages -v 0 --ignore=.venv

setup: messages
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py load_divisions
	$(PY) manage.py load_seeds
	$(PY) manage.py create_demo_admin

run: setup
	$(PY) manage.py runserver 127.0.0.1:8000

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(PY) manage.py makemigrations --check --dry-run -v 0

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test-sqlite: messages
	env -u DATABASE_URL $(VENV)/bin/pytest -q -n auto

test-postgres: messages
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(VENV)/bin/pytest -q -n auto

# SQLite always; PostgreSQL whenever one answers (DATABASE_URL, or the local server).
test: lint test-sqlite
	@if DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(PY) -m config.pg_reachable; then \
		$(MAKE) --no-print-directory test-postgres; \
	else echo "PostgreSQL không truy cập được: bỏ qua lượt chạy trên PostgreSQL"; fi

bench: $(VENV)/.installed
	$(PY) bench/run.py
