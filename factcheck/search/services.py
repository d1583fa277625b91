"""Writes to the search index: index, delete, rebuild and reconcile sources and claims.

Database backends index in the caller's transaction, so a saved source is searchable the moment
it is committed, and an indexing error rolls the save back like any other database error.
Remote engines (Elasticsearch) are written after commit by a task that retries with backoff: an
outage never fails a user's save, and `search_reconcile` catches up on whatever was missed.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from django.db import connection, connections

from factcheck.search import get_backend
from factcheck.search.backends.base import SearchUnavailable
from factcheck.search.spec import SPECS

logger = logging.getLogger(__name__)


def search_index_objects(*, kind: str, object_ids: Iterable[int], new_rows: Mapping[int, Any] | None = None) -> int:
    """Index these rows now (or remove those gone or no longer indexable). Idempotent. `new_rows`: the in-memory rows
    of objects just created in this transaction (claims: {id: NewClaimRow}), whose documents need no read-back."""
    spec = SPECS[kind]
    backend = get_backend()
    documents, gone = spec.documents_for_ids(object_ids, new_rows=new_rows)
    count = backend.index(documents) if documents else 0
    if gone:
        backend.delete(kind, gone)
    return count


def search_index_later(*, kind: str, object_ids: Iterable[int], new_rows: Mapping[int, Any] | None = None) -> None:
    """Index in this transaction on a database backend; after commit, by a task, otherwise (`new_rows`, the rows of
    objects just created, spare a database backend the read-back)."""
    ids = sorted({int(pk) for pk in object_ids})
    if not ids:
        return
    if get_backend().indexes_in_transaction:
        search_index_objects(kind=kind, object_ids=ids, new_rows=new_rows)
        return
    from factcheck.search.tasks import index_objects
    from factcheck.tasks import enqueue_on_commit

    enqueue_on_commit(index_objects, kind, ids)


def search_index_sources(*, source_ids: Iterable[int]) -> None:
    search_index_later(kind="source", object_ids=source_ids)


def search_index_claims(*, claim_ids: Iterable[int]) -> None:
    """Claim services call this after changing claims, appearances or verdicts."""
    search_index_later(kind="claim", object_ids=claim_ids)


def search_delete_objects(*, kind: str, object_ids: Iterable[int]) -> int:
    """Remove rows from the index. An unreachable engine is logged: reconcile removes them later."""
    try:
        return get_backend().delete(kind, list(object_ids))
    except SearchUnavailable as exc:
        logger.warning("search delete of %s deferred to reconcile: %s", kind, exc)
        return 0


def search_rebuild(*, progress: Callable[[int], None] | None = None, chunk_size: int = 1000) -> int:
    """Rebuild the whole index from the database (the source of truth).

    On PostgreSQL outside a transaction, documents are read ahead by a thread through its own
    connection, so building documents in Python overlaps the index writes (tsvectors are computed by
    the server). Inside a transaction the caller's uncommitted rows must be seen: one connection.
    """

    def documents():
        for spec in SPECS.values():
            yield from spec.documents(spec.queryset().iterator(chunk_size=chunk_size))

    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with _read_ahead(documents, chunk=chunk_size) as docs:
            return get_backend().rebuild(docs, progress=progress)
    return get_backend().rebuild(documents(), progress=progress)


class _read_ahead:
    """Iterate `produce()` in a thread (its own database connection), a few chunks ahead of the
    consumer. A producer error is raised in the consumer; leaving early stops the producer."""

    _END = object()

    def __init__(self, produce: Callable[[], Iterable], *, chunk: int, depth: int = 4) -> None:
        self._produce, self._chunk = produce, chunk
        self._queue: queue.Queue = queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="search-read-ahead", daemon=True)

    def _put(self, item) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.5)
                return True
            except queue.Full:
                continue
        return False

    def _run(self) -> None:
        try:
            batch: list = []
            for item in self._produce():
                batch.append(item)
                if len(batch) >= self._chunk:
                    if not self._put(batch):
                        return
                    batch = []
            if batch:
                self._put(batch)
            self._put(self._END)
        except BaseException as exc:  # handed to the consumer, which raises it
            self._put(exc)
        finally:
            connections.close_all()

    def __enter__(self) -> Iterator:
        self._thread.start()
        return self._iterate()

    def _iterate(self) -> Iterator:
        while True:
            item = self._queue.get()
            if item is self._END:
                return
            if isinstance(item, BaseException):
                raise item
            yield from item

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        self._thread.join()


def search_reconcile(*, limit: int = 5000) -> dict[str, int]:
    """Index what the index lacks and remove what it should not hold, for every kind."""
    backend = get_backend()
    done = {}
    for kind, spec in SPECS.items():
        wanted = set(spec.queryset().values_list("id", flat=True))
        present = backend.indexed_ids(kind)
        missing = sorted(wanted - present)[:limit]
        extra = sorted(present - wanted)
        if missing:
            documents, _ = spec.documents_for_ids(missing)
            backend.index(documents)
        if extra:
            backend.delete(kind, extra)
        done[kind] = len(missing) + len(extra)
        if missing or extra:
            logger.info("search reconcile: %s %d indexed, %d removed", kind, len(missing), len(extra))
    return done
