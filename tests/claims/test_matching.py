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
