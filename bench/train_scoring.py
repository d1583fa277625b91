"""Learn the weights of the scoring cues from every labelled split; print leave-one-split-out figures.

    .venv/bin/python bench/train_scoring.py                 # LOSO: hand-set weights against learned ones
    .venv/bin/python bench/train_scoring.py --prior         # the same, the L2 penalty pulling towards the hand weights
    .venv/bin/python bench/train_scoring.py --grid          # LOSO means over --neutral, --c and --prior
    .venv/bin/python bench/train_scoring.py --write FILE    # and write the weights learned on every split (Python)

A logistic regression (scikit-learn, at training time only; requirements-dev.txt) over the cues the scorer already
finds and reports ("number", "attributed statement of fact", "question" …, claims/extraction/scoring.py CUES): one
present-or-absent feature per cue, nothing else. Every assertion the extractor scores (pipeline.scored_assertions,
no threshold) is one row, labelled by its sentence with the overlap rule of the evaluation
(claims/extraction/evaluation.py): overlapping a gold claim's sentence → positive (every part of a sentence that
bundles claims counts for precision); otherwise overlapping a labelled non-claim → negative; otherwise neutral, a
negative of weight --neutral (a prediction there counts against precision only). "headline" is never scored by
extract(), which skips headlines before scoring: it is not learned but given the weight of "question".

The learned score is the model's probability (ScoringModel(logistic=True)), so threshold 0.5 means "more likely a
claim than not". Leave-one-split-out, for each split: train on all the others, measure the split with the full
evaluation (claims.extraction.evaluation.evaluate: recall over gold claims, precision over predicted claims,
non-claim sentences flagged), next to the hand-set weights on the same split, in two columns:
  learned@0.5     the probability at 0.5;
  learned@hand    the bias moved (on the training splits only) to flag, on the mean over those splits, no more
                  non-claims than the hand-set weights flag there, and to find the most gold claims within that:
                  the learned weights at the hand-set weights' operating point.
The hand-set weights were developed on all these splits but test5 and test6 (blind until they were measured here):
on the others their figures are in-sample, the learned ones never are.

--prior: the hand-set sum of the assertion's cues enters as one more feature, scaled by 100 so that its
coefficient is small and all but free of the penalty; the penalty then pulls each cue's weight towards its
hand-set weight (rescaled) instead of towards 0, and a rare cue keeps about its hand-set weight.

Never reads blind*.jsonl.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.extraction.evaluation import _overlaps, _span, evaluate, load  # noqa: E402
from claims.extraction.pipeline import ExtractedClaim, scored_assertions, scoring_model  # noqa: E402
from claims.extraction.scoring import CUES, HAND, ScoringModel  # noqa: E402

DEVSET = ROOT / "claims" / "extraction" / "devset"
FIXED = {"headline": "question"}  # not learned: never on a scored row
LEARNED = [cue for cue in CUES if cue not in FIXED]
PRIOR_SCALE = 100.0
# Bias shifts tried for the learned@hand column.
SHIFTS = [step / 20 for step in range(-60, 21)]


def devset_articles(devset: Path = DEVSET) -> list[dict]:
    """Every labelled article but the blind splits'."""
    articles = []
    for path in sorted(devset.glob("*.jsonl")):
        if path.name.startswith("blind"):
            continue  # unseen splits stay unseen
        articles.extend(load(path))
    return articles


def split_of(article: dict) -> str:
    return article.get("split", "dev")


class Article:
    """One labelled article's scored assertions, with the spans the evaluation matches them against."""

    def __init__(self, article: dict) -> None:
        text = article["text"]
        self.split = split_of(article)
        self.gold = [_span(text, g["sentence"]) for g in article.get("claims", [])]
        self.non = [_span(text, n["sentence"]) for n in article.get("non_claims", [])]
        self.rows: list[tuple[ExtractedClaim, list[str]]]
        with scoring_model(HAND):  # the cues do not depend on the weights; without a threshold all are scored
            self.rows = scored_assertions(text, outlet=article.get("outlet", ""))
        self.labels = [
            "claim"
            if any(_overlaps(claim, span) for span in self.gold)
            else "non-claim"
            if any(_overlaps(claim, span) for span in self.non)
            else "neutral"
            for claim, _ in self.rows
        ]

    def counts(self, kept: list[bool]) -> tuple[int, int, int, int, int, int]:
        """(gold found, gold, predicted right, predicted, non-claims flagged, non-claims): evaluate()'s counts."""
        pred = [claim for (claim, _), keep in zip(self.rows, kept, strict=True) if keep]
        found = sum(1 for span in self.gold if any(_overlaps(c, span) for c in pred))
        right = sum(1 for c in pred if any(_overlaps(c, span) for span in self.gold))
        flagged = sum(1 for span in self.non if any(_overlaps(c, span) for c in pred))
        return found, len(self.gold), right, len(pred), flagged, len(self.non)


def mean_figures(articles: list[Article], kept_of) -> tuple[float, float, float]:
    """Recall, precision and share flagged, each the mean over the splits of `articles`."""
    by_split: dict[str, list[int]] = defaultdict(lambda: [0] * 6)
    for article in articles:
        totals = by_split[article.split]
        for i, n in enumerate(article.counts(kept_of(article))):
            totals[i] += n
    figures = [
        (f / g if g else 0.0, r / p if p else 0.0, fl / n if n else 0.0) for f, g, r, p, fl, n in by_split.values()
    ]
    return tuple(sum(values) / len(figures) for values in zip(*figures, strict=True))  # type: ignore[return-value]


def fit(articles: list[Article], *, neutral: float, c: float, prior: bool) -> ScoringModel:
    from sklearn.linear_model import LogisticRegression

    x, y, weight = [], [], []
    for article in articles:
        for (_, cues), label in zip(article.rows, article.labels, strict=True):
            row = [1.0 if cue in cues else 0.0 for cue in LEARNED]
            if prior:
                row.append(PRIOR_SCALE * sum(HAND.weights[cue] for cue in cues))
            x.append(row)
            y.append(1 if label == "claim" else 0)
            weight.append(neutral if label == "neutral" else 1.0)
    model = LogisticRegression(C=c, max_iter=10_000, tol=1e-8)
    model.fit(x, y, sample_weight=weight)
    coef = [float(w) for w in model.coef_[0]]
    scale = PRIOR_SCALE * coef[-1] if prior else 0.0
    weights = {cue: round(w + scale * HAND.weights[cue], 3) for cue, w in zip(LEARNED, coef, strict=False)}
    for cue, like in FIXED.items():
        weights[cue] = weights[like]
    return ScoringModel(bias=round(float(model.intercept_[0]), 3), weights=weights, logistic=True)


def at_hand_point(model: ScoringModel, train: list[Article]) -> ScoringModel:
    """The model with its bias moved so that, on `train`, it flags no more non-claims than the hand-set weights
    (mean over the splits) and finds the most gold claims within that."""
    _, _, hand_flagged = mean_figures(train, lambda a: [HAND.score(cues) >= 0.5 for _, cues in a.rows])
    sums = {id(a): [model.bias + sum(model.weights[cue] for cue in cues) for _, cues in a.rows] for a in train}
    best = None
    for shift in SHIFTS:
        recall, _, flagged = mean_figures(train, lambda a, s=shift: [total + s >= 0 for total in sums[id(a)]])
        if flagged <= hand_flagged + 1e-9 and (best is None or recall > best[0]):
            best = (recall, shift)
    shift = best[1] if best else SHIFTS[0]
    return ScoringModel(bias=round(model.bias + shift, 3), weights=model.weights, logistic=True)


def figures(raw: list[dict], split: str, model: ScoringModel) -> tuple[float, float, int, int]:
    """Recall, precision, non-claims flagged and non-claims of one split, by the full evaluation."""
    with scoring_model(model):
        report = evaluate(raw, split=split)
    return report.recall, report.precision, sum(report.non_claims_flagged.values()), sum(report.non_claims.values())


def loso(raw: list[dict], articles: list[Article], *, neutral: float, c: float, prior: bool, quiet: bool = False):
    splits = sorted({a.split for a in articles}, key=lambda s: (s not in ("dev", "heldout"), s))
    columns = ("hand", "learned@0.5", "learned@hand")
    sums = {name: [0.0, 0.0, 0.0] for name in columns}
    if not quiet:
        print(f"{'split':8}" + "".join(f" | {name:>12} {'P':>5} {'flagged':>13}" for name in columns))
    for split in splits:
        train = [a for a in articles if a.split != split]
        learned = fit(train, neutral=neutral, c=c, prior=prior)
        line = f"{split:8}"
        for name, model in zip(columns, (HAND, learned, at_hand_point(learned, train)), strict=True):
            recall, precision, flagged, total = figures(raw, split, model)
            for i, value in enumerate((recall, precision, flagged / total if total else 0.0)):
                sums[name][i] += value
            line += f" | R {recall:10.3f} {precision:5.3f} {flagged:4d}/{total:<3d} {flagged / total:5.1%}"
        if not quiet:
            print(line)
    line = f"{'mean':8}"
    for name in columns:
        recall, precision, flagged = (value / len(splits) for value in sums[name])
        line += f" | R {recall:10.3f} {precision:5.3f} {flagged:14.1%}"
    print(f"{line}   (neutral {neutral}, C {c}{', prior' if prior else ''})")


def module_text(model: ScoringModel, *, neutral: float, c: float, prior: bool, rows: int) -> str:
    lines = [
        '"""Weights of the scoring cues learned by bench/train_scoring.py: written by it, not by hand.',
        "",
        f"Logistic regression over {rows} scored assertions of every labelled split but the blind ones (neutral",
        f"sentences negatives of weight {neutral}, C {c}{', towards the hand-set weights' if prior else ''}).",
        "Score: 1 / (1 + exp(-(BIAS + the weights of the cues found))).",
        '"""',
        "",
        f"BIAS = {model.bias!r}",
        "",
        "WEIGHTS = {",
        *(f"    {json.dumps(cue)}: {model.weights[cue]!r}," for cue in CUES),
        "}",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--neutral", type=float, default=1.0, help="weight of a neutral sentence as a negative")
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 regularisation strength (default 1)")
    parser.add_argument("--prior", action="store_true", help="penalise distance from the hand-set weights")
    parser.add_argument("--grid", action="store_true", help="LOSO means only, over a grid of settings")
    parser.add_argument("--write", type=Path, help="write the weights learned on every split to this file")
    args = parser.parse_args()
    raw = devset_articles()
    articles = [Article(article) for article in raw]
    rows = sum(len(a.rows) for a in articles)
    counts = {label: sum(a.labels.count(label) for a in articles) for label in ("claim", "non-claim", "neutral")}
    print(f"{len(raw)} articles, {rows} scored assertions: {counts}")
    if args.grid:
        for prior in (False, True):
            for neutral in (0.0, 0.5, 1.0):
                for c in (0.03, 0.3, 1.0, 3.0):
                    loso(raw, articles, neutral=neutral, c=c, prior=prior, quiet=True)
        return 0
    loso(raw, articles, neutral=args.neutral, c=args.c, prior=args.prior)
    final = fit(articles, neutral=args.neutral, c=args.c, prior=args.prior)
    print(f"learned on every split: bias {final.bias}")
    for cue in CUES:
        print(f"  {cue:30} {final.weights[cue]:7.3f}   (hand-set {HAND.weights[cue]:+.2f})")
    if args.write:
        args.write.write_text(
            module_text(final, neutral=args.neutral, c=args.c, prior=args.prior, rows=rows), encoding="utf-8"
        )
        print(f"wrote {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
