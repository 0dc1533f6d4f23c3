"""Measure the analysis against hand-made gold annotations (`python -m generator eval`).

Each `*.gold.yml` names its text: a file under the shared folder (`source: seeds/…`) or a record
`id` of the corpus JSON Lines. System sentences are mapped to gold sentences by offset, so a
segmentation slip costs the sentence figure, not every claim after it. The pillar figure counts
the announced count and each item with its sentences; "pillars in summary" counts the summaries that hold the sentence
announcing the pillars (a gold figure of unit "pillar"). A wrong speaker is counted by kind
(`SPEAKER_ERRORS`): empty, wrong edges, an unresolved title, or a wrong person. Entities are
scored by their Arabic span (precision, recall, F) and, of those found, by their English name
(evaluation/entities.py), their errors by kind (`ENTITY_ERRORS`).
"""
from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..analysis import analyze
from ..analysis.speakers import is_title
from ..arabic import COMPARE, fold
from ..lexicon.cues import cues
from ..model import Meta, Source, Speaker, Statement
from .entities import ENTITY_ERRORS, score_entities

CONJUNCTION = re.compile(r"^[وف](?=\w{3,})")
ARTICLE = re.compile(r"^(?:[بك]?ال|لل)(?=\w{2,})")  # the article, behind a preposition too
SPEAKER_ERRORS = {"empty": "empty speaker", "edges": "wrong edges", "unresolved": "unresolved title",
                  "person": "wrong person"}  # kind → how a line names it


@dataclass
class Score:
    """Counts for one gold file (or the total); figures are derived from them."""

    sentences: int = 0
    sentences_found: int = 0
    gold_claims: int = 0
    system_claims: int = 0
    matched_claims: int = 0
    speakers_right: int = 0
    speaker_errors: Counter[str] = field(default_factory=Counter)  # wrong speakers by kind (`speaker_error`)
    acts_right: int = 0
    pillar_counts: int = 0
    pillar_counts_right: int = 0
    pillar_items: int = 0
    pillar_items_right: int = 0
    entities: int = 0  # gold entities
    entities_found: int = 0
    entities_system: int = 0
    entities_right: int = 0  # system entities that find a gold one
    entities_english: int = 0  # gold entities found with the right English name
    entity_errors: Counter[str] = field(default_factory=Counter)  # by kind (ENTITY_ERRORS)
    slips: int = 0
    slips_found: int = 0
    announcements: int = 0  # sentences announcing the pillars (gold figures of unit "pillar")
    announcements_summarised: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        for name, value in vars(other).items():
            if isinstance(value, (int, Counter)):
                setattr(self, name, getattr(self, name) + value)

    @property
    def claims_f1(self) -> float:
        return _f1(_ratio(self.matched_claims, self.system_claims), _ratio(self.matched_claims, self.gold_claims))

    def figures(self) -> dict[str, float]:
        return {
            "sentences": _ratio(self.sentences_found, self.sentences),
            "claims P": _ratio(self.matched_claims, self.system_claims),
            "claims R": _ratio(self.matched_claims, self.gold_claims),
            "claims F1": self.claims_f1,
            "speakers": _ratio(self.speakers_right, self.matched_claims),
            "acts": _ratio(self.acts_right, self.matched_claims),
            "pillar counts": _ratio(self.pillar_counts_right, self.pillar_counts),
            "pillar items": _ratio(self.pillar_items_right, self.pillar_items),
            "pillars": _ratio(self.pillar_counts_right + self.pillar_items_right, self.pillar_counts + self.pillar_items),
            "entities P": _ratio(self.entities_right, self.entities_system),
            "entities R": _ratio(self.entities_found, self.entities),
            "entities": _f1(_ratio(self.entities_right, self.entities_system), _ratio(self.entities_found, self.entities)),
            "English names": _ratio(self.entities_english, self.entities_found),
            "spelling": _ratio(self.slips_found, self.slips),
            "pillars in summary": _ratio(self.announcements_summarised, self.announcements),
        }


    def speaker_error_line(self) -> str:
        """The wrong speakers by kind, as one line."""
        return "speaker errors: " + " · ".join(
            f"{name} {self.speaker_errors[kind]}" for kind, name in SPEAKER_ERRORS.items())

    def entity_error_line(self) -> str:
        """The entity errors by kind, as one line."""
        return "entity errors: " + " · ".join(
            f"{name} {self.entity_errors[kind]}" for kind, name in ENTITY_ERRORS.items())


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def normalise_word(word: str) -> str:
    """A cue or key for comparison: no diacritics, tatweel, hamza forms or attached و/ف."""
    return CONJUNCTION.sub("", fold(word.strip(), COMPARE))


def normalise_text(text: str) -> str:
    return " ".join(normalise_word(w) for w in text.split())


def load_text(gold: dict[str, Any], shared: Path, corpus: dict[str, dict[str, Any]]) -> tuple[str, str]:
    """The title and body text a gold file annotates."""
    if "id" in gold:
        record = corpus[gold["id"]]
        return record.get("title") or gold["id"], record["content"].strip()
    path = shared / gold["source"]
    return path.stem, path.read_text(encoding="utf-8").strip()


def gold_starts(body: str, sentences: Sequence[dict[str, Any]]) -> list[int | None]:
    """Offset in body of each gold sentence's first words (None when not found)."""
    offsets: list[int | None] = []
    cursor = 0
    for sentence in sentences:
        words = sentence["starts"].split()
        pattern = re.compile(r"\s*".join(re.escape(w) for w in words))
        match = pattern.search(body, cursor)
        offsets.append(match.start() if match else None)
        if match:
            cursor = match.end()
    return offsets


def to_gold_sentence(offset: int, starts: Sequence[int | None]) -> int:
    """The gold sentence number whose span holds a body offset."""
    number = 0
    for n, start in enumerate(starts, 1):
        if start is not None and start <= offset:
            number = n
    return number


def score_statement(gold: dict[str, Any], statement: Statement, body: str) -> Score:
    """Compare one analysed statement with its gold annotation."""
    score = Score()
    gold_sentences = gold.get("sentences") or []
    starts = gold_starts(body, gold_sentences)
    system_starts = {s.start for s in statement.sentences}
    score.sentences = len(gold_sentences)
    for n, start in enumerate(starts, 1):
        if start is not None and start in system_starts:
            score.sentences_found += 1
        else:
            score.misses.append(f"sentence {n} not split: «{gold_sentences[n - 1]['starts']}»")
    sentence_map = {s.n: to_gold_sentence(s.start, starts) for s in statement.sentences}
    _score_claims(score, gold_sentences, statement, sentence_map)
    _score_pillars(score, gold.get("pillars"), statement, sentence_map)
    _score_entities(score, gold.get("entities") or [], statement)
    _score_spelling(score, gold.get("editorial") or [], statement)
    _score_summary(score, gold.get("figures") or [], statement, sentence_map)
    return score


def _score_claims(score: Score, gold_sentences: Sequence[dict[str, Any]], statement: Statement,
                  sentence_map: dict[int, int]) -> None:
    gold = [(s["n"], claim) for s in gold_sentences for claim in s.get("claims") or []]
    score.gold_claims = len(gold)
    score.system_claims = len(statement.claims)
    unmatched = list(statement.claims)
    for n, claim in gold:
        cue = normalise_word(claim["cue"])
        found = next((c for c in unmatched
                      if sentence_map.get(c.sentence) == n and normalise_word(c.cue) == cue), None)
        if found is None:
            score.misses.append(f"claim missed: s{n} {claim['cue']}")
            continue
        unmatched.remove(found)
        score.matched_claims += 1
        key = normalise_word(claim["speaker_key"])
        speaker = found.speaker
        said_by = normalise_text(f"{speaker.text} {speaker.canonical}") if speaker else ""
        if key and (key in said_by.split() or key in said_by or _stems(key) <= _stems(said_by)):
            score.speakers_right += 1
        else:
            kind = speaker_error(claim.get("speaker"), key, speaker)
            score.speaker_errors[kind] += 1
            score.misses.append(f"speaker wrong ({SPEAKER_ERRORS[kind]}): s{n} {claim['cue']} → "
                                f"{speaker.text if speaker else None} (gold key {claim['speaker_key']})")
        if claim["act"] in (found.act, cues().refines.get(found.act)):
            score.acts_right += 1
        else:
            score.misses.append(f"act wrong: s{n} {claim['cue']} {found.act} (gold {claim['act']})")
    for claim in unmatched:
        score.misses.append(f"claim extra: s{sentence_map.get(claim.sentence)} {claim.cue}")


def speaker_error(gold_speaker: str | None, key: str, speaker: Speaker | None) -> str:
    """The kind of a wrong speaker: "empty" (none found), "unresolved" (the gold resolves to a
    person its own words do not name, ours stayed a title or pronoun), "edges" (ours overlaps the
    gold phrase but is another span), else "person" (someone else)."""
    if speaker is None:
        return "empty"
    gold_words = _stems(gold_speaker or "")
    if not _stems(key) <= gold_words and is_title(speaker.canonical):
        return "unresolved"
    if gold_words & _stems(speaker.text):
        return "edges"
    return "person"


def _stems(text: str) -> set[str]:
    """The words of a phrase for comparison, without punctuation or the article, behind ب/ل/ك too
    («البيان» = «بيان», «للديوان» = «الديوان»), a و left by the article as a conjunction is
    taken off (`normalise_word` takes it off «وزير»: «الوزير» = «وزير»)."""
    return {CONJUNCTION.sub("", ARTICLE.sub("", w)) for w in re.findall(r"\w+", normalise_text(text))}


def _score_pillars(score: Score, gold: dict[str, Any] | None, statement: Statement,
                   sentence_map: dict[int, int]) -> None:
    system = statement.pillars
    if not gold:
        if system is not None:
            score.pillar_counts = 1  # an enumeration where there is none costs like a wrong count
            score.misses.append(f"pillars extra: {system.announced} {system.noun}")
        return
    score.pillar_counts = 1
    if system is not None and system.announced == gold.get("announced"):
        score.pillar_counts_right = 1
    else:
        score.misses.append(f"pillar count {system.announced if system else None} (gold {gold.get('announced')})")
    system_items = {item.n: sorted({sentence_map.get(s) for s in item.sentences}) for item in system.items} \
        if system else {}
    for item in gold.get("items") or []:
        score.pillar_items += 1
        if system_items.get(item["n"]) == sorted(item["sentences"]):
            score.pillar_items_right += 1
        else:
            score.misses.append(f"pillar {item['n']} at {system_items.get(item['n'])} (gold {item['sentences']})")


def _score_entities(score: Score, gold: Iterable[dict[str, Any]], statement: Statement) -> None:
    found = score_entities(gold, statement.entities)
    score.entities, score.entities_found, score.entities_english = found.gold, found.found, found.english
    score.entities_system, score.entities_right = found.system, found.right
    score.entity_errors.update(found.errors)
    score.misses.extend(found.misses)


def _score_spelling(score: Score, gold: Iterable[dict[str, Any]], statement: Statement) -> None:
    """Recall of the editorial slips: a spelling finding that names the word."""
    messages = [normalise_text(f.message) for f in statement.findings if f.code == "spelling"]
    for slip in gold:
        score.slips += 1
        if any(normalise_text(slip["word"]) in message for message in messages):
            score.slips_found += 1
        else:
            score.misses.append(f"spelling missed: {slip['word']} ({slip['suggest']})")


def _score_summary(score: Score, figures: Iterable[dict[str, Any]], statement: Statement,
                   sentence_map: dict[int, int]) -> None:
    """Whether the summary holds the sentence that announces the pillars."""
    summarised = {sentence_map.get(n) for n in statement.summary.sentences} if statement.summary else set()
    for figure in figures:
        if figure.get("unit") == "pillar":
            score.announcements += 1
            if figure["sentence"] in summarised:
                score.announcements_summarised += 1
            else:
                score.misses.append(f"summary without the pillars' announcement (s{figure['sentence']})")


def load_corpus(path: Path | None, ids: set[str]) -> dict[str, dict[str, Any]]:
    """The corpus records that the gold files name."""
    records: dict[str, dict[str, Any]] = {}
    if path is None or not ids:
        return records
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in ids:
                records[record["id"]] = record
    return records


def evaluate(gold_dir: Path, corpus_path: Path | None, verbose: bool = False) -> Score:
    """Score every gold file, print per file and in total; return the total."""
    files = sorted(gold_dir.glob("*.gold.yml"))
    golds = {f: yaml.safe_load(f.read_text(encoding="utf-8")) for f in files}
    corpus = load_corpus(corpus_path, {g["id"] for g in golds.values() if "id" in g})
    total = Score()
    for file, gold in golds.items():
        title, body = load_text(gold, gold_dir.parent, corpus)
        source = Source(slug=file.name.removesuffix(".gold.yml"), path=str(file), meta=Meta(title=title), body=body)
        score = score_statement(gold, analyze(source), body)
        total.add(score)
        print(f"{file.name}: " + " · ".join(f"{k} {v:.2f}" for k, v in score.figures().items()))
        if verbose:
            print(f"    {score.speaker_error_line()}")
            print(f"    {score.entity_error_line()}")
            for miss in score.misses:
                print(f"    {miss}")
    figures = total.figures()
    print("total: " + " · ".join(f"{k} {v:.2f}" for k, v in figures.items()))
    print(f"total {total.speaker_error_line()}")
    print(f"total {total.entity_error_line()}")
    print(f"claims F1 {figures['claims F1']:.2f} · speakers {figures['speakers']:.2f} · "
          f"sentences {figures['sentences']:.2f} · pillars {figures['pillars']:.2f} · "
          f"entities {figures['entities']:.2f} · English names {figures['English names']:.2f}")
    return total
