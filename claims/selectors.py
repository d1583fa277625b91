"""Reads for claims."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Prefetch

from claims.models import Appearance, Claim, Verdict
from sources.models import Source


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def claim_export_rows(*, chunk_size: int = 500) -> Iterator[dict]:
    """Every claim with its appearances and published verdict, as plain dicts, streamed."""
    appearances = Appearance.objects.select_related("source__outlet").order_by("source__published_at", "id")
    published = Verdict.objects.filter(status=Verdict.Status.PUBLISHED).select_related("rating")
    claims = (
        Claim.objects.order_by("id")
        .select_related("assignee")
        .prefetch_related(
            Prefetch("appearances", queryset=appearances),
            Prefetch("verdicts", queryset=published, to_attr="published_verdicts"),
        )
    )
    for claim in claims.iterator(chunk_size=chunk_size):
        verdict = claim.published_verdicts[0] if claim.published_verdicts else None
        yield {
            "id": claim.pk,
            "text": claim.text,
            "claimant": claim.claimant,
            "type": claim.claim_type,
            "score": round(claim.score, 4),
            "reasons": claim.reasons,
            "status": claim.status,
            "priority": round(claim.priority, 4),
            "assignee": claim.assignee.get_username() if claim.assignee else None,
            "first_seen_at": _iso(claim.first_seen_at),
            "created_at": _iso(claim.created_at),
            "appearance_count": claim.appearance_count,
            "outlet_count": claim.outlet_count,
            "verdict": (
                {
                    "rating": verdict.rating.label,
                    "rating_value": verdict.rating.value,
                    "headline": verdict.headline,
                    "published_at": _iso(verdict.published_at),
                    "revision": verdict.revision,
                }
                if verdict
                else None
            ),
            "appearances": [
                {
                    "source_id": appearance.source_id,
                    "origin": appearance.source.origin,
                    "url": appearance.source.url,
                    "title": appearance.source.title,
                    "outlet": appearance.source.outlet.name if appearance.source.outlet else None,
                    "published_at": _iso(appearance.source.published_at),
                    "sentence": appearance.sentence,
                    "start": appearance.start,
                    "end": appearance.end,
                    "claimant_as_written": appearance.claimant_as_written,
                    "score": round(appearance.score, 4),
                    "match": appearance.match,
                    "is_recurrence": appearance.is_recurrence,
                }
                for appearance in claim.appearances.all()
            ],
        }


def source_export_rows(*, chunk_size: int = 500) -> Iterator[dict]:
    for source in Source.objects.select_related("outlet").order_by("id").iterator(chunk_size=chunk_size):
        yield {
            "id": source.pk,
            "url": source.url,
            "canonical_url": source.canonical_url,
            "title": source.title,
            "byline": source.byline,
            "published_at": _iso(source.published_at),
            "language": source.language,
            "outlet": source.outlet.name if source.outlet else None,
            "outlet_domain": source.outlet.domain if source.outlet else None,
            "origin": source.origin,
            "content_hash": source.content_hash,
            "status": source.status,
            "extraction_status": source.extraction_status,
            "created_at": _iso(source.created_at),
            "text": source.text,
        }
