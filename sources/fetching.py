"""Services that fetch articles by URL into ingest batches, and retry the items that failed.

A URL batch is written first with one pending item per URL (the database row is the outbox);
`url_batch_run` then fetches the pending items, in a task or inline. Retrying puts failed items
back to pending and runs the batch again, so there is one code path for both.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from factcheck.net import FetchError, fetch, host_wait
from factcheck.tasks import enqueue_on_commit
from sources.ingest import (
    ArticleInput,
    IngestError,
    article_from_html,
    canonicalise_url,
    check_article_text,
    url_domain,
)
from sources.models import IngestBatch, IngestItem
from sources.services import RESULT_COUNTERS, ingest_batch_start, ingest_outcome, sources_announced_together

logger = logging.getLogger(__name__)

HTML_TYPES = {"text/html", "application/xhtml+xml", ""}
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.I)


def _language_from_html(html: str) -> str:
    """The page's declared language (`<html lang>`), as a primary subtag such as "en"."""
    match = _HTML_LANG.search(html[:5000])
    return match.group(1).lower() if match else ""


def _published_from_html(html: str) -> datetime | None:
    """The original publication date htmldate finds in the page, when trafilatura found none."""
    from htmldate import find_date

    try:
        found = find_date(html, original_date=True, outputformat="%Y-%m-%dT%H:%M:%S")
    except (ValueError, TypeError):
        return None
    if not found:
        return None
    try:
        return datetime.fromisoformat(found).replace(tzinfo=UTC)
    except ValueError:
        return None


def article_fetch(*, url: str) -> ArticleInput:
    """Fetch one web page and extract its article; IngestError (plain words) when that fails."""
    from trafilatura.utils import decode_file

    try:
        response = fetch(url, headers={"Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"})
    except FetchError as exc:
        raise IngestError(str(exc)) from None
    if response.content_type not in HTML_TYPES:
        raise IngestError(f"not a web page: the server sent {response.content_type}")
    if response.charset:
        try:
            html = response.body.decode(response.charset, errors="replace")
        except LookupError:
            html = decode_file(response.body)
    else:
        html = decode_file(response.body)
    article = article_from_html(html, origin=url, url=response.url)
    check_article_text(article.text, min_words=settings.INGEST_MIN_WORDS)
    # A page may only name a canonical URL on its own site: another site's URL would let a
    # hostile page make us treat a real article as already stored.
    if article.canonical_url and url_domain(article.canonical_url) != url_domain(response.url):
        article.canonical_url = ""
    article.canonical_url = article.canonical_url or response.url
    if article.published_at is None:
        article.published_at = _published_from_html(html)
    article.language = article.language or _language_from_html(html)
    if response.redirects:
        article.notes.append(f"redirected to {response.url}")
    return article


def url_batch_start(
    *, urls: list[str], kind: str = IngestBatch.Kind.URL, user=None, label: str = "", enqueue: bool = True
) -> IngestBatch:
    """A batch with one pending item per URL; fetching is enqueued after commit unless the
    caller runs `url_batch_run` itself (the ingest command does, to report when done)."""
    from sources.tasks import fetch_batch

    with transaction.atomic():
        batch = ingest_batch_start(kind=kind, label=label or " ".join(urls), user=user, total=len(urls))
        IngestItem.objects.bulk_create(
            IngestItem(batch=batch, position=position, origin=url[:1000], url=url[:2000], result="pending")
            for position, url in enumerate(urls, start=1)
        )
        if enqueue:
            enqueue_on_commit(fetch_batch, batch.pk)
    return batch


def _item_settle(*, item: IngestItem, outcome: ArticleInput | IngestError) -> IngestItem:
    """Store a pending item's outcome and move the batch's counters with it."""
    result, message, source = ingest_outcome(batch=item.batch, item=outcome)
    counter = RESULT_COUNTERS[result]
    with transaction.atomic():
        updated = IngestItem.objects.filter(pk=item.pk, result=IngestItem.Result.PENDING).update(
            result=result, message=message, source=source
        )
        if updated:  # a concurrent run may have settled it first
            IngestBatch.objects.filter(pk=item.batch_id).update(received=F("received") + 1, **{counter: F(counter) + 1})
    item.refresh_from_db()
    return item


def source_fetch_url(*, url: str, batch: IngestBatch, item: IngestItem | None = None) -> IngestItem:
    """Fetch one URL into the batch: its item ends up created, duplicate or failed (with why)."""
    if item is None:
        item = IngestItem.objects.create(
            batch=batch,
            position=(batch.items.count() + 1),
            origin=url[:1000],
            url=url[:2000],
            result=IngestItem.Result.PENDING,
        )
    outlet = batch.feed.outlet if batch.feed_id else None
    try:
        host_wait(url, interval=settings.FEED_MIN_INTERVAL_PER_HOST)
        article = article_fetch(url=url)
        if outlet is not None:
            article.outlet, article.outlet_domain = outlet.name, outlet.domain
        outcome: ArticleInput | IngestError = article
    except IngestError as exc:
        outcome = exc
    except Exception as exc:
        # One page that breaks a parser must not stop the batch; it is reported like the others.
        logger.exception("fetching %s failed", url)
        outcome = IngestError(f"could not read the page ({type(exc).__name__})")
    return _item_settle(item=item, outcome=outcome)


def url_batch_run(*, batch_id: int) -> IngestBatch | None:
    """Fetch every pending item of the batch, then mark it done. Safe to run twice."""
    batch = IngestBatch.objects.select_related("feed__outlet").filter(pk=batch_id).first()
    if batch is None:
        return None
    with sources_announced_together():
        for item in batch.items.filter(result=IngestItem.Result.PENDING).exclude(url="").order_by("position"):
            source_fetch_url(url=item.url, batch=batch, item=item)
    IngestBatch.objects.filter(pk=batch.pk).update(status=IngestBatch.Status.DONE, finished_at=timezone.now())
    batch.refresh_from_db()
    return batch


def ingest_items_retry(*, batch: IngestBatch, item_ids: list[int] | None = None) -> int:
    """Put failed, fetchable items back to pending and fetch them again. Returns how many."""
    from sources.tasks import fetch_batch

    with transaction.atomic():
        items = batch.items.filter(result=IngestItem.Result.FAILED).exclude(url="")
        if item_ids is not None:
            items = items.filter(pk__in=item_ids)
        count = items.update(result=IngestItem.Result.PENDING, message="", source=None)
        if count:
            IngestBatch.objects.filter(pk=batch.pk).update(
                received=F("received") - count,
                failed=F("failed") - count,
                status=IngestBatch.Status.RUNNING,
                finished_at=None,
            )
            enqueue_on_commit(fetch_batch, batch.pk)
    batch.refresh_from_db()
    return count


def fetch_reconcile(*, older_than_seconds: int = 600) -> int:
    """Enqueue URL batches left with pending items (e.g. the broker was down when they were made)."""
    from factcheck.tasks import enqueue_now
    from sources.tasks import fetch_batch

    cutoff = timezone.now() - timezone.timedelta(seconds=older_than_seconds)
    ids = list(
        IngestBatch.objects.filter(items__result=IngestItem.Result.PENDING, created_at__lt=cutoff)
        .exclude(items__url="")
        .values_list("id", flat=True)
        .distinct()[:100]
    )
    return sum(enqueue_now(fetch_batch, batch_id) for batch_id in ids)


def canonical_known(*, url: str) -> bool:
    """Whether an article at this URL is already stored (feeds skip it without fetching)."""
    from sources.models import Source

    canonical = canonicalise_url(url)
    if Source.objects.filter(canonical_url=canonical).exists():
        return True
    return IngestItem.objects.filter(
        url=url, result__in=[IngestItem.Result.CREATED, IngestItem.Result.DUPLICATE]
    ).exists()
