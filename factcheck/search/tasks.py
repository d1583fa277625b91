"""Celery tasks of search. They take ids, are idempotent, and retry only when the engine is down."""

import logging

from celery import shared_task

from factcheck.search.backends.base import SearchUnavailable
from factcheck.search.services import search_index_objects, search_reconcile

logger = logging.getLogger(__name__)

MAX_RETRIES = 6


@shared_task(bind=True, name="factcheck.search.tasks.index_objects", max_retries=MAX_RETRIES)
def index_objects(self, kind: str, object_ids: list[int]) -> int:
    try:
        return search_index_objects(kind=kind, object_ids=object_ids)
    except SearchUnavailable as exc:
        # In-process (eager) tasks run inside a user's request: never fail it, and never sleep
        # in it. Reconcile indexes these rows once the engine is back.
        if self.request.is_eager or self.request.retries >= MAX_RETRIES:
            logger.warning("search index of %s %s deferred to reconcile: %s", kind, object_ids[:10], exc)
            return 0
        # Exponential backoff with jitter: 10 s, 20 s, 40 s... capped at 10 minutes.
        import random

        countdown = min(600, 10 * 2**self.request.retries) * (0.5 + random.random())
        raise self.retry(exc=exc, countdown=countdown) from exc


@shared_task(name="factcheck.search.tasks.reconcile_search")
def reconcile_search() -> dict:
    try:
        return search_reconcile()
    except SearchUnavailable as exc:
        logger.warning("search reconcile skipped, engine unavailable: %s", exc)
        return {}
