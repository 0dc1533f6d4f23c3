"""Measure the translation QA on human translations: false alarms and detection.

    .venv/bin/python bench/translation_qa.py /work/shared      # the folder holding corpus/

For NTREX-128 (123 news documents, imported with `python -m generator import`, which writes
`[n]` markers where the sentence splitter cuts a line in two) and the UN test set (sentence
pairs grouped by document), it prints per check:

- the false-alarm rate: translated sentences with a finding of that check, on the human
  translations as they are (must stay under 5%);
- the detection rate: on copies where one number, or one entity's English name, is deleted
  from the English of a sentence that had no such finding, the share of copies where the check
  reports it (must be 95% or more).
"""
from __future__ import annotations

import dataclasses
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.analysis.translation_qa import (  # noqa: E402
    arabic_numbers,
    check,
    english_numbers,
    english_words,
    entity_forms,
    named,
    plain_english,
    word_in,
)
from generator.model import Statement  # noqa: E402
from generator.project import Project, analyse  # noqa: E402
from generator.read.importer import import_into  # noqa: E402
from generator.read.sources import read_statements  # noqa: E402

CHECKS = ("alignment", "number", "entity", "untranslated", "length")
ALIGNMENT = {"translation/missing", "translation/extra", "translation/order", "translation/empty"}
_NUMBER_SPAN = re.compile(r"\d(?:[\d,]*\d)?(?:\.\d+)?(?:\s*(?:million|billion|thousand|bn|m)\b)?|[A-Za-z]+(?:-[A-Za-z]+)?")


def check_of(code: str) -> str:
    return "alignment" if code in ALIGNMENT else code.split("/", 1)[1]


def corpus(path: Path, folder: Path) -> list[tuple[Statement, object]]:
    """Import a corpus file into folder/statements and analyse it: (statement, source) pairs."""
    import_into(path, folder / "statements")
    sources, problems = read_statements(folder)
    assert not [p for p in problems if p.level == "error"], problems[:3]
    project = Project(root=folder.parent, config_files=(), content=folder, templates=folder, cache=None, jobs=4)
    return list(zip(analyse(project, sources), sources))


def false_alarms(pairs) -> tuple[int, Counter]:
    """Translated sentences, and per check the sentences with a finding."""
    flagged: dict[str, set[tuple[str, int]]] = {c: set() for c in CHECKS}
    total = 0
    for st, _ in pairs:
        if st.translation is None:
            continue
        total += sum(1 for t in st.translation.sentences if t)
        for f in st.findings:
            if f.code.startswith("translation/"):
                flagged[check_of(f.code)].add((st.slug, f.sentence or 0))
    return total, Counter({c: len(s) for c, s in flagged.items()})


def without_number(english: str, value: float) -> str | None:
    """The English with one mention of `value` deleted, or None when none can be."""
    before = english_numbers(english)
    for m in _NUMBER_SPAN.finditer(english):
        cut = english[:m.start()] + english[m.end():]
        after = english_numbers(cut)
        if after.strong[value] + after.weak[value] < before.strong[value] + before.weak[value]:
            return " ".join(cut.split())
    return None


def without_name(english: str, entity) -> str | None:
    """The English with the entity's name deleted: every word that names it (its English name,
    initials, surname or a derived word such as Syrian for Syria), or None if it is not named."""
    words = english_words(english)
    forms = [f for f in entity_forms(entity) if named(f, words)]
    if not forms:
        return None
    names = {w for f in forms for w in f}
    plain = plain_english(english)
    cut = re.sub(r"[A-Za-z0-9]+", lambda m: "" if any(word_in(n, frozenset({m[0].lower()})) for n in names)
                 else m[0], plain)
    return " ".join(cut.split())


def detection(pairs) -> dict[str, tuple[int, int]]:
    """(corrupted copies, copies the check reported) for numbers and entities."""
    result = {"number": [0, 0], "entity": [0, 0]}
    for st, source in pairs:
        tr = st.translation
        if tr is None:
            continue
        quiet = {(check_of(f.code), f.sentence) for f in st.findings}
        groups = {g[0]: g for g in tr.groups}
        for s in st.sentences:
            english = tr.sentences[s.n - 1]
            if not english:
                continue
            arabic = " ".join(x.text for x in st.sentences if x.n in groups.get(s.n, (s.n,)))
            trials = []
            if ("number", s.n) not in quiet:
                values = [v for v in arabic_numbers(arabic).strong if v not in (0, 1)]
                cut = next((c for c in (without_number(english, v) for v in values) if c is not None), None)
                trials.append(("number", cut))
            if ("entity", s.n) not in quiet:
                for entity in (e for e in st.entities if s.n in e.sentences):
                    trials.append(("entity", without_name(english, entity)))
                    break
            for kind, cut in trials:
                if cut is None:
                    continue
                broken = dataclasses.replace(tr, sentences=tuple(
                    cut if i == s.n - 1 else t for i, t in enumerate(tr.sentences)))
                found = check(source, st.sentences, broken, st.entities)
                result[kind][0] += 1
                result[kind][1] += any(f.sentence == s.n and f.code == f"translation/{kind}" for f in found)
    return {k: (v[0], v[1]) for k, v in result.items()}


def report(name: str, pairs) -> bool:
    total, flagged = false_alarms(pairs)
    docs = sum(1 for st, _ in pairs if st.translation)
    print(f"\n{name}: {docs} documents, {total} translated sentences")
    ok = True
    for c in CHECKS:
        rate = flagged[c] / total if total else 0.0
        ok &= rate < 0.05
        print(f"  false alarms  {c:<13} {flagged[c]:>5} sentences  {rate:6.2%}  {'ok' if rate < 0.05 else 'OVER 5%'}")
    for kind, (tried, found) in detection(pairs).items():
        rate = found / tried if tried else 0.0
        ok &= rate >= 0.95
        print(f"  detection     {kind:<13} {found:>5}/{tried:<5}      {rate:6.2%}  {'ok' if rate >= 0.95 else 'UNDER 95%'}")
    return ok


def main(shared: Path) -> int:
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in (("NTREX-128 (en→ar news)", shared / "corpus/ntrex/ntrex128_docs.jsonl"),
                           ("UN v1 test set (ar/en)", shared / "corpus/un/unv1_testset_ar_en.jsonl"),
                           ("UN statement-like sample", shared / "corpus/un/statement_like_sample_200.jsonl")):
            ok &= report(name, corpus(path, Path(tmp) / path.stem))
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1])))
