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

test: setup
	$(PY) -m pytest

check: setup
	$(PY) -m build_scripts check

clean:
	rm -rf site $(VENV)
