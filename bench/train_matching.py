"""Would a learned pair decision match claims better than matching.py's thresholds? Leave-one-split-out figures.

    .venv/bin/python bench/train_matching.py               # candidates from the index keys, as the service
    .venv/bin/python bench/train_matching.py --all-pairs   # every earlier claim a candidate (an upper bound)

Claims are extracted and matched in reading order as claims.extraction.evaluation does (B-cubed over the found
gold claims; the script checks that its run of the rules gives evaluate()'s figures on every split). Schemes:

  rules      matching.py as it is: the most similar candidate, merged at similarity >= SAME
  merge-s    the rules, and a suggestion (SUGGEST <= similarity < SAME) whose guards hold merged as well (no
             other figures, no disjoint names, no opposite directions; docs/decisions.md §8)
  learned    logistic regression over the pair features the scorer computes (weighted Dice, containment, the
             figure boost, shared words / names / figures, the lighter and heavier claim's weights, a figure or
             names on one side only, whether the extracted claimants agree, the rules' score); a pair a guard
             holds apart (negation, other figures, disjoint names, opposite directions) is never merged. The most
             probable candidate is merged when its probability reaches a threshold.

Leave-one-split-out: for each split, the model is fitted (scikit-learn, training time only) on the candidate
pairs of the other splits (label: the two claims share a gold cluster; claims that overlap no gold claim are
left out), its threshold is chosen on those other splits (the best mean B-cubed F1 among thresholds that cost no
training split more than 0.02 of B-cubed precision against the rules), and B-cubed is measured on the split
left out. Only labelled development splits are read (never blind*.jsonl).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.extraction.evaluation import _overlaps, _span, bcubed, evaluate, gold_cluster, load  # noqa: E402
from claims.extraction.matching import (  # noqa: E402
    CONTAINED_MIN_WEIGHT,
    SAME,
    SUGGEST,
    Features,
    MemoryIndex,
    _anchored,
    _weight_sum,
    best_match,
    capped,
    features,
    keys,
    similarity,
)
from claims.extraction.pipeline import extract  # noqa: E402

DEVSET = ROOT / "claims/extraction/devset"
SPLITS = [  # (split, file): the labelled development splits, never blind*.jsonl
    ("dev", "articles.jsonl"),
    ("heldout", "articles.jsonl"),
    ("test", "test.jsonl"),
    ("test2", "test2.jsonl"),
    ("test3", "test3.jsonl"),
    ("test4", "test4.jsonl"),
    ("test5", "test5.jsonl"),
    ("test6", "test6.jsonl"),
]
THRESHOLDS = [round(0.30 + 0.05 * n, 2) for n in range(13)]  # 0.30 .. 0.90
PRECISION_DROP = 0.02
CANDIDATES = 50  # as MemoryIndex.match in evaluation
NAMES = [
    "dice",
    "containment",
    "contained",
    "boost",
    "shared",
    "shared_names",
    "shared_figures",
    "log_lighter",
    "log_heavier",
    "figure_one_side",
    "names_one_side",
    "same_claimant",
    "one_claimant",
    "score",
]

Decide = Callable[[int, list[int]], tuple[int | None, float]]


@dataclass
class Split:
    name: str
    feats: list[Features] = field(default_factory=list)  # every predicted claim, in reading order
    claimants: list[str] = field(default_factory=list)
    gold: list[frozenset[str]] = field(default_factory=list)  # the gold clusters each claim overlaps
    items: list[tuple[str, int]] = field(default_factory=list)  # (gold cluster, claim) per found gold claim
    candidates: list[list[int]] = field(default_factory=list)  # earlier claims ranked by shared keys


def read_split(name: str, path: Path, all_pairs: bool) -> Split:
    """The claims of a split as evaluate() extracts them, with their gold clusters and index candidates."""
    split = Split(name)
    index = MemoryIndex()
    for article in load(path):
        if article.get("split", "dev") != name:
            continue
        text = article["text"]
        predicted = extract(text, threshold=0.5, outlet=article.get("outlet", ""))
        golds = [(_span(text, g["sentence"]), g) for g in article.get("claims", [])]
        first = len(split.feats)
        for claim in predicted:
            feats = features(claim.text)
            if all_pairs:
                split.candidates.append(list(range(len(split.feats))))
            else:
                counts: Counter[int] = Counter()
                for key in keys(feats):
                    counts.update(index.postings.get(key, ()))
                split.candidates.append([i for i, _ in counts.most_common(CANDIDATES)])
            index.add(len(split.feats), feats)
            split.feats.append(feats)
            split.claimants.append(claim.claimant)
            clusters = {gold_cluster(article, g) for s, g in golds if _overlaps(claim, s)}
            split.gold.append(frozenset(clusters))
        for span, gold in golds:
            hits = [(first + n, c) for n, c in enumerate(predicted) if _overlaps(c, span)]
            if not hits:
                continue
            target = features(gold["text"])
            claim_id, _ = max(hits, key=lambda h: similarity(target, features(h[1].text)))
            split.items.append((gold_cluster(article, gold), claim_id))
    return split


def pair_features(a: Features, b: Features, claimant_a: str, claimant_b: str) -> list[float] | None:
    """The pair's features, or None when a guard holds it apart (such a pair is never merged automatically)."""
    if a.negated != b.negated or not a.words or not b.words or capped(a, b):
        return None
    shared = a.words & b.words
    names = a.names | b.names
    common = _weight_sum(shared, shared & a.figures, names)
    weight_a, weight_b = _weight_sum(a.words, a.figures, names), _weight_sum(b.words, b.figures, names)
    lighter, heavier = min(weight_a, weight_b), max(weight_a, weight_b)
    anchored = shared & a.figures
    boost = bool(a.figures and b.figures and _anchored(shared, anchored, 0))
    claimant_a, claimant_b = claimant_a.strip().lower(), claimant_b.strip().lower()
    return [
        2 * common / (weight_a + weight_b),
        common / lighter,
        float(lighter >= CONTAINED_MIN_WEIGHT),
        float(boost),
        min(len(shared), 8) / 8,
        min(len(shared & names), 3) / 3,
        min(len(anchored), 2) / 2,
        math.log(lighter),
        math.log(heavier),
        float(bool(a.figures) != bool(b.figures)),
        float(bool(a.names) != bool(b.names)),
        float(bool(claimant_a) and claimant_a == claimant_b),
        float(bool(claimant_a) != bool(claimant_b)),
        similarity(a, b),
    ]


def cluster(split: Split, decide: Decide) -> tuple[float, float, float]:
    """B-cubed of matching the split's claims in reading order: a claim joins its chosen candidate's cluster when
    the decision's score reaches SAME."""
    cluster_of: list[int] = []
    for n in range(len(split.feats)):
        best_id, best = decide(n, split.candidates[n])
        cluster_of.append(cluster_of[best_id] if best_id is not None and best >= SAME else n)
    return bcubed([(gold, cluster_of[claim]) for gold, claim in split.items])


def rules(split: Split) -> Decide:
    return lambda n, cands: best_match(split.feats[n], [(i, split.feats[i]) for i in cands])


def merge_suggestions(split: Split) -> Decide:
    def decide(n: int, cands: list[int]) -> tuple[int | None, float]:
        best_id, best = best_match(split.feats[n], [(i, split.feats[i]) for i in cands])
        if best_id is not None and SUGGEST <= best < SAME:
            guarded = pair_features(split.feats[n], split.feats[best_id], "", "") is None
            return best_id, best if guarded else SAME
        return best_id, best

    return decide


def learned(split: Split, weights: list[float], bias: float, threshold: float) -> Decide:
    def decide(n: int, cands: list[int]) -> tuple[int | None, float]:
        best_id, best = None, 0.0
        for i in cands:
            x = pair_features(split.feats[n], split.feats[i], split.claimants[n], split.claimants[i])
            if x is None:
                continue
            p = 1 / (1 + math.exp(-(bias + sum(w * v for w, v in zip(weights, x, strict=True)))))
            if p > best:
                best_id, best = i, p
        return best_id, SAME if best >= threshold else 0.0

    return decide


def pairs(split: Split) -> tuple[list[list[float]], list[int]]:
    xs, ys = [], []
    for n, cands in enumerate(split.candidates):
        for i in cands:
            if not split.gold[n] or not split.gold[i]:
                continue
            x = pair_features(split.feats[n], split.feats[i], split.claimants[n], split.claimants[i])
            if x is not None:
                xs.append(x)
                ys.append(int(bool(split.gold[n] & split.gold[i])))
    return xs, ys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--all-pairs", action="store_true", help="every earlier claim is a candidate")
    parser.add_argument("--C", type=float, default=1.0, help="inverse L2 regularisation strength")
    args = parser.parse_args()
    from sklearn.linear_model import LogisticRegression

    splits = {name: read_split(name, DEVSET / file, args.all_pairs) for name, file in SPLITS}
    base = {name: cluster(s, rules(s)) for name, s in splits.items()}
    if not args.all_pairs:
        for name, file in SPLITS:
            reference = evaluate(load(DEVSET / file), split=name).bcubed
            assert all(abs(x - y) < 1e-9 for x, y in zip(base[name], reference, strict=True)), (name, reference)
    data = {name: pairs(s) for name, s in splits.items()}
    print(f"candidates: {'every earlier claim' if args.all_pairs else 'index keys'}; pairs (positive) per split:")
    print("  " + ", ".join(f"{name} {len(ys)} ({sum(ys)})" for name, (_, ys) in data.items()))
    print(f"{'split':8s} {'rules P/R/F1':>20s} {'merge-s P/R/F1':>20s} {'learned P/R/F1':>20s}  threshold")
    gains: dict[str, list[float]] = {"merge-s": [], "learned": []}
    for name, split in splits.items():
        train = [t for t in splits if t != name]
        xs = [x for t in train for x in data[t][0]]
        ys = [y for t in train for y in data[t][1]]
        model = LogisticRegression(C=args.C, max_iter=5000).fit(xs, ys)
        weights, bias = [float(w) for w in model.coef_[0]], float(model.intercept_[0])
        chosen, chosen_f1 = THRESHOLDS[-1], -1.0
        for threshold in THRESHOLDS:
            figures = [cluster(splits[t], learned(splits[t], weights, bias, threshold)) for t in train]
            if any(base[t][0] - f[0] > PRECISION_DROP for t, f in zip(train, figures, strict=True)):
                continue
            mean_f1 = sum(f[2] for f in figures) / len(figures)
            if mean_f1 > chosen_f1:
                chosen, chosen_f1 = threshold, mean_f1
        merged = cluster(split, merge_suggestions(split))
        mine = cluster(split, learned(split, weights, bias, chosen))
        gains["merge-s"].append(merged[2] - base[name][2])
        gains["learned"].append(mine[2] - base[name][2])
        row = "  ".join("{:.3f}/{:.3f}/{:.3f}".format(*f).rjust(20) for f in (base[name], merged, mine))
        print(f"{name:8s} {row}  {chosen:.2f}", flush=True)
    for scheme, deltas in gains.items():
        print(f"mean B-cubed F1 change, {scheme}: {sum(deltas) / len(deltas):+.4f}")
    model = LogisticRegression(C=args.C, max_iter=5000).fit(
        [x for xs, _ in data.values() for x in xs], [y for _, ys in data.values() for y in ys]
    )
    print(
        "weights fitted on every split: "
        + ", ".join(f"{n} {w:+.2f}" for n, w in zip(NAMES, model.coef_[0], strict=True))
    )
    print(f"  intercept {model.intercept_[0]:+.2f}")


if __name__ == "__main__":
    main()
