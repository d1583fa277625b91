"""Writes for sources: storing articles with deduplication, and running ingest batches."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from sources.ingest import ArticleInput, IngestError, Item, canonicalise_url, content_hash, url_domain
from sources.models import IngestBatch, IngestItem, Outlet, Source
from sources.signals import source_stored, sources_committed

logger = logging.getLogger(__name__)

ANNOUNCE_BATCH = 50  # new sources announced together at most
ANNOUNCE_WAIT = 2.0  # seconds the first source of a group waits for others, at most
_announcing = threading.local()


def _announce(source_ids: list[int]) -> None:
    if source_ids:
        sources_committed.send(sender=Source, source_ids=source_ids)


def _committed(source_id: int) -> None:
    group = getattr(_announcing, "group", None)
    if group is None:
        _announce([source_id])
        return
    if not group:
        _announcing.since = time.monotonic()
    group.append(source_id)
    if len(group) >= ANNOUNCE_BATCH or time.monotonic() - _announcing.since >= ANNOUNCE_WAIT:
        _announcing.group = []
        _announce(group)


@contextmanager
def sources_announced_together() -> Iterator[None]:
    """Sources committed inside are announced (`sources_committed`) in groups of up to ANNOUNCE_BATCH, a group
    at most ANNOUNCE_WAIT seconds after its first source was committed (checked at each commit), the rest on
    exit. A source whose announcement is lost (the process dies first) stays pending, and the extraction's
    reconcile task picks it up."""
    if getattr(_announcing, "group", None) is not None:
        yield  # nested: the outer scope announces
        return
    _announcing.group = []
    try:
        yield
    finally:
        group, _announcing.group = _announcing.group, None
        _announce(group)


def outlet_get_or_create(*, name: str = "", domain: str = "") -> Outlet | None:
    """The outlet by domain or by name (case-insensitive); created when new."""
    name, domain = name.strip()[:200], domain.strip().lower().removeprefix("www.")[:253]
    if domain:
        outlet = Outlet.objects.filter(domain=domain).first()
        if outlet:
            return outlet
    if name:
        outlet = Outlet.objects.filter(name__iexact=name).first()
        if outlet:
            if domain and not outlet.domain:
                outlet.domain = domain
                outlet.save(update_fields=["domain"])
            return outlet
    if not (name or domain):
        return None
    try:
        with transaction.atomic():
            return Outlet.objects.create(name=name or domain, domain=domain)
    except IntegrityError:
        return Outlet.objects.filter(Q(name__iexact=name or domain) | Q(domain=domain, domain__gt="")).first()


def source_find_duplicate(*, canonical_url: str, digest: str) -> Source | None:
    condition = Q(content_hash=digest)
    if canonical_url:
        condition |= Q(canonical_url=canonical_url)
    return Source.objects.filter(condition).order_by("id").first()


def source_store(*, article: ArticleInput, batch: IngestBatch | None = None) -> tuple[Source, bool]:
    """Store an article unless its canonical URL or text is already known.

    Returns (source, created). On creation `source_stored` is sent inside the transaction (receivers that
    write with it, such as the search index, stay in step), and `sources_committed` after the commit.
    """
    canonical = canonicalise_url(article.canonical_url or article.url)
    digest = content_hash(article.text)
    duplicate = source_find_duplicate(canonical_url=canonical, digest=digest)
    if duplicate:
        return duplicate, False
    outlet = outlet_get_or_create(name=article.outlet, domain=article.outlet_domain or url_domain(article.url))
    try:
        with transaction.atomic():
            source = Source.objects.create(
                outlet=outlet,
                url=article.url,
                canonical_url=canonical,
                title=article.title[:1000],
                byline=article.byline[:500],
                published_at=article.published_at,
                language=article.language or (outlet.language if outlet else ""),
                text=article.text,
                content_hash=digest,
                origin=article.origin[:1000],
                is_public=article.is_public,
                status=Source.Status.STORED,
                batch=batch,
            )
            source_stored.send(sender=Source, source=source)
            transaction.on_commit(partial(_committed, source.pk))
    except IntegrityError:
        # Another writer stored the same article between our check and our insert.
        duplicate = source_find_duplicate(canonical_url=canonical, digest=digest)
        if duplicate is None:
            raise
        return duplicate, False
    return source, True


def ingest_batch_start(*, kind: str, label: str = "", user=None, total: int = 0) -> IngestBatch:
    return IngestBatch.objects.create(
        kind=kind, label=label[:500], started_by=user if user and user.is_authenticated else None, total=total
    )


def ingest_outcome(*, batch: IngestBatch, item: ArticleInput | IngestError) -> tuple[str, str, Source | None]:
    """(result, message, source) of storing one item; bad input becomes a failed result."""
    if isinstance(item, IngestError):
        return IngestItem.Result.FAILED, str(item), None
    try:
        source, created = source_store(article=item, batch=batch)
    except IngestError as exc:
        return IngestItem.Result.FAILED, str(exc), None
    if created:
        return IngestItem.Result.CREATED, "; ".join(item.notes), source
    message = f"duplicate of source #{source.pk}" + (f" ({source.origin})" if source.origin else "")
    return IngestItem.Result.DUPLICATE, message, source


RESULT_COUNTERS = {
    IngestItem.Result.CREATED: "created",
    IngestItem.Result.DUPLICATE: "duplicates",
    IngestItem.Result.FAILED: "failed",
}


def ingest_batch_add(*, batch: IngestBatch, position: int, origin: str, item: ArticleInput | IngestError) -> IngestItem:
    """Store one item of a batch and count it. Never raises for bad input: it becomes a failed item."""
    result, message, source = ingest_outcome(batch=batch, item=item)
    counter = RESULT_COUNTERS[result]
    with transaction.atomic():
        row = IngestItem.objects.create(
            batch=batch, position=position, origin=origin[:1000], result=result, message=message, source=source
        )
        IngestBatch.objects.filter(pk=batch.pk).update(received=F("received") + 1, **{counter: F(counter) + 1})
    return row


def ingest_batch_finish(*, batch: IngestBatch) -> IngestBatch:
    IngestBatch.objects.filter(pk=batch.pk).update(status=IngestBatch.Status.DONE, finished_at=timezone.now())
    batch.refresh_from_db()
    return batch


def ingest_items(
    *,
    kind: str,
    items: Iterable[Item],
    label: str = "",
    user=None,
    total: int = 0,
    on_item: Callable[[IngestItem], None] | None = None,
) -> IngestBatch:
    """Run a whole batch: every item is stored or reported, whatever the others do."""
    batch = ingest_batch_start(kind=kind, label=label, user=user, total=total)
    try:
        with sources_announced_together():
            for position, (origin, item) in enumerate(items, start=1):
                row = ingest_batch_add(batch=batch, position=position, origin=origin, item=item)
                if on_item:
                    on_item(row)
    except BaseException:
        IngestBatch.objects.filter(pk=batch.pk).update(status=IngestBatch.Status.FAILED, finished_at=timezone.now())
        raise
    return ingest_batch_finish(batch=batch)


def ingest_limits() -> dict[str, int]:
    return {"max_bytes": settings.INGEST_MAX_ITEM_BYTES, "min_words": settings.INGEST_MIN_WORDS}


def source_mark_extraction(*, source_id: int, error: str = "") -> None:
    """Record the outcome of claim extraction on the source."""
    Source.objects.filter(pk=source_id).update(
        extraction_status=Source.Extraction.FAILED if error else Source.Extraction.DONE,
        extraction_error=error[:2000],
        extracted_at=timezone.now(),
    )


def sources_mark_extracted(*, source_ids: list[int]) -> None:
    """Record that claim extraction succeeded on these sources (one statement for a batch)."""
    Source.objects.filter(pk__in=source_ids).update(
        extraction_status=Source.Extraction.DONE, extraction_error="", extracted_at=timezone.now()
    )
