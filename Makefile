# Two commands do everything: `make demo` and `make test`. See README.md.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
HOST   ?= 127.0.0.1
PORT   ?= 8000
# pytest exits 5 when it collected no tests; that is not a failure of the suite.
PYTEST_OK := status=$$?; if [ $$status -eq 5 ]; then echo "no tests collected"; status=0; fi; exit $$status

.PHONY: demo test install install-dev lint format worker serve clean-db bench

$(VENV)/.installed: requirements.txt
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed"'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PIP) install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## make demo: install, migrate (SQLite), demo users, demo corpus, claims, then serve on 127.0.0.1:8000
demo: install
	DJANGO_DEBUG=true $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=true $(PY) manage.py demo_users
	DJANGO_DEBUG=true $(PY) manage.py ingest demo/corpus
	DJANGO_DEBUG=true $(PY) manage.py collectstatic --noinput -v0
	@echo "Serving the workbench on http://$(HOST):$(PORT)/ (Ctrl-C to stop)"
	DJANGO_DEBUG=true $(PY) manage.py runserver $(HOST):$(PORT)

## make test: install, lint, the whole suite (SQLite unless DATABASE_URL says otherwise)
test: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run -v0
	$(PY) -m pytest $(PYTEST_ARGS); $(PYTEST_OK)

lint: install-dev
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff format . && $(VENV)/bin/ruff check --fix .

worker: install
	$(VENV)/bin/celery -A factcheck worker --loglevel=INFO --concurrency=2

serve: install
	$(VENV)/bin/gunicorn factcheck.wsgi --bind $(HOST):$(PORT) --workers 2 --worker-class sync

clean-db:
	rm -f db.sqlite3 db.sqlite3-wal db.sqlite3-shm

## make bench-search: search speed, PostgreSQL and SQLite FTS5 side by side (ARTICLES=100000)
bench-search: install
	$(PY) bench/bench_search.py --articles $(or $(ARTICLES),100000)
