"""Scoring the extractor against a labelled dataset (JSONL, format in docs/extraction.md). Plain Python.

A gold claim is found when a predicted claim's span overlaps its sentence. Matching quality is B-cubed
over the gold clusters of the found claims, with claims matched in reading order exactly as the service does.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from claims.extraction.attribution import fold_names
from claims.extraction.matching import SAME, MemoryIndex, features, similarity
from claims.extraction.pipeline import ExtractedClaim, extract, names_outlet


@dataclass
class Report:
    split: str
    articles: int = 0
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct_predicted: int = 0
    attributed: int = 0
    claimant_right: int = 0
    outlet_claims: int = 0
    outlet_claims_attributed: int = 0
    non_claims: Counter = field(default_factory=Counter)
    non_claims_flagged: Counter = field(default_factory=Counter)
    bcubed: tuple[float, float, float] = (0.0, 0.0, 0.0)
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    wrong_claimants: list[str] = field(default_factory=list)
    # (gold cluster, predicted cluster, predicted claim text) per found gold claim: what B-cubed is computed on
    matched: list[tuple[str, int, str]] = field(default_factory=list)

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    @property
    def precision(self) -> float:
        return self._ratio(self.correct_predicted, self.predicted)

    @property
    def recall(self) -> float:
        return self._ratio(self.found, self.gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def lines(self) -> list[str]:
        flagged = sum(self.non_claims_flagged.values())
        total = sum(self.non_claims.values())
        by_kind = ", ".join(
            f"{kind} {self.non_claims_flagged[kind]}/{n}" for kind, n in sorted(self.non_claims.items())
        )
        bp, br, bf = self.bcubed
        return [
            f"split {self.split}: {self.articles} articles, {self.gold} gold claims, {self.predicted} predicted",
            f"  extraction  precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}",
            f"  claimant    right on {self.claimant_right}/{self.attributed} attributed claims "
            f"({self._ratio(self.claimant_right, self.attributed):.3f}); outlet's own claims given a claimant: "
            f"{self.outlet_claims_attributed}/{self.outlet_claims}",
            f"  flagged     {flagged}/{total} furniture/opinion/question/... sentences "
            f"({self._ratio(flagged, total):.3f}): {by_kind}",
            f"  matching    B-cubed precision {bp:.3f}  recall {br:.3f}  F1 {bf:.3f}",
        ]


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _span(text: str, sentence: str) -> tuple[int, int]:
    start = text.find(sentence)
    if start < 0:
        raise ValueError(f"sentence not in text: {sentence[:60]!r}")
    return start, start + len(sentence)


def _overlaps(claim: ExtractedClaim, span: tuple[int, int]) -> bool:
    return claim.start < span[1] and span[0] < claim.end


def _same_claimant(a: str, b: str) -> bool:
    def norm(value: str) -> str:
        value = value.replace("’", "'").strip()
        # Transliteration variants are one person (labels keep each article's spelling: Sergei / Sergey).
        value = " ".join(fold_names(value.split())).lower()
        return value.removeprefix("the ").strip()

    return norm(a) == norm(b)


def evaluate(articles: list[dict], *, split: str, threshold: float = 0.5) -> Report:
    report = Report(split=split)
    index = MemoryIndex()
    next_cluster = 0
    cluster_of: dict[int, int] = {}  # predicted claim id -> predicted cluster
    for article in articles:
        if split != "all" and article.get("split", "dev") != split:
            continue
        report.articles += 1
        text = article["text"]
        predicted = extract(text, threshold=threshold, outlet=article.get("outlet", ""))
        report.predicted += len(predicted)
        # Match the article's claims against everything seen before, as the service does.
        ids = []
        for claim in predicted:
            feats = features(claim.text)
            best_id, best = index.match(feats)
            claim_id = len(cluster_of)
            if best_id is not None and best >= SAME:
                cluster_of[claim_id] = cluster_of[best_id]
            else:
                cluster_of[claim_id] = next_cluster
                next_cluster += 1
            index.add(claim_id, feats)
            ids.append(claim_id)
        gold_spans = [_span(text, g["sentence"]) for g in article.get("claims", [])]
        for claim in predicted:
            if any(_overlaps(claim, span) for span in gold_spans):
                report.correct_predicted += 1
            else:
                report.false_positives.append(f"{article['id']}: {claim.text[:100]}")
        for gold, span in zip(article.get("claims", []), gold_spans, strict=True):
            report.gold += 1
            hits = [(claim_id, c) for claim_id, c in zip(ids, predicted, strict=True) if _overlaps(c, span)]
            if not hits:
                report.misses.append(f"{article['id']}: {gold['text'][:100]}")
                continue
            report.found += 1
            target = features(gold["text"])
            claim_id, best = max(hits, key=lambda h: similarity(target, features(h[1].text)))
            report.matched.append((gold_cluster(article, gold), cluster_of[claim_id], best.text))
            # A label naming the article's own outlet (a press release's "Caledon Post" in Caledon Post's release)
            # is the outlet's own claim, as the labelling policy writes it "": both say the publisher asserts it.
            if gold.get("claimant") and not names_outlet(gold["claimant"], article.get("outlet", "")):
                report.attributed += 1
                if _same_claimant(best.claimant, gold["claimant"]):
                    report.claimant_right += 1
                else:
                    report.wrong_claimants.append(f"{article['id']}: {best.claimant!r} != {gold['claimant']!r}")
            else:
                report.outlet_claims += 1
                report.outlet_claims_attributed += bool(best.claimant)
                if best.claimant:
                    report.wrong_claimants.append(f"{article['id']}: {best.claimant!r} != '' (outlet's own claim)")
        for non_claim in article.get("non_claims", []):
            span = _span(text, non_claim["sentence"])
            report.non_claims[non_claim["kind"]] += 1
            if any(_overlaps(c, span) for c in predicted):
                report.non_claims_flagged[non_claim["kind"]] += 1
    report.bcubed = bcubed([(gold, pred) for gold, pred, _ in report.matched])
    return report


def matching_errors(matched: list[tuple[str, int, str]]) -> list[str]:
    """Lines listing each gold cluster split over several predicted clusters (the predicted claims grouped by
    predicted cluster, each group with the similarity of its nearest claim to a claim of another group) and each
    predicted cluster that merged claims of different gold clusters."""
    by_gold: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    by_pred: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for gold, pred, text in matched:
        by_gold[gold][pred].append(text)
        by_pred[pred][gold].append(text)
    lines = []
    for gold, groups in by_gold.items():
        if len(groups) < 2:
            continue
        lines.append(f"split cluster {gold!r}: {len(groups)} predicted clusters")
        feats = {pred: [features(t) for t in texts] for pred, texts in groups.items()}
        for pred, texts in groups.items():
            nearest = max(
                similarity(a, b) for other, fs in feats.items() if other != pred for a in feats[pred] for b in fs
            )
            lines.append(f"  predicted {pred} (nearest other group {nearest:.2f}):")
            lines.extend(f"    {text[:140]}" for text in texts)
    for pred, groups in by_pred.items():
        if len(groups) < 2:
            continue
        lines.append(f"merged predicted cluster {pred}: {len(groups)} gold clusters")
        for gold, texts in groups.items():
            lines.append(f"  gold {gold!r}:")
            lines.extend(f"    {text[:140]}" for text in texts)
    return lines


def gold_cluster(article: dict, gold: dict) -> str:
    """A gold claim's cluster: its label, or for a claim labelled without one (found once) a cluster of its own. Two
    such claims of one sentence (a bundle of two assertions) are two clusters: splitting the bundle is right."""
    return gold.get("cluster") or f"{article['id']}:{gold['sentence']}:{gold['text']}"


def bcubed(items: list[tuple[str, int]]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of predicted clusters against gold clusters."""
    if not items:
        return 0.0, 0.0, 0.0
    by_gold: dict[str, list[int]] = defaultdict(list)
    by_pred: dict[int, list[int]] = defaultdict(list)
    for n, (gold, pred) in enumerate(items):
        by_gold[gold].append(n)
        by_pred[pred].append(n)
    precision = recall = 0.0
    for gold, pred in items:
        same = len(set(by_gold[gold]) & set(by_pred[pred]))
        precision += same / len(by_pred[pred])
        recall += same / len(by_gold[gold])
    precision /= len(items)
    recall /= len(items)
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0
