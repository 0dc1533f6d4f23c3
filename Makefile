# Bayan: `make site` builds the site (Arabic, and the English mirror in site/en/), `make test` runs the whole test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test serve clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The Arabic site and its English mirror (site/en/) build into a fresh folder that replaces
# site/ only when both succeed.
site: $(STAMP)
	$(BIN)/python -m generator build --strict -f mkdocs.yml -f mkdocs.en.yml

serve: $(STAMP)
	$(BIN)/mkdocs serve

test: $(STAMP)
	$(BIN)/python -m pytest -q

clean:
	rm -rf site $(VENV)
