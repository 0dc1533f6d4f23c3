"""The installed package is self-contained: its wheel holds every file of generator/ that is not
Python (templates, lexicon, assets, theme overrides), so a site built from it needs nothing else."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

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
