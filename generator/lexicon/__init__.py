"""Language data for the analysis: YAML files read once per process."""
from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed: the same data, faster


@cache
def load(name: str) -> dict[str, Any]:
    """The lexicon file `<name>.yml` of this package, parsed."""
    text = resources.files(__package__).joinpath(f"{name}.yml").read_text(encoding="utf-8")
    return yaml.load(text, _LOADER)
