"""Celery tasks of claims. Each takes ids, returns quietly if the row is gone, and is safe to re-run."""

import logging
from collections import Counter
from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from claims.extraction_service import BATCH_SOURCES, sources_extract_claims
from claims.models import Evidence
from claims.services import evidence_metadata_from_html, evidence_store_metadata, source_extract_claims
from factcheck.tasks import enqueue_now
from sources.models import Source

logger = logging.getLogger(__name__)


@shared_task(name="claims.tasks.extract_source")
def extract_source(source_id: int) -> str:
    return source_extract_claims(source_id=source_id)


@shared_task(name="claims.tasks.extract_sources")
def extract_sources(source_ids: list[int]) -> dict[str, int]:
    """Extract and store the claims of several sources in one transaction; counts of each outcome."""
    outcomes = sources_extract_claims(source_ids=source_ids)
    return dict(sorted(Counter(outcomes.values()).items()))


@shared_task(name="claims.tasks.reconcile_extraction")
def reconcile_extraction(older_than_seconds: int = 120, limit: int = 1000) -> int:
    """Enqueue extraction for stored sources still pending, e.g. after a broker outage."""
    cutoff = timezone.now() - timedelta(seconds=older_than_seconds)
    ids = list(
        Source.objects.filter(
            status=Source.Status.STORED, extraction_status=Source.Extraction.PENDING, created_at__lt=cutoff
        )
        .order_by("id")
        .values_list("id", flat=True)[:limit]
    )
    sent = 0
    for i in range(0, len(ids), BATCH_SOURCES):
        chunk = ids[i : i + BATCH_SOURCES]
        sent += len(chunk) if enqueue_now(extract_sources, chunk) else 0
    if ids:
        logger.info("reconcile: %d of %d pending sources enqueued", sent, len(ids))
    return sent


def _fetch_html(url: str) -> str:
    """The page at `url`, through the SSRF-safe fetcher (factcheck.net). Isolated here so the
    network is touched in exactly one place."""
    from factcheck.net import fetch

    return fetch(url).content


@shared_task(name="claims.tasks.fetch_evidence_metadata")
def fetch_evidence_metadata(evidence_id: int) -> str:
    """Fill in an evidence URL's title, publisher and date. Quiet if the evidence is gone or no
    longer pending; a failed fetch is recorded on the evidence for the user to see."""
    evidence = Evidence.objects.filter(pk=evidence_id, fetch_status=Evidence.Fetch.PENDING).only("url").first()
    if evidence is None:
        return "skipped"
    try:
        html = _fetch_html(evidence.url)
        if isinstance(html, bytes):
            html = html.decode("utf-8", errors="replace")
    except Exception as exc:  # any failure of the remote site or the fetcher is the user's information
        logger.info("evidence %s: fetching %s failed: %s", evidence_id, evidence.url, exc)
        evidence_store_metadata(evidence_id=evidence_id, error=f"Could not fetch the page: {exc}"[:500])
        return "failed"
    evidence_store_metadata(evidence_id=evidence_id, metadata=evidence_metadata_from_html(html, url=evidence.url))
    return "done"
