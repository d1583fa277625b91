"""Writes for claims: extraction results, evidence metadata, and the audit trail every state change leaves."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from django.db import transaction
from django.utils import timezone

from claims.models import Claim, Evidence, ReviewEvent, Verdict
from claims.signals import review_event_recorded

logger = logging.getLogger(__name__)


def review_event_record(
    *,
    claim: Claim | None,
    action: str,
    actor=None,
    actor_label: str = "",
    from_state: str = "",
    to_state: str = "",
    note: str = "",
    verdict: Verdict | None = None,
    data: dict | None = None,
) -> ReviewEvent:
    """Write one audit row. `actor` is a user; other actors (task, command, API key) use `actor_label`."""
    user = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    event = ReviewEvent.objects.create(
        claim=claim,
        verdict=verdict,
        actor=user,
        actor_label=actor_label[:200],
        action=action,
        from_state=from_state,
        to_state=to_state,
        note=note,
        data=data or {},
    )
    review_event_recorded.send(sender=ReviewEvent, event=event)
    return event


def evidence_metadata_from_html(html: str, *, url: str = "") -> dict:
    """Title, publisher (site name, else host) and publication date of a web page, as far as
    trafilatura / htmldate can tell. Missing values are empty strings / None."""
    from trafilatura import extract_metadata

    document = extract_metadata(html or "", default_url=url or None) if (html or "").strip() else None
    if document is None:
        return {"title": "", "publisher": "", "published_at": None}
    published_at = None
    if document.date:
        try:
            day = datetime.strptime(document.date[:10], "%Y-%m-%d")
            published_at = timezone.make_aware(day, UTC)
        except ValueError:
            published_at = None
    return {
        "title": (document.title or "").strip()[:1000],
        "publisher": (document.sitename or document.hostname or "").strip()[:300],
        "published_at": published_at,
    }


def evidence_store_metadata(*, evidence_id: int, metadata: dict | None = None, error: str = "") -> Evidence | None:
    """Record the outcome of fetching an evidence URL: its metadata, or why the fetch failed.
    Only pending evidence is touched, and what a user typed is never overwritten."""
    with transaction.atomic():
        evidence = Evidence.objects.select_for_update().filter(pk=evidence_id).first()
        if evidence is None or evidence.fetch_status != Evidence.Fetch.PENDING:
            return evidence
        if error:
            evidence.fetch_status = Evidence.Fetch.FAILED
            evidence.fetch_error = error[:500]
        else:
            metadata = metadata or {}
            evidence.title = evidence.title or metadata.get("title") or ""
            evidence.publisher = evidence.publisher or metadata.get("publisher") or ""
            evidence.published_at = evidence.published_at or metadata.get("published_at")
            evidence.fetch_status = Evidence.Fetch.DONE
            evidence.fetch_error = ""
        evidence.save(update_fields=["title", "publisher", "published_at", "fetch_status", "fetch_error"])
    return evidence


# Extraction lives in its own module; re-exported so callers keep `from claims.services import ...`.
from claims.extraction_service import claim_priority, source_extract_claims, sources_extract_claims  # noqa: E402

__all__ = [
    "claim_priority",
    "evidence_metadata_from_html",
    "evidence_store_metadata",
    "review_event_record",
    "source_extract_claims",
    "sources_extract_claims",
]
