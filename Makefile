# Bayan: `make site` builds the site (Arabic, and the English mirror in site/en/), `make test` runs the whole test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_DEPS := $(VENV)/.installed-site
TEST_DEPS := $(VENV)/.installed-dev

.PHONY: site test serve clean

# What building the site needs; the tests need the dev extras too (pytest, Playwright, …).
$(SITE_DEPS): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_DEPS): $(SITE_DEPS)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# `mkdocs build` of the Arabic site, which builds its English mirror into en/, into a fresh
# folder that replaces site/ only when both succeed.
site: $(SITE_DEPS)
	$(BIN)/python -m generator build --strict

serve: $(SITE_DEPS)
	$(BIN)/mkdocs serve

test: $(TEST_DEPS)
	$(BIN)/python -m pytest -q

clean:
	rm -rf site $(VENV)
