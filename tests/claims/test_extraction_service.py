"""Extraction through the real database: the demo corpus fills the queue with matched, attributed claims."""

import pytest
from django.db.models import Count

from claims.extraction.matching import features, similarity
from claims.models import Appearance, Claim, ClaimKey, MatchSuggestion, ReviewEvent
from claims.services import claim_priority, source_extract_claims
from sources.ingest import ArticleInput
from sources.models import Source
from sources.services import source_store

pytestmark = pytest.mark.django_db


def _claim_like(text: str) -> Claim:
    target = features(text)
    scored = sorted(Claim.objects.all(), key=lambda c: similarity(target, features(c.text)), reverse=True)
    assert scored and similarity(target, features(scored[0].text)) >= 0.75, [c.text for c in scored[:5]]
    return scored[0]


def _origins(claim: Claim) -> set[str]:
    return {a.source.origin[:3] for a in claim.appearances.select_related("source")}


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("Russian troops are not targeting Ukrainian cities", "the Russian Defense Ministry"),
        ("There are no threats to the civilian population", "the Russian Defense Ministry"),
        ("Moscow had no plans of occupying Ukrainian territories", "Vladimir Putin"),
        ("The US and NATO handed over their written reply on January 26", ""),
    ],
)
def test_the_same_claim_across_outlets_is_one_claim_with_an_appearance_in_each(ingested_demo, text, claimant):
    claim = _claim_like(text)
    assert _origins(claim) == {"000", "001", "003"}
    assert claim.claimant == claimant
    assert (
        claim.appearance_count == 3
        and claim.outlet_count
        == claim.appearances.values("source__outlet").distinct().exclude(source__outlet=None).count()
    )
    assert claim.appearances.filter(match=Appearance.Match.ORIGINAL).count() == 1
    assert claim.appearances.filter(match=Appearance.Match.AUTO).count() == 2
    # No second claim with the same assertion was left behind.
    twins = [c for c in Claim.objects.exclude(pk=claim.pk) if similarity(features(text), features(c.text)) >= 0.75]
    assert twins == []


def test_every_appearance_keeps_the_exact_sentence_and_offsets(ingested_demo):
    assert Appearance.objects.count() > 20
    for appearance in Appearance.objects.select_related("source"):
        assert appearance.source.text[appearance.start : appearance.end] == appearance.sentence


def test_page_furniture_yields_no_claims(ingested_demo):
    furniture = [
        "All news",
        "log in or register",
        "Sputnik International, 1920",
        "© Sputnik",
        "Source: Agencies",
        "Заголовок",
        "To participate in the discussion",
        "Stay tuned",
    ]
    for appearance in Appearance.objects.all():
        assert not any(f in appearance.sentence for f in furniture), appearance.sentence


def test_the_queue_is_filled_with_scores_reasons_priority_and_audit(ingested_demo):
    assert set(Source.objects.values_list("extraction_status", flat=True)) == {Source.Extraction.DONE}
    claims = list(Claim.objects.all())
    assert len(claims) >= 15
    for claim in claims:
        assert claim.status == Claim.Status.NEW and claim.reasons and claim.priority > 0
        assert claim.score == max(claim.appearances.values_list("score", flat=True))
        assert claim.first_seen_at is not None and claim.match_keys.exists()
    created = ReviewEvent.objects.filter(action="claim.created", actor_label="extraction")
    assert created.count() == len(claims)
    spread = _claim_like("Russian troops are not targeting Ukrainian cities")
    single = Claim.objects.filter(appearance_count=1, score=spread.score).first()
    if single:
        assert spread.priority > single.priority  # found in three outlets, ranked above a one-off


def test_running_extraction_again_changes_nothing(ingested_demo):
    counts = (
        Claim.objects.count(),
        Appearance.objects.count(),
        ClaimKey.objects.count(),
        MatchSuggestion.objects.count(),
        ReviewEvent.objects.count(),
    )
    for source_id in Source.objects.values_list("id", flat=True):
        assert source_extract_claims(source_id=source_id) == "done"
    assert counts == (
        Claim.objects.count(),
        Appearance.objects.count(),
        ClaimKey.objects.count(),
        MatchSuggestion.objects.count(),
        ReviewEvent.objects.count(),
    )
    assert not Appearance.objects.values("source", "start", "end", "text").annotate(n=Count("id")).filter(n__gt=1)


def test_a_new_appearance_of_a_published_claim_is_a_recurrence(ingested_demo):
    claim = _claim_like("Russian troops are not targeting Ukrainian cities")
    Claim.objects.filter(pk=claim.pk).update(status=Claim.Status.PUBLISHED)
    source, _ = source_store(
        article=ArticleInput(
            origin="later.txt",
            text="Kyiv, March 20. Russian forces were not striking Ukrainian cities, the Russian Defense Ministry "
            "insisted on Sunday, in a statement repeated by state media.",
        )
    )
    source_extract_claims(source_id=source.pk)
    claim.refresh_from_db()
    recurrence = claim.appearances.get(source=source)
    assert recurrence.is_recurrence and recurrence.match == Appearance.Match.AUTO
    assert claim.recurred_at is not None and claim.appearance_count == 4
    assert ReviewEvent.objects.filter(claim=claim, action="claim.recurred", actor_label="extraction").count() == 1


def test_a_near_miss_becomes_a_suggestion_and_an_opposite_stays_apart(db):
    first, _ = source_store(
        article=ArticleInput(
            origin="a.txt", text="Unemployment rose to 5.1 percent in March, the national statistics office said."
        )
    )
    source_extract_claims(source_id=first.pk)
    second, _ = source_store(
        article=ArticleInput(
            origin="b.txt", text="Unemployment rose to 5.4 percent in March, the national statistics office said."
        )
    )
    source_extract_claims(source_id=second.pk)
    third, _ = source_store(
        article=ArticleInput(
            origin="c.txt", text="Unemployment did not rise in March, the national statistics office said on Friday."
        )
    )
    source_extract_claims(source_id=third.pk)
    assert Claim.objects.count() == 3
    suggestion = MatchSuggestion.objects.get()
    assert suggestion.claim.appearances.get().source == second and suggestion.target.appearances.get().source == first


def test_a_source_that_is_gone_is_ignored(db):
    assert source_extract_claims(source_id=987654) == "gone"


def test_priority_grows_with_spread_and_recurrence_and_fades_with_age():
    from datetime import UTC, datetime, timedelta

    now = datetime(2026, 1, 10, tzinfo=UTC)
    base = dict(score=0.7, appearance_count=1, outlet_count=1, last_seen_at=now, recurred=False, now=now)
    assert claim_priority(**{**base, "outlet_count": 3, "appearance_count": 3}) > claim_priority(**base)
    assert claim_priority(**{**base, "recurred": True}) > claim_priority(**base)
    assert claim_priority(**{**base, "last_seen_at": now - timedelta(days=30)}) < claim_priority(**base)


def test_incremental_counts_agree_with_a_full_recount(ingested_demo):
    from claims.extraction_service import claims_refresh_counts

    fields = ("appearance_count", "outlet_count", "first_seen_at", "last_seen_at", "score")
    before = {c.pk: tuple(getattr(c, f) for f in fields) for c in Claim.objects.all()}
    claims_refresh_counts(claim_ids=list(before))
    after = {c.pk: tuple(getattr(c, f) for f in fields) for c in Claim.objects.all()}
    assert after == before


def test_the_outlets_own_reporting_is_its_claim_and_another_outlets_is_that_outlets():
    # "The Beacon revealed" in the Daily Beacon is the paper's own reporting; in another paper it is the Beacon's.
    text = "Last summer the Beacon revealed that a fire had broken out in two accommodation blocks in March.\n"
    own, _ = source_store(article=ArticleInput(origin="own.txt", outlet="Daily Beacon", text=text))
    elsewhere = "The Beacon reported that 40 detainees escaped from the centre in May.\n"
    other, _ = source_store(article=ArticleInput(origin="other.txt", outlet="The Northern Chronicle", text=elsewhere))
    source_extract_claims(source_id=own.pk)
    source_extract_claims(source_id=other.pk)
    assert [(c.claimant, c.text) for c in Claim.objects.filter(appearances__source=own)] == [
        ("", "A fire had broken out in two accommodation blocks in March")
    ]
    assert list(Claim.objects.filter(appearances__source=other).values_list("claimant", flat=True)) == ["Beacon"]


def test_candidates_tied_on_shared_keys_make_the_cut_by_age_not_by_row_order():
    # Which stored claims are scored must not depend on the order the database returns key rows in (it differs
    # between runs): ties go to the batch's own claims, then to the oldest stored claims.
    from claims.extraction_service import CANDIDATES_PER_CLAIM, _top

    counts = {cid: 1 for cid in range(CANDIDATES_PER_CLAIM + 10, 0, -1)} | {-1: 1, 500: 3}
    assert _top(counts) == [500, -1, *range(1, CANDIDATES_PER_CLAIM - 1)]
    assert _top(dict(reversed(counts.items()))) == _top(counts)


def test_the_batch_claims_joining_a_claims_candidates_rank_as_among_all_its_stored_candidates():
    # Storing ranks the batch's own claims with a claim's stored top only: the same top as ranking them with all.
    import random

    from claims.extraction_service import CANDIDATES_PER_CLAIM, _top

    rng = random.Random(5)
    for _ in range(200):
        stored = {rng.randrange(1, 500): rng.choice([1, 1, 1, 2, 3, 5]) for _ in range(rng.randrange(1, 80))}
        joined = {-rng.randrange(1, 40): rng.choice([1, 1, 2, 4]) for _ in range(rng.randrange(1, 10))}
        top = _top(stored)
        assert _top({**{cid: stored[cid] for cid in top}, **joined}) == _top({**stored, **joined})
        assert len(top) == min(len(stored), CANDIDATES_PER_CLAIM)
