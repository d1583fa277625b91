"""Matching reworded claims: same assertion merges, near misses are suggested, opposites never meet."""

from claims.extraction.matching import SAME, SUGGEST, MemoryIndex, features, keys, similarity


def _sim(a: str, b: str) -> float:
    return similarity(features(a), features(b))


def test_rewordings_across_outlets_are_the_same_claim():
    assert (
        _sim(
            "Russian troops are not targeting Ukrainian cities",
            "The Russian Armed Forces were not delivering strikes against Ukrainian cities",
        )
        >= SAME
    )
    assert (
        _sim("There are no threats whatsoever to the civilian population", "There was no threat to civilians") >= SAME
    )


def test_negation_never_matches_the_positive():
    assert (
        _sim("Russian troops are not targeting Ukrainian cities", "Russian troops are targeting Ukrainian cities") == 0
    )
    assert _sim("Unemployment did not rise in May", "Unemployment rose in May") == 0
    assert not set(keys(features("Vaccines cause autism"))) & set(keys(features("Vaccines do not cause autism")))


def test_different_figures_are_suggested_not_merged():
    score = _sim("Unemployment rose to 5 percent in March", "Unemployment rose to 6% in March")
    assert SUGGEST <= score < SAME


def test_different_assertions_stay_apart():
    assert _sim("The central bank raised interest rates to 4.5%", "Measles cases doubled in Europe in 2023") < SUGGEST


def test_index_finds_the_reworded_claim_among_others():
    index = MemoryIndex()
    for n, text in enumerate(
        [
            "Measles cases doubled in Europe in 2023",
            "The central bank raised rates to 4.5%",
            "Moscow had no plans of occupying Ukrainian territories",
        ]
    ):
        index.add(n, features(text))
    assert index.match(features("Moscow had no plans to occupy Ukrainian territories"))[0] == 2
    assert index.match(features("Moscow had plans to occupy Ukrainian territories"))[0] is None


def test_skipping_phrases_without_their_trigger_words_folds_exactly_as_applying_them_all():
    import re

    from claims.extraction.matching import _PHRASES, fold_phrases

    sentences = [
        "The Armed Forces were not delivering strikes against Ukrainian cities, the U.S. said.",
        "Soldiers carried out air strikes on the port; military personnel attacked and shelled it.",
        "There are no threats whatsoever to the civilian population, and no danger to civilians.",
        "The United States of America handed over its written reply; Britain submitted responses.",
        "Unemployment rose 5% and prices went up 3 per cent, while exports fell and imports dropped.",
        "Moscow had no plans of occupying Kiev; it is no longer occupied, officials said.",
        "Twelve people were killed and the deaths of four others confirmed; fatalities rose.",
        "It doesn't target the UK, the U.K. government said, and Kyiv wasn't struck.",
        "Supermarkets handed out food as perhaps the risk of fatal shortages decreased.",
    ]
    for sentence in sentences:
        reference = sentence.lower()
        for pattern, replacement in _PHRASES:
            reference = re.sub(pattern, replacement, reference)
        assert fold_phrases(sentence) == reference, sentence


def test_every_phrase_match_in_the_dev_set_contains_one_of_its_trigger_words():
    import json
    import re
    from pathlib import Path

    from claims.extraction.matching import _PHRASES, _TRIGGERS

    devset = Path(__file__).resolve().parents[2] / "claims/extraction/devset/articles.jsonl"
    texts = [json.loads(line)["text"].lower() for line in devset.read_text(encoding="utf-8").splitlines() if line]
    hits = 0
    for (pattern, _), triggers in zip(_PHRASES, _TRIGGERS, strict=True):
        for text in texts:
            for match in re.finditer(pattern, text):
                hits += 1
                assert any(t in match.group() for t in triggers), (pattern, match.group())
    assert hits > 100
