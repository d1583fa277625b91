"""How claims reacts to other apps: a stored source gets its claims extracted after commit."""

from django.dispatch import receiver

from factcheck.tasks import enqueue_on_commit
from sources.models import Source
from sources.signals import source_stored


@receiver(source_stored, sender=Source, dispatch_uid="claims.extract_on_source_stored")
def extract_on_source_stored(sender, source: Source, **kwargs) -> None:
    from claims.tasks import extract_source

    enqueue_on_commit(extract_source, source.pk)
