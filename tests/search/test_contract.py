"""One contract every search backend honours: the same queries find the same things.

Runs against SQLite FTS5 on a SQLite database, PostgreSQL full-text search on PostgreSQL, and a
live Elasticsearch cluster when ELASTICSEARCH_URL is set.
"""

import pytest
from django.db import transaction

from factcheck.search import get_backend
from factcheck.search.selectors import search_run, search_similar_sources
from factcheck.search.services import search_rebuild, search_reconcile
from sources.models import Source

NASTY_QUERIES = [
    '"unbalanced quote',
    "troops OR",
    "OR troops",
    "-",
    "troops -",
    "*",
    "NEAR(troops kyiv)",
    'troops AND "" kyiv',
    "(troops",
    "troops)",
    "^troops~2",
    "title:troops col:x",
    "Zelenskiy",
    "Зеленский",
    "date:2022-13",
    "after:yesterday",
    "'; DROP TABLE search_entry; --",
    "a" * 600,
    "\\",
    "troops:*",
    '"',
    "- - -",
]


def titles(result) -> list[str]:
    return [hit.title for hit in result.hits]


def desk(query: str, **kwargs):
    return search_run(query=query, public_only=False, **kwargs)


@pytest.mark.django_db(transaction=False)
class TestSearchContract:
    @pytest.fixture(autouse=True)
    def _setup(self, backend_name, corpus):
        self.corpus = corpus

    def test_a_word_finds_its_other_forms(self):
        result = desk("Russia")
        assert set(titles(result)) == {"Russian troops withdraw from Kyiv region", "Central bank assets frozen"}

    def test_a_title_match_ranks_above_a_body_match(self):
        assert titles(desk("grain"))[:2] == [
            "Grain deal talks resume in Istanbul",
            "Russian troops withdraw from Kyiv region",
        ]

    def test_phrases_match_exactly(self):
        assert titles(desk('"grain deal"')) == ["Grain deal talks resume in Istanbul"]
        assert titles(desk('"deal grain"')) == []

    def test_or_exclusion_and_prefix(self):
        assert set(titles(desk("istanbul OR rouble"))) == {
            "Grain deal talks resume in Istanbul",
            "Central bank assets frozen",
        }
        assert titles(desk("russia -sanctions")) == ["Russian troops withdraw from Kyiv region"]
        assert titles(desk("sanct*")) == ["Central bank assets frozen"]

    def test_filters(self):
        assert titles(desk("outlet:tass")) == ["Russian troops withdraw from Kyiv region"]
        assert titles(desk('grain outlet:"Kyiv Independent"')) == ["Grain deal talks resume in Istanbul"]
        assert titles(desk("lang:ru")) == ["Москва заявила о выводе войск"]
        assert set(titles(desk("date:2022-03"))) == {
            "Russian troops withdraw from Kyiv region",
            "Central bank assets frozen",
            "Москва заявила о выводе войск",
        }
        assert titles(desk("after:2022-04-01")) == ["Grain deal talks resume in Istanbul"]
        assert titles(desk("before:2022-03-02")) == ["Central bank assets frozen"]

    def test_accents_and_cyrillic(self):
        assert titles(desk("Zelenskyy")) == ["Grain deal talks resume in Istanbul"]
        assert titles(desk("Москва")) == ["Москва заявила о выводе войск"]

    @pytest.mark.parametrize("query", NASTY_QUERIES)
    def test_a_malformed_query_never_fails(self, query):
        result = desk(query)
        assert isinstance(result.total, int)

    def test_a_malformed_query_says_it_used_the_plain_words(self):
        result = desk('"grain deal OR')
        assert result.notice == "Showing results for the plain words: grain deal"
        assert titles(result) == ["Grain deal talks resume in Istanbul"]
        assert desk('"grain deal"').notice == ""

    def test_snippets_mark_matches_and_escape_everything_else(self):
        hit = desk("rouble").hits[0]
        assert any("<mark>rouble</mark>" in snippet for snippet in hit.snippets)
        # Engines either escape markup or drop it; none passes it through.
        assert "&amp; bonds" in " ".join(hit.snippets)
        assert "<script>" not in " ".join(hit.snippets)
        assert len(hit.snippets) <= 3
        assert desk("grain").hits[0].title_html == "<mark>Grain</mark> deal talks resume in Istanbul"

    def test_facets_count_matches(self):
        result = desk("date:2022-03")
        assert result.total == 3
        outlets = {facet.value: facet.count for facet in result.facets["outlet"]}
        assert outlets == {"TASS": 1, "Reuters": 1, "RIA": 1}
        assert {facet.label: facet.count for facet in result.facets["month"]} == {"March 2022": 3}
        assert {facet.value: facet.count for facet in result.facets["language"]} == {"en": 2, "ru": 1}

    def test_the_public_sees_only_public_sources_and_published_claims(self):
        assert titles(search_run(query="russia", public_only=True)) == ["Russian troops withdraw from Kyiv region"]
        assert [h.object_id for h in search_run(query="", kind="claims", public_only=True).hits] == [
            self.corpus["claims"]["withdrawn"].pk
        ]
        assert len(desk("", kind="claims").hits) == 2

    def test_claims_by_text_claimant_sentence_and_filters(self):
        withdrawn, ports = self.corpus["claims"]["withdrawn"], self.corpus["claims"]["ports"]
        assert [h.object_id for h in desk("troops", kind="claims").hits] == [withdrawn.pk]
        assert [h.object_id for h in desk("Shoigu", kind="claims").hits] == [withdrawn.pk]
        # Found through the sentence it appears in, not its normalised text.
        assert [h.object_id for h in desk("Tuesday", kind="claims").hits] == [withdrawn.pk]
        assert [h.object_id for h in desk("claimant:zelenskyy", kind="claims").hits] == [ports.pk]
        assert [h.object_id for h in desk("rating:false", kind="claims").hits] == [withdrawn.pk]
        assert [h.object_id for h in desk("status:in_review", kind="claims").hits] == [ports.pk]
        assert [h.object_id for h in desk("type:prediction", kind="claims").hits] == [ports.pk]
        result = desk("", kind="claims")
        assert {f.label: f.count for f in result.facets["rating"]} == {"False": 1}
        assert {f.value: f.count for f in result.facets["status"]} == {"published": 1, "in_review": 1}

    @pytest.mark.parametrize("sort", ["relevance", "date"])
    def test_cursor_pages_walk_every_hit_once(self, sort):
        seen, cursor = [], ""
        for _ in range(10):
            result = desk("", sort=sort, cursor=cursor, page_size=1)
            seen += [hit.object_id for hit in result.hits]
            cursor = result.next_cursor
            if not cursor:
                break
        assert sorted(seen) == sorted(s.pk for s in self.corpus["sources"].values())
        if sort == "date":
            dates = [Source.objects.get(pk=pk).published_at for pk in seen]
            assert dates == sorted(dates, reverse=True)

    def test_a_tampered_cursor_starts_from_the_first_page(self):
        assert len(desk("", cursor="not-a-cursor").hits) == 4

    def test_deleted_and_edited_sources_leave_the_results(self, django_capture_on_commit_callbacks):
        source = self.corpus["sources"]["grain"]
        with django_capture_on_commit_callbacks(execute=True):
            source.delete()
        get_backend().refresh()
        assert titles(desk("istanbul")) == []
        withdraw = self.corpus["sources"]["withdraw"]
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            withdraw.title = "Troops regroup near Chernihiv"
            withdraw.save()
        get_backend().refresh()
        assert titles(desk("Chernihiv")) == ["Troops regroup near Chernihiv"]

    def test_rebuild_and_reconcile_restore_the_index(self):
        backend = get_backend()
        backend.delete("source", [self.corpus["sources"]["grain"].pk])
        backend.refresh()
        assert titles(desk("istanbul")) == []
        assert search_reconcile()["source"] == 1
        backend.refresh()
        assert titles(desk("istanbul")) == ["Grain deal talks resume in Istanbul"]
        assert search_rebuild() == 6
        backend.refresh()
        assert len(desk("").hits) == 4
        assert backend.health()["status"] == "ok"

    def test_similar_sources_share_the_claims_key_terms(self):
        result = search_similar_sources(claim_text="Ukrainian ports will reopen under the grain deal")
        assert titles(result)[0] == "Grain deal talks resume in Istanbul"
