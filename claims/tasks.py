"""Celery tasks of claims. Each takes ids, returns quietly if the row is gone, and is safe to re-run."""

import logging
from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from claims.services import source_extract_claims
from factcheck.tasks import enqueue_now
from sources.models import Source

logger = logging.getLogger(__name__)


@shared_task(name="claims.tasks.extract_source")
def extract_source(source_id: int) -> str:
    return source_extract_claims(source_id=source_id)


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
    sent = sum(enqueue_now(extract_source, source_id) for source_id in ids)
    if ids:
        logger.info("reconcile: %d of %d pending sources enqueued", sent, len(ids))
    return sent
