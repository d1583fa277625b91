"""Following outlets' feeds: new articles arrive, nothing twice, broken entries reported and retried."""

import itertools
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from sources.fetching import url_batch_start
from sources.models import Feed, IngestBatch, Outlet, Source
from sources.tasks import poll_due_feeds
from tests.sources.pages import STORIES, article_html, rss
from tests.webserver import Page, Seen

pytestmark = pytest.mark.django_db


def serve_feed(site, paths: list[str], etag: str = '"v1"') -> None:
    body = rss(base=site.url(""), paths=paths)

    def feed(seen: Seen) -> Page:
        if seen.headers.get("If-None-Match") == etag:
            return Page(status=304, headers={"ETag": etag})
        return Page(body, headers={"Content-Type": "application/rss+xml", "ETag": etag})

    site.pages["/feed.xml"] = feed


def serve_story(site, slug: str) -> None:
    title, body = STORIES[slug]
    site.pages[f"/news/{slug}"] = Page(article_html(title=title, body=body))


@pytest.fixture
def outlet(db):
    return Outlet.objects.create(name="Daily Test", domain="dailytest.example")


@pytest.fixture
def feed(site, outlet):
    return Feed.objects.create(outlet=outlet, url=site.url("/feed.xml"))


def poll(feed: Feed, capture) -> str:
    out = StringIO()
    with capture(execute=True):
        call_command("poll_feeds", "--feed", str(feed.pk), stdout=out)
    return out.getvalue()


def article_requests(site) -> list[str]:
    return [path for path in site.paths() if path.startswith("/news/")]


def test_a_feed_is_polled_and_its_new_articles_arrive_once(site, feed, django_capture_on_commit_callbacks):
    for slug in ("budget", "hospital", "wheat"):
        serve_story(site, slug)
    site.pages["/news/short"] = Page("<html><body><article><p>Too short to be news.</p></article></body></html>")
    serve_feed(site, ["/news/budget", "/news/hospital", "/news/gone", "/news/short", "/news/wheat"])

    out = poll(feed, django_capture_on_commit_callbacks)

    batch = IngestBatch.objects.get()
    assert (batch.kind, batch.feed, batch.status) == ("feed", feed, "done")
    assert (batch.total, batch.created, batch.failed) == (5, 3, 2)
    assert "3 new, 0 duplicates, 2 failed" in out
    sources = Source.objects.order_by("title")
    assert [s.title for s in sources] == [
        "Council approves record budget",
        "Hospital treats twice as many heat patients",
        "Wheat exports fall by a third",
    ]
    for source in sources:
        assert source.outlet == feed.outlet and source.text and source.extraction_status == "done"
    errors = dict(batch.items.filter(result="failed").values_list("url", "message"))
    assert errors[site.url("/news/gone")] == "HTTP 404 Not Found"
    assert errors[site.url("/news/short")].startswith(("not an article: 5 words of text", "no article text found"))
    feed.refresh_from_db()
    assert (feed.title, feed.etag, feed.last_status, feed.consecutive_failures) == (
        "Daily Test — World",
        '"v1"',
        "ok",
        0,
    )
    assert feed.next_poll_at > timezone.now()

    # Second poll: the server answers the conditional GET with 304; nothing is fetched or added.
    site.requests.clear()
    out = poll(feed, django_capture_on_commit_callbacks)

    assert site.paths() == ["/feed.xml"]
    assert site.requests[0].headers["If-None-Match"] == '"v1"'
    second = IngestBatch.objects.latest("id")
    assert (second.received, second.message) == (0, "not modified since the last poll")
    assert "not modified" in out
    assert Source.objects.count() == 3


def test_a_changed_feed_fetches_only_the_new_entry(site, feed, django_capture_on_commit_callbacks):
    serve_story(site, "budget")
    serve_story(site, "hospital")
    serve_feed(site, ["/news/budget"])
    poll(feed, django_capture_on_commit_callbacks)
    site.requests.clear()
    serve_feed(site, ["/news/hospital", "/news/budget"], etag='"v2"')

    poll(feed, django_capture_on_commit_callbacks)

    assert article_requests(site) == ["/news/hospital"]
    assert Source.objects.count() == 2


def test_a_broken_entry_is_retried_once_the_site_is_fixed(
    site, feed, client, fact_checker, django_capture_on_commit_callbacks
):
    serve_story(site, "budget")
    serve_feed(site, ["/news/budget", "/news/wheat"])
    poll(feed, django_capture_on_commit_callbacks)
    batch = IngestBatch.objects.get()
    client.force_login(fact_checker)
    page = client.get(f"/ingest/{batch.pk}/").content.decode()
    assert "HTTP 404 Not Found" in page and "Retry all failed (1)" in page
    item = batch.items.get(result="failed")

    serve_story(site, "wheat")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/ingest/{batch.pk}/items/{item.pk}/retry/")

    assert response.status_code == 302
    batch.refresh_from_db()
    assert (batch.created, batch.failed, batch.received) == (2, 0, 2)
    wheat = Source.objects.get(title="Wheat exports fall by a third")
    assert wheat.outlet == feed.outlet and wheat.extraction_status == "done"


def test_a_feed_that_keeps_failing_backs_off_and_is_flagged(site, feed, client, fact_checker, settings):
    settings.FEED_POLL_INTERVAL = 100
    site.pages["/feed.xml"] = Page("down for maintenance", status=503)
    delays = []
    for _ in range(3):
        before = timezone.now()
        call_command("poll_feeds", "--feed", str(feed.pk), stdout=StringIO())
        feed.refresh_from_db()
        delays.append(round((feed.next_poll_at - before).total_seconds(), -1))

    assert delays == [100, 200, 400]
    assert (feed.consecutive_failures, feed.last_error, feed.last_status) == (
        3,
        "HTTP 503 Service Unavailable",
        "failed",
    )
    batch = IngestBatch.objects.latest("id")
    assert (batch.status, batch.message) == ("failed", "feed could not be read: HTTP 503 Service Unavailable")
    client.force_login(fact_checker)
    page = client.get(f"/outlets/{feed.outlet_id}/").content.decode()
    assert "Failing: 3 polls in a row" in page and "HTTP 503 Service Unavailable" in page
    assert "1 failing" in client.get("/outlets/").content.decode()

    # Once the feed is back, one good poll clears the flag.
    serve_feed(site, [])
    call_command("poll_feeds", "--feed", str(feed.pk), stdout=StringIO())
    feed.refresh_from_db()
    assert (feed.consecutive_failures, feed.last_error) == (0, "")
    assert "Failing" not in client.get(f"/outlets/{feed.outlet_id}/").content.decode()


def test_not_a_feed_is_a_plain_error(site, feed):
    site.pages["/feed.xml"] = Page("<html><body>Hello</body></html>")
    call_command("poll_feeds", "--feed", str(feed.pk), stdout=StringIO())
    feed.refresh_from_db()
    assert feed.last_error.startswith("not a feed")


def test_the_periodic_task_polls_only_feeds_that_are_due(site, outlet, django_capture_on_commit_callbacks):
    serve_story(site, "budget")
    serve_feed(site, ["/news/budget"])
    due = Feed.objects.create(outlet=outlet, url=site.url("/feed.xml"))
    later = Feed.objects.create(
        outlet=outlet, url=site.url("/other.xml"), next_poll_at=timezone.now() + timedelta(hours=1)
    )
    paused = Feed.objects.create(outlet=outlet, url=site.url("/paused.xml"), active=False)

    with django_capture_on_commit_callbacks(execute=True):
        assert poll_due_feeds.delay().get() == 1

    assert site.paths().count("/feed.xml") == 1
    assert "/other.xml" not in site.paths() and "/paused.xml" not in site.paths()
    assert Source.objects.get().outlet == outlet
    for feed in (due, later, paused):
        feed.refresh_from_db()
    assert due.last_polled_at is not None and later.last_polled_at is None and paused.last_polled_at is None
    # Polled just now: not due again on the next run.
    assert poll_due_feeds() == 0


def test_requests_to_one_host_are_spaced_out(site, feed, settings, django_capture_on_commit_callbacks):
    settings.FEED_MIN_INTERVAL_PER_HOST = 0.3
    for slug in ("budget", "hospital"):
        serve_story(site, slug)
    serve_feed(site, ["/news/budget", "/news/hospital"])

    poll(feed, django_capture_on_commit_callbacks)

    # Arrival times jitter by a few milliseconds; the gap asked for is 0.3 s.
    times = [seen.at for seen in site.requests]
    assert len(times) == 3
    assert all(later - earlier >= 0.2 for earlier, later in itertools.pairwise(times)), times


def test_a_feed_pointing_inside_the_network_is_refused(canary, outlet):
    feed = Feed.objects.create(outlet=outlet, url=f"http://localhost:{canary.port}/feed.xml")
    call_command("poll_feeds", "--feed", str(feed.pk), stdout=StringIO())
    feed.refresh_from_db()
    assert feed.last_error.startswith("blocked: address is private (")
    assert canary.requests == []


def test_desk_members_add_feeds_on_the_outlet_page(client, fact_checker, outsider, outlet):
    client.force_login(outsider)
    assert client.post(f"/outlets/{outlet.pk}/", {"url": "https://dailytest.example/rss"}).status_code == 403
    client.force_login(fact_checker)

    response = client.post(f"/outlets/{outlet.pk}/", {"url": "https://dailytest.example/rss", "title": "Main"})

    assert response.status_code == 302
    feed = Feed.objects.get()
    assert (feed.outlet, feed.url, feed.title, feed.active) == (outlet, "https://dailytest.example/rss", "Main", True)
    page = client.get(f"/outlets/{outlet.pk}/").content.decode()
    assert "https://dailytest.example/rss" in page and "Not polled yet" in page
    again = client.post(f"/outlets/{outlet.pk}/", {"url": "https://dailytest.example/rss"}).content.decode()
    assert "This feed is already followed for Daily Test." in again
    bad = client.post(f"/outlets/{outlet.pk}/", {"url": "ftp://dailytest.example/rss"}).content.decode()
    assert "A feed address must start with http:// or https://." in bad
    assert Feed.objects.count() == 1


def test_feeds_through_the_api(site, outlet, checker_api, django_capture_on_commit_callbacks):
    serve_story(site, "wheat")
    serve_feed(site, ["/news/wheat"])
    created = checker_api.post("/api/v1/feeds/", {"outlet": outlet.pk, "url": site.url("/feed.xml")}, format="json")
    assert created.status_code == 201
    feed_id = created.json()["id"]
    again = checker_api.post("/api/v1/feeds/", {"outlet": outlet.pk, "url": site.url("/feed.xml")}, format="json")
    assert again.status_code == 400 and "already followed" in again.json()["error"]["fields"]["url"][0]

    with django_capture_on_commit_callbacks(execute=True):
        assert checker_api.post(f"/api/v1/feeds/{feed_id}/poll/").status_code == 202

    feed = checker_api.get(f"/api/v1/feeds/{feed_id}/").json()
    assert (feed["last_status"], feed["is_failing"], feed["last_error"]) == ("ok", False, "")
    polls = checker_api.get(f"/api/v1/ingest-batches/?feed={feed_id}").json()["results"]
    assert [(p["kind"], p["created"], p["failed"]) for p in polls] == [("feed", 1, 0)]


def test_fetches_left_pending_are_picked_up_by_the_periodic_task(site, fact_checker):
    """The broker was down when the batch was written: its items wait, and are fetched later."""
    serve_story(site, "budget")
    batch = url_batch_start(urls=[site.url("/news/budget")], enqueue=False)
    IngestBatch.objects.filter(pk=batch.pk).update(created_at=timezone.now() - timedelta(minutes=15))

    poll_due_feeds()

    batch.refresh_from_db()
    assert (batch.status, batch.created) == ("done", 1)


def test_poll_now_from_the_outlet_page(site, feed, client, fact_checker, django_capture_on_commit_callbacks):
    serve_story(site, "hospital")
    serve_feed(site, ["/news/hospital"])
    client.force_login(fact_checker)
    assert "Poll now" in client.get(f"/outlets/{feed.outlet_id}/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/feeds/{feed.pk}/poll/")

    assert response.status_code == 302 and response["Location"] == f"/ingest/?feed={feed.pk}"
    polls = client.get(response["Location"]).content.decode()
    assert "Feed poll" in polls and "1 entry in the feed, 1 new" in polls
    outlet_page = client.get(f"/outlets/{feed.outlet_id}/").content.decode()
    assert "Hospital treats twice as many heat patients" in outlet_page and "Daily Test — World" in outlet_page
