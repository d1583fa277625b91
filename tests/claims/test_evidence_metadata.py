"""Evidence URLs get their title, publisher and date from the page, or a clear failure."""

from datetime import UTC, datetime

import pytest

from claims import workflow
from claims.models import Evidence
from claims.services import evidence_metadata_from_html, evidence_store_metadata
from claims.tasks import fetch_evidence_metadata
from tests.claims.factories import ClaimFactory
from tests.webserver import Page

PAGE = """<html><head><title>Unemployment statistics, May | Statistics Office</title>
<meta property="og:title" content="Unemployment statistics, May">
<meta property="og:site_name" content="Statistics Office">
<meta property="article:published_time" content="2024-06-03T09:30:00+00:00">
</head><body><article><p>Unemployment stood at 4.1 percent in May.</p></article></body></html>"""


def test_metadata_is_read_from_the_html():
    metadata = evidence_metadata_from_html(PAGE, url="https://stats.example/may")
    assert metadata == {
        "title": "Unemployment statistics, May",
        "publisher": "Statistics Office",
        "published_at": datetime(2024, 6, 3, tzinfo=UTC),
    }


def test_a_page_without_metadata_gives_empty_values():
    assert evidence_metadata_from_html("", url="https://x.example/") == {
        "title": "",
        "publisher": "",
        "published_at": None,
    }
    assert evidence_metadata_from_html("<html><body>hi</body></html>", url="https://x.example/")["publisher"] in (
        "",
        "x.example",
    )


@pytest.mark.django_db
def test_stored_metadata_never_overwrites_what_a_user_typed(fact_checker):
    claim = ClaimFactory()
    workflow.claim_take(claim=claim, user=fact_checker)
    evidence = Evidence.objects.create(
        claim=claim, url="https://stats.example/may", publisher="Typed by me", fetch_status=Evidence.Fetch.PENDING
    )
    evidence_store_metadata(evidence_id=evidence.pk, metadata=evidence_metadata_from_html(PAGE))
    evidence.refresh_from_db()
    assert (evidence.title, evidence.publisher, evidence.fetch_status) == (
        "Unemployment statistics, May",
        "Typed by me",
        Evidence.Fetch.DONE,
    )
    # A second run finds nothing pending and changes nothing.
    evidence_store_metadata(evidence_id=evidence.pk, error="boom")
    evidence.refresh_from_db()
    assert evidence.fetch_status == Evidence.Fetch.DONE


@pytest.mark.django_db
def test_evidence_metadata_is_fetched_from_the_page(fact_checker, site):
    site.pages["/may"] = Page(PAGE)
    claim = ClaimFactory()
    workflow.claim_take(claim=claim, user=fact_checker)
    evidence = Evidence.objects.create(claim=claim, url=site.url("/may"), fetch_status="pending")

    assert fetch_evidence_metadata(evidence.pk) == "done"

    evidence.refresh_from_db()
    assert (evidence.title, evidence.publisher) == ("Unemployment statistics, May", "Statistics Office")
    assert fetch_evidence_metadata(evidence.pk) == "skipped"
    assert fetch_evidence_metadata(987654) == "skipped"


@pytest.mark.django_db
def test_a_refused_fetch_is_recorded_for_the_user_and_the_canary_hears_nothing(fact_checker, canary):
    claim = ClaimFactory()
    workflow.claim_take(claim=claim, user=fact_checker)
    evidence = Evidence.objects.create(claim=claim, url=canary.url("/secret"), fetch_status="pending")

    assert fetch_evidence_metadata(evidence.pk) == "failed"

    evidence.refresh_from_db()
    assert evidence.fetch_status == Evidence.Fetch.FAILED
    assert "blocked: address is private" in evidence.fetch_error
    assert canary.requests == []
