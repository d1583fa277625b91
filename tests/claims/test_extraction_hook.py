"""A stored source gets its claims extracted after commit; pending work is reconciled."""

from django.utils import timezone

from claims.tasks import reconcile_extraction
from sources.ingest import ArticleInput
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
