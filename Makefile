# Two commands set everything up on a fresh machine: `make site` and `make test`.
# Each creates .venv with the pinned dependencies (requirements.txt) when it is missing or outdated.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BENCH_DIR ?= /tmp/explainer-bench

.PHONY: setup system-deps site pdf serve test test-fast check review bench bench-quick clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

setup: $(VENV)/.installed

# Chromium, poppler, fonts, Pango, npm: installed when missing (apt-get as root), else one line says how.
system-deps:
	@scripts/ensure-system-deps.sh

site: setup
	$(PY) -m build_scripts build
	$(VENV)/bin/mkdocs build --strict --site-dir site
	$(PY) -m build_scripts pdf -o site/explicatie.pdf

# The print PDF alone (mkdocs build empties site/, so `site` writes the PDF after it).
pdf: setup
	$(PY) -m build_scripts pdf -o site/explicatie.pdf

# Live preview; --dirty rebuilds only the pages that changed, so an edit shows in about a second.
serve: setup
	$(VENV)/bin/mkdocs serve --dirty

# axe-core for the browser tests' accessibility checks (package-lock.json pins it).
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# Every test: unit, golden pages, the real mkdocs build, the evaluation gates, Chromium, the PDF.
test: setup system-deps node_modules/.package-lock.json
	$(PY) -m pytest

# The edit-test loop: unit tests only (no site build, browser or whole evaluation), under a minute.
test-fast: setup
	$(PY) -m pytest -m "not slow" -q

check: setup
	$(PY) -m build_scripts check

review: setup
	$(PY) -m build_scripts review

# Extraction speed on the real annotated articles (tokens/s, slowest article, 1000 articles on two cores),
# then corpora of 100, 1000 and 5000 generated articles: scripts cold and warm, mkdocs build, one edit, memory.
bench: setup
	$(PY) benchmarks/extraction.py --jobs 2 --repeat-to 1000
	$(PY) benchmarks/bench.py --sizes 100,1000,5000 --workdir $(BENCH_DIR)

bench-quick: setup
	$(PY) benchmarks/bench.py --quick --workdir $(BENCH_DIR)-quick

clean:
	rm -rf site $(VENV) .cache
