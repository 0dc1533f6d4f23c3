"""The package: self-contained (its wheel holds every file of generator/ that is not Python:
templates, lexicon, assets, theme overrides), asking for version ranges, and built from the exact
versions of constraints.txt."""
from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "generator"


def test_the_wheel_ships_every_data_file_of_the_package(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    (wheel,) = tmp_path.glob("bayan-*.whl")
    shipped = set(zipfile.ZipFile(wheel).namelist())
    data = {p.relative_to(ROOT).as_posix() for p in PACKAGE.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts}
    assert {"generator/assets/css/bayan.css", "generator/theme/main.html"} <= data
    assert sorted(data - shipped) == []


def requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(r) for r in [*project["dependencies"], *project["optional-dependencies"]["dev"]]]


def pins() -> dict[str, Version]:
    found = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            found[canonicalize_name(name)] = Version(version)
    return found


def test_the_package_asks_for_ranges_and_constraints_pin_each_one_inside_them():
    pinned = pins()
    for requirement in requirements():
        assert not any(spec.operator == "==" for spec in requirement.specifier), f"{requirement}: a range, not a pin"
        version = pinned.get(canonicalize_name(requirement.name))
        assert version is not None, f"{requirement.name} is not pinned in constraints.txt"
        assert version in requirement.specifier, f"constraints.txt pins {requirement.name} {version}, outside {requirement}"


def test_make_installs_from_the_constraints():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    installs = [line for line in makefile.splitlines() if "pip install" in line and "-e " in line and "lock" not in line]
    assert len(installs) == 2 and all("-c constraints.txt" in line for line in installs)
