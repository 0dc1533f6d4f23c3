"""bench/easc.py: our ROUGE-2 F set among the published ones."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SPEC = importlib.util.spec_from_file_location("easc", Path(__file__).parent.parent / "bench" / "easc.py")
easc = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(easc)

OUTPUT = (
    "ROUGE-1 R=0.600 P=0.500 F=0.545 (F of the mean R and P, as published; …) over 3 articles\n"
    "ROUGE-2 R=0.500 P=0.400 F=0.444 (F of the mean R and P, as published; …) over 3 articles\n"
)


def test_comparison_ranks_ours_among_the_published():
    lines = easc.comparison(OUTPUT).splitlines()
    assert lines[0] == "ROUGE-2 F on EASC:"
    names = [line.split("  ")[1].strip() for line in lines[1:]]
    assert names == ["LSA-Summ", "Gen-Summ", "Bayan (this run)", "Sakhr", "first sentence"]
    assert "44.40" in lines[3] and "26.78" in lines[5]


def test_missing_corpus_is_reported(tmp_path, capsys):
    with pytest.raises(SystemExit):
        easc.main([str(tmp_path)])
    assert "easc_full.jsonl not found" in capsys.readouterr().err
