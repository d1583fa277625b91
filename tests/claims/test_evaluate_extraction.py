"""The labelled dev set: quality targets hold, and evaluate_extraction prints its figures."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from claims.extraction.evaluation import bcubed, evaluate, load

DEVSET = Path(__file__).resolve().parents[2] / "claims" / "extraction" / "devset" / "articles.jsonl"


def test_dev_split_meets_the_quality_targets():
    report = evaluate(load(DEVSET), split="dev", threshold=0.5)
    assert report.gold >= 70 and report.articles >= 16
    assert report.recall >= 0.85
    assert report.claimant_right / report.attributed >= 0.8
    assert sum(report.non_claims_flagged.values()) / sum(report.non_claims.values()) <= 0.10
    assert report.bcubed[0] >= 0.9  # nothing different merged


def test_bcubed_counts_a_wrong_merge_and_a_missed_one():
    assert bcubed([("a", 1), ("a", 1), ("b", 2)]) == (1.0, 1.0, 1.0)
    precision, recall, _ = bcubed([("a", 1), ("b", 1)])
    assert precision == 0.5 and recall == 1.0
    precision, recall, _ = bcubed([("a", 1), ("a", 2)])
    assert precision == 1.0 and recall == 0.5


def test_command_prints_figures_for_each_split():
    out = StringIO()
    call_command("evaluate_extraction", str(DEVSET), stdout=out)
    text = out.getvalue()
    for split in ("dev", "heldout", "all"):
        assert f"split {split}:" in text
    assert "precision" in text and "B-cubed" in text and "claimant" in text


def test_command_rejects_a_missing_file(tmp_path):
    with pytest.raises(CommandError):
        call_command("evaluate_extraction", str(tmp_path / "nope.jsonl"))
