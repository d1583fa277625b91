"""Signal receivers: keep the search index in step with sources and claims.

Sources announce new articles with `source_stored` (sources never imports search). Claim saves
are collected and indexed once per transaction, after commit; bulk changes that send no save
signal (extraction, merges) announce themselves with `claims_changed` once written, and are
indexed then (in their transaction on a database backend).
"""

import threading
from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from claims.models import Appearance, Claim, Verdict
from claims.signals import claims_changed
from factcheck.search.services import search_delete_objects, search_index_later
from sources.models import Source
from sources.signals import source_stored

_pending = threading.local()


def _queue(kind: str, object_id: int | None) -> None:
    """Collect ids and index them once, after commit: a claim saved with ten appearances is
    indexed once, complete, not eleven times."""
    if object_id is None:
        return
    pending = getattr(_pending, "ids", None)
    if pending is None:
        pending = _pending.ids = {"source": set(), "claim": set()}
    pending[kind].add(object_id)
    # Registered on every call: a rolled-back transaction drops its callbacks, and the next
    # commit must still flush what is pending. Flushes after the first find nothing to do.
    transaction.on_commit(_flush)


def _flush() -> None:
    pending = getattr(_pending, "ids", None) or {}
    _pending.ids = None
    for kind, ids in pending.items():
        if ids:
            search_index_later(kind=kind, object_ids=ids)


@receiver(source_stored, sender=Source, dispatch_uid="search.index_on_source_stored")
def index_on_source_stored(sender, source: Source, **kwargs) -> None:
    search_index_later(kind="source", object_ids=[source.pk])


@receiver(post_save, sender=Source, dispatch_uid="search.source_saved")
def source_saved(sender, instance: Source, created: bool, raw: bool = False, **kwargs) -> None:
    # New sources come through source_stored; this catches later edits (title, visibility).
    if not created and not raw:
        _queue("source", instance.pk)


@receiver(post_save, sender=Claim, dispatch_uid="search.claim_saved")
def claim_saved(sender, instance: Claim, raw: bool = False, **kwargs) -> None:
    if not raw:
        _queue("claim", instance.pk)


@receiver(post_save, sender=Appearance, dispatch_uid="search.appearance_saved")
@receiver(post_save, sender=Verdict, dispatch_uid="search.verdict_saved")
def claim_part_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw:
        _queue("claim", instance.claim_id)


@receiver(claims_changed, sender=Claim, dispatch_uid="search.claims_changed")
def claims_changed_in_bulk(sender, claim_ids, new_claims=None, **kwargs) -> None:
    # Sent once the bulk change is written: a database backend indexes now, in the sender's transaction (an
    # indexing error rolls the change back, and no second write transaction follows the commit); a remote
    # engine gets a task after commit. Claims just created come with their rows (`new_claims`).
    search_index_later(kind="claim", object_ids=claim_ids, new_rows=new_claims)


@receiver(post_delete, sender=Source, dispatch_uid="search.source_deleted")
def source_deleted(sender, instance: Source, **kwargs) -> None:
    # Bound now: Django clears instance.pk once the delete is done.
    transaction.on_commit(partial(search_delete_objects, kind="source", object_ids=[instance.pk]))


@receiver(post_delete, sender=Claim, dispatch_uid="search.claim_deleted")
def claim_deleted(sender, instance: Claim, **kwargs) -> None:
    transaction.on_commit(partial(search_delete_objects, kind="claim", object_ids=[instance.pk]))
