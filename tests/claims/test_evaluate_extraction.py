"""The labelled dev set: quality targets hold, and evaluate_extraction prints its figures."""

from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from claims.extraction.evaluation import bcubed, evaluate, gold_cluster, load, matching_errors

DEVSET = Path(__file__).resolve().parents[2] / "claims" / "extraction" / "devset" / "articles.jsonl"
TEST_SPLIT = DEVSET.with_name("test.jsonl")
TEST2_SPLIT = DEVSET.with_name("test2.jsonl")
TEST3_SPLIT = DEVSET.with_name("test3.jsonl")
TEST4_SPLIT = DEVSET.with_name("test4.jsonl")
TEST5_SPLIT = DEVSET.with_name("test5.jsonl")
TEST6_SPLIT = DEVSET.with_name("test6.jsonl")
TEST7_SPLIT = DEVSET.with_name("test7.jsonl")
TEST8_SPLIT = DEVSET.with_name("test8.jsonl")
TEST9_SPLIT = DEVSET.with_name("test9.jsonl")
BLIND_SPLIT = DEVSET.with_name("blind.jsonl")
BLIND2_SPLIT = DEVSET.with_name("blind2.jsonl")
BLIND3_SPLIT = DEVSET.with_name("blind3.jsonl")
BLIND4_SPLIT = DEVSET.with_name("blind4.jsonl")
TEST10_SPLIT = DEVSET.with_name("test10.jsonl")
TEST11_SPLIT = DEVSET.with_name("test11.jsonl")
BLIND5_SPLIT = DEVSET.with_name("blind5.jsonl")
BLIND6_SPLIT = DEVSET.with_name("blind6.jsonl")
BLIND7_SPLIT = DEVSET.with_name("blind7.jsonl")
BLIND8_SPLIT = DEVSET.with_name("blind8.jsonl")


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


def test_two_unclustered_claims_of_one_sentence_are_two_claims_in_the_matching_figure():
    # A sentence bundling two assertions, each found once (no cluster label): splitting it is right, keeping it whole
    # is one predicted claim for two assertions.
    sentence = (
        "Three people were killed and 17 injured when a coach overturned on the Kessel Pass on Tuesday, police said."
    )
    article = {
        "id": "bundle",
        "split": "x",
        "outlet": "The Herald",
        "text": f"Coach crash on the pass\n\n{sentence}\n",
        "claims": [
            {"sentence": sentence, "text": "Three people were killed when a coach overturned", "claimant": "police"},
            {"sentence": sentence, "text": "17 people were injured when a coach overturned", "claimant": "police"},
        ],
    }
    report = evaluate([article], split="x")
    first, second = (pred for _, pred, _ in report.matched)
    assert first != second
    assert report.bcubed == (1.0, 1.0, 1.0)
    whole = [(gold_cluster(article, gold), 0) for gold in article["claims"]]
    assert bcubed(whole)[0] == 0.5


def test_a_label_naming_the_articles_own_outlet_is_the_outlets_own_claim():
    # A press release labelled with its issuer as claimant says what "" says: the publisher asserts it.
    sentence = "Harlow Rail carried 41 million passengers in 2025, up from 37 million in 2024."
    article = {
        "id": "release",
        "split": "x",
        "outlet": "Harlow Rail",
        "text": f"Harlow Rail annual results\n\n{sentence}\n",
        "claims": [
            {"sentence": sentence, "text": "Harlow Rail carried 41 million passengers", "claimant": "Harlow Rail"}
        ],
    }
    report = evaluate([article], split="x")
    assert (report.attributed, report.outlet_claims, report.outlet_claims_attributed) == (0, 1, 0)
    article["outlet"] = "The Ledger"  # in another outlet's article the label names a speaker the extractor missed
    report = evaluate([article], split="x")
    assert (report.attributed, report.claimant_right) == (1, 0)


def test_command_prints_figures_for_each_split():
    out = StringIO()
    call_command("evaluate_extraction", str(DEVSET), stdout=out)
    text = out.getvalue()
    for split in ("dev", "heldout", "all"):
        assert f"split {split}:" in text
    assert "precision" in text and "B-cubed" in text and "claimant" in text


def test_matching_errors_list_split_and_merged_clusters():
    matched = [
        ("fee", 1, "Tuition fees will rise to 9,250 pounds"),
        ("fee", 2, "Fees will be capped at 9,250 pounds a year"),
        ("fee", 1, "Tuition fees will rise to 9,250 pounds next year"),
        ("vote", 3, "MPs voted 312 to 290 for the bill"),
        ("cap", 3, "The cap on fees stays in place"),
    ]
    lines = matching_errors(matched)
    split = lines.index("split cluster 'fee': 2 predicted clusters")
    assert lines[split + 1].startswith("  predicted 1 (nearest other group 0.")
    assert lines[split + 2 : split + 4] == [f"    {text}" for _, pred, text in matched[:3] if pred == 1]
    assert "merged predicted cluster 3: 2 gold clusters" in lines
    assert "    The cap on fees stays in place" in lines
    assert not matching_errors(matched[:1] + matched[3:4])  # one claim per cluster: nothing to list


def test_command_lists_matching_errors(tmp_path):
    out = StringIO()
    call_command("evaluate_extraction", str(TEST3_SPLIT), "--split", "test3", "--errors", stdout=out)
    text = out.getvalue()
    assert "    matching: split cluster " in text and "(nearest other group " in text


def test_command_rejects_a_missing_file(tmp_path):
    with pytest.raises(CommandError):
        call_command("evaluate_extraction", str(tmp_path / "nope.jsonl"))


# Every split after the first two, in the order they were written; the blind splits are the figures for unseen
# articles: it is never run through evaluate_extraction here.
LATER_SPLITS = [
    (TEST2_SPLIT, "test2"),
    (TEST3_SPLIT, "test3"),
    (TEST4_SPLIT, "test4"),
    (TEST5_SPLIT, "test5"),
    (TEST6_SPLIT, "test6"),
    (TEST8_SPLIT, "test8"),
    (TEST9_SPLIT, "test9"),
    (TEST7_SPLIT, "test7"),
    (BLIND_SPLIT, "blind"),
    (BLIND2_SPLIT, "blind2"),
    (BLIND3_SPLIT, "blind3"),
    (BLIND4_SPLIT, "blind4"),
    (TEST10_SPLIT, "test10"),
    (TEST11_SPLIT, "test11"),
    (BLIND5_SPLIT, "blind5"),
    (BLIND6_SPLIT, "blind6"),
    (BLIND7_SPLIT, "blind7"),
    (BLIND8_SPLIT, "blind8"),
]
IN_ORDER = [DEVSET, TEST_SPLIT] + [path for path, _ in LATER_SPLITS]


@pytest.mark.parametrize("path", IN_ORDER, ids=["articles", "test"] + [split for _, split in LATER_SPLITS])
def test_every_label_points_at_its_article_text(path):
    # A label whose sentence is not in the text, or a sentence labelled both a claim and a non-claim, would
    # silently skew the figures. (Two claims may share a sentence: it can bundle two assertions.)
    for article in load(path):
        text = article["text"]

        def spans(kind, text=text, article=article):
            found = []
            for item in article.get(kind, []):
                start = text.find(item["sentence"])
                assert start >= 0, (article["id"], item["sentence"])
                found.append((start, start + len(item["sentence"])))
            return found

        claims, non_claims = spans("claims"), spans("non_claims")
        assert not [(c, n) for c in claims for n in non_claims if c[0] < n[1] and n[0] < c[1]], article["id"]
        assert all(isinstance(c.get("claimant"), str) for c in article.get("claims", []))
        # A claimant copied out of a table keeps its cell border ("Alison Prewett |", "- |" for none).
        assert not [c["claimant"] for c in article.get("claims", []) if "|" in c["claimant"]], article["id"]


def test_the_test_split_is_apart_from_the_dev_set():
    test_articles = load(TEST_SPLIT)
    assert len(test_articles) >= 15 and {a["split"] for a in test_articles} == {"test"}
    assert all(2_000 <= len(a["text"]) <= 5_000 for a in test_articles)
    # claims reported by several outlets in other words: the matching figures need them
    clusters = Counter(c["cluster"] for a in test_articles for c in a["claims"] if c.get("cluster"))
    assert sum(1 for n in clusters.values() if n >= 3) >= 5
    assert not {a["id"] for a in test_articles} & {a["id"] for a in load(DEVSET)}


# Each later split is written apart from the earlier ones.
@pytest.mark.parametrize(("path", "split"), LATER_SPLITS, ids=[split for _, split in LATER_SPLITS])
def test_a_later_split_is_apart_from_the_earlier_ones(path, split):
    articles = load(path)
    earlier = IN_ORDER[: IN_ORDER.index(path)]
    assert len(articles) >= 12 and {a["split"] for a in articles} == {split}
    assert all(2_000 <= len(a["text"]) <= 3_500 for a in articles)
    clusters = Counter(c["cluster"] for a in articles for c in a["claims"] if c.get("cluster"))
    assert sum(1 for n in clusters.values() if n >= 2) >= 10
    others = [article for other in earlier for article in load(other)]
    assert not {a["id"] for a in articles} & {a["id"] for a in others}


@pytest.mark.parametrize(("path", "split"), [(TEST2_SPLIT, "test2"), (TEST3_SPLIT, "test3")], ids=["test2", "test3"])
def test_command_evaluates_a_split_by_name(path, split):
    out = StringIO()
    call_command("evaluate_extraction", str(path), "--split", split, stdout=out)
    assert f"split {split}: {len(load(path))} articles" in out.getvalue()
