# Bayan: `make site` builds the site (Arabic, and the English mirror in site/en/), `make test` runs the whole test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_DEPS := $(VENV)/.installed-site
TEST_DEPS := $(VENV)/.installed-dev

.PHONY: site test serve publish lock clean

# What building the site needs; the tests need the dev extras too (pytest, Playwright, …).
# Exact versions from constraints.txt (pyproject.toml holds the ranges a plugin user gets).
$(SITE_DEPS): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e .
	touch $@

$(TEST_DEPS): $(SITE_DEPS)
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

# `mkdocs build` of the Arabic site, which builds its English mirror into en/, into a fresh
# folder that replaces site/ only when both succeed.
site: $(SITE_DEPS)
	$(BIN)/python -m generator build --strict

# Both languages on http://127.0.0.1:8000/; a save rebuilds only what changed (README: make serve).
serve: $(SITE_DEPS)
	$(BIN)/mkdocs serve --dirty

# Both languages to the gh-pages branch of the repository's origin (GitHub Pages).
publish: $(SITE_DEPS)
	$(BIN)/mkdocs gh-deploy --strict

test: $(TEST_DEPS)
	$(BIN)/python -m pytest -q

# The newest versions within pyproject.toml's ranges, pinned into constraints.txt.
lock:
	rm -rf .venv-lock
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet -e '.[dev]'
	{ sed -n '1,2p' constraints.txt; .venv-lock/bin/pip freeze --exclude-editable; } > constraints.txt.new
	mv constraints.txt.new constraints.txt
	rm -rf .venv-lock

clean:
	rm -rf site $(VENV)
