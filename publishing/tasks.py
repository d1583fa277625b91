"""Webhook delivery tasks: one attempt per run, retried by Celery with exponential backoff and jitter;
a periodic task re-sends due deliveries (broker outages, eager mode)."""

import logging

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from factcheck.tasks import enqueue_now
from publishing.models import WebhookDelivery
from publishing.services import webhook_delivery_attempt

logger = logging.getLogger(__name__)


@shared_task(bind=True, name="publishing.tasks.deliver_webhook", max_retries=None)
def deliver_webhook(self, delivery_id: int) -> None:
    if not webhook_delivery_attempt(delivery_id=delivery_id):
        return
    if self.request.is_eager:
        # No worker to wait for: the retry is left to `retry_due_webhooks` at next_attempt_at.
        return
    delivery = WebhookDelivery.objects.filter(pk=delivery_id).only("next_attempt_at").first()
    countdown = max(1.0, (delivery.next_attempt_at - timezone.now()).total_seconds()) if delivery else 60.0
    raise self.retry(countdown=countdown, max_retries=settings.WEBHOOK_MAX_ATTEMPTS)


@shared_task(name="publishing.tasks.retry_due_webhooks")
def retry_due_webhooks(grace_seconds: int = 120, limit: int = 500) -> int:
    """Enqueue pending deliveries whose next attempt is overdue (lost messages, eager mode)."""
    cutoff = timezone.now() - timezone.timedelta(seconds=grace_seconds)
    ids = list(
        WebhookDelivery.objects.filter(status=WebhookDelivery.Status.PENDING, next_attempt_at__lt=cutoff)
        .order_by("next_attempt_at")
        .values_list("id", flat=True)[:limit]
    )
    return sum(enqueue_now(deliver_webhook, delivery_id) for delivery_id in ids)
