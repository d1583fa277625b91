"""The search page, the API, the commands and the indexing hooks, on the database's own backend."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from rest_framework.test import APIClient

from factcheck.search import get_backend
from factcheck.search.backends.base import COUNT_CAP
from factcheck.search.selectors import search_run
from factcheck.search.services import _read_ahead, search_rebuild
from factcheck.search.spec import DOCUMENT_FIELDS, SPECS
from sources.ingest import ArticleInput
from sources.services import source_store

pytestmark = pytest.mark.django_db


# --- web page ------------------------------------------------------------------------------


def test_the_page_needs_a_desk_login(client, outsider):
    assert client.get("/search/?q=troops").status_code == 302
    client.force_login(outsider)
    assert client.get("/search/?q=troops").status_code == 403


def test_the_page_shows_hits_snippets_and_facet_links(client, fact_checker, corpus):
    client.force_login(fact_checker)
    page = client.get("/search/", {"q": "grain"}).content.decode()
    assert "2 results" in page
    assert "<mark>Grain</mark> deal talks resume in Istanbul" in page
    assert 'href="/sources/' in page
    # A facet is a link that adds its filter to the query.
    assert "q=grain+outlet%3ATASS" in page
    # The desk sees private sources too.
    assert "Central bank assets frozen" in client.get("/search/", {"q": "rouble"}).content.decode()


def test_the_page_says_when_it_fell_back_to_plain_words(client, fact_checker, corpus):
    client.force_login(fact_checker)
    page = client.get("/search/", {"q": '"grain deal OR'}).content.decode()
    assert "Showing results for the plain words: grain deal" in page


def test_claims_tab(client, fact_checker, corpus):
    client.force_login(fact_checker)
    page = client.get("/search/", {"q": "troops", "type": "claims"}).content.decode()
    assert "Russia withdrew 40 per cent of its <mark>troops</mark>" in page
    assert "Sergei Shoigu" in page and "False" in page


def test_the_nav_links_to_search(client, fact_checker):
    client.force_login(fact_checker)
    assert 'href="/search/"' in client.get("/sources/").content.decode()


# --- API -------------------------------------------------------------------------------------


def test_api_roles(api_client, outsider, corpus):
    assert api_client.get("/api/v1/search", {"q": "troops"}).status_code == 403
    api_client.force_authenticate(outsider)
    response = api_client.get("/api/v1/search", {"q": "troops"})
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"


def test_api_results_and_cursor(checker_api, corpus):
    body = checker_api.get("/api/v1/search", {"q": "date:2022-03", "page_size": 2}).json()
    assert body["total"] == 3 and len(body["results"]) == 2
    assert body["results"][0]["snippets"]
    assert {f["value"] for f in body["facets"]["outlet"]} == {"TASS", "Reuters", "RIA"}
    rest = checker_api.get(body["next"]).json()
    assert len(rest["results"]) == 1 and rest["next"] is None
    ids = [r["id"] for r in body["results"] + rest["results"]]
    assert len(set(ids)) == 3


def test_api_public_visibility_and_claims(checker_api, corpus):
    body = checker_api.get("/api/v1/search", {"q": "russia", "visibility": "public"}).json()
    assert [r["title"] for r in body["results"]] == ["Russian troops withdraw from Kyiv region"]
    claims = checker_api.get("/api/v1/search", {"q": "", "type": "claims"}).json()
    assert {r["status"] for r in claims["results"]} == {"published", "in_review"}


def test_api_bad_parameters_get_the_usual_error(checker_api):
    response = checker_api.get("/api/v1/search", {"q": "x", "type": "videos"})
    assert response.status_code == 400
    assert "type" in response.json()["error"]["fields"]


# --- commands --------------------------------------------------------------------------------


def test_search_command_text_and_json(corpus):
    out = StringIO()
    call_command("search", "grain", "deal", stdout=out)
    text = out.getvalue()
    assert "Grain deal talks resume in Istanbul  [Kyiv Independent · 2022-04-10]" in text
    assert "the [grain] [deal] would let" in text
    out = StringIO()
    call_command("search", "Shoigu", "--type", "claims", "--format", "json", stdout=out)
    body = json.loads(out.getvalue())
    assert body["results"][0]["claimant"] == "Sergei Shoigu"


def test_search_index_command(corpus):
    out = StringIO()
    call_command("search_index", "--rebuild", stdout=out)
    assert "Indexed 6 documents" in out.getvalue()
    out = StringIO()
    call_command("search_index", "--health", stdout=out)
    assert "'status': 'ok'" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_a_rebuild_outside_a_transaction_restores_the_index(corpus):
    # Outside a transaction PostgreSQL reads the documents ahead through a second connection.
    backend = get_backend()
    backend.delete("source", [corpus["sources"]["grain"].pk])
    assert search_run(query="istanbul", public_only=False).hits == []
    assert search_rebuild() == 6
    assert [h.title for h in search_run(query="istanbul", public_only=False).hits] == [
        "Grain deal talks resume in Istanbul"
    ]
    assert search_run(query="", public_only=False).total == 4


def test_a_failed_rebuild_keeps_the_old_index(corpus):
    spec = SPECS["source"]

    def documents():
        yield from spec.documents(spec.queryset()[:1])
        raise ValueError("broken document")

    with pytest.raises(ValueError, match="broken document"):
        get_backend().rebuild(documents())
    assert search_run(query="", public_only=False).total == 4


def test_read_ahead_hands_over_every_item_and_the_producers_error():
    def produce():
        yield from range(7)
        raise ValueError("broken at 7")

    seen = []
    with pytest.raises(ValueError, match="broken at 7"), _read_ahead(produce, chunk=3) as items:
        seen.extend(items)
    assert seen == list(range(6))  # the last, incomplete chunk is lost with the error

    reader = _read_ahead(lambda: iter(range(10_000)), chunk=10, depth=1)
    with reader as items:
        assert next(items) == 0
    # Leaving early stops the producer instead of leaving it blocked on a full queue.
    assert not reader._thread.is_alive()


def test_a_broad_query_counts_up_to_the_cap_and_says_so():
    # Documents straight into the index: only the count matters here.
    backend = get_backend()
    docs = [
        {
            **dict.fromkeys(DOCUMENT_FIELDS, ""),
            "kind": "source",
            "object_id": 10_000 + i,
            "title": f"Briefing {i}",
            "body": "Ceasefire talks continue.",
            "outlet": "TASS" if i % 2 else "RIA",
            "is_public": True,
        }
        for i in range(COUNT_CAP + 1)
    ]
    backend.index(docs)
    result = search_run(query="ceasefire", public_only=False)
    assert result.total_capped and result.total == COUNT_CAP
    assert result.total_display == f"{COUNT_CAP:,}+"
    assert sum(facet.count for facet in result.facets["outlet"]) == COUNT_CAP
    assert not search_run(query="ceasefire outlet:tass", public_only=False).total_capped


# --- indexing --------------------------------------------------------------------------------


def test_a_stored_source_is_searchable_in_its_own_transaction():
    with transaction.atomic():
        source_store(article=ArticleInput(origin="x", title="Drone strike on Odesa port", text="Air defence ..."))
        # Database backends index in the same transaction: visible before commit.
        assert [h.title for h in search_run(query="odesa", public_only=False).hits] == ["Drone strike on Odesa port"]


def test_a_rolled_back_source_is_not_searchable():
    with pytest.raises(RuntimeError), transaction.atomic():
        source_store(article=ArticleInput(origin="x", title="Drone strike on Odesa port", text="Air defence ..."))
        raise RuntimeError
    assert search_run(query="odesa", public_only=False).hits == []


def test_publishing_a_verdict_makes_a_claim_public(corpus, django_capture_on_commit_callbacks):
    from claims.models import Rating, Verdict

    ports = corpus["claims"]["ports"]
    assert search_run(query="ports", kind="claims", public_only=True).hits == []
    with django_capture_on_commit_callbacks(execute=True):
        Verdict.objects.create(
            claim=ports,
            status=Verdict.Status.PUBLISHED,
            rating=Rating.objects.get(slug="unproven", scale__is_default=True),
            headline="Too early",
            explanation="...",
        )
    assert [h.object_id for h in search_run(query="rating:unproven", kind="claims", public_only=True).hits] == [
        ports.pk
    ]


def test_search_index_claims_is_what_claim_services_call(corpus):
    from claims.models import Claim
    from factcheck.search.services import search_index_claims

    ports = corpus["claims"]["ports"]
    # A bulk update sends no signal: the service hook is how claims keeps search in step.
    Claim.objects.filter(pk=ports.pk).update(status=Claim.Status.DISMISSED)
    assert search_run(query="status:dismissed", kind="claims", public_only=False).hits == []
    search_index_claims(claim_ids=[ports.pk])
    assert [h.object_id for h in search_run(query="status:dismissed", kind="claims", public_only=False).hits] == [
        ports.pk
    ]


def test_a_fresh_client_does_not_need_a_session(corpus):
    client = APIClient()
    assert client.get("/api/v1/search").status_code == 403


def test_claims_indexed_by_id_read_as_after_a_rebuild(corpus):
    """Indexing claims by id (what extraction does for a batch) builds each document from value queries; the
    index must hold what a rebuild, through the models, puts there: every sentence once, the first source's
    outlet and language, the published verdict's rating; a merged duplicate is not indexed."""
    from claims.models import Claim, Rating, Verdict
    from factcheck.search.models import SearchEntry
    from factcheck.search.services import search_index_claims
    from tests.search.conftest import _appearance

    sources = corpus["sources"]
    withdrawn, ports = corpus["claims"]["withdrawn"], corpus["claims"]["ports"]
    _appearance(withdrawn, sources["moscow"], "Министерство обороны России сообщило о выводе войск из-под Киева.")
    _appearance(withdrawn, sources["moscow"], "Переговоры продолжаются.")
    # An earlier source: its outlet becomes the claim's.
    _appearance(
        ports,
        sources["sanctions"],
        "Western governments imposed sanctions on Russia's central bank, freezing reserves abroad.",
    )
    Verdict.objects.create(
        claim=ports,
        status=Verdict.Status.PUBLISHED,
        rating=Rating.objects.get(slug="misleading", scale__is_default=True),
        headline="Partly",
        explanation="Some units left.",
    )
    merged = Claim.objects.create(text="Troops left Kyiv", duplicate_of=withdrawn)

    def claim_entries():
        fields = [name for name in DOCUMENT_FIELDS if name != "url"]
        return list(SearchEntry.objects.filter(kind="claim").order_by("object_id").values_list(*fields))

    search_index_claims(claim_ids=[withdrawn.pk, ports.pk, merged.pk])
    by_id = claim_entries()
    assert [h.object_id for h in search_run(query="Переговоры", kind="claims", public_only=False).hits] == [
        withdrawn.pk
    ]
    assert [h.outlet for h in search_run(query="sanctions", kind="claims", public_only=False).hits] == ["Reuters"]
    assert [h.extra["rating"] for h in search_run(query="rating:misleading", kind="claims").hits] == ["Misleading"]
    search_rebuild()
    assert claim_entries() == by_id
    assert [row[1] for row in by_id] == [withdrawn.pk, ports.pk]
