"""The Elasticsearch backend, tested on the exact HTTP requests it sends.

No cluster runs here: a small HTTP server on 127.0.0.1 records every request and answers like
Elasticsearch would. The same contract tests as the database backends run against a live cluster
when ELASTICSEARCH_URL is set (tests/search/test_contract.py).
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from factcheck.search import get_backend
from factcheck.search.backends.base import SearchRequest
from factcheck.search.query import parse_query
from factcheck.search.selectors import search_run
from sources.ingest import ArticleInput
from sources.services import source_store

pytestmark = pytest.mark.django_db

SEARCH_RESPONSE = {
    "took": 3,
    "timed_out": False,
    "hits": {
        "total": {"value": 2000, "relation": "gte"},
        "hits": [
            {
                "_id": "source-7",
                "_score": 4.2,
                "_source": {
                    "kind": "source",
                    "object_id": 7,
                    "title": "Grain deal talks resume",
                    "body": "…",
                    "url": "/sources/7/",
                    "outlet_name": "Kyiv Independent",
                    "date": "2022-04-10",
                },
                "highlight": {
                    "title": ["\ue000Grain\ue001 \ue000deal\ue001 talks resume"],
                    "body": ["the \ue000grain deal\ue001 <b>would</b> let", "second \ue000grain\ue001 fragment"],
                },
                "sort": [4.2, 7],
            },
            {"_id": "source-3", "_score": 1.0, "_source": {"kind": "source", "object_id": 3}, "sort": [1.0, 3]},
        ],
    },
    "aggregations": {
        "outlet": {"buckets": [{"key": "Kyiv Independent", "doc_count": 812}, {"key": "TASS", "doc_count": 20}]},
        "month": {"buckets": [{"key": "2022-03", "doc_count": 5}, {"key": "2022-04", "doc_count": 9}]},
        "language": {"buckets": [{"key": "en", "doc_count": 832}]},
    },
}


class FakeElasticsearch:
    """Records requests; answers with what a cluster would say to them."""

    def __init__(self):
        self.requests: list[dict] = []
        self.aliases: dict[str, str] = {}
        self.down = False
        handler = self._handler()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def of(self, method: str, path_part: str) -> list[dict]:
        return [r for r in self.requests if r["method"] == method and path_part in r["path"]]

    def answer(self, method: str, path: str, body) -> tuple[int, object]:
        parts = [p for p in path.split("/") if p]
        if path.startswith("/_alias/"):
            name = parts[1]
            index = self.aliases.get(name)
            if not index:
                return 404, {"error": f"alias [{name}] missing", "status": 404}
            return 200, {index: {"aliases": {name: {}}}}
        if path == "/_aliases":
            for action in body["actions"]:
                if "add" in action:
                    self.aliases[action["add"]["alias"]] = action["add"]["index"]
            return 200, {"acknowledged": True}
        if len(parts) == 3 and parts[1] == "_alias":
            self.aliases[parts[2]] = parts[0]
            return 200, {"acknowledged": True}
        if path == "/_bulk":
            items = []
            for line in body:
                if len(line) == 1 and next(iter(line)) in ("index", "delete"):
                    op = next(iter(line))
                    items.append({op: {"_id": line[op]["_id"], "status": 201 if op == "index" else 200}})
            return 200, {"took": 1, "errors": False, "items": items}
        if path.endswith("/_search"):
            if body.get("_source") is False:  # the id listing reconcile makes: an empty index
                return 200, {"hits": {"total": {"value": 0, "relation": "eq"}, "hits": []}}
            return 200, SEARCH_RESPONSE
        if path.endswith("/_refresh"):
            return 200, {"_shards": {"total": 1, "successful": 1, "failed": 0}}
        if path == "/_cluster/health":
            return 200, {"status": "green"}
        if method == "PUT" and len(parts) == 1:
            return 200, {"acknowledged": True, "index": parts[0]}
        if method == "DELETE":
            return 200, {"acknowledged": True}
        return 400, {"error": f"unexpected {method} {path}"}

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode() if length else ""
                url = urlsplit(self.path)
                if url.path == "/_bulk":
                    body = [json.loads(line) for line in raw.splitlines() if line.strip()]
                else:
                    body = json.loads(raw) if raw else None
                fake.requests.append({"method": self.command, "path": url.path, "query": url.query, "body": body})
                status, answer = (503, {"error": "down"}) if fake.down else fake.answer(self.command, url.path, body)
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("X-Elastic-Product", "Elasticsearch")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _serve

            def log_message(self, *args):
                pass

        return Handler


@pytest.fixture
def fake_es(settings):
    fake = FakeElasticsearch()
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = fake.url
    settings.SEARCH_INDEX_PREFIX = "fc"
    yield fake
    fake.server.shutdown()
    fake.server.server_close()


def test_saving_a_source_bulk_indexes_it_after_commit(fake_es, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        source, _ = source_store(
            article=ArticleInput(origin="x", title="Grain deal", text="Ports reopen.", outlet="TASS", language="en")
        )
    assert fake_es.requests == []  # nothing is sent before the transaction commits
    for callback in callbacks:
        callback()
    created = [r for r in fake_es.of("PUT", "/fc-search-") if "_alias" not in r["path"]]
    assert len(created) == 1
    assert fake_es.aliases == {"fc-search": created[0]["path"].strip("/")}
    mappings = created[0]["body"]["mappings"]["properties"]
    assert mappings["title"] == {"type": "text", "analyzer": "folded_english"}
    assert created[0]["body"]["settings"]["analysis"]["analyzer"]["folded_english"]["filter"][:2] == [
        "lowercase",
        "asciifolding",
    ]
    (bulk,) = [r for r in fake_es.requests if r["path"] == "/_bulk"]
    action, doc = bulk["body"]
    assert action == {"index": {"_index": "fc-search", "_id": f"source-{source.pk}"}}
    assert doc["title"] == "Grain deal" and doc["outlet_name"] == "TASS" and doc["is_public"] is True


def test_rebuild_builds_a_new_index_and_swaps_the_alias(fake_es, corpus):
    backend = get_backend()
    old = fake_es.aliases["fc-search"]
    fake_es.requests.clear()
    backend.rebuild(
        [
            {"kind": "source", "object_id": 1, "title": "a", "body": "b", "outlet": "", "claimant": ""},
            {"kind": "claim", "object_id": 2, "title": "c", "body": "d", "outlet": "", "claimant": ""},
        ]
    )
    (created,) = [r for r in fake_es.of("PUT", "/fc-search-") if "_alias" not in r["path"]]
    new = created["path"].strip("/")
    assert new != old
    bulk_lines = next(r for r in fake_es.requests if r["path"] == "/_bulk")["body"]
    assert bulk_lines[0] == {"index": {"_index": new, "_id": "source-1"}}
    assert bulk_lines[2] == {"index": {"_index": new, "_id": "claim-2"}}
    (swap,) = fake_es.of("POST", "/_aliases")
    assert swap["body"]["actions"] == [
        {"remove": {"index": old, "alias": "fc-search"}},
        {"add": {"index": new, "alias": "fc-search"}},
    ]
    # The old index is dropped only after the alias points at the new one.
    order = [(r["method"], r["path"]) for r in fake_es.requests]
    assert order.index(("POST", "/_aliases")) < order.index(("DELETE", f"/{old}"))


def test_the_search_request_and_how_its_answer_is_shown(fake_es):
    result = search_run(query='"grain deal" russia -nato outlet:tass date:2022-03', public_only=True, page_size=1)
    (sent,) = fake_es.of("POST", "/fc-search/_search")
    body = sent["body"]
    text = body["query"]["bool"]["must"][0]["bool"]
    assert text["must"][0] == {"multi_match": {"query": "grain deal", "fields": ["title^3", "body"], "type": "phrase"}}
    assert {"prefix": {"body": {"value": "russia"}}} in text["must"][1]["bool"]["should"]
    assert text["must_not"][0]["bool"]["should"][0]["multi_match"]["query"] == "nato"
    filters = body["query"]["bool"]["filter"]
    assert {"term": {"kind": "source"}} in filters
    assert {"term": {"is_public": True}} in filters
    assert {"range": {"date": {"gte": "2022-03-01", "lt": "2022-04-01"}}} in filters
    assert body["sort"] == [{"_score": {"order": "desc"}}, {"object_id": {"order": "desc"}}]
    assert body["size"] == 2 and body["track_total_hits"] == 2000
    assert body["highlight"]["fields"]["body"] == {"fragment_size": 160, "number_of_fragments": 3}
    assert set(body["aggs"]) == {"outlet", "month", "language"}
    # The answer, as users see it.
    assert result.total_display == "2,000+"
    (hit,) = result.hits
    assert hit.title_html == "<mark>Grain</mark> <mark>deal</mark> talks resume"
    assert hit.snippets[0] == "the <mark>grain deal</mark> &lt;b&gt;would&lt;/b&gt; let"
    assert [(f.label, f.count) for f in result.facets["outlet"]] == [("Kyiv Independent", 812), ("TASS", 20)]
    assert [f.label for f in result.facets["month"]] == ["April 2022", "March 2022"]
    # The next page continues after the last hit shown.
    search_run(query="grain", public_only=True, page_size=1, cursor=result.next_cursor)
    assert fake_es.of("POST", "/_search")[-1]["body"]["search_after"] == [4.2, 7]


def test_claim_filters_in_the_request(fake_es):
    get_backend().search(
        SearchRequest(parsed=parse_query("claimant:Shoigu rating:false status:published"), kind="claim", sort="date")
    )
    body = fake_es.of("POST", "/_search")[-1]["body"]
    filters = body["query"]["bool"]["filter"]
    assert {"wildcard": {"claimant": {"value": "*shoigu*"}}} in filters
    assert {"term": {"status": "published"}} in filters
    assert body["sort"][0] == {"date": {"order": "desc"}}
    assert body["aggs"]["rating"]["aggs"]["label"]["terms"]["field"] == "rating_label"


def test_an_outage_never_fails_a_save(settings, django_capture_on_commit_callbacks, caplog):
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    with django_capture_on_commit_callbacks(execute=True):
        source, created = source_store(article=ArticleInput(origin="x", title="Grain deal", text="Ports reopen."))
    assert created and source.pk
    assert "deferred to reconcile" in caplog.text


def test_reconcile_indexes_what_the_outage_missed(fake_es, corpus):
    from factcheck.search.services import search_reconcile

    fake_es.requests.clear()
    # The fake cluster lists no ids (as after an outage): every row is missing.
    done = search_reconcile()
    assert done == {"source": 4, "claim": 2}
    indexed = [
        line["index"]["_id"] for r in fake_es.requests if r["path"] == "/_bulk" for line in r["body"] if "index" in line
    ]
    assert {f"source-{s.pk}" for s in corpus["sources"].values()} <= set(indexed)


def test_health_reports_an_unreachable_cluster(settings):
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    assert get_backend().health()["status"] == "unavailable"
