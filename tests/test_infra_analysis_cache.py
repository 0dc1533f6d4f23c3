"""infra/analysis_cache.py: the analysis version follows the analysis' imports, not a list."""
from __future__ import annotations

import generator.infra.analysis_cache as analysis_cache
from generator.infra.analysis_cache import PACKAGE, analysis_files


def test_a_module_the_analysis_imports_is_part_of_its_version(tmp_path, monkeypatch):
    for name, text in {"analysis/__init__.py": "from . import stage\n",
                       "analysis/stage.py": "from ..helper import (\n    normalise,\n)\nfrom .. import shared\n",
                       "helper.py": "def normalise(): ...\n", "shared.py": "", "site/render.py": "",
                       "lexicon/words.yml": "a: 1\n"}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(analysis_cache, "PACKAGE", tmp_path)
    files = {f.relative_to(tmp_path).as_posix() for f in analysis_files()}
    assert files == {"analysis/__init__.py", "analysis/stage.py", "helper.py", "shared.py", "lexicon/words.yml"}


def test_the_real_analysis_version_covers_the_model_and_the_lexicon():
    files = {f.relative_to(PACKAGE).as_posix() for f in analysis_files()}
    assert {"model.py", "problems.py", "analysis/stages.py", "lexicon/cues.yml", "lexicon/cues.py"} <= files
    assert not any(f.startswith(("site/", "read/", "infra/")) for f in files)
    assert "cli.py" not in files and "project.py" not in files
