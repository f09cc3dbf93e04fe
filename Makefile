# The two commands of the contract: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip

.PHONY: run test lint format check bench messages clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Reinstall only when the project's dependencies change.
$(VENV)/.installed: pyproject.toml | $(PY)
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PIP) install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=1 $(PY) manage.py load_demo
	DJANGO_DEBUG=1 $(PY) manage.py ensure_admin
	DJANGO_DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

check: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=thinktank.settings.prod DJANGO_DEBUG=0 \
	  DJANGO_SECRET_KEY=check-deploy-$$(date +%s)-a-long-random-enough-value-for-the-check-0123 \
	  $(PY) manage.py check --deploy --fail-level WARNING

test: check
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: $(VENV)/.installed-test
	$(PY) bench/run.py

# The French catalogue: collect the marked strings into locale/fr/LC_MESSAGES/django.po, then
# compile django.mo. Both files are committed, so running the site needs no gettext; this target
# (for whoever updates the translations) needs GNU gettext: apt-get install gettext.
MESSAGES_IGNORE := --ignore=.venv --ignore=node_modules --ignore=staticfiles --ignore=media \
	--ignore=private --ignore=build --ignore=artifacts
messages: $(VENV)/.installed
	$(PY) manage.py makemessages --locale=fr --no-obsolete --add-location=file $(MESSAGES_IGNORE)
	$(PY) manage.py compilemessages --locale=fr $(MESSAGES_IGNORE)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
