"""Webhooks follow the audit trail: every recorded review event of a subscribed kind gets outbox rows."""

from django.dispatch import receiver

from claims.models import ReviewEvent
from claims.signals import review_event_recorded, review_events_recorded


@receiver(review_event_recorded, sender=ReviewEvent, dispatch_uid="publishing.webhooks_on_review_event")
def webhooks_on_review_event(sender, event: ReviewEvent, **kwargs) -> None:
    from publishing.services import webhook_deliveries_create

    webhook_deliveries_create(event=event)


@receiver(review_events_recorded, sender=ReviewEvent, dispatch_uid="publishing.webhooks_on_review_events")
def webhooks_on_review_events(sender, events: list[ReviewEvent], **kwargs) -> None:
    from publishing.services import webhook_deliveries_create_many

    webhook_deliveries_create_many(events=events)
