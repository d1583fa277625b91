# SQL here is assembled from constants and column names; every user value is a query parameter.
# ruff: noqa: S608
"""What the SQLite FTS5 and PostgreSQL backends share: the document table, filters, counts,
facets and keyset pages. Each subclass supplies its text matching, ranking and highlighting.

Every request costs three queries whatever the corpus size: one for the page of hits, one for
the count and the facets over at most COUNT_CAP matches, one for the snippets of the page only.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import itemgetter

from django.db import connection, transaction
from django.utils import timezone

from factcheck.search.backends.base import (
    COUNT_CAP,
    FACET_SIZE,
    FACETS,
    MARK_END,
    MARK_START,
    FacetValue,
    Hit,
    SearchBackend,
    SearchRequest,
    SearchResult,
    decode_cursor,
    encode_cursor,
    fragments_from_marked,
    marked_to_html,
    strip_marks,
)
from factcheck.search.models import SearchEntry
from factcheck.search.query import ParsedQuery, words_of
from factcheck.search.spec import DOCUMENT_FIELDS, Document

BATCH = 500
UPDATE_FIELDS = [name for name in DOCUMENT_FIELDS if name not in ("kind", "object_id")] + ["indexed_at"]
_DOCUMENT_VALUES = itemgetter(*DOCUMENT_FIELDS)  # a document's values in DOCUMENT_FIELDS order, as a tuple
STATUS_LABELS: dict[str, str] = {}


def _status_label(value: str) -> str:
    if not STATUS_LABELS:
        from claims.models import Claim

        STATUS_LABELS.update(dict(Claim.Status.choices))
    return STATUS_LABELS.get(value, value)


def _month_label(value: str) -> str:
    import calendar

    try:
        year, month = value.split("-")
        return f"{calendar.month_name[int(month)]} {year}"
    except (ValueError, IndexError):
        return value


class DatabaseBackend(SearchBackend):
    """Template for the database backends; see SqliteBackend and PostgresBackend."""

    vendor = ""

    # --- text matching, supplied by subclasses -------------------------------------------
    def text_match(self, parsed: ParsedQuery) -> tuple[str, str, str, list]:
        """(from_sql, where_sql, score_sql, params) restricting `e` to the text matches."""
        raise NotImplementedError

    def snippets(self, parsed: ParsedQuery, entry_ids: list[int]) -> dict[int, tuple[str, list[str]]]:
        """{entry id: (marked title, [HTML fragments])} for the page's hits only."""
        raise NotImplementedError

    # --- writing ---------------------------------------------------------------------------
    def index(self, documents: Iterable[Document]) -> int:
        count = 0
        batch: list[Document] = []
        # No savepoint inside a caller's transaction: an indexing error fails the whole write anyway.
        with transaction.atomic(savepoint=False):
            for doc in documents:
                batch.append(doc)
                if len(batch) >= BATCH:
                    count += self._upsert(batch)
                    batch = []
            if batch:
                count += self._upsert(batch)
        return count

    def _upsert(self, documents: list[Document]) -> int:
        """Insert or update documents by (kind, object_id), in raw SQL: the ORM's bulk upsert compiled every
        value of every row, which cost more than the statement (extraction indexes hundreds of claims a batch)."""
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        # One row per object (the last document wins): PostgreSQL refuses to update a row twice in one statement.
        latest = {(doc["kind"], doc["object_id"]): doc for doc in documents}
        fields = _DOCUMENT_VALUES
        rows = [(*fields(doc), now) for doc in latest.values()]
        columns = [*DOCUMENT_FIELDS, "indexed_at"]
        updates = ", ".join(f"{name} = excluded.{name}" for name in UPDATE_FIELDS)
        tail = f" ON CONFLICT (kind, object_id) DO UPDATE SET {updates}"
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                # In-process: a statement per row costs no round trip.
                placeholder = "(" + ", ".join(["%s"] * len(columns)) + ")"
                cursor.executemany(f"INSERT INTO search_entry ({', '.join(columns)}) VALUES {placeholder}{tail}", rows)
            else:
                # COPY into a session-local staging table, then one upsert from it: Django's client-side binding
                # built a statement with a quoted literal per value, which cost more than the upsert itself.
                names = ", ".join(columns)
                cursor.execute(
                    f"CREATE TEMP TABLE IF NOT EXISTS search_entry_load ON COMMIT DELETE ROWS AS "
                    f"SELECT {names} FROM search_entry WITH NO DATA"
                )
                with cursor.cursor.copy(f"COPY search_entry_load ({names}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                # The documents already indexed are updated, then the others inserted: an INSERT … ON CONFLICT DO
                # UPDATE computes the generated tsvector of a conflicting row twice (the row it tries to insert,
                # then the updated one). The insert keeps ON CONFLICT for a document another transaction indexes
                # meanwhile.
                updates_from_load = ", ".join(f"{name} = l.{name}" for name in UPDATE_FIELDS)
                cursor.execute(
                    f"UPDATE search_entry e SET {updates_from_load} FROM search_entry_load l "
                    "WHERE e.kind = l.kind AND e.object_id = l.object_id"
                )
                cursor.execute(
                    f"INSERT INTO search_entry ({names}) SELECT {names} FROM search_entry_load l WHERE NOT EXISTS "
                    f"(SELECT 1 FROM search_entry e WHERE e.kind = l.kind AND e.object_id = l.object_id){tail}"
                )
                cursor.execute("TRUNCATE search_entry_load")
        return len(rows)

    def delete(self, kind: str, object_ids: Iterable[int]) -> int:
        ids = list(object_ids)
        if not ids:
            return 0
        return SearchEntry.objects.filter(kind=kind, object_id__in=ids).delete()[0]

    def rebuild(self, documents: Iterable[Document], *, progress=None) -> int:
        """Swap the whole index in one transaction: readers see the old index until commit."""
        with transaction.atomic():
            SearchEntry.objects.all().delete()
            count = 0
            batch: list[SearchEntry] = []
            for doc in documents:
                batch.append(SearchEntry(**doc))
                if len(batch) >= BATCH:
                    SearchEntry.objects.bulk_create(batch)
                    count += len(batch)
                    if progress:
                        progress(len(batch))
                    batch = []
            if batch:
                SearchEntry.objects.bulk_create(batch)
                count += len(batch)
                if progress:
                    progress(len(batch))
        return count

    def indexed_ids(self, kind: str) -> set[int]:
        return set(SearchEntry.objects.filter(kind=kind).values_list("object_id", flat=True))

    def health(self) -> dict:
        try:
            counts = {kind: SearchEntry.objects.filter(kind=kind).count() for kind in FACETS}
        except Exception as exc:
            return {"backend": self.name, "status": "unavailable", "error": str(exc)[:200]}
        return {"backend": self.name, "status": "ok", "documents": counts}

    # --- reading ---------------------------------------------------------------------------
    def _filters(self, request: SearchRequest) -> tuple[list[str], list]:
        parsed = request.parsed
        where, params = ["e.kind = %s"], [request.kind]
        if request.public_only:
            where.append("e.is_public = %s")
            params.append(True)
        filters = parsed.filters
        if "outlet" in filters:
            value = filters["outlet"].lower()
            where.append("(lower(e.outlet) = %s OR e.outlet_domain = %s OR e.outlet_domain = %s)")
            params += [value, value.removeprefix("www."), value + ".com"]
        if "claimant" in filters:
            where.append("lower(e.claimant) LIKE %s")
            params.append("%" + filters["claimant"].lower().replace("%", "").replace("_", "") + "%")
        if "language" in filters:
            where.append("e.language = %s")
            params.append(filters["language"].lower())
        if "status" in filters:
            where.append("e.status = %s")
            params.append(filters["status"].lower().replace(" ", "_").replace("-", "_"))
        if "claim_type" in filters:
            where.append("e.claim_type = %s")
            params.append(filters["claim_type"].lower())
        if "rating" in filters:
            where.append("(e.rating = %s OR lower(e.rating_label) = %s)")
            value = filters["rating"].lower()
            params += ["-".join(words_of(value)), value]
        if parsed.date_from:
            where.append("e.date >= %s")
            params.append(parsed.date_from)
        if parsed.date_to:
            where.append("e.date < %s AND e.date <> ''")
            params.append(parsed.date_to)
        return where, params

    def _base(self, request: SearchRequest) -> tuple[str, str, list]:
        """(from+where SQL, score SQL, params) of every match of the request."""
        where, params = self._filters(request)
        parsed = request.parsed
        if parsed.is_empty:
            return "FROM search_entry e WHERE " + " AND ".join(where), "0.0", params
        from_sql, match_sql, score_sql, match_params = self.text_match(parsed)
        sql = f"{from_sql} WHERE {match_sql} AND " + " AND ".join(where)
        return sql, score_sql, match_params + params

    def search(self, request: SearchRequest) -> SearchResult:
        base, score_sql, params = self._base(request)
        by_date = request.sort == "date"
        key = "e.date" if by_date else "score"
        after = decode_cursor(request.cursor)
        # Rows: (entry id, object id, date, score), best first.
        page_sql = f"SELECT * FROM (SELECT e.id, e.object_id, e.date, {score_sql} AS score {base}) e"
        page_params = list(params)
        if after is not None:
            page_sql += f" WHERE ({key} < %s OR ({key} = %s AND e.object_id < %s))"
            page_params += [after[0], after[0], after[1]]
        page_sql += f" ORDER BY {key} DESC, e.object_id DESC LIMIT %s"
        page_params.append(request.page_size + 1)
        with connection.cursor() as cursor:
            cursor.execute(page_sql, page_params)
            rows = cursor.fetchall()
        total, capped, facets = self._count_and_facets(request, base, params)
        return self._result(request, rows, total, capped, facets)

    def _result(self, request: SearchRequest, rows: list, total: int, capped: bool, facets) -> SearchResult:
        """The result from (entry id, object id, date, score) rows, page_size + 1 of them at most."""
        more = len(rows) > request.page_size
        rows = rows[: request.page_size]
        next_cursor = ""
        if more:
            last = rows[-1]
            next_cursor = encode_cursor([last[2] if request.sort == "date" else float(last[3]), last[1]])
        hits = self._hits(request, rows)
        return SearchResult(
            hits=hits,
            total=total,
            total_capped=capped,
            facets=facets,
            next_cursor=next_cursor,
            notice=request.parsed.notice,
            backend=self.name,
        )

    def _count_and_facets(self, request: SearchRequest, base: str, params: list):
        names = FACETS[request.kind] if request.facets else ()
        columns = ", ".join(["e.id", *(f"e.{name}" for name in names), "e.rating_label"])
        parts = ["SELECT 'count', '', '', count(*) FROM m"]
        for name in names:
            label = "max(rating_label)" if name == "rating" else "''"
            parts.append(
                f"SELECT '{name}', {name}, {label}, count(*) FROM (SELECT * FROM m LIMIT {COUNT_CAP}) f "
                f"WHERE {name} <> '' GROUP BY {name}"
            )
        sql = f"WITH m AS MATERIALIZED (SELECT {columns} {base} LIMIT %s) " + " UNION ALL ".join(parts)
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, COUNT_CAP + 1])
            rows = cursor.fetchall()
        return self._group_facets(rows, names)

    @staticmethod
    def _group_facets(rows, names):
        """(total, capped, facets) from ('count'|facet, value, label, count) rows."""
        total = 0
        grouped: dict[str, list[FacetValue]] = {name: [] for name in names}
        for facet, value, label, count in rows:
            if facet == "count":
                total = count
                continue
            if not value:
                continue
            if facet == "month":
                label = _month_label(value)
            elif facet == "status":
                label = _status_label(value)
            grouped[facet].append(FacetValue(value=value, label=label or value, count=count))
        for name, values in grouped.items():
            if name == "month":
                values.sort(key=lambda v: v.value, reverse=True)
            else:
                values.sort(key=lambda v: (-v.count, v.label))
            del values[FACET_SIZE:]
        capped = total > COUNT_CAP
        return min(total, COUNT_CAP), capped, grouped

    def _hits(self, request: SearchRequest, rows: list) -> list[Hit]:
        if not rows:
            return []
        ids = [row[0] for row in rows]
        entries = SearchEntry.objects.in_bulk(ids)
        parsed = request.parsed
        marked = self.snippets(parsed, ids) if parsed.has_text else {}
        hits = []
        for entry_id, _object_id, _date, score in rows:
            entry = entries[entry_id]
            title_marked, fragments = marked.get(entry_id, ("", []))
            if not fragments:
                fragments = [marked_to_html(entry.body[:220]) + (" …" if len(entry.body) > 220 else "")]
            hits.append(
                Hit(
                    kind=entry.kind,
                    object_id=entry.object_id,
                    title=entry.title,
                    title_html=marked_to_html(title_marked) if title_marked else marked_to_html(entry.title),
                    url=entry.url,
                    outlet=entry.outlet,
                    date=entry.date,
                    snippets=fragments,
                    score=float(score),
                    extra={
                        "language": entry.language,
                        "status": entry.status,
                        "claimant": entry.claimant,
                        "claim_type": entry.claim_type,
                        "rating": entry.rating_label,
                        "is_public": entry.is_public,
                    },
                )
            )
        return hits


# --- SQLite FTS5 -------------------------------------------------------------------------------


def _fts_string(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _fts_item(item) -> str:
    from factcheck.search.query import AnyOf, Phrase

    if isinstance(item, AnyOf):
        return "(" + " OR ".join(_fts_item(i) for i in item.items) + ")"
    if isinstance(item, Phrase):
        return _fts_string(" ".join(item.words))
    # Words of four letters or more also find longer forms: "Russia" finds "Russian".
    if item.prefix or len(item.word) >= 4:
        return _fts_string(item.word) + "*"
    return _fts_string(item.word)


def fts5_expression(parsed: ParsedQuery) -> tuple[str, str]:
    """(positive expression, negative expression) in FTS5 syntax; every word is quoted, so no
    user input is ever read as FTS5 syntax."""
    positive = " AND ".join(_fts_item(item) for item in parsed.must)
    negative = " OR ".join(_fts_item(item) for item in parsed.must_not)
    return positive, negative


class SqliteBackend(DatabaseBackend):
    name = "sqlite"
    vendor = "sqlite"
    # bm25 column weights: title, body.
    weights = (10.0, 1.0)

    def text_match(self, parsed: ParsedQuery):
        positive, negative = fts5_expression(parsed)
        if positive:
            expression = f"{positive} NOT ({negative})" if negative else positive
            # CROSS JOIN makes SQLite run the full-text query once, first; a plain JOIN may probe it per row.
            from_sql = "FROM search_entry_fts f CROSS JOIN search_entry e ON e.id = f.rowid"
            score = f"-bm25(search_entry_fts, {self.weights[0]}, {self.weights[1]})"
            return from_sql, "search_entry_fts MATCH %s", score, [expression]
        where = "e.id NOT IN (SELECT rowid FROM search_entry_fts WHERE search_entry_fts MATCH %s)"
        return "FROM search_entry e", where, "0.0", [negative]

    def snippets(self, parsed: ParsedQuery, entry_ids: list[int]):
        positive, _ = fts5_expression(parsed)
        placeholders = ", ".join(["%s"] * len(entry_ids))
        sql = (
            f"SELECT rowid, highlight(search_entry_fts, 0, %s, %s), highlight(search_entry_fts, 1, %s, %s) "
            f"FROM search_entry_fts WHERE search_entry_fts MATCH %s AND rowid IN ({placeholders})"
        )
        marks = [MARK_START, MARK_END, MARK_START, MARK_END]
        with connection.cursor() as cursor:
            cursor.execute(sql, [*marks, positive, *entry_ids])
            rows = cursor.fetchall()
        return {row[0]: (row[1] or "", fragments_from_marked(row[2] or "")) for row in rows}

    def health(self) -> dict:
        info = super().health()
        if info["status"] == "ok":
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM search_entry_fts")
                info["fts_rows"] = cursor.fetchone()[0]
        return info


# --- PostgreSQL ----------------------------------------------------------------------------------

CONFIG = "fc_search"
# Matches ts_rank scores per request (see PostgresBackend.search).
RANK_CANDIDATES = 500
COPY_CHUNK = 2000


def _pg_item(item, params: list) -> str:
    from factcheck.search.query import AnyOf, Phrase

    if isinstance(item, AnyOf):
        return "(" + " || ".join(_pg_item(i, params) for i in item.items) + ")"
    if isinstance(item, Phrase):
        params.append(" ".join(item.words))
        return f"phraseto_tsquery('{CONFIG}', %s)"
    # Words are letters and digits only (query.words_of), so quoting them as a lexeme is safe.
    word = item.word.replace("'", "").replace("\\", "")
    suffix = ":*" if item.prefix or len(word) >= 4 else ""
    params.append(f"'{word}'{suffix}")
    return f"to_tsquery('{CONFIG}', %s)"


def tsquery_expression(parsed: ParsedQuery) -> tuple[str, list, str, list]:
    """(positive SQL, params, negative SQL, params): tsquery expressions built from the AST."""
    pos_params: list = []
    positive = " && ".join(_pg_item(item, pos_params) for item in parsed.must)
    neg_params: list = []
    negative = " || ".join(_pg_item(item, neg_params) for item in parsed.must_not)
    return positive, pos_params, negative, neg_params


def _facets_sql(names: tuple[str, ...]) -> str:
    """The count of `m` (COUNT_CAP + 1 rows at most) and its facets over COUNT_CAP of them in one
    pass (grouping sets), as rows shaped like the hits: (facet or 'count', -, -, value, label, -, count)."""
    count = "SELECT 'count', NULL, NULL, NULL, NULL, NULL, count(*) FROM m"
    if not names:
        return count
    which = "CASE " + " ".join(f"WHEN GROUPING({name}) = 0 THEN '{name}'" for name in names) + " END"
    label = "CASE WHEN GROUPING(rating) = 0 THEN max(rating_label) END" if "rating" in names else "NULL"
    sets = ", ".join(f"({name})" for name in names)
    return (
        f"{count} UNION ALL SELECT {which}, NULL::bigint, NULL::bigint, COALESCE({', '.join(names)}), {label}, "
        f"NULL::float8, count(*) FROM (SELECT * FROM m LIMIT {COUNT_CAP}) f GROUP BY GROUPING SETS ({sets})"
    )


class PostgresBackend(DatabaseBackend):
    name = "postgres"
    vendor = "postgresql"

    def text_match(self, parsed: ParsedQuery):
        positive, pos_params, negative, neg_params = tsquery_expression(parsed)
        if positive:
            query = f"({positive}) && !!({negative})" if negative else positive
            from_sql = f"FROM search_entry e, (SELECT {query} AS q) q"
            # Normalisation 1 divides by 1 + log(length): long articles do not win by length alone.
            return from_sql, "e.vector @@ q.q", "ts_rank(e.vector, q.q, 1)::float8", pos_params + neg_params
        where = f"NOT (e.vector @@ ({negative}))"
        return "FROM search_entry e", where, "0.0", neg_params

    def rebuild(self, documents: Iterable[Document], *, progress=None) -> int:
        """COPY every document in, with the GIN index dropped and rebuilt after: a bulk build is
        several times faster than maintaining the index row by row. Searches wait for the
        rebuild's commit (its DROP INDEX locks the table); incremental indexing never does."""
        columns = [*DOCUMENT_FIELDS, "indexed_at"]
        copy_sql = f"COPY search_entry ({', '.join(columns)}) FROM STDIN"
        now = timezone.now()
        count = 0
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DROP INDEX IF EXISTS search_entry_vector")
            # TRUNCATE (transactional here) leaves no dead rows behind: a DELETE left as many
            # as there were documents, and every search after the rebuild read them until VACUUM.
            cursor.execute("TRUNCATE search_entry")

            def flush(rows: list) -> None:
                with cursor.cursor.copy(copy_sql) as copy:
                    for row in rows:
                        copy.write_row(row)
                if progress:
                    progress(len(rows))

            # Documents are read through this same connection: buffer a chunk, then COPY it.
            rows: list = []
            for doc in documents:
                rows.append([*(doc[name] for name in DOCUMENT_FIELDS), now])
                if len(rows) >= COPY_CHUNK:
                    flush(rows)
                    count += len(rows)
                    rows = []
            if rows:
                flush(rows)
                count += len(rows)
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
            cursor.execute("CREATE INDEX search_entry_vector ON search_entry USING gin (vector)")
        return count

    def search(self, request: SearchRequest) -> SearchResult:
        """Text queries in one statement: a single GIN bitmap scan feeds the count, the facets and
        the ranking. Reading a document's tsvector (TOASTed, ~2 KB) is what costs, so:

        - matches are collected without reading vectors (phrases excepted: their word positions are
          in the vector), at most COUNT_CAP + 1 of them;
        - ts_rank runs on RANK_CANDIDATES of them only, the newest: exact relevance up to that
          many matches, "best among the newest" above it (broad queries; see docs/search.md);
        - sequential scans are disabled for the statement, as a seq scan reads every vector.
        """
        parsed = request.parsed
        if not parsed.has_text:
            return super().search(request)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            return self._search_text(request)

    def _search_text(self, request: SearchRequest) -> SearchResult:
        positive, pos_params, negative, neg_params = tsquery_expression(request.parsed)
        query = f"({positive}) && !!({negative})" if negative else positive
        where, filter_params = self._filters(request)
        names = FACETS[request.kind] if request.facets else ()
        by_date = request.sort == "date"
        after = decode_cursor(request.cursor)
        key = "date" if by_date else "score"
        cursor_sql, cursor_params = "", []
        if after is not None:
            cursor_sql = f"WHERE ({key} < %s OR ({key} = %s AND object_id < %s))"
            cursor_params = [after[0], after[0], after[1]]
        facet_columns = "".join(f", e.{name}" for name in names)
        if by_date:
            page = f"SELECT id, object_id, date, 0.0::float8 AS score FROM m {cursor_sql}"
        else:
            page = (
                "SELECT * FROM (SELECT e.id, e.object_id, e.date, ts_rank(e.vector, q.q, 1)::float8 AS score "
                "FROM search_entry e JOIN c ON c.id = e.id, q) r " + cursor_sql
            )
        sql = (
            f"WITH q AS MATERIALIZED (SELECT {query} AS q), "
            f"m AS MATERIALIZED (SELECT e.id, e.object_id, e.date, e.rating_label{facet_columns} "
            f"FROM search_entry e, q WHERE e.vector @@ q.q AND {' AND '.join(where)} LIMIT %s), "
            # ISO dates sort the same bytewise; "C" spares a locale comparison per match (~2 ms at 10,000).
            'c AS (SELECT id FROM m ORDER BY date COLLATE "C" DESC, object_id DESC LIMIT %s), '
            f"p AS ({page} ORDER BY {key} DESC, object_id DESC LIMIT %s) "
            "SELECT 'hit', id, object_id, date, NULL, score, NULL::bigint FROM p UNION ALL " + _facets_sql(names)
        )
        params = [
            *pos_params,
            *neg_params,
            *filter_params,
            COUNT_CAP + 1,
            RANK_CANDIDATES,
            *cursor_params,
            request.page_size + 1,
        ]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        hits = [(r[1], r[2], r[3], r[5]) for r in rows if r[0] == "hit"]
        hits.sort(key=lambda r: (r[2] if by_date else r[3], r[1]), reverse=True)
        facet_rows = [(r[0], r[3], r[4], r[6]) for r in rows if r[0] != "hit"]
        total, capped, facets = self._group_facets(facet_rows, names)
        if capped and by_date:
            # m holds some matches, not necessarily the newest: walk the date index instead.
            query_params = pos_params + neg_params
            hits = self._newest(request, query, query_params, where, filter_params, cursor_sql, cursor_params)
        return self._result(request, hits, total, capped, facets)

    def _newest(self, request, query, query_params, where, filter_params, cursor_sql, cursor_params):
        sql = (
            f"SELECT * FROM (SELECT e.id, e.object_id, e.date, 0.0::float8 AS score FROM search_entry e, "
            f"(SELECT {query} AS q) q WHERE e.vector @@ q.q AND {' AND '.join(where)}) m {cursor_sql} "
            "ORDER BY date DESC, object_id DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*query_params, *filter_params, *cursor_params, request.page_size + 1])
            return cursor.fetchall()

    def snippets(self, parsed: ParsedQuery, entry_ids: list[int]):
        positive, pos_params, _, _ = tsquery_expression(parsed)
        title_opts = f"HighlightAll=true, StartSel={MARK_START}, StopSel={MARK_END}"
        body_opts = (
            f"MaxFragments=3, MaxWords=28, MinWords=10, StartSel={MARK_START}, StopSel={MARK_END}, "
            "FragmentDelimiter=\ue002"
        )
        placeholders = ", ".join(["%s"] * len(entry_ids))
        # ts_headline re-parses the text: run it on this page's hits only, never on all matches.
        sql = (
            f"SELECT e.id, ts_headline('{CONFIG}', e.title, q.q, %s), ts_headline('{CONFIG}', e.body, q.q, %s) "
            f"FROM search_entry e, (SELECT {positive} AS q) q WHERE e.id IN ({placeholders})"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [title_opts, body_opts, *pos_params, *entry_ids])
            rows = cursor.fetchall()
        result = {}
        for entry_id, title, body in rows:
            fragments = [marked_to_html(part.strip()) for part in (body or "").split("\ue002") if MARK_START in part][
                :3
            ]
            result[entry_id] = (title if MARK_START in (title or "") else strip_marks(title or ""), fragments)
        return result
