"""The query language is parsed the same way for every backend, and never fails."""

import pytest

from factcheck.search.query import AnyOf, Phrase, Term, parse_query


def test_words_phrases_or_exclusion_prefix():
    parsed = parse_query('russia "grain deal" kyiv OR kiev -summit sanction*')
    assert parsed.must == [
        Term("russia"),
        Phrase(("grain", "deal")),
        AnyOf((Term("kyiv"), Term("kiev"))),
        Term("sanction", prefix=True),
    ]
    assert parsed.must_not == [Term("summit")]
    assert not parsed.degraded


def test_filters_and_dates():
    parsed = parse_query('troops outlet:"Kyiv Independent" lang:EN claimant:putin date:2022-03 before:2022-03-15')
    assert parsed.filters == {"outlet": "Kyiv Independent", "language": "EN", "claimant": "putin"}
    assert (parsed.date_from, parsed.date_to) == ("2022-03-01", "2022-03-15")
    assert parse_query("date:2022-12").date_to == "2023-01-01"
    assert parse_query("after:2022-02-24").date_from == "2022-02-24"


def test_punctuated_words_are_phrases():
    assert parse_query("U.S. long-range").must == [Phrase(("u", "s")), Phrase(("long", "range"))]


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ('"grain deal', ["grain", "deal"]),
        ("troops OR", ["troops"]),
        ("OR troops", ["troops"]),
        ("troops -", ["troops"]),
        ("* kyiv", ["kyiv"]),
        ("NEAR(troops kyiv)", ["troops", "kyiv"]),
        ("date:2022-13 troops", ["date", "2022", "13", "troops"]),
        ("(troops)", ["troops"]),
    ],
)
def test_malformed_queries_degrade_to_their_plain_words(query, words):
    parsed = parse_query(query)
    assert parsed.degraded
    assert parsed.plain_words == words
    assert parsed.notice == "Showing results for the plain words: " + " ".join(words)


def test_valid_filters_survive_degradation():
    parsed = parse_query('"troops outlet:tass')
    assert parsed.degraded and parsed.filters == {"outlet": "tass"}


def test_accents_and_cyrillic_are_words():
    assert parse_query("Zelenskýy Зеленский").must == [Term("zelenskýy"), Term("зеленский")]
