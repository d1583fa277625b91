"""A stored source gets its claims extracted after commit; pending work is reconciled."""

import pytest
from django.utils import timezone

from claims.tasks import reconcile_extraction
from sources.ingest import ArticleInput, read_paths
from sources.models import Source
from sources.services import source_store

TEXT = "Inflation rose to 7.9 percent in February, the highest in 40 years, the Labor Department said on Thursday. " * 2


def test_extraction_is_enqueued_only_after_commit(django_capture_on_commit_callbacks, db):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        source, created = source_store(article=ArticleInput(origin="t", text=TEXT))
    assert created and len(callbacks) == 1
    source.refresh_from_db()
    assert source.extraction_status == Source.Extraction.PENDING
    callbacks[0]()
    source.refresh_from_db()
    assert source.extraction_status == Source.Extraction.DONE and source.extracted_at is not None


def test_a_duplicate_enqueues_nothing(django_capture_on_commit_callbacks, db):
    source_store(article=ArticleInput(origin="t", text=TEXT))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _, created = source_store(article=ArticleInput(origin="t2", text=TEXT))
    assert not created and callbacks == []


def test_reconcile_picks_up_sources_left_pending(db):
    pending = Source.objects.create(text=TEXT, content_hash="x", origin="lost while the broker was down")
    Source.objects.filter(pk=pending.pk).update(created_at=timezone.now() - timezone.timedelta(minutes=10))
    fresh = Source.objects.create(text=TEXT, content_hash="y", origin="just stored")

    assert reconcile_extraction() == 1
    pending.refresh_from_db()
    fresh.refresh_from_db()
    assert pending.extraction_status == Source.Extraction.DONE
    assert fresh.extraction_status == Source.Extraction.PENDING  # its own task is still on its way


@pytest.mark.django_db(transaction=True)
def test_a_folder_is_announced_in_groups_and_extracted_in_batches(tmp_path, monkeypatch):
    from sources import services
    from sources.signals import sources_committed

    for n in range(5):
        (tmp_path / f"{n}.txt").write_text(f"Report {n}\n\n{TEXT} Prices in region {n} rose by {n + 2} percent.")
    monkeypatch.setattr(services, "ANNOUNCE_BATCH", 2)
    groups = []

    def record(sender, source_ids, **kwargs):
        groups.append(list(source_ids))
        # Announced once committed: every source of the group is stored.
        assert Source.objects.filter(pk__in=source_ids).count() == len(source_ids)

    sources_committed.connect(record, sender=Source, dispatch_uid="test.record")
    try:
        services.ingest_items(kind="files", items=read_paths([tmp_path], max_bytes=100_000, min_words=5))
    finally:
        sources_committed.disconnect(dispatch_uid="test.record", sender=Source)
    ids = sorted(Source.objects.values_list("id", flat=True))
    assert [len(group) for group in groups] == [2, 2, 1] and sorted(i for group in groups for i in group) == ids
    assert set(Source.objects.values_list("extraction_status", flat=True)) == {Source.Extraction.DONE}


@pytest.mark.django_db(transaction=True)
def test_a_source_stored_alone_is_announced_at_its_commit():
    from sources.signals import sources_committed

    groups = []
    sources_committed.connect(
        lambda sender, source_ids, **kw: groups.append(source_ids), sender=Source, weak=False, dispatch_uid="test.alone"
    )
    try:
        source, _ = source_store(article=ArticleInput(origin="t", text=TEXT))
    finally:
        sources_committed.disconnect(dispatch_uid="test.alone", sender=Source)
    assert groups == [[source.pk]]
    source.refresh_from_db()
    assert source.extraction_status == Source.Extraction.DONE
