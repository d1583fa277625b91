"""Reporting frames common in news, on sentences written for these tests (not from the dev set)."""

import pytest

from claims.extraction import extract


def _claimants(text: str) -> list[tuple[str, str]]:
    return [(c.claimant, c.text) for c in extract(text)]


@pytest.mark.parametrize(
    ("text", "claimant", "claim_start"),
    [
        # a study / report found
        (
            "A study published in the journal Nature found that coral cover fell by 14 percent between 2009 and 2018.",
            "A study published in the journal Nature",
            "Coral cover fell",
        ),
        (
            "A report by the Global Forest Watch showed that tree cover loss rose 12 percent in 2020.",
            "Global Forest Watch",
            "Tree cover loss",
        ),
        # credited X for
        (
            "Mayor Linda Howard credited the new bus lanes for a 20 percent drop in commute times.",
            "Linda Howard",
            "The new bus lanes",
        ),
        # X told reporters (that)
        ("Health Minister Ana Costa told reporters that 300 new clinics opened in 2023.", "Ana Costa", "300 new"),
        ("Ana Costa told reporters on Monday the vaccine stock had doubled since March.", "Ana Costa", "Vaccine"),
        # X wrote / argued
        ("Economist Paul Grant wrote that wages fell 3 percent in real terms last year.", "Paul Grant", "Wages fell"),
        (
            "Defense lawyer Maria Silva argued that the police had searched the house without a warrant.",
            "Maria Silva",
            "The police had searched",
        ),
        # in a statement, X ...
        (
            "In a statement, the Ministry of Energy said the pipeline was shut down for 48 hours.",
            "the Ministry of Energy",
            "The pipeline",
        ),
        ("In a statement on Tuesday, Acme Corp confirmed it had laid off 1,200 workers.", "Acme Corp", "It had laid"),
        # X's spokesperson said
        (
            "The Interior Ministry's spokesperson said 2,000 officers were deployed to the border.",
            "the Interior Ministry",
            "2,000 officers",
        ),
        ("Tesla's spokeswoman said the company delivered 400,000 cars in the quarter.", "Tesla", "The company"),
    ],
)
def test_reporting_frames(text, claimant, claim_start):
    found = extract(text)
    assert len(found) == 1, _claimants(text)
    assert found[0].claimant == claimant
    assert found[0].text.startswith(claim_start)


def test_they_said_refers_to_the_latest_group():
    text = (
        "Officials at the port authority inspected 40 vessels on Friday.\n"
        "They said that 12 of the ships carried undeclared cargo."
    )
    found = {c.text: c.claimant for c in extract(text)}
    assert found["12 of the ships carried undeclared cargo"] == "Officials at the port authority"


def test_unresolved_role_is_still_a_speaker():
    found = extract("The company announced that it had hired 500 engineers in 2022.")
    assert [c.claimant for c in found] == ["The company"]


def test_transliteration_variants_are_one_claimant():
    a = extract("Deputy Foreign Minister Sergei Ryabkov said the talks had collapsed in 2021.")
    b = extract("Deputy Foreign Minister Sergey Ryabkov said the talks had collapsed in 2021.")
    assert a[0].claimant == b[0].claimant == "Sergey Ryabkov"


def test_announcing_an_event_is_not_reported_speech():
    found = extract("On March 3, President Ana Ruiz announced a national emergency over the floods in the north.")
    assert all(c.claimant == "" for c in found)


def test_bare_data_sources_stay_with_the_outlet():
    found = extract("Burglaries fell by 11 percent last year, according to official figures.")
    assert [c.claimant for c in found] == [""]
