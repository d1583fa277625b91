"""Officials' public-safety and service statements: advisories, safety assessments, measures, investigations."""

from claims.extraction import extract


def _only(text: str, **kwargs):
    found = extract(text, **kwargs)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


def test_a_published_risk_level_or_a_safety_assessment_is_checkable():
    claim = _only("The risk to the public is very low.\n")
    assert claim.text == "The risk to the public is very low"
    assert "safety assessment: 'risk to the public is very low'" in claim.reasons
    claim = _only("Tap water is safe for washing, bathing and flushing.\n")
    assert "safety assessment: 'is safe for'" in claim.reasons
    claim = _only("The health agency is not aware of any illness among customers.\n")
    assert "safety assessment: 'not aware of any'" in claim.reasons
    # A speaker's reassurance about one person's risk is no published risk level.
    assert extract("The risk to any individual patient is very low.\n") == []


def test_an_investigation_under_way_is_checkable():
    claim = _only("The Drinking Water Quality Regulator is investigating.\n")
    assert "investigation: 'is investigating'" in claim.reasons
    assert extract("The matter is interesting.\n") == []


def test_an_announced_measure_with_its_time_span_is_checkable():
    claim = _only("The park will remain closed until the lynx is found.\n")
    assert "announced measure: 'will remain closed until'" in claim.reasons
    assert "prediction: 'will'" in claim.reasons
    # A bundle of two checkable assertions: each is a claim, the announced one with its reason.
    found = extract("The search has been scaled back for the night and will resume at first light.\n")
    assert [c.text for c in found] == [
        "The search has been scaled back for the night",
        "The search will resume at first light",
    ]
    assert "announced measure: 'will resume at first light'" in found[1].reasons
    # Without a span it is still a vague forecast.
    assert extract("The park will remain closed.\n") == []


def test_advice_to_the_public_is_no_opinion_but_a_generic_should_is():
    claim = _only("Customers in the affected area should boil all tap water before drinking it.\n")
    assert "official advice: 'customers in the affected area should boil'" in claim.reasons
    assert not any(reason.startswith("opinion") for reason in claim.reasons)
    claim = _only("Tap water is fine for washing, though parents should make sure children do not swallow it.\n")
    assert not any(reason.startswith("opinion") for reason in claim.reasons)
    (claim,) = extract("The government should resign over the scandal.\n", threshold=0.0)
    assert "opinion: 'should'" in claim.reasons
    # Advice alone, with nothing else to check, stays below the threshold.
    assert extract("Parents should check their children's vaccination records.\n") == []


def test_service_details_and_a_fact_box_label_are_boilerplate():
    text = (
        "Customers can check whether their postcode is affected at brenmoorwater.co.uk/boilnotice "
        "or call 0345 600 1212.\n"
    )
    assert extract(text) == []
    (claim,) = extract(text, threshold=0.0)
    assert "boilerplate: 'at brenmoorwater.co.uk'" in claim.reasons
    assert extract("Lynx facts: Eurasian lynx weigh up to 30kg and hunt deer, hares and birds.\n") == []
    # A figure that is no phone number is left alone.
    assert extract("The council said 3,000 homes in Thornley had to boil their water for eight days in 2021.\n")


def test_the_most_likely_cause_is_an_assessment_not_a_forecast():
    claim = _only("The chief vet said the most likely source was wild waterfowl roosting on the estuary in November.\n")
    assert not any(reason.startswith("prediction") for reason in claim.reasons)
    (claim,) = extract("The strike is likely to spread to other depots.\n", threshold=0.0)
    assert "prediction: 'is likely to'" in claim.reasons


def test_what_stays_open_during_a_closure_is_checkable():
    claim = _only("Pedestrians and cyclists can still use a separate walkway on its eastern side.\n")
    assert "still open: 'can still use'" in claim.reasons
    assert extract("Pedestrians and cyclists can use a separate walkway on its eastern side.\n") == []


def test_a_superlative_of_the_speakers_own_life_is_a_feeling():
    text = '"This has been the longest three days of my working life," the park director said.\n'
    assert extract(text) == []
    (claim,) = extract(text, threshold=0.0)
    assert "opinion: 'longest three days of my working life'" in claim.reasons


def test_an_entitlement_is_a_rule_to_check():
    claim = _only("Under the scheme, customers are not automatically entitled to more compensation.\n")
    assert "legal: 'entitled to'" in claim.reasons
