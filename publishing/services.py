"""Webhooks: subscriptions (SSRF-checked), the outbox rows each audited event creates, and one
signed delivery attempt. Celery (publishing.tasks) decides when to try again."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import random
import time
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from claims.models import ReviewEvent, Verdict
from factcheck.net import FetchError, fetch, validate_url
from publishing.claimreview import fact_check_url
from publishing.models import WebhookDelivery, WebhookEndpoint, WebhookEvent

logger = logging.getLogger(__name__)

BACKOFF_BASE_SECONDS = 10
BACKOFF_MAX_SECONDS = 3600
USER_AGENT = "factcheck-webhooks/1"


def webhook_url_validate(url: str) -> None:
    """Refuse URLs that are not http(s) or resolve to a non-public address (SSRF)."""
    try:
        validate_url(url)
    except FetchError as exc:
        raise ValidationError(f"This URL cannot receive webhooks: {exc}") from None


def webhook_events_validate(events) -> list[str]:
    if not isinstance(events, list) or not events or set(events) - set(WebhookEvent.values):
        raise ValidationError(f"Choose events among {', '.join(WebhookEvent.values)}.")
    return events


def webhook_endpoint_create(*, url: str, events: list[str], created_by=None, description: str = "") -> WebhookEndpoint:
    webhook_url_validate(url)
    webhook_events_validate(events)
    return WebhookEndpoint.objects.create(url=url, events=events, created_by=created_by, description=description)


def sign(*, secret: str, timestamp: str, body: bytes) -> str:
    """`sha256=<hex>` of HMAC-SHA256 over "<timestamp>.<body>" — what receivers recompute."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def _payload(event: ReviewEvent) -> dict:
    claim = event.claim
    data: dict = {"claim": None, "verdict": None, "public_url": None, "note": event.note}
    if claim is not None:
        data["claim"] = {
            "id": claim.pk,
            "text": claim.text,
            "claimant": claim.claimant,
            "type": claim.claim_type,
            "status": claim.status,
            "first_seen_at": claim.first_seen_at.isoformat() if claim.first_seen_at else None,
        }
        verdict = event.verdict
        if verdict is None or verdict.status != Verdict.Status.PUBLISHED:
            verdict = claim.verdicts.filter(status=Verdict.Status.PUBLISHED).select_related("rating").first()
        if verdict is not None:
            data["verdict"] = {
                "revision": verdict.revision,
                "rating": verdict.rating.slug,
                "rating_label": verdict.rating.label,
                "rating_value": verdict.rating.value,
                "headline": verdict.headline,
                "correction_note": verdict.correction_note,
                "published_at": verdict.published_at.isoformat() if verdict.published_at else None,
            }
            data["public_url"] = fact_check_url(claim.pk)
    if event.data:
        data["details"] = event.data
    return data


def webhook_deliveries_create(
    *, event: ReviewEvent, endpoints: list[WebhookEndpoint] | None = None
) -> list[WebhookDelivery]:
    """Outbox rows for every active endpoint subscribed to the event's action; each is sent after commit.
    `endpoints`: the active endpoints, when the caller has already read them."""
    from factcheck.tasks import enqueue_on_commit
    from publishing.tasks import deliver_webhook

    if event.action not in WebhookEvent.values:
        return []
    if endpoints is None:
        endpoints = list(WebhookEndpoint.objects.filter(active=True))
    endpoints = [e for e in endpoints if event.action in (e.events or [])]
    if not endpoints:
        return []
    payload = _payload(event)
    deliveries = []
    for endpoint in endpoints:
        delivery, created = WebhookDelivery.objects.get_or_create(
            endpoint=endpoint,
            review_event=event,
            defaults={"event": event.action, "payload": payload, "next_attempt_at": timezone.now()},
        )
        if created:
            enqueue_on_commit(deliver_webhook, delivery.pk)
            deliveries.append(delivery)
    return deliveries


def webhook_deliveries_create_many(*, events: list[ReviewEvent]) -> list[WebhookDelivery]:
    """The same for many events, reading the endpoints once (extraction records hundreds of events at a time)."""
    if not any(event.action in WebhookEvent.values for event in events):
        return []
    endpoints = list(WebhookEndpoint.objects.filter(active=True))
    if not endpoints:
        return []
    return [d for event in events for d in webhook_deliveries_create(event=event, endpoints=endpoints)]


def body_of(delivery: WebhookDelivery) -> bytes:
    """The JSON body, the same bytes on every attempt."""
    document = {
        "id": str(delivery.event_id),
        "event": delivery.event,
        "created_at": delivery.created_at.isoformat(),
        "data": delivery.payload,
    }
    return json.dumps(document, separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode()


def backoff_seconds(attempts: int) -> float:
    """Exponential backoff with full jitter: ~10 s, 20 s, 40 s ... capped at an hour."""
    ceiling = min(BACKOFF_MAX_SECONDS, BACKOFF_BASE_SECONDS * 2 ** max(0, attempts - 1))
    return ceiling / 2 + random.uniform(0, ceiling / 2)


def webhook_delivery_attempt(*, delivery_id: int) -> bool:
    """POST one delivery, record the outcome, and say whether to try again later.
    2xx: delivered. Network errors, 408, 429 and 5xx: retry (until WEBHOOK_MAX_ATTEMPTS).
    Other 4xx: the receiver refused it; give up."""
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update(skip_locked=True)
            .select_related("endpoint")
            .filter(pk=delivery_id, status=WebhookDelivery.Status.PENDING)
            .first()
        )
        if delivery is None:
            return False
        endpoint = delivery.endpoint
        if not endpoint.active:
            delivery.status, delivery.last_error = WebhookDelivery.Status.FAILED, "The endpoint is inactive."
            delivery.save(update_fields=["status", "last_error"])
            return False
        body = body_of(delivery)
        timestamp = str(int(time.time()))
        headers = {
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "X-Factcheck-Event": delivery.event,
            "X-Factcheck-Delivery": str(delivery.event_id),
            "X-Factcheck-Timestamp": timestamp,
            "X-Factcheck-Signature": sign(secret=endpoint.secret, timestamp=timestamp, body=body),
        }
        delivery.attempts += 1
        retryable = False
        try:
            # Any answer is a result here (a 5xx is retried below); a redirect is not followed.
            result = fetch(
                endpoint.url,
                method="POST",
                headers=headers,
                body=body,
                max_redirects=0,
                accept_statuses=range(300, 600),
            )
        except FetchError as exc:
            delivery.last_status_code, delivery.last_error = None, str(exc)[:1000]
            retryable = True
        else:
            delivery.last_status_code = result.status
            if 200 <= result.status < 300:
                delivery.status, delivery.delivered_at, delivery.last_error = (
                    WebhookDelivery.Status.DELIVERED,
                    timezone.now(),
                    "",
                )
            else:
                delivery.last_error = f"HTTP {result.status}: {result.content[:300].decode('utf-8', 'replace')}"
                retryable = result.status >= 500 or result.status in (408, 429)
                if not retryable:
                    delivery.status = WebhookDelivery.Status.FAILED
        if retryable and delivery.attempts >= settings.WEBHOOK_MAX_ATTEMPTS:
            delivery.status, retryable = WebhookDelivery.Status.FAILED, False
        delivery.next_attempt_at = (
            timezone.now() + timedelta(seconds=backoff_seconds(delivery.attempts)) if retryable else None
        )
        delivery.save()
    if delivery.status == WebhookDelivery.Status.FAILED:
        logger.warning("webhook delivery %s to %s gave up: %s", delivery.pk, endpoint.url, delivery.last_error)
    return retryable
