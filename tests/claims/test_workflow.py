"""The review workflow's rules, enforced in the services whoever calls them."""

import threading

import pytest
from django.db import connection

from claims import workflow
from claims.models import Claim, ReviewEvent, Verdict
from tests.claims.factories import AppearanceFactory, ClaimFactory, rating

pytestmark = pytest.mark.django_db
S = Claim.Status


def drafted_claim(author) -> Claim:
    claim = ClaimFactory()
    workflow.claim_take(claim=claim, user=author)
    workflow.verdict_draft(
        claim=claim, author=author, rating=rating("false"), headline="No, it is not so", explanation="Because."
    )
    workflow.verdict_submit(claim=claim, actor=author)
    claim.refresh_from_db()
    return claim


def test_the_whole_flow_leaves_an_audit_row_for_every_transition(fact_checker, editor):
    claim = drafted_claim(fact_checker)
    assert claim.status == S.AWAITING_APPROVAL

    verdict = workflow.verdict_publish(claim=claim, editor=editor)

    claim.refresh_from_db()
    assert claim.status == S.PUBLISHED
    assert (verdict.status, verdict.author, verdict.approver) == (Verdict.Status.PUBLISHED, fact_checker, editor)
    events = list(ReviewEvent.objects.filter(claim=claim).values_list("action", "from_state", "to_state", "actor"))
    assert events == [
        ("claim.taken", "new", "in_review", fact_checker.pk),
        ("verdict.drafted", "in_review", "drafted", fact_checker.pk),
        ("verdict.submitted", "drafted", "awaiting_approval", fact_checker.pk),
        ("verdict.published", "awaiting_approval", "published", editor.pk),
    ]


def test_a_fact_checker_cannot_publish(fact_checker, fact_checker2):
    claim = drafted_claim(fact_checker)
    with pytest.raises(workflow.NotAllowed, match="Only editors"):
        workflow.verdict_publish(claim=claim, editor=fact_checker2)
    claim.refresh_from_db()
    assert claim.status == S.AWAITING_APPROVAL


def test_an_editor_cannot_approve_their_own_verdict(editor, editor2):
    claim = drafted_claim(editor)
    with pytest.raises(workflow.NotAllowed, match="two-person rule"):
        workflow.verdict_publish(claim=claim, editor=editor)
    assert workflow.verdict_publish(claim=claim, editor=editor2).approver == editor2


def test_a_correction_keeps_the_earlier_version_and_says_why(fact_checker, editor):
    claim = drafted_claim(fact_checker)
    first = workflow.verdict_publish(claim=claim, editor=editor)

    with pytest.raises(workflow.WorkflowError, match="Say what needs correcting"):
        workflow.verdict_start_correction(claim=claim, actor=fact_checker, note=" ")
    draft = workflow.verdict_start_correction(claim=claim, actor=fact_checker, note="Wrong date in paragraph 2")
    assert draft.revision == 2
    first.refresh_from_db()
    assert first.status == Verdict.Status.PUBLISHED  # still public while the correction is drafted
    workflow.verdict_draft(
        claim=claim,
        author=fact_checker,
        rating=rating("mostly-false"),
        headline="Mostly false",
        explanation="Fixed the date.",
        correction_note="The date was 26 January, not 25.",
    )
    workflow.verdict_submit(claim=claim, actor=fact_checker)
    second = workflow.verdict_publish(claim=claim, editor=editor)

    first.refresh_from_db()
    assert first.status == Verdict.Status.SUPERSEDED and first.headline == "No, it is not so"
    assert second.supersedes == first and second.correction_note == "The date was 26 January, not 25."
    assert second.published_at > first.published_at
    assert ReviewEvent.objects.filter(claim=claim, action="verdict.corrected").count() == 1


def test_a_stale_edit_is_a_conflict_and_overwrites_nothing(fact_checker, fact_checker2):
    claim = ClaimFactory(text="Original text")
    seen_version = claim.version
    workflow.claim_update(claim=claim, actor=fact_checker, expected_version=seen_version, text="First save wins")

    with pytest.raises(workflow.EditConflict) as conflict:
        workflow.claim_update(claim=claim, actor=fact_checker2, expected_version=seen_version, text="Second save")

    assert conflict.value.current.text == "First save wins"
    claim.refresh_from_db()
    assert claim.text == "First save wins" and claim.version == seen_version + 1


def test_dismiss_merge_and_split(fact_checker):
    keep = AppearanceFactory().claim
    dup = AppearanceFactory().claim
    workflow.claim_merge(claim=dup, into=keep, actor=fact_checker)
    keep.refresh_from_db()
    dup.refresh_from_db()
    assert (keep.appearance_count, dup.status, dup.duplicate_of) == (2, S.DISMISSED, keep)

    appearance = keep.appearances.last()
    new = workflow.appearance_split(appearance=appearance, actor=fact_checker)
    keep.refresh_from_db()
    assert keep.appearance_count == 1 and new.appearances.get() == appearance

    with pytest.raises(workflow.InvalidTransition, match="only appearance"):
        workflow.appearance_split(appearance=appearance, actor=fact_checker)


def test_bulk_actions_report_what_could_not_be_done(fact_checker):
    claims = ClaimFactory.create_batch(3)
    published = ClaimFactory(status=S.PUBLISHED)
    done, errors = workflow.claims_bulk(
        claim_ids=[c.pk for c in claims] + [published.pk, 999_999], action="dismiss", actor=fact_checker
    )
    assert done == 3
    assert errors == [f"#{published.pk}: Cannot dismiss it: the claim is published.", "#999999: no such claim"]
    assert Claim.objects.filter(status=S.DISMISSED).count() == 3


def test_outsiders_can_do_nothing(outsider):
    claim = ClaimFactory()
    with pytest.raises(workflow.NotAllowed):
        workflow.claim_take(claim=claim, user=outsider)
    with pytest.raises(workflow.NotAllowed):
        workflow.claim_take_next(user=outsider)


def test_take_next_gives_the_top_claim(fact_checker):
    low = ClaimFactory(priority=0.1)
    high = ClaimFactory(priority=0.9)
    assert workflow.claim_take_next(user=fact_checker) == high
    assert workflow.claim_take_next(user=fact_checker) == low
    assert workflow.claim_take_next(user=fact_checker) is None


@pytest.mark.django_db(transaction=True)
def test_two_people_taking_next_at_once_never_get_the_same_claim(fact_checker, fact_checker2):
    if connection.vendor != "postgresql":
        pytest.skip("row locks with skip_locked need PostgreSQL (SQLite serialises writers)")
    ClaimFactory.create_batch(6)
    taken: list[int] = []
    barrier = threading.Barrier(2)

    def take(user):
        barrier.wait()
        for _ in range(3):
            claim = workflow.claim_take_next(user=user)
            taken.append(claim.pk)
        connection.close()

    threads = [threading.Thread(target=take, args=(u,)) for u in (fact_checker, fact_checker2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(taken) == 6 and len(set(taken)) == 6
    assert Claim.objects.filter(assignee__isnull=False).count() == 6
