"""Services that follow outlets' feeds: add a feed, poll it politely, poll every feed that is due.

A poll is an ingest batch (kind feed) linked to its feed: a conditional GET (ETag,
Last-Modified) that answers 304 adds an empty batch saying so; new entries become pending items
that are fetched like any URL. Entries already stored (by canonical URL) are not fetched again.
Failures push the next poll back exponentially; a feed failing again and again is flagged.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from factcheck.net import FetchError, fetch, host_wait
from sources.fetching import canonical_known, url_batch_run
from sources.models import Feed, IngestBatch, IngestItem, Outlet
from sources.services import ingest_batch_start

logger = logging.getLogger(__name__)

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
MAX_ENTRY_ATTEMPTS = 3


class FeedError(Exception):
    """A feed that cannot be added, worded for the person adding it."""


def feed_create(*, outlet: Outlet, url: str, title: str = "") -> Feed:
    """Follow a feed. Its address is checked against the SSRF rules when it is fetched."""
    url = url.strip()
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
        raise FeedError("A feed address must start with http:// or https://.")
    existing = Feed.objects.select_related("outlet").filter(url=url).first()
    if existing:
        raise FeedError(f"This feed is already followed for {existing.outlet.name}.")
    try:
        with transaction.atomic():
            return Feed.objects.create(outlet=outlet, url=url, title=title.strip()[:500])
    except IntegrityError:
        raise FeedError("This feed is already followed.") from None


def _backoff(failures: int) -> timedelta:
    return timedelta(seconds=min(settings.FEED_POLL_INTERVAL * 2 ** max(failures - 1, 0), settings.FEED_MAX_BACKOFF))


def _new_entry_links(*, feed: Feed, entries: list) -> list[str]:
    """Links of entries not stored yet, in feed order, each once; stale failures are given up."""
    links: list[str] = []
    for entry in entries:
        link = (entry.get("link") or "").strip()
        if not link:
            continue
        link = urljoin(feed.url, link)
        if link in links or canonical_known(url=link):
            continue
        links.append(link)
    if not links:
        return []
    attempts = dict(
        IngestItem.objects.filter(batch__feed=feed, url__in=links, result=IngestItem.Result.FAILED)
        .values("url")
        .annotate(n=Count("id"))
        .values_list("url", "n")
    )
    # An entry that failed on several polls waits for a person to press Retry.
    return [link for link in links if attempts.get(link, 0) < MAX_ENTRY_ATTEMPTS][: settings.FEED_MAX_ENTRIES_PER_POLL]


def _entries_message(*, total: int, new: int) -> str:
    entries = f"{total} entr{'y' if total == 1 else 'ies'} in the feed"
    return f"{entries}, {new} new" if new else f"{entries}, none new"


def _poll_failed(*, feed: Feed, batch: IngestBatch, error: str) -> IngestBatch:
    now = timezone.now()
    failures = feed.consecutive_failures + 1
    Feed.objects.filter(pk=feed.pk).update(
        consecutive_failures=failures,
        last_error=error[:2000],
        last_status=Feed.LastStatus.FAILED,
        last_polled_at=now,
        next_poll_at=now + _backoff(failures),
    )
    IngestBatch.objects.filter(pk=batch.pk).update(
        status=IngestBatch.Status.FAILED, message=f"feed could not be read: {error}"[:2000], finished_at=now
    )
    batch.refresh_from_db()
    return batch


def feed_poll(*, feed_id: int) -> IngestBatch | None:
    """Poll one feed now and fetch its new entries. Returns the poll's batch."""
    feed = Feed.objects.select_related("outlet").filter(pk=feed_id).first()
    if feed is None:
        return None
    batch = ingest_batch_start(kind=IngestBatch.Kind.FEED, label=feed.url)
    IngestBatch.objects.filter(pk=batch.pk).update(feed=feed)
    batch.feed = feed
    try:
        return _feed_poll(feed=feed, batch=batch)
    except Exception as exc:
        # A bug or a parser crash must not leave the poll "running" or the feed stuck.
        logger.exception("polling feed %s failed", feed.pk)
        return _poll_failed(feed=feed, batch=batch, error=f"internal error ({type(exc).__name__})")


def _feed_poll(*, feed: Feed, batch: IngestBatch) -> IngestBatch:
    import feedparser

    headers = {"Accept": FEED_ACCEPT}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    try:
        host_wait(feed.url, interval=settings.FEED_MIN_INTERVAL_PER_HOST)
        response = fetch(feed.url, headers=headers, accept_statuses=[304])
    except FetchError as exc:
        return _poll_failed(feed=feed, batch=batch, error=str(exc))
    now = timezone.now()
    if response.status == 304:
        Feed.objects.filter(pk=feed.pk).update(
            consecutive_failures=0,
            last_error="",
            last_status=Feed.LastStatus.NOT_MODIFIED,
            last_polled_at=now,
            next_poll_at=now + timedelta(seconds=settings.FEED_POLL_INTERVAL),
        )
        IngestBatch.objects.filter(pk=batch.pk).update(
            status=IngestBatch.Status.DONE, message="not modified since the last poll", finished_at=now
        )
        batch.refresh_from_db()
        return batch
    parsed = feedparser.parse(
        response.body,
        response_headers={"content-location": response.url, "content-type": response.headers.get("content-type", "")},
    )
    if not parsed.entries and not parsed.feed.get("title"):
        reason = str(getattr(parsed, "bozo_exception", "")) or "no entries"
        return _poll_failed(feed=feed, batch=batch, error=f"not a feed ({reason[:200]})")
    links = _new_entry_links(feed=feed, entries=parsed.entries)
    with transaction.atomic():
        IngestItem.objects.bulk_create(
            IngestItem(batch=batch, position=position, origin=link[:1000], url=link[:2000], result="pending")
            for position, link in enumerate(links, start=1)
        )
        IngestBatch.objects.filter(pk=batch.pk).update(
            total=len(links),
            message=_entries_message(total=len(parsed.entries), new=len(links)),
        )
        Feed.objects.filter(pk=feed.pk).update(
            title=feed.title or (parsed.feed.get("title") or "")[:500],
            etag=(response.headers.get("etag") or "")[:500],
            last_modified=(response.headers.get("last-modified") or "")[:100],
            consecutive_failures=0,
            last_error="",
            last_status=Feed.LastStatus.OK,
            last_polled_at=now,
            next_poll_at=now + timedelta(seconds=settings.FEED_POLL_INTERVAL),
        )
    return url_batch_run(batch_id=batch.pk)


def feeds_poll_due(*, limit: int = 100) -> list[IngestBatch]:
    """Poll the active feeds whose time has come, each claimed first so two workers never both poll it."""
    now = timezone.now()
    lease = now + timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    due = Feed.objects.filter(active=True).filter(Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now))
    batches = []
    for feed in due.order_by("next_poll_at", "id")[:limit]:
        claim = Feed.objects.filter(pk=feed.pk)
        claim = (
            claim.filter(next_poll_at__isnull=True)
            if feed.next_poll_at is None
            else claim.filter(next_poll_at=feed.next_poll_at)
        )
        if not claim.update(next_poll_at=lease):
            continue
        batch = feed_poll(feed_id=feed.pk)
        if batch:
            batches.append(batch)
    return batches
