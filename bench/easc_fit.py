"""What EASC's human summarisers pick, and whether a fitted score or budget rule beats the lead.

Usage: python bench/easc_fit.py [SHARED_DIR]

The study behind `generator/analysis/summary.py` (issue #8). SHARED_DIR (default ../shared
beside the repository) holds corpus/easc/easc_full.jsonl and tools/easc_rouge.py, whose
tokens and n-grams are used; every figure is ROUGE-2 F of the mean R and mean P over the 153
articles, as bench/easc.py prints it. Articles are split as the summariser splits them (lines
unwrapped, Bayan's splitter, boilerplate cleaned, sentences of fewer than MIN_WORDS words left
out), without the claims, which do not change the lead. A sentence gets one vote per human
summary holding at least half of its word pairs.

It prints:
1. human summary length against article length (words), by tenth of the articles;
2. the summaries made of the most voted sentences at the default length (a ceiling);
3. logistic regressions of the votes on sentence features (plain Python, Newton steps):
   weights fitted on all articles, ROUGE-2 of their choice fitted on all articles and
   leave-one-topic-out (fitted on the other nine topics);
4. ways of meeting the budget, each with its ratio set so the summaries hold a mean 35% of
   their article's words;
5. what the references hold: human sentences cut at 255 characters, summaries made of every
   other sentence, and the lead at larger shares of the words or at lengths known from the
   references (an oracle).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import math
import re
import statistics
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.analysis.sentences import split_sentences  # noqa: E402
from generator.analysis.summary import MIN_WORDS, RATIO, clean, terms, unwrap_lines  # noqa: E402

_WORD = re.compile(r"\w+")
SHARE = 0.35  # the mean share of words every budget rule is compared at
FEATURES = {
    "position": ["relpos", "first"],
    "+ paragraphs": ["relpos", "first", "para_first", "in_para"],
    "+ first-sentence overlap": ["relpos", "first", "para_first", "in_para", "first_overlap"],
    "all": ["relpos", "first", "para_first", "in_para", "first_overlap", "log_words",
            "topic_words", "digits", "log_sentences", "relpos_log_sentences"],
}

Bigrams = Counter


@dataclass
class Article:
    id: str
    topic: str
    sentences: list[str]  # cleaned, in order, MIN_WORDS words or more
    para_first: list[bool]  # the sentence opens a paragraph
    words: list[int]  # per sentence
    summary_words: float  # mean of the human summaries
    refs: list[Bigrams]  # the five human summaries' word pairs
    votes: list[int]


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("easc_rouge", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load(corpus: Path, scorer) -> list[Article]:
    """EASC's articles split as Bayan splits them, with their references and votes."""
    articles = []
    for line in corpus.read_text("utf-8").splitlines():
        record = json.loads(line)
        text = unwrap_lines(record["article"])
        kept = [(s, clean(s.text)) for s in split_sentences(text)]
        kept = [(s, c) for s, c in kept if len(_WORD.findall(c)) >= MIN_WORDS]
        para_first = [n == 0 or text[:s.start].rstrip(" \t").endswith("\n") for n, (s, _) in enumerate(kept)]
        sentences = [c for _, c in kept]
        humans = record["summaries"].values()
        refs = [scorer.ngrams(scorer.toks(s), 2) for s in humans]
        articles.append(Article(record["id"], record["topic"], sentences, para_first,
                                [len(_WORD.findall(s)) for s in sentences],
                                statistics.mean(len(scorer.toks(s)) for s in humans), refs,
                                [votes(s, refs, scorer) for s in sentences]))
    return articles


def votes(sentence: str, refs: Sequence[Bigrams], scorer) -> int:
    """How many references hold at least half of the sentence's word pairs."""
    pairs = set(scorer.ngrams(scorer.toks(sentence), 2))
    return sum(len(pairs & set(ref)) >= len(pairs) / 2 for ref in refs) if pairs else 0


def features(article: Article) -> list[dict[str, float]]:
    """Per sentence: position, paragraph, overlap with the first sentence, length, topic words."""
    bags = [Counter(terms(s)) for s in article.sentences]
    frequency = Counter(t for bag in bags for t in bag)
    n = len(bags)
    rows, in_para = [], 0
    for k, (bag, words) in enumerate(zip(bags, article.words)):
        in_para = 0 if article.para_first[k] else in_para + 1
        relpos = k / n
        rows.append({
            "relpos": relpos, "first": float(k == 0), "para_first": float(article.para_first[k]),
            "in_para": min(in_para, 5) / 5,
            "first_overlap": len(bag.keys() & bags[0].keys()) / max(1, len(bag)) if k else 1.0,
            "log_words": math.log(words),
            "topic_words": sum(frequency[t] - 1 for t in bag) / max(1, sum(bag.values())),
            "digits": float(bool(re.search(r"\d", article.sentences[k]))),
            "log_sentences": math.log(n), "relpos_log_sentences": relpos * math.log(n),
        })
    return rows


def logistic(rows: Sequence[Sequence[float]], targets: Sequence[float], l2: float = 1.0) -> list[float]:
    """Weights (bias first) of a logistic regression on soft targets in [0, 1], L2 on the rest."""
    size = len(rows[0]) + 1
    weights = [0.0] * size
    for _ in range(30):
        gradient = [l2 * w if j else 0.0 for j, w in enumerate(weights)]
        hessian = [[l2 if j == k and j else 0.0 for k in range(size)] for j in range(size)]
        for row, target in zip(rows, targets):
            x = (1.0, *row)
            p = 1 / (1 + math.exp(-sum(w * v for w, v in zip(weights, x))))
            for j in range(size):
                gradient[j] += (p - target) * x[j]
                for k in range(size):
                    hessian[j][k] += p * (1 - p) * x[j] * x[k]
        step = _solve(hessian, gradient)
        weights = [w - s for w, s in zip(weights, step)]
        if max(map(abs, step)) < 1e-9:
            break
    return weights


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """x with matrix·x = vector (Gauss-Jordan with partial pivoting)."""
    size = len(vector)
    rows = [row[:] + [v] for row, v in zip(matrix, vector)]
    for c in range(size):
        pivot = max(range(c, size), key=lambda r: abs(rows[r][c]))
        rows[c], rows[pivot] = rows[pivot], rows[c]
        for r in range(size):
            if r != c:
                factor = rows[r][c] / rows[c][c]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[c])]
    return [rows[r][size] / rows[r][r] for r in range(size)]


def choose(article: Article, scores: Sequence[float], budget: float, rule: str = "nearest") -> str:
    """Sentences by score until the budget: "nearest" (Bayan's: stop when the next one would take
    the summary further from it) or "within" (stop when the next one would pass it)."""
    words, total, chosen = article.words, 0, []
    for k in sorted(range(len(scores)), key=lambda k: (-scores[k], k)):
        over = total + words[k] - budget > (budget - total if rule == "nearest" else 0)
        if chosen and over:
            break
        chosen.append(k)
        total += words[k]
    return " ".join(article.sentences[k] for k in sorted(chosen))


def rouge2(articles: Sequence[Article], summaries: dict[str, str], scorer) -> tuple[float, float, float]:
    """Mean R, mean P and the F of those means, each article against its five references."""
    recalls, precisions = [], []
    for article in articles:
        candidate = scorer.ngrams(scorer.toks(summaries[article.id]), 2)
        overlaps = [sum((candidate & ref).values()) for ref in article.refs]
        recalls.append(statistics.mean(o / max(1, sum(r.values())) for o, r in zip(overlaps, article.refs)))
        precisions.append(statistics.mean(overlaps) / max(1, sum(candidate.values())))
    r, p = statistics.mean(recalls), statistics.mean(precisions)
    return r, p, 2 * r * p / (r + p) if r + p else 0.0


def share(articles: Sequence[Article], summaries: dict[str, str]) -> float:
    return statistics.mean(len(_WORD.findall(summaries[a.id])) / sum(a.words) for a in articles)


Budget = Callable[[Article, float], float]


def summaries(articles: Sequence[Article], score: Callable[[Article], list[float]], budget: Budget,
              ratio: float, rule: str = "nearest") -> dict[str, str]:
    return {a.id: choose(a, score(a), budget(a, ratio), rule) for a in articles}


def at_share(articles: Sequence[Article], score, budget: Budget, rule: str = "nearest") -> tuple[float, dict]:
    """The ratio (by bisection) at which the summaries hold a mean SHARE of the words, and them."""
    low, high = 0.0, 2.0
    for _ in range(20):
        ratio = (low + high) / 2
        chosen = summaries(articles, score, budget, ratio, rule)
        low, high = (ratio, high) if share(articles, chosen) < SHARE else (low, ratio)
    return ratio, chosen


def human_sentences(corpus: Path) -> list[str]:
    """The sentences of every human summary, as the summaries join them (". ")."""
    out = []
    for line in corpus.read_text("utf-8").splitlines():
        for summary in json.loads(line)["summaries"].values():
            out += [s.strip().rstrip(".") for s in re.split(r"\.\s+", summary) if s.strip()]
    return out


def picked(article: Article, ref: Bigrams, scorer) -> list[int]:
    """The sentences a human summary holds (at least half of their word pairs)."""
    return [k for k, s in enumerate(article.sentences) if votes(s, [ref], scorer)]


def shape(sentences: list[int]) -> str:
    if len(sentences) < 3:
        return "fewer than 3"
    if sentences == list(range(0, 2 * len(sentences), 2)):
        return "1, 3, 5 …"
    return "1, 2, 3 …" if sentences == list(range(len(sentences))) else "other"


def oracle_lengths(articles: Sequence[Article], scorer) -> tuple[float, float, float]:
    """ROUGE-2 of the lead when each article stops where its own references reward it most.

    Every article takes the length maximising a·R + b·P - λ·share, with a and b the slopes of F
    at the current mean R and P, and λ set by bisection for a mean share of SHARE."""
    table = []  # per article, per lead length: R, P, share
    for a in articles:
        rows = []
        for m in range(1, len(a.sentences) + 1):
            candidate = scorer.ngrams(scorer.toks(" ".join(a.sentences[:m])), 2)
            overlaps = [sum((candidate & ref).values()) for ref in a.refs]
            rows.append((statistics.mean(o / max(1, sum(r.values())) for o, r in zip(overlaps, a.refs)),
                         statistics.mean(overlaps) / max(1, sum(candidate.values())), sum(a.words[:m]) / sum(a.words)))
        table.append(rows)

    def means(a: float, b: float, cost: float) -> list[float]:
        best = [max(rows, key=lambda row: a * row[0] + b * row[1] - cost * row[2]) for rows in table]
        return [statistics.mean(row[i] for row in best) for i in range(3)]

    r, p = 0.5, 0.5
    for _ in range(8):
        low, high = 0.0, 5.0
        for _ in range(40):
            cost = (low + high) / 2
            r, p, mean_share = means(p * p, r * r, cost)
            low, high = (cost, high) if mean_share > SHARE else (low, cost)
    return r, p, 2 * r * p / (r + p)


def lead(article: Article) -> list[float]:
    return [-k for k in range(len(article.sentences))]


def fitted(names: Sequence[str], weights: Sequence[float]) -> Callable[[Article], list[float]]:
    return lambda a: [sum(w * row[n] for w, n in zip(weights[1:], names)) for row in features(a)]


def fit(articles: Sequence[Article], names: Sequence[str]) -> list[float]:
    rows, targets = [], []
    for a in articles:
        rows += [[row[n] for n in names] for row in features(a)]
        targets += [v / len(a.refs) for v in a.votes]
    return logistic(rows, targets)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", default=str(ROOT.parent / "shared"), help="the shared/ folder")
    shared = Path(parser.parse_args(argv).shared)
    corpus, scorer_path = shared / "corpus" / "easc" / "easc_full.jsonl", shared / "tools" / "easc_rouge.py"
    for needed in (corpus, scorer_path):
        if not needed.is_file():
            parser.error(f"{needed} not found")
    scorer = load_scorer(scorer_path)
    articles = load(corpus, scorer)
    words = lambda a, ratio: ratio * sum(a.words)  # noqa: E731
    line = lambda r: "R=%.3f P=%.3f F=%.3f" % r  # noqa: E731

    print("1. human summaries against article length (mean words, by tenth of the articles)")
    lengths = sorted((sum(a.words), a.summary_words) for a in articles)
    for tenth in range(10):
        part = lengths[tenth * len(lengths) // 10:(tenth + 1) * len(lengths) // 10]
        print(f"   article {statistics.mean(p[0] for p in part):5.0f}  summary {statistics.mean(p[1] for p in part):5.0f}"
              f"  share {statistics.mean(p[1] / p[0] for p in part):.3f}")

    print(f"2. at ratio {RATIO}: lead {line(rouge2(articles, summaries(articles, lead, words, RATIO), scorer))}")
    voted = lambda a: [v - k / 1000 for k, v in enumerate(a.votes)]  # noqa: E731
    print(f"   most voted first (ceiling) {line(rouge2(articles, summaries(articles, voted, words, RATIO), scorer))}")

    print(f"3. logistic regressions of the votes, chosen at ratio {RATIO} (nearest)")
    topics = sorted({a.topic for a in articles})
    for label, names in FEATURES.items():
        weights = fit(articles, names)
        full = summaries(articles, fitted(names, weights), words, RATIO)
        held_out = {}
        for topic in topics:
            rest = [a for a in articles if a.topic != topic]
            part = [a for a in articles if a.topic == topic]
            held_out |= summaries(part, fitted(names, fit(rest, names)), words, RATIO)
        print(f"   {label}: all articles {line(rouge2(articles, full, scorer))};"
              f" leave-one-topic-out {line(rouge2(articles, held_out, scorer))}")
        print("      weights: " + " ".join(f"{n}={w:+.2f}" for n, w in zip(["bias", *names], weights)))

    print(f"4. budget rules on the lead, each at a mean share of {SHARE} of the words")
    rules = {"ratio of the words, nearest (Bayan)": (words, "nearest"),
             "ratio of the words, within": (words, "within")}
    for power in (0.8, 1.3):
        rules[f"ratio × words^{power}, nearest"] = (lambda a, r, p=power: r * sum(a.words) ** p, "nearest")
    rules["ratio of the sentences"] = (lambda a, r: sum(a.words[:max(1, round(r * len(a.words)))]), "nearest")
    for label, (budget, rule) in rules.items():
        ratio, chosen = at_share(articles, lead, budget, rule)
        print(f"   {label}: ratio {ratio:.3f}  {line(rouge2(articles, chosen, scorer))}  share {share(articles, chosen):.3f}")

    print("5. what the references hold")
    lengths = Counter(len(s) for s in human_sentences(corpus))
    print(f"   human sentences of 253-255 characters: {sum(lengths[n] for n in (253, 254, 255))};"
          f" of 256 or more: {sum(c for n, c in lengths.items() if n > 255)} (cut to fit 255 characters)")
    cut = [replace(a, sentences=[s[:255] for s in a.sentences]) for a in articles]
    print(f"   the lead at ratio {RATIO}, its sentences cut so too: "
          f"{line(rouge2(cut, summaries(cut, lead, words, RATIO), scorer))}")
    shapes = Counter(shape(picked(a, ref, scorer)) for a in articles for ref in a.refs)
    print(f"   human summaries of 3 sentences or more: {sum(shapes.values()) - shapes['fewer than 3']};"
          f" exactly sentences 1, 3, 5 …:"
          f" {shapes['1, 3, 5 …']}; exactly 1, 2, 3 …: {shapes['1, 2, 3 …']}")
    for ratio in (0.40, 0.45, 0.50):
        chosen = summaries(articles, lead, words, ratio)
        print(f"   the lead at ratio {ratio:.2f}: {line(rouge2(articles, chosen, scorer))}")
    print(f"   the lead cut where each article's own references favour it (an oracle), mean share {SHARE}:"
          f" {line(oracle_lengths(articles, scorer))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
