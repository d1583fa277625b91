"""Public fact-check pages: what a reader and a search engine see, and nothing unpublished."""

import json
import re

import feedparser
import pytest
from pyld import jsonld

from claims import workflow
from tests.claims.factories import ClaimFactory
from tests.publishing.helpers import claim_with_appearances, correct, publish

pytestmark = pytest.mark.django_db

SCHEMA = "https://schema.org/"
LOCAL_CONTEXT = {"@context": {"@vocab": SCHEMA}}


def offline_loader(url, options=None):
    """schema.org's context, served locally: the test never touches the network."""
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": LOCAL_CONTEXT}
    raise AssertionError(f"unexpected remote document {url}")


def claim_review_of(html: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1, "exactly one ClaimReview per page"
    return json.loads(blocks[0])


def expanded(document: dict) -> dict:
    [node] = jsonld.expand(document, {"documentLoader": offline_loader})
    return node


def value(node: dict, prop: str):
    items = node[SCHEMA + prop]
    return items[0].get("@value", items[0])


def test_published_page_shows_the_fact_check_and_a_valid_claim_review(client, published_claim, settings):
    response = client.get(f"/fact-checks/{published_claim.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    for visible in [
        "Unemployment fell to 3 percent",
        "the Ministry of Labour",
        "Daily Planet",
        "Evening Star",
        "https://daily.example/",
        "No, unemployment did not fall to 3%",
        "False",
        "<strong>official</strong>",
        "Labour force survey, March",
        settings.ORGANIZATION_NAME,
    ]:
        assert visible in page, visible

    review = claim_review_of(page)
    node = expanded(review)
    assert node["@type"] == [SCHEMA + "ClaimReview"]
    assert value(node, "claimReviewed") == "Unemployment fell to 3 percent"
    assert value(node, "url").endswith(f"/fact-checks/{published_claim.pk}/")
    assert value(node, "datePublished")
    assert SCHEMA + "dateModified" not in node  # never corrected
    author = node[SCHEMA + "author"][0]
    assert author["@type"] == [SCHEMA + "Organization"]
    assert value(author, "name") == settings.ORGANIZATION_NAME
    assert value(author, "url") == settings.ORGANIZATION_URL
    rating = node[SCHEMA + "reviewRating"][0]
    assert (value(rating, "ratingValue"), value(rating, "bestRating"), value(rating, "worstRating")) == (1, 5, 1)
    assert value(rating, "alternateName") == "False" and value(rating, "name") == "False"
    item = node[SCHEMA + "itemReviewed"][0]
    assert item["@type"] == [SCHEMA + "Claim"]
    claimant = item[SCHEMA + "author"][0]
    assert claimant["@type"] == [SCHEMA + "Organization"]  # a ministry is an organisation
    assert value(claimant, "name") == "the Ministry of Labour"
    assert value(item, "datePublished").startswith("2026-01-03")
    first = item[SCHEMA + "firstAppearance"][0]
    assert value(first, "url").startswith("https://daily.example/")
    appearances = item[SCHEMA + "appearance"]
    assert [value(a, "url").split("/")[2] for a in appearances] == ["daily.example", "evening.example"]
    for work in appearances:
        assert work["@type"] == [SCHEMA + "CreativeWork"]
        assert value(work, "headline") and value(work, "datePublished")
        assert value(work[SCHEMA + "publisher"][0], "name").startswith(("Daily Planet", "Evening Star"))


def test_a_person_claimant_is_a_person(client, fact_checker, editor):
    claim = publish(claim_with_appearances(claimant="Jane Smith"), author=fact_checker, editor=editor)
    review = claim_review_of(client.get(f"/fact-checks/{claim.pk}/").content.decode())
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Jane Smith"}


def test_after_a_correction_the_date_changes_and_the_page_says_why(client, published_claim, fact_checker, editor):
    before = claim_review_of(client.get(f"/fact-checks/{published_claim.pk}/").content.decode())
    correct(published_claim, author=fact_checker, editor=editor, note="The survey month was March, not April.")

    page = client.get(f"/fact-checks/{published_claim.pk}/").content.decode()
    after = expanded(claim_review_of(page))
    assert value(after, "datePublished") == before["datePublished"]  # first publication stays
    assert value(after, "dateModified") > before["datePublished"]
    assert value(after[SCHEMA + "reviewRating"][0], "alternateName") == "Mostly false"
    assert "Correction" in page and "The survey month was March, not April." in page
    assert "Correction history" in page
    assert "No, unemployment did not fall to 3%" in page  # the earlier version is listed


def test_script_in_user_text_cannot_escape_the_page(client, fact_checker, editor):
    claim = claim_with_appearances(text="</script><script>alert(1)</script> is true")
    publish(
        claim, author=fact_checker, editor=editor, explanation="[x](javascript:alert(1)) <img src=x onerror=alert(1)>"
    )
    page = client.get(f"/fact-checks/{claim.pk}/").content.decode()
    assert "<script>alert(1)" not in page
    assert "javascript:" not in page and "onerror" not in page
    assert claim_review_of(page)["claimReviewed"].startswith("</script>")  # data intact, safely escaped


def test_unpublished_claims_are_404_everywhere(client, fact_checker, editor, published_claim):
    drafted = claim_with_appearances(text="A claim still in review")
    workflow.claim_take(claim=drafted, user=fact_checker)
    for url in [f"/fact-checks/{drafted.pk}/", f"/fact-checks/{drafted.pk}/embed/", "/fact-checks/999999/"]:
        assert client.get(url).status_code == 404
    assert client.get(f"/oembed?url=http://testserver/fact-checks/{drafted.pk}/").status_code == 404
    assert client.get(f"/api/v1/fact-checks/{drafted.pk}/").status_code == 404
    for url in ["/fact-checks/", "/fact-checks/feed/", "/fact-checks/feed/atom/", "/fact-checks/claimreview.json"]:
        body = client.get(url).content.decode()
        assert "A claim still in review" not in body
        assert "Unemployment fell to 3 percent" in body


def test_index_filters_by_rating_claimant_and_date(client, published_claim, fact_checker, editor):
    other = publish(
        claim_with_appearances(text="Bread costs twice as much", claimant="Jane Smith"),
        author=fact_checker,
        editor=editor,
    )
    correct(other, author=fact_checker, editor=editor)  # now "Mostly false"
    page = client.get("/fact-checks/").content.decode()
    assert "Unemployment fell to 3 percent" in page and "Bread costs twice as much" in page
    by_rating = client.get("/fact-checks/?rating=mostly-false").content.decode()
    assert "Bread costs" in by_rating and "Unemployment" not in by_rating
    by_claimant = client.get("/fact-checks/?claimant=ministry").content.decode()
    assert "Unemployment" in by_claimant and "Bread costs" not in by_claimant
    assert "No fact-checks match" in client.get("/fact-checks/?to=2000-01-01").content.decode()
    assert "Unemployment" in client.get("/fact-checks/?from=2000-01-01").content.decode()


def test_index_pages_without_counting(client, fact_checker, editor, settings):
    from publishing import views

    for n in range(3):
        publish(ClaimFactory(text=f"Numbered claim {n}"), author=fact_checker, editor=editor)
    views.PAGE_SIZE = 2
    try:
        first = client.get("/fact-checks/").content.decode()
        second = client.get("/fact-checks/?page=2").content.decode()
    finally:
        views.PAGE_SIZE = 20
    assert "Numbered claim 2" in first and "Numbered claim 1" in first and "Older" in first
    assert "Numbered claim 0" in second and "Newer" in second and "Older" not in second


def test_feeds_carry_the_published_verdict(client, published_claim):
    rss = feedparser.parse(client.get("/fact-checks/feed/").content)
    assert rss.version == "rss20"
    [item] = rss.entries
    assert item.title == "False: No, unemployment did not fall to 3%"
    assert item.link.endswith(f"/fact-checks/{published_claim.pk}/")
    atom = feedparser.parse(client.get("/fact-checks/feed/atom/").content)
    assert atom.version == "atom10" and [e.title for e in atom.entries] == [item.title]

    response = client.get("/fact-checks/claimreview.json")
    assert response["Content-Type"].startswith("application/ld+json")
    feed = response.json()
    assert feed["@type"] == "DataFeed"
    [element] = feed["dataFeedElement"]
    node = expanded({"@context": "https://schema.org", **element})
    assert value(node, "claimReviewed") == "Unemployment fell to 3 percent"


def test_embed_card_may_be_framed_and_other_pages_may_not(client, published_claim):
    embed = client.get(f"/fact-checks/{published_claim.pk}/embed/")
    assert embed.status_code == 200 and "X-Frame-Options" not in embed
    assert "No, unemployment did not fall to 3%" in embed.content.decode()
    assert client.get(f"/fact-checks/{published_claim.pk}/")["X-Frame-Options"] == "DENY"

    oembed = client.get(f"/oembed?url=http://testserver/fact-checks/{published_claim.pk}/&maxwidth=300").json()
    assert oembed["type"] == "rich" and oembed["version"] == "1.0" and oembed["width"] == 300
    assert f'/fact-checks/{published_claim.pk}/embed/"' in oembed["html"] and "<iframe" in oembed["html"]
    assert client.get("/oembed?url=http://testserver/admin/").status_code == 404
    assert client.get(f"/oembed?url=http://testserver/fact-checks/{published_claim.pk}/&format=xml").status_code == 501
