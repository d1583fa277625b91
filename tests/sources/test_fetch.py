"""Fetch by URL: from the command line, the API and the web form, with failures that can be retried."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from sources.models import IngestBatch, IngestItem, Source
from tests.sources.pages import STORIES, article_html
from tests.webserver import Page

pytestmark = pytest.mark.django_db


def serve_story(site, slug: str, **kwargs) -> str:
    title, body = STORIES[slug]
    site.pages[f"/news/{slug}"] = Page(article_html(title=title, body=body, **kwargs))
    return site.url(f"/news/{slug}")


def test_ingest_url_stores_the_article_with_its_metadata(site, django_capture_on_commit_callbacks):
    url = serve_story(site, "budget", canonical="https://dailytest.example/news/budget?utm_source=rss")
    out = StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("ingest", "--url", url, stdout=out, stderr=StringIO())

    assert "1 new, 0 duplicates, 0 failed" in out.getvalue()
    source = Source.objects.get()
    assert source.title == "Council approves record budget"
    assert "The city council approved a budget of 12 million euros on Monday" in source.text
    assert "Home" not in source.text and "Copyright" not in source.text
    assert source.byline == "Jane Reporter"
    assert source.published_at.date().isoformat() == "2024-03-05"
    assert source.language == "en"
    assert source.url == url
    # The page's canonical URL is on another host than the one fetched: it is not trusted.
    assert source.canonical_url == f"https://127.0.0.1:{site.port}/news/budget"
    assert source.extraction_status == Source.Extraction.DONE
    assert site.requests[0].headers["User-Agent"].startswith("FactcheckWorkbench/0.1 (+")


def test_the_same_article_at_another_address_is_a_duplicate(site):
    url = serve_story(site, "hospital")
    site.pages["/amp/hospital"] = Page(
        article_html(title=STORIES["hospital"][0], body=STORIES["hospital"][1], canonical=url)
    )
    call_command("ingest", "--url", url, "--url", site.url("/amp/hospital"), stdout=StringIO(), stderr=StringIO())

    batch = IngestBatch.objects.get()
    assert (batch.created, batch.duplicates, batch.failed) == (1, 1, 0)
    assert Source.objects.count() == 1


def test_failures_are_reported_in_plain_words_and_the_rest_is_stored(site, canary, settings):
    settings.FETCH_READ_TIMEOUT = 0.3
    good = serve_story(site, "wheat")
    site.pages["/short"] = Page("<html><body><article><p>Just three words</p></article></body></html>")
    site.pages["/slow"] = Page(article_html(title="Slow", body=STORIES["budget"][1]), delay=1.5)
    site.pages["/pdf"] = Page(b"%PDF-1.4", headers={"Content-Type": "application/pdf"})
    urls = [
        good,
        site.url("/missing"),
        site.url("/short"),
        site.url("/slow"),
        site.url("/pdf"),
        canary.url("/"),
        "file:///etc/passwd",
    ]
    out, err = StringIO(), StringIO()

    call_command("ingest", *[arg for url in urls for arg in ("--url", url)], stdout=out, stderr=err)

    batch = IngestBatch.objects.get()
    assert (batch.kind, batch.status, batch.total, batch.received) == ("url", "done", 7, 7)
    assert (batch.created, batch.failed) == (1, 6)
    errors = dict(batch.items.filter(result="failed").values_list("origin", "message"))
    assert errors[site.url("/missing")] == "HTTP 404 Not Found"
    assert errors[site.url("/short")].startswith("no article text found") or errors[site.url("/short")].startswith(
        "not an article: 3 words of text"
    )
    assert errors[site.url("/slow")] == "timed out after 0.3 s"
    assert errors[site.url("/pdf")] == "not a web page: the server sent application/pdf"
    assert errors[canary.url("/")] == "blocked: address is private (127.0.0.1)"
    assert errors["file:///etc/passwd"] == "blocked: only http and https"
    assert f"failed: {site.url('/missing')}: HTTP 404 Not Found" in err.getvalue()
    assert canary.requests == []


def test_every_url_failing_is_an_error_for_the_command(site):
    with pytest.raises(CommandError, match="Every item failed"):
        call_command("ingest", "--url", site.url("/missing"), stdout=StringIO(), stderr=StringIO())


def test_api_fetch_returns_the_batch_to_poll_and_retry_fetches_again(
    site, checker_api, django_capture_on_commit_callbacks
):
    good = serve_story(site, "budget")
    broken = site.url("/news/hospital")  # 404 for now

    with django_capture_on_commit_callbacks(execute=True):
        response = checker_api.post("/api/v1/sources/fetch/", {"urls": [good, broken]}, format="json")

    assert response.status_code == 202
    batch_id = response.json()["batch"]["id"]
    batch = checker_api.get(f"/api/v1/ingest-batches/{batch_id}/").json()
    assert (batch["status"], batch["created"], batch["failed"], batch["progress"]) == ("done", 1, 1, 1.0)
    failed = next(item for item in batch["items"] if item["result"] == "failed")
    assert failed["message"] == "HTTP 404 Not Found" and failed["url"] == broken

    serve_story(site, "hospital")  # the site is fixed
    with django_capture_on_commit_callbacks(execute=True):
        retried = checker_api.post(f"/api/v1/ingest-batches/{batch_id}/items/{failed['id']}/retry/")

    assert retried.status_code == 202
    batch = checker_api.get(f"/api/v1/ingest-batches/{batch_id}/").json()
    assert (batch["created"], batch["failed"], batch["received"]) == (2, 0, 2)
    assert Source.objects.filter(title="Hospital treats twice as many heat patients").exists()


def test_api_fetch_validates_its_input(checker_api, api_client):
    assert checker_api.post("/api/v1/sources/fetch/", {}, format="json").status_code == 400
    bad = checker_api.post("/api/v1/sources/fetch/", {"urls": "http://x"}, format="json")
    assert bad.status_code == 400 and "urls" in bad.json()["error"]["fields"]
    assert api_client.post("/api/v1/sources/fetch/", {"url": "http://x"}, format="json").status_code in (401, 403)


def test_retry_all_failed_from_the_batch_page(site, client, fact_checker, django_capture_on_commit_callbacks):
    client.force_login(fact_checker)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/sources/add/", {"url": site.url("/news/wheat"), "action": "fetch"})
    batch = IngestBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/ingest/{batch.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "HTTP 404 Not Found" in page and "Retry all failed" in page

    serve_story(site, "wheat")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/ingest/{batch.pk}/retry/")

    assert response.status_code == 302
    page = client.get(f"/ingest/{batch.pk}/").content.decode()
    assert "Wheat exports fall by a third" in page and "HTTP 404" not in page
    batch.refresh_from_db()
    assert (batch.created, batch.failed, batch.started_by) == (1, 0, fact_checker)
    assert IngestItem.objects.get().result == "created"


def test_fetch_mode_of_the_form_needs_a_url(client, fact_checker):
    client.force_login(fact_checker)
    page = client.post("/sources/add/", {"action": "fetch"}).content.decode()
    assert "Give the address of the article to fetch." in page
    assert not IngestBatch.objects.exists()


def test_retry_needs_the_desk_role_and_a_post(site, client, outsider, fact_checker):
    with pytest.raises(CommandError):
        call_command("ingest", "--url", site.url("/gone"), stdout=StringIO(), stderr=StringIO())
    batch = IngestBatch.objects.get()
    client.force_login(outsider)
    assert client.post(f"/ingest/{batch.pk}/retry/").status_code == 403
    client.force_login(fact_checker)
    assert client.get(f"/ingest/{batch.pk}/retry/").status_code == 405
    assert len(site.requests) == 1
