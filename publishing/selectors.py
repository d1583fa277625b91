"""Reads for public pages, feeds and the fact-check API: only published verdicts, ever."""

from __future__ import annotations

from django.db.models import Min, OuterRef, Prefetch, QuerySet, Subquery
from django.http import Http404

from claims.models import Appearance, Evidence, Verdict

PUBLIC = Verdict.Status.PUBLISHED
EVER_PUBLISHED = (Verdict.Status.PUBLISHED, Verdict.Status.SUPERSEDED)


def _first_published():
    return Subquery(
        Verdict.objects.filter(claim_id=OuterRef("claim_id"), status__in=EVER_PUBLISHED)
        .values("claim_id")
        .annotate(first=Min("published_at"))
        .values("first")[:1]
    )


def published_verdict_list(
    *, rating: str = "", claimant: str = "", published_after=None, published_before=None, with_details: bool = False
) -> QuerySet[Verdict]:
    """The current published verdict of every public claim, newest first, with its rating and claim.
    `first_published_at` is the date of the claim's first publication (earlier versions included)."""
    verdicts = (
        Verdict.objects.filter(status=PUBLIC)
        .select_related("claim", "rating__scale")
        .annotate(first_published_at=_first_published())
        .order_by("-published_at", "-id")
    )
    if rating:
        verdicts = verdicts.filter(rating__slug=rating)
    if claimant:
        verdicts = verdicts.filter(claim__claimant__icontains=claimant)
    if published_after:
        verdicts = verdicts.filter(published_at__gte=published_after)
    if published_before:
        verdicts = verdicts.filter(published_at__lt=published_before)
    if with_details:
        verdicts = verdicts.prefetch_related(
            Prefetch("claim__appearances", queryset=public_appearances()),
            Prefetch("cited_evidence", queryset=Evidence.objects.select_related("source")),
        )
    return verdicts


def public_appearances() -> QuerySet[Appearance]:
    """Appearances in public sources, earliest first."""
    return (
        Appearance.objects.filter(source__is_public=True)
        .select_related("source__outlet")
        .order_by("source__published_at", "source_id", "start")
    )


def published_verdict_get(*, claim_id: int) -> Verdict:
    """The claim's current published verdict with everything its page shows; 404 when there is none,
    so an unpublished claim looks exactly like a missing one."""
    verdict = published_verdict_list(with_details=True).filter(claim_id=claim_id).first()
    if verdict is None:
        raise Http404("No published fact-check here.")
    return verdict


def verdict_history(*, verdict: Verdict) -> list[Verdict]:
    """Earlier published versions of the claim, newest first (each with its correction note)."""
    return list(
        Verdict.objects.filter(claim_id=verdict.claim_id, status=Verdict.Status.SUPERSEDED)
        .select_related("rating")
        .order_by("-revision")
    )
