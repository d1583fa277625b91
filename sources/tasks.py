"""Celery tasks of sources. Each takes ids, returns quietly if the row is gone, and is safe to re-run."""

from celery import shared_task

from sources.feeds import feed_poll, feeds_poll_due
from sources.fetching import fetch_reconcile, url_batch_run


@shared_task(name="sources.tasks.fetch_batch")
def fetch_batch(batch_id: int) -> int | None:
    """Fetch the pending URLs of an ingest batch."""
    batch = url_batch_run(batch_id=batch_id)
    return batch.pk if batch else None


@shared_task(name="sources.tasks.poll_feed")
def poll_feed(feed_id: int) -> int | None:
    batch = feed_poll(feed_id=feed_id)
    return batch.pk if batch else None


@shared_task(name="sources.tasks.poll_due_feeds")
def poll_due_feeds() -> int:
    """Poll every feed that is due, one after another (so per-host pacing holds), and pick up
    URL batches whose fetching was never enqueued."""
    fetch_reconcile()
    return len(feeds_poll_due())
