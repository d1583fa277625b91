"""Reads for sources: lists, details and batches, with the related rows fetched up front."""

from django.conf import settings
from django.db.models import Count, Q, QuerySet

from sources.models import Feed, IngestBatch, IngestItem, Outlet, Source


def source_list(*, outlet_id: int | None = None, query: str = "", before_id: int | None = None) -> QuerySet[Source]:
    """Newest first by id (keyset: pass the last id seen as `before_id`)."""
    sources = Source.objects.select_related("outlet").defer("text").order_by("-id")
    if outlet_id:
        sources = sources.filter(outlet_id=outlet_id)
    if query:
        sources = sources.filter(title__icontains=query)
    if before_id:
        sources = sources.filter(id__lt=before_id)
    return sources


def source_get(*, source_id: int) -> Source:
    return Source.objects.select_related("outlet", "batch").get(pk=source_id)


def outlet_list() -> QuerySet[Outlet]:
    return Outlet.objects.order_by("name")


def outlet_list_with_health() -> QuerySet[Outlet]:
    """Outlets with how many sources and feeds they have, and how many feeds keep failing."""
    return Outlet.objects.annotate(
        source_count=Count("sources", distinct=True),
        feed_count=Count("feeds", distinct=True),
        failing_feeds=Count(
            "feeds", filter=Q(feeds__consecutive_failures__gte=settings.FEED_FAILURES_TO_FLAG), distinct=True
        ),
    ).order_by("name")


def outlet_feeds(*, outlet: Outlet) -> QuerySet[Feed]:
    return outlet.feeds.order_by("url")


def ingest_batch_list() -> QuerySet[IngestBatch]:
    return IngestBatch.objects.select_related("started_by", "feed").order_by("-id")


def ingest_batch_items(*, batch: IngestBatch) -> QuerySet[IngestItem]:
    return batch.items.select_related("source").order_by("position")
