"""Elasticsearch backend: the only module that imports elasticsearch.

One index behind an alias (`<prefix>-search`). A rebuild writes a new versioned index
(`<prefix>-search-<timestamp>`), then swaps the alias in one atomic call and drops the old index:
searches never see a half-built index. Writes are bulk requests; every connection failure or
server error is raised as SearchUnavailable, which the index task retries with backoff.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Iterable

from elasticsearch import ApiError, Elasticsearch, TransportError, dsl, helpers

from factcheck.search.backends.base import (
    COUNT_CAP,
    FACET_SIZE,
    FACETS,
    MARK_END,
    MARK_START,
    MAX_SNIPPETS,
    FacetValue,
    Hit,
    SearchBackend,
    SearchRequest,
    SearchResult,
    SearchUnavailable,
    decode_cursor,
    encode_cursor,
    marked_to_html,
)
from factcheck.search.query import AnyOf, ParsedQuery, Phrase, words_of
from factcheck.search.spec import Document

BULK_CHUNK = 500
TEXT_FIELDS = ["title^3", "body"]

_english = dsl.analyzer(
    "folded_english",
    tokenizer="standard",
    filter=[
        "lowercase",
        "asciifolding",
        dsl.token_filter("fc_english_possessive", type="stemmer", language="possessive_english"),
        dsl.token_filter("fc_english_stem", type="stemmer", language="english"),
    ],
)
_lowercase = dsl.normalizer("lc", filter=["lowercase", "asciifolding"])


def index_definition(name: str) -> dict:
    """Settings and mappings of a new versioned index."""
    mapping = dsl.Mapping()
    for field in ("kind", "language", "date", "month", "status", "claim_type", "rating", "rating_label", "url"):
        mapping.field(field, "keyword")
    for field in ("outlet", "outlet_domain", "claimant"):
        mapping.field(field, "keyword", normalizer=_lowercase)
    mapping.field("object_id", "long")
    mapping.field("is_public", "boolean")
    mapping.field("title", "text", analyzer=_english)
    mapping.field("body", "text", analyzer=_english)
    # The display outlet keeps its case; the filter field above folds it.
    mapping.field("outlet_name", "keyword", index=False)
    mapping.field("claimant_name", "keyword", index=False)
    index = dsl.Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0, refresh_interval="1s")
    index.mapping(mapping)
    index.analyzer(_english)
    return index.to_dict()


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()


def _item_query(item) -> dsl.Query:
    if isinstance(item, AnyOf):
        return dsl.Q("bool", should=[_item_query(i) for i in item.items], minimum_should_match=1)
    if isinstance(item, Phrase):
        return dsl.Q("multi_match", query=" ".join(item.words), fields=TEXT_FIELDS, type="phrase")
    match = dsl.Q("multi_match", query=item.word, fields=TEXT_FIELDS)
    # As on the database backends, a word of four letters or more also finds longer forms.
    if item.prefix or len(item.word) >= 4:
        prefixes = [dsl.Q("prefix", **{field: {"value": _fold(item.word)}}) for field in ("title", "body")]
        return dsl.Q("bool", should=[match, *prefixes], minimum_should_match=1)
    return match


def _text_query(parsed: ParsedQuery) -> dsl.Query:
    if parsed.is_empty:
        return dsl.Q("match_all")
    return dsl.Q(
        "bool",
        must=[_item_query(item) for item in parsed.must] or [dsl.Q("match_all")],
        must_not=[_item_query(item) for item in parsed.must_not],
    )


def _filters(request: SearchRequest) -> list[dsl.Query]:
    parsed, filters = request.parsed, request.parsed.filters
    clauses = [dsl.Q("term", kind=request.kind)]
    if request.public_only:
        clauses.append(dsl.Q("term", is_public=True))
    if "outlet" in filters:
        value = filters["outlet"].lower()
        clauses.append(
            dsl.Q(
                "bool",
                should=[
                    dsl.Q("term", outlet=value),
                    dsl.Q("terms", outlet_domain=[value.removeprefix("www."), value + ".com"]),
                ],
                minimum_should_match=1,
            )
        )
    if "claimant" in filters:
        clauses.append(dsl.Q("wildcard", claimant={"value": f"*{_fold(filters['claimant'])}*"}))
    if "language" in filters:
        clauses.append(dsl.Q("term", language=filters["language"].lower()))
    if "status" in filters:
        clauses.append(dsl.Q("term", status=filters["status"].lower().replace(" ", "_").replace("-", "_")))
    if "claim_type" in filters:
        clauses.append(dsl.Q("term", claim_type=filters["claim_type"].lower()))
    if "rating" in filters:
        value = filters["rating"].lower()
        clauses.append(
            dsl.Q(
                "bool",
                should=[dsl.Q("term", rating="-".join(words_of(value))), dsl.Q("term", rating_label=filters["rating"])],
                minimum_should_match=1,
            )
        )
    if parsed.date_from or parsed.date_to:
        span = {"gte": parsed.date_from or "0"}
        if parsed.date_to:
            span["lt"] = parsed.date_to
        clauses.append(dsl.Q("range", date=span))
    return clauses


def search_body(request: SearchRequest) -> dict:
    """The exact body of the _search request for a SearchRequest."""
    search = dsl.Search().query(dsl.Q("bool", must=[_text_query(request.parsed)], filter=_filters(request)))
    key = "date" if request.sort == "date" else "_score"
    search = search.sort({key: {"order": "desc"}}, {"object_id": {"order": "desc"}})
    search = search.extra(size=request.page_size + 1, track_total_hits=COUNT_CAP)
    after = decode_cursor(request.cursor)
    if after is not None:
        search = search.extra(search_after=after)
    if request.parsed.has_text:
        search = search.highlight_options(pre_tags=[MARK_START], post_tags=[MARK_END])
        search = search.highlight("title", number_of_fragments=0)
        search = search.highlight("body", fragment_size=160, number_of_fragments=MAX_SNIPPETS)
    if request.facets:
        for name in FACETS[request.kind]:
            field = {"outlet": "outlet_name"}.get(name, name)
            agg = dsl.A("terms", field=field, size=FACET_SIZE)
            if name == "rating":
                agg.bucket("label", "terms", field="rating_label", size=1)
            search.aggs.bucket(name, agg)
    return search.to_dict()


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"
    indexes_in_transaction = False

    def __init__(self, *, url: str = "", prefix: str = "factcheck", client: Elasticsearch | None = None, **options):
        super().__init__(**options)
        self.alias = f"{prefix}-search"
        self._url = url
        self._client = client

    @property
    def client(self) -> Elasticsearch:
        if self._client is None:
            if not self._url:
                raise SearchUnavailable("ELASTICSEARCH_URL is not set")
            # Short timeouts and one retry: a request waiting on a dead cluster holds a worker.
            self._client = Elasticsearch(self._url, request_timeout=10, max_retries=1, retry_on_timeout=True)
        return self._client

    def _call(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (TransportError, ConnectionError) as exc:
            raise SearchUnavailable(str(exc)) from exc
        except ApiError as exc:
            if exc.meta.status >= 500 or exc.meta.status == 429:
                raise SearchUnavailable(str(exc)) from exc
            raise

    # --- index lifecycle ------------------------------------------------------------------
    def _new_index(self) -> str:
        name = f"{self.alias}-{time.time_ns() // 1_000_000}"
        body = index_definition(name)
        self._call(self.client.indices.create, index=name, settings=body["settings"], mappings=body["mappings"])
        return name

    def _alias_targets(self) -> list[str]:
        try:
            return sorted(self._call(self.client.indices.get_alias, name=self.alias).body)
        except ApiError as exc:
            if exc.meta.status == 404:
                return []
            raise

    def ensure_index(self) -> None:
        if not self._alias_targets():
            name = self._new_index()
            self._call(self.client.indices.put_alias, index=name, name=self.alias)

    # --- writing ---------------------------------------------------------------------------
    @staticmethod
    def _source(doc: Document) -> dict:
        source = dict(doc)
        source["outlet_name"] = doc["outlet"]
        source["claimant_name"] = doc["claimant"]
        return source

    def _bulk(self, actions: Iterable[dict], *, progress=None) -> int:
        done = 0
        for ok, item in helpers.streaming_bulk(
            self.client, actions, chunk_size=BULK_CHUNK, raise_on_error=False, max_retries=2, initial_backoff=1
        ):
            action, info = next(iter(item.items()))
            if not ok and not (action == "delete" and info.get("status") == 404):
                raise SearchUnavailable(f"bulk {action} failed: {info.get('error') or info.get('status')}")
            done += 1
            if progress and done % BULK_CHUNK == 0:
                progress(BULK_CHUNK)
        return done

    def index(self, documents: Iterable[Document]) -> int:
        self.ensure_index()
        actions = (
            {
                "_op_type": "index",
                "_index": self.alias,
                "_id": f"{d['kind']}-{d['object_id']}",
                "_source": self._source(d),
            }
            for d in documents
        )
        return self._call(self._bulk, actions)

    def delete(self, kind: str, object_ids: Iterable[int]) -> int:
        ids = list(object_ids)
        if not ids:
            return 0
        self.ensure_index()
        actions = ({"_op_type": "delete", "_index": self.alias, "_id": f"{kind}-{pk}"} for pk in ids)
        return self._call(self._bulk, actions)

    def rebuild(self, documents: Iterable[Document], *, progress=None) -> int:
        """Build a new index while the old one keeps answering, then swap the alias."""
        old = self._alias_targets()
        new = self._new_index()
        actions = (
            {"_op_type": "index", "_index": new, "_id": f"{d['kind']}-{d['object_id']}", "_source": self._source(d)}
            for d in documents
        )
        try:
            count = self._call(self._bulk, actions, progress=progress)
            self._call(self.client.indices.refresh, index=new)
        except Exception:
            self._call(self.client.indices.delete, index=new, ignore_unavailable=True)
            raise
        swap = [{"remove": {"index": name, "alias": self.alias}} for name in old]
        swap.append({"add": {"index": new, "alias": self.alias}})
        self._call(self.client.indices.update_aliases, actions=swap)
        for name in old:
            self._call(self.client.indices.delete, index=name, ignore_unavailable=True)
        return count

    def refresh(self) -> None:
        self._call(self.client.indices.refresh, index=self.alias)

    def indexed_ids(self, kind: str) -> set[int]:
        ids: set[int] = set()
        after = None
        while True:
            body = {
                "query": {"term": {"kind": kind}},
                "_source": False,
                "docvalue_fields": ["object_id"],
                "sort": [{"object_id": "asc"}],
                "size": 5000,
            }
            if after is not None:
                body["search_after"] = after
            response = self._call(self.client.search, index=self.alias, body=body)
            hits = response["hits"]["hits"]
            ids.update(hit["sort"][0] for hit in hits)
            if len(hits) < 5000:
                return ids
            after = hits[-1]["sort"]

    def health(self) -> dict:
        try:
            cluster = self._call(self.client.cluster.health)
            targets = self._alias_targets()
        except (SearchUnavailable, ApiError) as exc:
            return {"backend": self.name, "status": "unavailable", "error": str(exc)[:200]}
        status = "ok" if cluster["status"] in ("green", "yellow") and targets else "degraded"
        return {"backend": self.name, "status": status, "cluster": cluster["status"], "indices": targets}

    # --- reading ---------------------------------------------------------------------------
    def search(self, request: SearchRequest) -> SearchResult:
        response = self._call(self.client.search, index=self.alias, body=search_body(request))
        return parse_response(request, response.body if hasattr(response, "body") else response)


def parse_response(request: SearchRequest, body: dict) -> SearchResult:
    raw_hits = body["hits"]["hits"]
    more = len(raw_hits) > request.page_size
    raw_hits = raw_hits[: request.page_size]
    hits = []
    for raw in raw_hits:
        source = raw["_source"]
        highlight = raw.get("highlight", {})
        title_marked = (highlight.get("title") or [""])[0]
        snippets = [marked_to_html(fragment) for fragment in highlight.get("body", [])][:MAX_SNIPPETS]
        if not snippets:
            body_text = source.get("body", "")
            snippets = [marked_to_html(body_text[:220]) + (" …" if len(body_text) > 220 else "")]
        hits.append(
            Hit(
                kind=source["kind"],
                object_id=source["object_id"],
                title=source.get("title", ""),
                title_html=marked_to_html(title_marked or source.get("title", "")),
                url=source.get("url", ""),
                outlet=source.get("outlet_name", source.get("outlet", "")),
                date=source.get("date", ""),
                snippets=snippets,
                score=float(raw.get("_score") or 0.0),
                extra={
                    "language": source.get("language", ""),
                    "status": source.get("status", ""),
                    "claimant": source.get("claimant_name", ""),
                    "claim_type": source.get("claim_type", ""),
                    "rating": source.get("rating_label", ""),
                    "is_public": source.get("is_public", False),
                },
            )
        )
    next_cursor = encode_cursor(raw_hits[-1]["sort"]) if more and raw_hits else ""
    total = body["hits"]["total"]
    facets: dict[str, list[FacetValue]] = {}
    from factcheck.search.backends.database import _month_label, _status_label

    for name, agg in (body.get("aggregations") or {}).items():
        values = []
        for bucket in agg["buckets"]:
            value = str(bucket["key"])
            label = value
            if name == "month":
                label = _month_label(value)
            elif name == "status":
                label = _status_label(value)
            elif name == "rating" and bucket.get("label", {}).get("buckets"):
                label = bucket["label"]["buckets"][0]["key"]
            if value:
                values.append(FacetValue(value=value, label=label, count=bucket["doc_count"]))
        if name == "month":
            values.sort(key=lambda v: v.value, reverse=True)
        facets[name] = values
    return SearchResult(
        hits=hits,
        total=min(total["value"], COUNT_CAP),
        total_capped=total.get("relation") == "gte" and total["value"] >= COUNT_CAP,
        facets=facets,
        next_cursor=next_cursor,
        notice=request.parsed.notice,
        backend="elasticsearch",
    )
