"""How claims reacts to other apps: new sources get their claims extracted once committed, in batches."""

from django.dispatch import receiver

from factcheck.tasks import enqueue_now
from sources.models import Source
from sources.signals import sources_committed


@receiver(sources_committed, sender=Source, dispatch_uid="claims.extract_on_sources_committed")
def extract_on_sources_committed(sender, source_ids: list[int], **kwargs) -> None:
    from claims.extraction_service import BATCH_SOURCES
    from claims.tasks import extract_sources

    # Sent after commit: the rows are visible to a worker. A send that fails leaves them pending for reconcile.
    for i in range(0, len(source_ids), BATCH_SOURCES):
        enqueue_now(extract_sources, source_ids[i : i + BATCH_SOURCES])
