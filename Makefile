# Two commands set everything up on a fresh machine: `make site` and `make test`.
# Each creates .venv with the pinned dependencies (requirements.txt) when it is missing or outdated.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: setup site pdf serve test check clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

setup: $(VENV)/.installed

site: setup
	$(PY) -m build_scripts build
	$(VENV)/bin/mkdocs build --strict --site-dir site
	$(PY) -m build_scripts pdf -o site/explicatie.pdf

# The print PDF alone (mkdocs build empties site/, so `site` writes the PDF after it).
pdf: setup
	$(PY) -m build_scripts pdf -o site/explicatie.pdf

serve: setup
	$(VENV)/bin/mkdocs serve

# axe-core for the browser tests' accessibility checks (package-lock.json pins it).
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

test: setup node_modules/.package-lock.json
	$(PY) -m pytest

check: setup
	$(PY) -m build_scripts check

clean:
	rm -rf site $(VENV)
