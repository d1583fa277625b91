"""Webhooks as a newsroom tool receives them: signed, retried after failures, each event once."""

import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from celery.exceptions import Retry
from django.core.exceptions import ValidationError

from factcheck.celery import app as celery_app
from publishing.models import WebhookDelivery
from publishing.services import webhook_delivery_attempt, webhook_endpoint_create
from publishing.tasks import deliver_webhook
from tests.publishing.helpers import claim_with_appearances, correct, publish

pytestmark = pytest.mark.django_db(transaction=True)


class Receiver:
    """A real HTTP server on 127.0.0.1 that answers 500 to the first `fail_first` requests."""

    def __init__(self, secret_for, fail_first: int = 0):
        self.requests: list[dict] = []
        self.fail_first = fail_first
        self.secret_for = secret_for
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append({"headers": dict(self.headers), "body": body})
                status = 500 if len(receiver.requests) <= receiver.fail_first else 204
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/hook"

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.server.server_port}"

    def verified(self) -> list[dict]:
        """What a careful receiver keeps: valid signatures only, one per idempotency id."""
        seen, events = set(), []
        for request in self.requests:
            headers = request["headers"]
            expected = hmac.new(
                self.secret_for().encode(),
                headers["X-Factcheck-Timestamp"].encode() + b"." + request["body"],
                hashlib.sha256,
            ).hexdigest()
            assert hmac.compare_digest(headers["X-Factcheck-Signature"], f"sha256={expected}")
            document = json.loads(request["body"])
            assert document["id"] == headers["X-Factcheck-Delivery"]
            assert document["event"] == headers["X-Factcheck-Event"]
            if document["id"] not in seen:
                seen.add(document["id"])
                events.append(document)
        return events


@pytest.fixture
def receiver(settings):
    holder = {}
    server = Receiver(lambda: holder["endpoint"].secret)
    server.thread.start()
    settings.FETCH_ALLOW_PRIVATE_HOSTS = [server.host]
    server.subscribe = lambda events: holder.setdefault(
        "endpoint", webhook_endpoint_create(url=server.url, events=events)
    )
    yield server
    server.server.shutdown()
    server.server.server_close()


def test_a_subscribed_tool_receives_a_signed_verdict_published(receiver, fact_checker, editor):
    receiver.subscribe(["verdict.published", "verdict.corrected"])
    claim = publish(claim_with_appearances(), author=fact_checker, editor=editor)

    [event] = receiver.verified()
    assert event["event"] == "verdict.published"
    assert event["data"]["claim"]["id"] == claim.pk
    assert event["data"]["verdict"]["rating"] == "false"
    assert event["data"]["verdict"]["headline"] == "No, unemployment did not fall to 3%"
    assert event["data"]["public_url"].endswith(f"/fact-checks/{claim.pk}/")

    correct(claim, author=fact_checker, editor=editor, note="Month fixed.")
    events = receiver.verified()
    assert [e["event"] for e in events] == ["verdict.published", "verdict.corrected"]
    assert events[1]["data"]["verdict"]["correction_note"] == "Month fixed."
    assert WebhookDelivery.objects.filter(status="delivered").count() == 2


def test_failures_are_retried_and_the_receiver_sees_the_event_once(receiver, fact_checker, editor, settings):
    receiver.fail_first = 3
    receiver.subscribe(["verdict.published"])
    publish(claim_with_appearances(), author=fact_checker, editor=editor)  # first attempt, eagerly: 500
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("pending", 1, 500)
    assert delivery.next_attempt_at is not None

    retries = []
    while (retry := webhook_delivery_attempt(delivery_id=delivery.pk)) or not retries:
        retries.append(retry)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("delivered", 4, 204)
    assert len(receiver.requests) == 4
    assert len({r["headers"]["X-Factcheck-Delivery"] for r in receiver.requests}) == 1
    assert len({r["body"] for r in receiver.requests}) == 1  # the same event on every attempt
    assert len(receiver.verified()) == 1
    assert webhook_delivery_attempt(delivery_id=delivery.pk) is False  # delivered: nothing more is sent
    assert len(receiver.requests) == 4


def test_a_delivery_gives_up_after_the_last_attempt(receiver, fact_checker, editor, settings):
    settings.WEBHOOK_MAX_ATTEMPTS = 3
    receiver.fail_first = 100
    receiver.subscribe(["verdict.published"])
    publish(claim_with_appearances(), author=fact_checker, editor=editor)
    delivery = WebhookDelivery.objects.get()
    assert webhook_delivery_attempt(delivery_id=delivery.pk) is True
    assert webhook_delivery_attempt(delivery_id=delivery.pk) is False
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("failed", 3)
    assert "HTTP 500" in delivery.last_error


def test_the_celery_task_schedules_a_retry_with_backoff(receiver, fact_checker, editor):
    receiver.fail_first = 100
    receiver.subscribe(["verdict.published"])
    publish(claim_with_appearances(), author=fact_checker, editor=editor)
    delivery = WebhookDelivery.objects.get()

    celery_app.conf.task_always_eager = False  # as with a worker: retry goes to the (in-memory) broker
    deliver_webhook.push_request(
        is_eager=False, retries=0, id="test-task", called_directly=False, args=[delivery.pk], kwargs={}
    )
    try:
        with pytest.raises(Retry) as retry:
            deliver_webhook.run(delivery.pk)
    finally:
        deliver_webhook.pop_request()
    delivery.refresh_from_db()
    assert delivery.attempts == 2 and delivery.status == "pending"
    assert 5 <= float(retry.value.when) <= 40  # second attempt's backoff window, with jitter


def test_nothing_is_sent_for_unsubscribed_events(receiver, fact_checker, editor):
    receiver.subscribe(["claim.recurred"])
    publish(claim_with_appearances(), author=fact_checker, editor=editor)
    assert receiver.requests == [] and WebhookDelivery.objects.count() == 0


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/hook",
        "http://localhost/hook",
        "http://10.0.0.1/",
        "http://2130706433/",
        "ftp://example.org/",
    ],
)
def test_subscribing_refuses_private_and_odd_urls(url):
    with pytest.raises(ValidationError, match="cannot receive webhooks"):
        webhook_endpoint_create(url=url, events=["verdict.published"])


def test_claim_created_and_recurred_events_are_delivered(receiver, fact_checker, editor):
    from claims.services import review_event_record

    receiver.subscribe(["claim.created", "claim.recurred"])
    claim = publish(claim_with_appearances(), author=fact_checker, editor=editor)
    review_event_record(claim=claim, action="claim.recurred", actor_label="extraction", data={"source_id": 7})
    new = claim_with_appearances(text="A brand new claim")
    review_event_record(claim=new, action="claim.created", actor_label="extraction")

    events = receiver.verified()
    assert [e["event"] for e in events] == ["claim.recurred", "claim.created"]
    assert events[0]["data"]["verdict"]["rating"] == "false"  # the published verdict it recurs against
    assert events[0]["data"]["details"] == {"source_id": 7}
    assert events[1]["data"]["claim"]["text"] == "A brand new claim" and events[1]["data"]["verdict"] is None


def test_overdue_deliveries_are_sent_again_by_the_periodic_task(receiver, fact_checker, editor):
    from datetime import timedelta

    from django.utils import timezone

    from publishing.tasks import retry_due_webhooks

    receiver.fail_first = 1
    receiver.subscribe(["verdict.published"])
    publish(claim_with_appearances(), author=fact_checker, editor=editor)
    assert retry_due_webhooks() == 0  # not due yet
    WebhookDelivery.objects.update(next_attempt_at=timezone.now() - timedelta(minutes=5))
    assert retry_due_webhooks() == 1
    assert WebhookDelivery.objects.get().status == "delivered"
    assert len(receiver.verified()) == 1


def test_claims_extracted_from_a_new_source_are_each_delivered_once(receiver):
    from claims.models import Claim
    from sources.ingest import ArticleInput
    from sources.services import source_store

    receiver.subscribe(["claim.created"])
    text = (
        "Unemployment rose to 5.1 percent in March, the national statistics office said on Friday. "
        "Wheat exports fell by 30 percent in 2022, the agriculture ministry said on Monday."
    )
    source_store(article=ArticleInput(origin="wire.txt", text=text))  # commits: extraction runs, then deliveries

    events = receiver.verified()
    texts = sorted(Claim.objects.values_list("text", flat=True))
    assert len(texts) == 2 and [e["event"] for e in events] == ["claim.created", "claim.created"]
    assert sorted(e["data"]["claim"]["text"] for e in events) == texts
    assert all(e["data"]["details"]["source_id"] for e in events)
