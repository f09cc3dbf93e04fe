# The two commands of the contract: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip

.PHONY: fonts run test lint format check bench messages lock clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Installs come from the lock files (exact versions, every file's hash), and the project itself
# without resolving anything; they are redone when a lock (or the project's metadata) changes.
# `pip check` fails, naming the package, when pyproject.toml asks for more than the lock holds:
# then run `make lock`.
$(VENV)/.installed: requirements/base.txt pyproject.toml | $(PY)
	$(PIP) install --quiet --require-hashes -r requirements/base.txt
	$(PIP) install --quiet --no-deps -e .
	$(PIP) check
	touch $@

# test.txt pins the packages of base.txt to the same versions, so it stands for both.
$(VENV)/.installed-test: requirements/test.txt pyproject.toml | $(PY)
	$(PIP) install --quiet --require-hashes -r requirements/test.txt
	$(PIP) install --quiet --no-deps -e .
	$(PIP) check
	touch $@ $(VENV)/.installed

# Regenerate the locks from pyproject.toml, for Python 3.11 on Linux x86_64. Pins already in a
# lock are kept unless pyproject.toml rules them out; `make lock LOCK_ARGS=--upgrade` takes the
# newest of everything. test.txt is constrained by base.txt so CI tests what production runs.
UV_VERSION := 0.13.9
LOCK_FLAGS = --quiet --generate-hashes --python-version 3.11 \
	--python-platform x86_64-unknown-linux-gnu --custom-compile-command "make lock" $(LOCK_ARGS)
lock: | $(PY)
	$(PIP) install --quiet "uv==$(UV_VERSION)"
	$(VENV)/bin/uv pip compile $(LOCK_FLAGS) pyproject.toml -o requirements/base.txt
	$(VENV)/bin/uv pip compile $(LOCK_FLAGS) --extra test --constraint requirements/base.txt \
	  pyproject.toml -o requirements/test.txt

# `make run PORT=8765` serves on another port; the links the site writes (admin login line,
# preview links, generated PDFs) follow it through SITE_URL unless that is set.
PORT ?= 8000
RUN_ENV = DJANGO_DEBUG=1 SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)}
run: $(VENV)/.installed
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py load_demo --if-empty
	$(RUN_ENV) $(PY) manage.py ensure_admin
	$(RUN_ENV) $(PY) manage.py runserver 127.0.0.1:$(PORT)

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

# The web fonts in static/fonts/ (committed, with their licence): WOFF2 files of Source Serif 4
# and Source Sans 3 (SIL Open Font License 1.1) from the npm packages @fontsource/source-serif-4
# and @fontsource/source-sans-3, Latin and Latin Extended, the weights site.css uses. Needs npm.
FONT_VERSIONS := @fontsource/source-serif-4@5.3.1 @fontsource/source-sans-3@5.3.0
FONT_FILES := source-serif-4-latin-400-normal source-serif-4-latin-400-italic \
	source-serif-4-latin-600-normal source-serif-4-latin-ext-400-normal \
	source-serif-4-latin-ext-600-normal source-sans-3-latin-400-normal \
	source-sans-3-latin-600-normal source-sans-3-latin-ext-400-normal \
	source-sans-3-latin-ext-600-normal
fonts:
	rm -rf build/fonts && mkdir -p build/fonts static/fonts
	cd build/fonts && npm pack --silent $(FONT_VERSIONS) && for f in *.tgz; do tar xzf $$f; mv package $${f%.tgz}; done
	for name in $(FONT_FILES); do cp build/fonts/*/files/$$name.woff2 static/fonts/; done
	cp build/fonts/fontsource-source-serif-4-*/LICENSE static/fonts/LICENSE-source-serif-4.txt
	cp build/fonts/fontsource-source-sans-3-*/LICENSE static/fonts/LICENSE-source-sans-3.txt

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
