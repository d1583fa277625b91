"""The extractor on hand-written sentences: segmentation, furniture, claimants, normalisation, penalties."""

import pytest

from claims.extraction import extract
from claims.extraction.pipeline import scored_assertions
from claims.extraction.text import sentences
from tests.claims.conftest import demo_file


def _sentences(text: str) -> list[str]:
    return [s.text for s in sentences(text)[0]]


def _only(text: str, **kwargs):
    found = extract(text, **kwargs)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. J. K. Smith arrived in the U.S. on Monday. He left at 5 p.m. on Tuesday.", 2),
        ("The U.S. economy grew 2.5% last year. The Fed kept rates at 5.25 percent.", 2),
        ("Officials met on Jan. 5 in Washington. They agreed on a plan.", 2),
        ('"We will win," he said. "Nobody doubts it." The crowd cheered.', 3),
        ("Prices rose sharply... Analysts were surprised.", 2),
        ("It cost $3.5 million, i.e. far more than planned. Dr. Brown disagreed.", 2),
    ],
)
def test_segmentation_edge_cases(text, expected):
    assert len(_sentences(text)) == expected, _sentences(text)


def test_offsets_point_at_the_exact_sentence_in_the_original_text():
    text = "All news\n\nMOSCOW, March 15. /TASS/. Unemployment fell to 3.9% in May, the statistics office said.\n"
    claim = _only(text)
    assert text[claim.start : claim.end] == claim.sentence
    assert claim.sentence.startswith("Unemployment fell")  # dateline excluded, text unchanged


def test_page_furniture_yields_no_claims():
    text = (
        "All news\n"
        "© Sputnik / Grigoriy Sisoev / Go to the mediabank\n"
        "Moscow sights - Sputnik International, 1920, 23.12.2021\n"
        "To participate in the discussion\nlog in or register\n"
        "Заголовок открываемого материала было принято 25 декабря 2021 года\n"
        "Source: Agencies\n"
        "Subscribe to our newsletter for the latest news and stories.\n"
    )
    assert extract(text) == []


def test_questions_opinions_hopes_and_predictions_are_not_flagged():
    text = (
        "Will the talks resume next year?\n"
        "I think the decision was a terrible mistake.\n"
        "The minister said she hopes that the economy will recover soon.\n"
        "Analysts predict that prices will rise next year.\n"
    )
    assert extract(text) == []


def test_attributed_statement_loses_its_frame_and_names_the_claimant():
    claim = _only("Inflation rose to 7.9 percent in February, the Labor Department said on Thursday.")
    assert claim.text == "Inflation rose to 7.9 percent in February"
    assert claim.claimant == "the Labor Department"
    assert claim.claim_type == "statistic"
    assert "number" in claim.reasons and "attributed statement of fact" in claim.reasons


def test_according_to_and_that_frames():
    text = (
        "According to the World Health Organization, measles cases doubled in Europe in 2023.\n"
        "Health Minister Anna Berg told reporters on Monday that 40 hospitals had run out of vaccines.\n"
    )
    first, second = extract(text)
    assert first.claimant == "the World Health Organization"
    assert first.text == "Measles cases doubled in Europe in 2023"
    assert second.claimant == "Anna Berg" and second.claimant_as_written == "Health Minister Anna Berg"
    assert second.text == "40 hospitals had run out of vaccines"


def test_pronoun_and_role_back_reference_to_an_earlier_speaker():
    text = (
        "Finance Minister Carla Mendes said on Friday that the deficit fell to 2.1% of GDP in 2023.\n"
        "She added that tax revenue grew by 8 percent.\n"
        "The minister also said that public debt had not increased since 2021.\n"
    )
    claims = extract(text)
    assert [c.claimant for c in claims] == ["Carla Mendes"] * 3
    assert [c.claimant_as_written for c in claims] == ["Finance Minister Carla Mendes", "She", "The minister"]


def test_surname_alone_resolves_to_the_full_name():
    text = (
        "Police Chief Mark Olsen said burglaries fell by 12 percent in 2023.\n"
        '"Violent crime did not increase in any district," Olsen said.\n'
    )
    assert [c.claimant for c in extract(text)] == ["Mark Olsen", "Mark Olsen"]


def test_outlet_assertions_have_no_claimant():
    claim = _only("On January 26, the United States and NATO handed over their written reply to Moscow.")
    assert claim.claimant == "" and claim.claim_type == "event"


def test_bundled_assertions_become_separate_claims_and_the_next_sentence_inherits_the_speaker():
    text = demo_file("000")
    texts = {c.text: c for c in extract(text)}
    assert "Russian troops are not targeting Ukrainian cities" in texts
    bundled = [t for t in texts if t.startswith("Russian troops are limited to")]
    assert bundled, list(texts)
    threats = texts["There are no threats whatsoever to the civilian population"]
    assert threats.claimant == "the Russian Defense Ministry"
    assert any(r.startswith("negated absolute: 'no threats whatsoever'") for r in threats.reasons)
    putin = texts["Moscow had no plans of occupying Ukrainian territories"]
    assert putin.claimant == "Vladimir Putin" and putin.claimant_as_written == "The Russian leader"


def test_quoted_sentences_take_the_speaker_named_after_the_quote():
    text = (
        '"Exports fell by 14 percent in the first quarter. Imports grew by 3 percent," '
        "Trade Minister Olga Petrova said.\n"
    )
    claims = extract(text)
    assert [c.text for c in claims] == ["Exports fell by 14 percent in the first quarter", "Imports grew by 3 percent"]
    assert {c.claimant for c in claims} == {"Olga Petrova"}


def test_threshold_is_respected():
    text = "The Kremlin calls the situation in Donbass a matter of concern."
    assert extract(text, threshold=0.95) == []
    assert extract(text, threshold=0.0)


def test_attribution_does_not_lift_an_opinion_or_a_vague_forecast_over_the_threshold():
    text = (
        "Opposition leader Karen Doyle said the 2025 budget was a terrible mistake for 3 million families.\n"
        "Analysts said house prices in London would be higher than in Paris because of the new tax.\n"
    )
    assert extract(text) == []


def test_an_attributed_forecast_with_a_date_or_a_figure_is_still_checkable():
    # A scheduled event or an announced decision with a figure can be checked against the announcement.
    text = (
        "Election officials said the second round of voting is due to be held on May 12.\n"
        "Chipmaker Voltaic Systems said it will cut 1,200 jobs at its plant in Dresden.\n"
    )
    claims = extract(text)
    assert [c.claimant for c in claims] == [
        "Election officials",
        "Voltaic Systems",
    ]  # the descriptive noun is no part of the name
    assert all("attributed statement of fact" in c.reasons and c.claim_type == "prediction" for c in claims)


def test_a_forecast_whose_figure_is_the_prediction_is_not_a_claim():
    # A hedged forecast ("could"), an expectation or a modal before a verb of quantity ("would add") predicts the
    # figure itself: nothing can be checked yet, however precise the number and whoever says it.
    text = (
        "Economists at the central bank said that house prices could rise by 4 percent next year.\n"
        "Analysts at Harcourt Securities estimated that the breach would cost the company up to £150 million.\n"
        "The council said it expected the government to release 300 detainees within a week.\n"
        "The weather service said a further 60 millimetres could fall on Sunday.\n"
    )
    assert extract(text) == []


def test_a_forecast_in_a_trailing_clause_leaves_the_reported_fact_checkable():
    text = "The council voted to close two of its five libraries in March, which could save £1.2 million a year.\n"
    assert _only(text).score >= 0.5


def test_may_the_month_is_no_forecast():
    claim = _only("His ban is backdated to 2 May, when he was provisionally suspended by the unit.\n")
    assert not any(reason.startswith("prediction") for reason in claim.reasons)


def test_a_quoted_remark_with_nothing_to_check_is_not_lifted_by_its_speaker():
    # Being quoted is not evidence of a checkable statement: a remark with no figure, name, date, event or
    # comparison stays below the threshold, while the same speaker's statement with a figure is kept.
    text = (
        "“The mood in the dressing room is good,” the coach, Ivo Marek, said after training.\n\n"
        "“The squad has lost 12 of its last 15 away games,” Marek said.\n"
    )
    claims = extract(text)
    assert [(c.claimant, c.text) for c in claims] == [("Ivo Marek", "The squad has lost 12 of its last 15 away games")]
    assert "attributed statement of fact" in claims[0].reasons


def test_evaluative_words_mark_an_attributed_opinion():
    # Stance adverbs and evaluative nouns ("clearly", "a disgrace", "far too slowly") make a remark an opinion,
    # even when a named speaker and a past event would otherwise lift it over the threshold.
    text = (
        "Union leader Petra Vos said the board had clearly lost control of the budget.\n\n"
        "“The closure of the Eastgate depot was a disgrace,” said councillor Amir Sadiq.\n\n"
        "Residents said the Riverside repairs had moved far too slowly since the storm in March.\n\n"
        "Union leader Petra Vos said the board had cut 140 jobs at the Eastgate depot in March.\n"
    )
    claims = extract(text)
    assert [(c.claimant, c.text) for c in claims] == [
        ("Petra Vos", "The board had cut 140 jobs at the Eastgate depot in March")
    ]


def test_irregular_past_tenses_are_past_events():
    # "struck", "led", "broke" are past events as "attacked" is; without them these stay below the threshold.
    text = (
        "Russia has struck Ukraine's power plants and substations repeatedly since October 2022.\n"
        "Webb, 38, led the under-21s to the national cup final last season.\n"
    )
    claims = extract(text)
    assert len(claims) == 2
    assert all("past event" in c.reasons for c in claims)


def test_reported_feelings_critics_and_what_something_deserves_are_opinions():
    text = (
        "Federation president Jackson Tuwei said the federation was saddened but not surprised by the ban.\n"
        "Critics say the flood walls were never finished.\n"
        "Commissioner Aoife Brennan said children's data deserves the highest level of protection.\n"
        'One Tory MP fumed: "This is judges playing politics."\n'
    )
    assert extract(text) == []


def test_a_descriptive_compound_or_an_attributive_criminal_is_no_opinion():
    text = (
        "Dusek said about 60% of homes in the worst-hit districts were not insured.\n"
        "A database of the stolen data had been offered for sale on a criminal forum for $250,000 since Sunday.\n"
    )
    assert len(extract(text)) == 2


def test_newsroom_and_press_release_formulas_are_boilerplate():
    text = (
        "The Kremlin did not immediately respond to a request for comment on Tuesday.\n"
        "Referral to treatment statistics are published monthly by NHS England.\n"
        "Morning Report is on City Radio every weekday from 6am.\n"
    )
    assert extract(text) == []


def test_expectations_and_conditions_are_forecasts():
    text = (
        "Fans' favourite Tom Birch is not expected back before Christmas, the club said.\n"
        "Even if warming stopped today, many of the Alpine glaciers studied since 1950 would keep shrinking.\n"
    )
    assert extract(text) == []


def test_a_record_is_checkable_even_with_a_vague_subject():
    text = (
        "It is the regulator's biggest fine to date.\n"
        "It is the third monthly fall in a row.\n"
        "That target has not been met since 2015.\n"
    )
    claims = extract(text)
    assert len(claims) == 3
    assert all(any(reason.startswith("record") for reason in c.reasons) for c in claims)


def test_a_speakers_own_record_in_the_first_person_is_checkable():
    # "we"/"our" with a figure, a date or a negated absolute is an official reporting what was done, not rhetoric.
    text = (
        "OKAFOR: We have put £600 million into social care this year.\n"
        "OKAFOR: Our diagnostic centres carried out 9.2 million tests.\n"
    )
    claims = extract(text)
    assert len(claims) == 2
    assert not any(reason.startswith("rhetoric") for c in claims for reason in c.reasons)
    # Without anything to check the first person still counts as rhetoric.
    assert extract("OKAFOR: We are seeing results.\nOKAFOR: We have heard the message.\n") == []


def test_a_quoted_question_and_an_indirect_question_are_questions():
    text = (
        '"Why did it take four years?" she asked.\n'
        "Investors are asking how a company of this size missed a breach for days, said analyst Nina Patel.\n"
    )
    assert extract(text) == []


def test_a_sign_up_reported_in_a_news_sentence_is_not_boilerplate():
    claim = _only(
        "Investigators found that about 1.4 million accounts had been opened by children under 13, who could "
        "sign up by entering any date of birth.\n"
    )
    assert not any(reason.startswith("boilerplate") for reason in claim.reasons)
    assert extract("Sign up to our newsletter for 20 stories a day.\n") == []


def test_a_speakers_own_frame_is_dropped_from_the_claim():
    text = "DOROSH: What I can tell you is that mobile fire groups shot down 14 of the 38 drones.\nQ: Thanks.\n"
    claims = extract(text)
    assert [c.text for c in claims] == ["Mobile fire groups shot down 14 of the 38 drones"]
    assert not any(reason.startswith("rhetoric") for reason in claims[0].reasons)


def test_a_predicate_in_the_speakers_own_words_is_no_statement_of_fact():
    # The quotation carries the verb: a characterisation. With a figure inside it stays checkable.
    text = (
        'Opposition leader Marek Hollan said the government had "gambled with people\'s lives".\n\n'
        'Maas told supporters that his party was "now the real opposition".\n\n'
        'Lawyer Anna Reyes said the government had "wasted two years and millions of pounds".\n'
    )
    claims = extract(text)
    assert [c.claimant for c in claims] == ["Anna Reyes"]


def test_a_picture_credit_closing_a_line_makes_it_a_caption():
    text = "The Harwell camp, where more than 2,300 migrants have been housed (Image: PA)\n"
    assert _sentences(text) == []


def test_a_tabloid_caption_with_its_picture_note_is_no_speakers_turn():
    # An upper-case caption label with a colon looks like a transcript turn; its picture note makes it a caption,
    # so the article is no transcript and its claims keep their own speakers.
    text = (
        "BARGAIN HUNT: Shoppers queue outside a Gorlan store in Tetbury (File picture)\n\n"
        "Gorlan will cut the price of 200 staple foods by 8 per cent from Monday, the grocer said.\n\n"
        "PRICE WAR: A till at the Tetbury branch (Stock image)\n\n"
        "Food inflation is running at 4.9 per cent, Mellor Analytics said.\n"
    )
    assert _sentences(text)[0].startswith("Gorlan will cut")
    assert [c.claimant for c in extract(text)] == ["Gorlan", "Mellor Analytics"]


def test_a_rule_stated_with_must_is_no_opinion():
    claim = _only("Under the region's constitution, the new parliament must hold its first sitting within 30 days.\n")
    assert not any(reason.startswith("opinion") for reason in claim.reasons)
    assert extract("The new parliament must listen to the towns that elected it.\n") == []


def test_may_inside_a_sentence_is_the_month():
    claim = _only("Rainfall between May and August was 48% below the long-term average.\n")
    assert not any(reason.startswith("prediction") for reason in claim.reasons)


def test_a_speculative_forecast_describes_no_past_event():
    # "saturated" describes the ground the rain could fall on; nothing has happened yet.
    assert (
        extract("The weather service said a further 60 millimetres could fall on saturated ground by Sunday.\n") == []
    )


def test_a_verdict_noun_or_an_adjective_of_astonishment_makes_an_opinion():
    text = (
        "Opposition leader Karen Doyle said the 2019 rail reform was a costly failure.\n"
        "Economist Paul Grant said the 40% rise in fares since March was staggering.\n"
    )
    assert extract(text) == []
    # A failure that happened is a fact.
    assert len(extract("The dam failed in March after 40 days of rain, officials said.\n")) == 1


def test_a_rebuttal_is_checkable():
    text = (
        "Q: The ministry says 30 drones were shot down.\n\n"
        "MAKSYM DOROSH: That is simply not true.\n\n"
        "Q: And the airfield?\n"
    )
    rebuttals = [c for c in extract(text) if c.claimant == "Maksym Dorosh"]
    assert [c.text for c in rebuttals] == ["That is simply not true"]
    assert any(reason.startswith("denial") for reason in rebuttals[0].reasons)


def test_a_scheduled_date_keeps_a_forecast_checkable_but_an_expected_one_does_not():
    text = (
        '"The period of ineligibility will run until 1 May 2029," the Athletics Integrity Unit said.\n\n'
        "The coalition partners are expected to sign the agreement with the Liberals on Monday, aides said.\n"
    )
    assert [c.text for c in extract(text)] == ["The period of ineligibility will run until 1 May 2029"]


def test_praise_in_a_predicate_is_tribute_not_fact():
    text = (
        '"The fans have been patient," said Mike Doyle, the club\'s manager since 2019.\n\n'
        '"Our crews were magnificent all night," fire chief Karel Novotny said on Sunday.\n'
    )
    assert extract(text) == []


def test_the_superlative_of_a_record_is_no_opinion():
    text = (
        "It was the region's worst flood since 1998.\n"
        "The best known of the stolen paintings was a harbour scene by Piet Vos.\n"
    )
    claims = extract(text)
    assert len(claims) == 2
    assert any(reason == "record: 'worst flood since 1998'" for reason in claims[0].reasons)
    assert not any(reason.startswith("opinion") for c in claims for reason in c.reasons)
    # Outside a record or "best known" the superlative still judges.
    assert extract('"It was the worst decision the council ever took," she said.\n') == []


def test_a_question_asserts_nothing_even_with_a_record_in_it():
    text = "HOST: The March figures were the worst on record for waiting times, weren't they?\nLEE: Yes.\n"
    assert extract(text) == []


def test_any_comparative_with_than_is_a_comparison():
    text = (
        '"Skipping the booster is far more dangerous than the side effects," the health agency said.\n'
        "Hairline cracks shallower than 0.2mm were missed by the checks in 2024, the inspectors said.\n"
    )
    claims = extract(text)
    assert [c.text for c in claims] == [
        "Skipping the booster is far more dangerous than the side effects",
        "Hairline cracks shallower than 0.2mm were missed by the checks in 2024",
    ]
    assert "comparison: 'more dangerous than'" in claims[0].reasons
    assert "comparison: 'shallower than'" in claims[1].reasons
    # "rather than" and "other than" compare nothing.
    assert extract('"Skipping the booster is a choice rather than a duty," the agency said.\n') == []


def test_one_is_no_figure():
    text = '"That is one of the questions we will look at," the inspector said.\n'
    assert extract(text) == []
    claim = _only("Two of the engine's fan blades had broken off, the inspector said.\n")
    assert "number" in claim.reasons


def test_an_appeal_to_others_is_no_claim():
    text = (
        "The mayor, Lena Ortmann, urged both unions to return to talks on Monday.\n"
        "Police are appealing for anyone who saw a red car on Mill Street between 1am and 3am to come forward.\n"
    )
    assert extract(text) == []
    claim = _only("The cyclist appealed to the Court of Arbitration for Sport in March 2024.\n")
    assert not any(reason.startswith("hope") for reason in claim.reasons)


def test_a_maxim_with_nobody_is_rhetoric_not_a_negated_absolute():
    text = '"Nobody wins a long lockout," the mediator Anna Berg said.\n"Nothing lasts for ever," she said.\n'
    assert extract(text) == []
    claim = _only("No one has reported being harmed by the tablets, the Medicines Agency said.\n")
    assert "negated absolute: 'no one'" in claim.reasons


def test_a_reported_welcome_or_praise_is_a_stance_not_a_fact():
    text = (
        "Mayor Lena Ortmann praised the firefighters on Sunday.\n"
        "Union leader Tom Hale welcomed what he called a fair deal.\n"
    )
    assert extract(text) == []
    claims = extract(text, threshold=0.0)
    assert [r for c in claims for r in c.reasons if r.startswith("opinion")] == [
        "opinion: 'praised'",
        "opinion: 'welcomed'",
    ]


def test_an_order_with_a_deadline_stated_with_must_is_no_opinion():
    claim = _only(
        "The regulator said in a statement that every ferry fitted with Arlo pumps must be inspected before its "
        "next sailing.\n"
    )
    assert not any(reason.startswith("opinion") for reason in claim.reasons)
    assert extract('"Ferry operators must be held to account," the regulator said.\n') == []


def test_a_classification_is_checkable():
    claim = _only("The solvent is classified as a possible human carcinogen.\n")
    assert "classification: 'is classified as'" in claim.reasons


def test_a_second_reported_clause_is_its_own_assertion_and_a_hedge_is_no_fact():
    text = (
        "The coroner said the two climbers were found about 40 metres below the ridge, and that they probably "
        "died instantly in the fall.\n"
    )
    claims = extract(text, threshold=0.0)
    assert [c.text for c in claims] == [
        "The two climbers were found about 40 metres below the ridge",
        "They probably died instantly in the fall",
    ]
    assert [c.text for c in extract(text)] == ["The two climbers were found about 40 metres below the ridge"]
    assert "opinion: 'probably'" in claims[1].reasons
    # "and that" before a verb is a demonstrative, not a second clause.
    text = "Prices rose by 9% in March, and that hurt sales at the 12 stores, the firm said.\n"
    assert len(extract(text, threshold=0.0)) == 1


@pytest.mark.parametrize(
    "clause, parts",
    [
        # A second predicate sharing the subject: after an auxiliary, or a finite verb with a determiner or figure.
        (
            "The lender had been fined in 2022 and has now closed its branch network",
            ["The lender had been fined in 2022", "The lender has now closed its branch network"],
        ),
        (
            "The club recorded a loss of £6.3m and cut 40 jobs",
            ["The club recorded a loss of £6.3m", "The club cut 40 jobs"],
        ),
        (
            "The insurer, which covers 2 million drivers, has raised premiums by 8% and dropped 40 brokers",
            [
                "The insurer has raised premiums by 8%",
                "The insurer covers 2 million drivers",
                "The insurer dropped 40 brokers",
            ],
        ),
        # Coordinated subjects, each with its own figure, before one passive verb.
        (
            "About 900 flights and 35 ferry crossings were cancelled because of the storm",
            [
                "About 900 flights were cancelled because of the storm",
                "35 ferry crossings were cancelled because of the storm",
            ],
        ),
        # A side fact after the clause: a superlative in apposition, "with" and a plural or figure doing something.
        (
            "Bakers in the city began a three-day strike on Monday, the first stoppage in the trade since 1979",
            [
                "Bakers in the city began a three-day strike on Monday",
                "It was the first stoppage in the trade since 1979",
            ],
        ),
        (
            "Ferries are sailing from the north pier this week, with crossings taking 20 minutes longer",
            ["Ferries are sailing from the north pier this week", "crossings are taking 20 minutes longer"],
        ),
        (
            "The club has been losing members to rivals, with its market share sliding to 9 per cent",
            ["The club has been losing members to rivals", "its market share was sliding to 9 per cent"],
        ),
        (
            "The storm swept across the north on Friday, with about 300 homes damaged",
            ["The storm swept across the north on Friday", "about 300 homes were damaged"],
        ),
        (
            "£2m has been set aside for a new library, with building work due to start in May",
            ["£2m has been set aside for a new library", "building work was due to start in May"],
        ),
        # "after" a clause with its own subject and past verb: an earlier event of its own.
        (
            "The bakery has shut its doors for good, three days after an audit found £2m missing from its accounts",
            ["The bakery has shut its doors for good", "an audit found £2m missing from its accounts"],
        ),
        # A relative clause closing the clause: an assertion about the noun phrase before it.
        (
            "The council has asked ministers to lift the cap on parking fines, which has stood at £70 since 2012",
            [
                "The council has asked ministers to lift the cap on parking fines",
                "the cap on parking fines has stood at £70 since 2012",
            ],
        ),
        (
            "About 400 people will be employed during construction, which is due to start next spring",
            ["About 400 people will be employed during construction", "construction is due to start next spring"],
        ),
        # ", though" before a clause of its own, like ", while".
        (
            "About 80 homes have been told to boil their water, though no illness has been reported",
            ["About 80 homes have been told to boil their water", "no illness has been reported"],
        ),
        # A participle of result with an object of its own: the subject carried over, in the clause's tense.
        (
            "The airline cancelled 60 flights on Monday, leaving about 9,000 travellers stranded",
            ["The airline cancelled 60 flights on Monday", "The airline was leaving about 9,000 travellers stranded"],
        ),
        # A side fact between the subject and its verb is an assertion about the subject of its own.
        (
            "Bramley Foods, which employs 1,200 people, has closed its bakery in Leeds",
            ["Bramley Foods has closed its bakery in Leeds", "Bramley Foods employs 1,200 people"],
        ),
        (
            "Hallam Foods, which runs 80 shops and employs about 3,000 people, has closed its bakery",
            [
                "Hallam Foods has closed its bakery",
                "Hallam Foods runs 80 shops",
                "Hallam Foods employs about 3,000 people",
            ],
        ),
        (
            "The old pier, built in 1902, will close to visitors next month",
            ["The old pier will close to visitors next month", "The old pier was built in 1902"],
        ),
        (
            "The Harlow depot, where a fire in May injured six workers, reopened in August",
            ["The Harlow depot reopened in August", "a fire in May injured six workers at the Harlow depot"],
        ),
        # ", when" after a date before a clause of its own: that clause's event on that date.
        (
            "The council has until 12 March, when a judge will rule on its spending plan",
            ["The council has until 12 March", "On 12 March, a judge will rule on its spending plan"],
        ),
        (
            "The audit, published on 3 March, lists 12 failings at the prison",
            ["The audit lists 12 failings at the prison", "The audit was published on 3 March"],
        ),
        (
            "Kelso Rovers, a club with 9,000 members, sold 18,000 season tickets this year",
            ["Kelso Rovers sold 18,000 season tickets this year", "Kelso Rovers is a club with 9,000 members"],
        ),
        (
            "The regulator has fined the bank £2m and wants a further £1.5m repaid",
            ["The regulator has fined the bank £2m", "The regulator wants a further £1.5m repaid"],
        ),
        # Coordinated main clauses, each with its own subject and verb.
        (
            "Copper rose to a record of $9,800 a tonne, while nickel fell 2.1% to $16,400",
            ["Copper rose to a record of $9,800 a tonne", "nickel fell 2.1% to $16,400"],
        ),
        (
            "Bus fares went up by 6% in January, and a weekly ticket now costs £31",
            ["Bus fares went up by 6% in January", "a weekly ticket now costs £31"],
        ),
        (
            "Engineers set up a pumping station by the river, and police closed the bridge to traffic",
            ["Engineers set up a pumping station by the river", "police closed the bridge to traffic"],
        ),
        (
            "The march had been peaceful and no arrests had been made",
            ["The march had been peaceful", "no arrests had been made"],
        ),
        (
            "Three schools were evacuated on Monday, and they reopened two days later",
            ["Three schools were evacuated on Monday", "they reopened two days later"],
        ),
        # Figures coordinated with their verb left out: the noun, auxiliary and shared event are carried over.
        (
            "Four people were killed and 23 injured when a tram left the rails in the city centre",
            [
                "Four people were killed when a tram left the rails in the city centre",
                "23 people were injured when a tram left the rails in the city centre",
            ],
        ),
        (
            "About 300 trains were cancelled, 85 delayed and 12 diverted on Friday",
            [
                "About 300 trains were cancelled on Friday",
                "85 trains were delayed on Friday",
                "12 trains were diverted on Friday",
            ],
        ),
        # A second clause after ", and" with a subject of its own, and a second reported "that" clause.
        (
            "The water is safe to drink, and bottled supplies are no longer needed in the town",
            ["The water is safe to drink", "bottled supplies are no longer needed in the town"],
        ),
        (
            "the mill had lost £3m last year and that most orders had gone abroad",
            ["the mill had lost £3m last year", "most orders had gone abroad"],
        ),
        (
            "the tunnel would reopen in May and that drivers would pay no toll until June",
            ["the tunnel would reopen in May", "drivers would pay no toll until June"],
        ),
        (
            "The council has closed the pool and may sell the site to a developer",
            ["The council has closed the pool", "The council may sell the site to a developer"],
        ),
        # A second subject and change in per cent with the verb gapped.
        (
            "Sales grew by 12 per cent and profits by 8 per cent last year",
            ["Sales grew by 12 per cent last year", "profits grew by 8 per cent last year"],
        ),
        # A second predicate with an auxiliary of its own after a participle, a figure in the subject.
        (
            "About 4,000 parcels missed their vans and were being delivered by taxi",
            ["About 4,000 parcels missed their vans", "About 4,000 parcels were being delivered by taxi"],
        ),
        (
            "A public inquiry would be opened and would report by the end of June",
            ["A public inquiry would be opened", "A public inquiry would report by the end of June"],
        ),
        (
            "The outage started at about 06:15 and affected both hospitals",
            ["The outage started at about 06:15", "The outage affected both hospitals"],
        ),
        # A first clause in the present, or with a pronoun subject, before a clause of its own.
        (
            "We run 80 depots and there are no plans to close any of them",
            ["We run 80 depots", "there are no plans to close any of them"],
        ),
        (
            "The £4m fund covers rent, heating, food and transport, and the new grants will be paid from May",
            ["The £4m fund covers rent, heating, food and transport", "the new grants will be paid from May"],
        ),
        (
            "The firm operates 120 shops and employs about 2,000 people",
            ["The firm operates 120 shops", "The firm employs about 2,000 people"],
        ),
        (
            "We employ 40 local people and we welcome 90,000 visitors a year",
            ["We employ 40 local people", "we welcome 90,000 visitors a year"],
        ),
        (
            "Copper output is still 3.1 per cent and zinc is up 12 per cent on a year ago",
            ["Copper output is still 3.1 per cent", "zinc is up 12 per cent on a year ago"],
        ),
        # ", but" before a clause of its own, and a comma before a pronoun clause in speech.
        (
            "The library remains open, but its reading room is shut to the public",
            ["The library remains open", "its reading room is shut to the public"],
        ),
        (
            "We've opened 12 new branches this year, we've got 300 now",
            ["We've opened 12 new branches this year", "we've got 300 now"],
        ),
        # A part of a counted group after the clause: the group carried over.
        (
            "Inspectors found 12 faults at the plant, three of them serious",
            ["Inspectors found 12 faults at the plant", "three of the 12 faults were serious"],
        ),
        (
            "Three walkers were rescued overnight, one of whom was taken to hospital",
            ["Three walkers were rescued overnight", "one of the three walkers was taken to hospital"],
        ),
        # "after" / "following" an event of its own: a noun phrase with a relative clause, a modified plural subject.
        (
            "It was the third flood this winter, after a storm in January that lasted two days",
            ["It was the third flood this winter", "a storm in January lasted two days"],
        ),
        (
            "The port has been given 14 days to make repairs after safety inspectors found nine defects",
            ["The port has been given 14 days to make repairs", "safety inspectors found nine defects"],
        ),
        # A participle of result whose object is a bare noun before a figure.
        (
            "A fire at the depot forced the closure of the line on Monday, disrupting travel for about 8,000 commuters",
            [
                "A fire at the depot forced the closure of the line on Monday",
                "A fire at the depot was disrupting travel for about 8,000 commuters",
            ],
        ),
        # A participle after a copula's complement takes the subject and the copula.
        (
            "The ferry was 30 years old and refitted in 2019",
            ["The ferry was 30 years old", "The ferry was refitted in 2019"],
        ),
        # A side fact after a lower-case subject (a reported clause).
        (
            "the bridge, built in 1890, had passed its last inspection in May",
            ["the bridge had passed its last inspection in May", "the bridge was built in 1890"],
        ),
        # A second bare verb after a modal or "to": subject and modal carried over.
        (
            "The college will close its music school next summer and shed 40 teaching posts",
            ["The college will close its music school next summer", "The college will shed 40 teaching posts"],
        ),
        (
            "The board is expected to sell two depots and lease 12 new buses from a private firm",
            [
                "The board is expected to sell two depots",
                "The board is expected to lease 12 new buses from a private firm",
            ],
        ),
    ],
)
def test_a_bundle_of_assertions_is_split_along_its_grammar(clause, parts):
    from claims.extraction.pipeline import split_assertions

    assert split_assertions(clause) == parts


@pytest.mark.parametrize(
    "clause",
    [
        "Shares in the airline rose and fell 3% on Tuesday",  # two verbs, one predicate
        "The firm reported higher sales and increased profits last year",  # a list of objects
        "Prices were between £3 and £4 at the 12 stores",
        "Marks and Spencer has cut 400 jobs at its stores",  # a name with "and"
        "The company cut 40 jobs and 12 stores in 2024",  # one verb, two objects
        "Firefighters and 12 volunteers were praised by the mayor on Friday",  # the first has no figure
        "Firefighters and police closed the ring road in both directions",
        "Profiles were set to public, meaning that their videos and comments could be seen by anyone",
        "The deck moves as it heats up and cools down in the summer months",
        "Wages rose 4%, while prices fell",  # too short to stand alone
        "Staff stayed for more than two and a half times the limit that ministers promised",
        "The council's fine, up from £2m last year, was paid in full in March",  # "X, up from Y" stays whole
        "The suspect was arrested and charged with two counts of fraud on Monday",  # one event
        "Between 40 and 50 homes were damaged and flooded in the storm",
        "Two men were arrested, and questioned by detectives overnight in Leeds",  # no second subject
        "The figures were checked, and anyone who doubts them is welcome to see them",  # a relative clause
        "The firm cut prices by 5%, and said the offer would run until May",  # a second verb, not a clause
        "The project will cost more and take longer than planned",  # no object of its own
        "Prices fell to 300 and stayed there for a month",
        "Prices rose 3% and then fell 2% in the same week",  # one subject's two changes
        "The index rose 3% in March and 2% in April",
        "The proposals, which ministers drafted in May, are now under review",  # the relative has its own subject
        "One, a woman in her sixties, is in a stable condition",  # a pronoun subject
        "Twelve crates of Zentor, a weedkiller sold in 40 countries, were seized",  # the apposition is Zentor
        "On Monday the firm, which employs 300 people, said nothing",  # no subject opens the clause
        "Ana Ruiz, the council's deputy leader, has been speaking to residents",  # a title, no figure
        "Bread prices rose 6% in the year to May, the largest increase since 2009",  # a figure's own qualifier
        "The striker was banned for two years after testing positive for a steroid",  # no clause after "after"
        "The vote was held at midnight after a heated two-hour debate in the chamber",  # "heated" is no verb
        "The shop reopened on Friday after it passed a hygiene inspection",  # a pronoun's referent would be lost
        "Records show the queue has doubled since May, leaving two thirds of callers unanswered",  # whose result?
        "The firm raised prices by 5%, citing the cost of energy",  # a reason given, not a result
        "The hall stayed open all night, though rarely full",  # no clause after "though"
        "The river rose by two and a half metres, which is why the bridge was shut",  # about the whole clause
        "Gusts reached 80mph in the hills on Friday night, which explains the damage",  # no noun phrase before it
        "Sales reached 4,000 cars in the first half of the year, the latest figures show",  # a frame
        "Homes in Ashby, Thornley, Upper Marden and Kelso Green are covered by the notice",  # a list's last item
        "The previously agreed guarantees to the United States and Canada were no longer valid",  # no verb before
        "Staff at Ashcombe Royal, St Hilda's and Vale Community are now on strike",
        "When prices rose sharply, we cut 40 jobs at the plant",  # a condition and its clause
        "His ban is backdated to 2 May, when he was provisionally suspended",  # whose event it is would be lost
        "The mill, where it all began in 1850, is now a museum",  # a pronoun after "where": its referent is lost
        "The newsletter was written by Ann Lee and edited by Tom Hart",  # two participles of one account
        "The firm is a network provider founded in 2012 and headquartered in Leeds",  # the participles go together
        "Only 12 people remained in custody, all of them charged with violent offences",  # a participle, not a verb
        "Some 900 homes lost power at the weekend, some of them for two days",  # no state after "of them"
        "There is more to do, but we are turning the corner",  # the speaker's own stance after "but"
    ],
)
def test_a_single_assertion_is_not_split(clause):
    from claims.extraction.pipeline import split_assertions

    assert split_assertions(clause) == [clause]


def test_each_part_of_a_split_bundle_keeps_the_sentence_span_and_the_claimant():
    text = "The water board has now fined the contractor £4.5m and banned 12 of its engineers, the minister said.\n"
    claims = extract(text, threshold=0.0)
    assert [c.text for c in claims] == [
        "The water board has now fined the contractor £4.5m",
        "The water board banned 12 of its engineers",
    ]
    assert {(c.start, c.end, c.claimant_as_written) for c in claims} == {(0, len(text) - 1, "the minister")}


def test_a_speakers_own_frame_is_dropped_from_a_split_part():
    text = "Two walkers were flown to hospital as a precaution and we understand both are recovering, police said.\n"
    claims = extract(text, threshold=0.0)
    assert [c.text for c in claims] == [
        "Two walkers were flown to hospital as a precaution",
        "Both are recovering",
    ]
    assert {c.claimant_as_written for c in claims} == {"police"}


def test_coordinated_figures_become_one_claim_each_with_the_sentence_span():
    text = "Two people were killed and 14 injured when a bus hit a wall in Leeds on Sunday, police said.\n"
    claims = extract(text)
    assert [c.text for c in claims] == [
        "Two people were killed when a bus hit a wall in Leeds on Sunday",
        "14 people were injured when a bus hit a wall in Leeds on Sunday",
    ]
    assert {(c.start, c.end, c.sentence, c.claimant) for c in claims} == {(0, len(text) - 1, text.strip(), "police")}


@pytest.mark.parametrize(
    "text",
    [
        "The driver was arrested and charged with dangerous driving on Monday, police said.\n",
        "Tickets cost between £40 and £65 for the 12 concerts in the series, the festival said.\n",
        "Two men were arrested and 14 cars were seized in the raid on Friday, police said.\n",
    ],
)
def test_one_assertion_stays_one_claim_and_two_with_their_own_verbs_are_two(text):
    claims = extract(text, threshold=0.0)
    assert len(claims) == (2 if "were seized" in text else 1)
    assert all(c.start == 0 and c.end == len(text) - 1 for c in claims)


def test_a_second_reported_clause_after_and_that_is_its_own_claim():
    text = "The council said that the bridge had been closed since March and that repairs would cost £2.4m.\n"
    claims = extract(text, threshold=0.0)
    assert [c.text for c in claims] == ["The bridge had been closed since March", "Repairs would cost £2.4m"]
    assert all(c.claimant_as_written == "The council" and c.start == 0 for c in claims)
    # The first clause without its "that": what stands before "and that" is no aside of the verb.
    text = "Dr Amara Bello said there was no risk from tap water and that the disease does not spread between people.\n"
    claims = extract(text, threshold=0.0)
    assert [c.text for c in claims] == [
        "There was no risk from tap water",
        "The disease does not spread between people",
    ]
    assert {c.claimant for c in claims} == {"Amara Bello"}
    # A first clause whose verb is a plural present is a clause of its own.
    text = (
        "The consortium says the cuts affect about 3,100 students at 29 schools, and it has set no date for a return.\n"
    )
    assert [c.text for c in extract(text, threshold=0.0)] == [
        "The cuts affect about 3,100 students at 29 schools",
        "The consortium has set no date for a return",
    ]


def test_a_weak_part_of_a_bundle_is_kept_beside_a_checkable_one():
    # "The ferry is running again" alone has nothing to check; beside the dated closure it is part of the report.
    text = "The bridge was closed to traffic on 4 May, and the ferry is running again.\n"
    claims = extract(text)
    assert [c.text for c in claims] == ["The bridge was closed to traffic on 4 May", "The ferry is running again"]
    assert {(c.start, c.end, c.sentence) for c in claims} == {(0, len(text) - 1, text.strip())}


def test_a_guarantee_is_a_checkable_forecast():
    claim = _only('"Nobody will be forced out of a job at the plant," the company said.\n')
    assert "prediction: 'will'" in claim.reasons
    assert "attributed statement of fact" in claim.reasons
    # A forecast with nothing to check stays out.
    assert extract('"Jobs will be under pressure at the plant," the company said.\n') == []


def test_a_capitalised_ed_word_is_a_name_not_a_past_event():
    claims = extract("The Maritime Agency regulates shipping in the United Provinces.\n", threshold=0.0)
    assert claims and not any("past event" in c.reasons for c in claims)
    claim = _only("The Maritime Agency fined the United Ferries group in 2024.\n")
    assert "past event" in claim.reasons


def test_a_body_line_ending_with_a_link_is_no_headline():
    text = (
        "Storm closes coast road\n\n"
        "14:10\n"
        "The council has said the coast road will stay shut until Friday at the earliest. "
        "Seen the damage? Send us your pictures at coastnews.example.com/send\n"
        "Photograph: Waves break over the sea wall at Porth Ellen. Photo: Jan Rees/Coast Agency\n"
    )
    texts = [claim.text for claim in extract(text)]
    assert texts == ["The coast road will stay shut until Friday at the earliest"]


def test_what_a_speaker_is_stays_the_outlets_claim_beside_what_it_said():
    text = "Harlow Foods, which employs 2,000 people, said it would close the plant in May.\n"
    claims = {c.text: c.claimant for c in extract(text)}
    assert claims == {
        "Harlow Foods would close the plant in May": "Harlow Foods",
        "Harlow Foods employs 2,000 people": "",
    }


def test_layout_markers_opening_a_line_are_no_part_of_its_sentence():
    text = (
        "[00:01:44] The laboratory dated the paper to between 1865 and 1875.\n\n"
        "15:48 — The coastguard says 13 containers have been recovered.\n\n"
        "3.5 The cost of filling the void is estimated at £850,000.\n\n"
        "1. Apologies were received from two members.\n\n"
        "UPDATE 14:10: Two people remain in hospital.\n\n"
        "12 People were hurt.\n"
    )
    assert _sentences(text) == [
        "The laboratory dated the paper to between 1865 and 1875.",
        "The coastguard says 13 containers have been recovered.",
        "The cost of filling the void is estimated at £850,000.",
        "Apologies were received from two members.",
        "Two people remain in hospital.",
        "12 People were hurt.",
    ]


def test_a_quotation_with_its_credit_is_no_headline_and_the_credit_no_part_of_it():
    text = "THE CLAIM: 'Drone incidents near our airports have tripled in three years.' — Claire Donnan, MP, 5 March\n"
    kept = sentences(text)[0]
    assert [s.text for s in kept] == [
        "'Drone incidents near our airports have tripled in three years.'",
        "— Claire Donnan, MP, 5 March",
    ]
    # The quotation is extracted; the credit is kept as a headline is, not extracted, for the speaker it names.
    assert [s.headline for s in kept] == [False, True]
    assert [c.claimant for c in extract(text)] == ["Claire Donnan"]


def test_share_bars_embeds_related_links_and_credits_are_furniture():
    text = (
        "Share on Facebook | Share on X | Email | Comments (214)\n"
        "Comments (4)\n"
        "Watch: Parents describe the evacuation (1:42)\n"
        "GALLERY: The moment she was reunited with her violin (12 pictures)\n"
        "[Embedded video: Drone visuals of the Station Road sinkhole | 1:48]\n"
        "[Caption: Dennis Obi at the depot, where he found the case. Picture: Simon Hale]\n"
        "Related fact checks: Do speed cameras pay for themselves?\n"
        "(Compiled by Hanna Lyle; Editing by Mark Oduya)\n"
        "Translated by the International Desk from the Sarvenian original.\n"
    )
    assert _sentences(text) == []
    # an embedded post holds what its author said
    assert _sentences('[Embedded post: @city — "The arena will remain closed until Friday."]\n')


def test_a_line_closed_by_a_bracket_without_a_full_stop_is_a_headline():
    text = (
        "• H1 EBIT loss at gym division $A14.6m (pcp: $A5.2m loss)\n"
        "Today's briefing was written by Hannah Marsh.\n"
        "Boxship Weekly is published by Harbourline Media Ltd.\n"
        "The gym division lost $A14.6 million in the half, against $A5.2 million a year earlier (pcp).\n"
        "The chain shut all 38 clubs on Monday. Administrators were appointed on Tuesday (Reuters)\n"
    )
    assert [c.text for c in extract(text)] == [
        "The gym division lost $A14.6 million in the half, against $A5.2 million a year earlier (pcp)",
        "The chain shut all 38 clubs on Monday",
        "Administrators were appointed on Tuesday (Reuters)",
    ]


def test_past_tenses_of_irregular_verbs_and_cancellations_are_checkable():
    for text in ("Marta rang the rail company straight away.\n", "The festival has run every year since 2004.\n"):
        assert "past event" in _only(text, threshold=0.0).reasons
    claim = _only("Harrowfield Festival will not take place next summer, organiser Redbank Events announced.\n")
    assert any(r.startswith("announced decision") for r in claim.reasons)


def test_a_standfirst_closed_by_a_teaser_and_programme_notes_are_not_extracted():
    text = (
        "All 38 clubs are shut and administrators have been appointed. Here's what members need to know.\n\n"
        "Aired Thursday 15 January 2026, 7:45am. This transcript has been lightly edited for clarity.\n\n"
        "Sponsored: Try Ledgerly accounting free for 30 days.\n\n"
        "Market data delayed by at least 15 minutes.\n\n"
        "17:20 A council spokesperson said the licence of one food stall was suspended this afternoon.\n"
    )
    claims = extract(text)
    assert [c.text for c in claims] == ["The licence of one food stall was suspended this afternoon"]
    assert claims[0].sentence.startswith("A council spokesperson")


def test_numbered_notes_to_editors_are_furniture():
    text = (
        "The regulator fined Harlow Foods £2 million on Tuesday for losing customer records.\n\n"
        "Notes to editors\n"
        "1. The Digital Rights Authority is the independent regulator responsible for enforcing data protection law.\n"
        "2. The University of Eastmere is a research-intensive university with 24,000 students.\n"
        "3. Patients can report suspected side effects through the Green Form scheme.\n"
        "4. Breaching the order is a criminal offence and can lead to a fine of up to £1,000.\n"
        "5. Harlow Water supplies 610 million litres of drinking water a day on average.\n"
        "Harlow Foods was founded in 1871 and operates 64 stores.\n"
    )
    texts = [c.text for c in extract(text)]
    assert texts[0].startswith("The regulator fined Harlow Foods £2 million")
    assert not any("regulator responsible" in t or "24,000" in t or "Green Form" in t for t in texts)
    assert any("1871" in t for t in texts)  # an unnumbered fact about the company is checked like the body
    # a numbered note stating a fact about the body's subject is checked like the body
    assert any("£1,000" in t for t in texts) and any("610 million litres" in t for t in texts)


def test_a_programme_line_naming_its_presenter_is_kept_for_the_names():
    lines = sentences("Aired Monday 30 November 2026, 18:20 | Presenter: Kirsty Fraser\n")[1]
    assert [line.furniture for line in lines] == [""]


def test_a_fact_checks_section_labels_are_no_part_of_the_sentence():
    text = "THE FACTS: Flights at Lendmoor stopped at 21:05 on Tuesday and did not resume until 00:25 on Wednesday.\n"
    claims = extract(text)
    assert claims and claims[0].sentence.startswith("Flights at Lendmoor stopped")


@pytest.mark.parametrize(
    ("line", "first"),
    [
        ("HARLOW FALLS, Wis. (MPW) — Thirty-one people were taken to hospitals on Saturday.", "Thirty-one"),
        ("HARLOW FALLS, Wis. — Two children were still in the hospital on Sunday evening.", "Two children"),
        ("[00:01:44] The handwriting matches the letters he wrote in the 1860s.", "The handwriting"),
        ("UPDATE 14:10: Two people remain in Harwick General Hospital.", "Two people"),
        ("3.1 The Director reported that a sinkhole had opened in Orchard Rise.", "The Director"),
        ("- Flights were halted at 21:05 local time on Tuesday.", "Flights"),
        ("3.5 million people voted in the election on Sunday.", "3.5 million"),
        ("UPPER STANMOOR, England, Dec 7 (CPS) - A meteorite smashed through a garage roof.", "A meteorite"),
    ],
)
def test_a_lines_dateline_bullet_time_stamp_or_item_number_is_no_part_of_its_sentence(line, first):
    assert _sentences(line)[0].startswith(first)


def test_a_reported_clauses_subject_pronoun_is_named_after_its_speaker():
    text = (
        "The Workplace Safety Authority says it has opened an investigation into the leak at the rink.\n\n"
        "Dr Ruth Okonjo said she had counted 42 cracked windows on the estate since March.\n\n"
        "The council said it was unclear whether the 14 flats would be demolished before 2027.\n"
    )
    texts = [c.text for c in extract(text)]
    assert "The Workplace Safety Authority has opened an investigation into the leak at the rink" in texts
    assert any(t.startswith("Ruth Okonjo had counted 42 cracked windows") for t in texts)
    # An expletive "it" is nobody's: the claim keeps it.
    assert not any(t.startswith("The council was unclear") for t in texts)
    # What an organisation is doing names it; what a thing is going to do does not.
    text = (
        "The Tramway Safety Inspectorate said it is investigating the points. The council said it is going to cost "
        "£2m.\n"
    )
    texts = [c.text for c in extract(text, threshold=0.0)]
    assert "The Tramway Safety Inspectorate is investigating the points" in texts
    assert "It is going to cost £2m" in texts


def test_a_negative_contraction_is_a_past_tense_unless_it_closes_an_elided_verb():
    kept = extract("Kim Ash said the care services weren't part of the trial.\n")
    assert [c.text for c in kept] == ["The care services weren't part of the trial"]
    assert "past event" in kept[0].reasons
    assert extract('"A lot of my friends didn\'t."\n') == []


def test_could_in_a_past_time_clause_and_a_habits_will_are_no_forecast():
    kept = extract("Fourteen whales died: nine before our teams could reach them and five which our vets put down.\n")
    assert kept and "prediction" not in kept[0].reasons and "past event" in kept[0].reasons
    habit = scored_assertions("A whole pod will often follow one sick animal into shallow water.\n")
    assert habit and "prediction" not in habit[0][1]
    forecast = scored_assertions("The council could lose part of its grant before ministers decide.\n")
    assert forecast and "prediction" in forecast[0][1]


def test_a_bulleted_item_with_a_verb_is_a_sentence_unless_the_list_is_of_links():
    text = (
        "The council will cut library hours from March.\n\nKEY FACTS\n- Visits fell 12% between 2023 and 2026\n"
        "- Nine branches will close on Mondays\n\nRelated stories:\n- Council leader says she will stand down in May\n"
    )
    texts = [c.text for c in extract(text)]
    assert "Visits fell 12% between 2023 and 2026" in texts and "Nine branches will close on Mondays" in texts
    assert not any("stand down" in t for t in texts)
    # Without a verb an item is a label: "- Savings: $1.2 million a year" stays out.
    assert extract("KEY FACTS\n- Savings: $1.2 million a year\n- Branches: nine\n") == []
