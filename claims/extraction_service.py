"""Storing extraction results: new claims, appearances on matched claims, suggestions, recurrences, priority.

Sources are processed in batches (a task takes up to BATCH_SOURCES ids): the claims of all of them are
extracted first, then matched and stored in one transaction with a fixed number of statements whatever the
batch size — one candidate lookup, one insert per table, one update of the matched claims, one commit — so
ingest keeps up with feeds and folders. A claim made by two sources of the same batch is one claim, as if
they had been stored one after the other. Re-running on the same sources is a no-op: appearances already
stored for a (source, start, end, text) are skipped. If the batch cannot be stored, each source is stored on
its own, and within a source each claim, so that one bad claim loses nothing else.
"""

from __future__ import annotations

import json
import logging
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from itertools import chain, repeat

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Max, Min
from django.db.models.functions import Coalesce
from django.utils import timezone

from claims.extraction import ExtractedClaim
from claims.extraction.matching import (
    SAME,
    SUGGEST,
    Features,
    best_match,
    features,
    keys,
)
from claims.extraction.prepared import ExtractionError, Prepared, gc_paused, prepare_many
from claims.models import Appearance, Claim, ClaimKey, MatchSuggestion, ReviewEvent
from claims.signals import NewClaimRow, claims_changed, review_events_recorded
from factcheck.sql import int_array
from sources.models import Source
from sources.services import source_mark_extraction, sources_mark_extracted

logger = logging.getLogger(__name__)

ACTOR = "extraction"
CANDIDATES_PER_CLAIM = 20
BATCH_SOURCES = 50  # sources per task and per transaction
_SQLITE_CHUNK = 500  # IN lists stay under SQLite's bound-parameter limit (999)
_STORE_LOCK = 0x636C61696D73  # PostgreSQL advisory lock key of claim storing ("claims")

_CLAIM = Claim._meta.db_table
_KEY = ClaimKey._meta.db_table
_APPEARANCE = Appearance._meta.db_table
_SOURCE = Source._meta.db_table
_SUGGESTION = MatchSuggestion._meta.db_table
_EVENT = ReviewEvent._meta.db_table


def claim_priority(
    *,
    score: float,
    appearance_count: int,
    outlet_count: int,
    last_seen_at: datetime | None,
    recurred: bool,
    now: datetime | None = None,
) -> float:
    """Queue rank: check-worthiness, boosted by spread across outlets and appearances, fading with age.

    A claim that recurs after its verdict was published jumps up: the verdict needs re-sharing.
    """
    now = now or timezone.now()
    age_days = max(0.0, (now - last_seen_at).total_seconds() / 86400) if last_seen_at else 30.0
    recency = 0.5 ** (age_days / 7)  # halves every week
    spread = 1 + 0.3 * math.log2(1 + max(outlet_count, 0)) + 0.1 * math.log2(max(appearance_count, 1))
    priority = score * spread * (0.5 + 0.5 * recency) + (0.5 if recurred else 0.0)
    return round(priority, 4)


# --- SQL helpers: raw statements, because the ORM's per-value compilation cost more than the queries -------


def _rows_in(sql: str, values: Sequence[int], params: Sequence = ()) -> list[tuple]:
    """Rows of `sql`, whose `{in_ids}` is the test "is in `values`": one array parameter on PostgreSQL (an index
    scan for all of them), chunks of bound parameters on SQLite. `params` come before the list."""
    if not values:
        return []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(sql.format(in_ids="= ANY(%s::bigint[])"), [*params, int_array(values)])
            return cursor.fetchall()
        rows: list[tuple] = []
        for i in range(0, len(values), _SQLITE_CHUNK):
            chunk = values[i : i + _SQLITE_CHUNK]
            cursor.execute(sql.format(in_ids=f"IN ({', '.join(['%s'] * len(chunk))})"), [*params, *chunk])
            rows.extend(cursor.fetchall())
    return rows


def _insert_returning(table: str, columns: Sequence[str], rows: list[tuple]) -> list[int]:
    """Insert rows and return their ids, in the order of the rows. SQLite: multi-row INSERT … RETURNING id (it
    returns the ids in row order, which Django's bulk_create relies on too). PostgreSQL: the ids are drawn from the
    table's sequence first (one query), then the rows go in with COPY: Django's client-side binding built a
    statement with a quoted literal per value, which cost more on the client than the insert on the server."""
    if not rows:
        return []
    quote = connection.ops.quote_name
    names = ", ".join(map(quote, columns))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, len(rows)]
            )
            ids = sorted(row[0] for row in cursor.fetchall())
            with cursor.cursor.copy(f"COPY {quote(table)} (id, {names}) FROM STDIN") as copy:
                for pk, row in zip(ids, rows, strict=True):
                    copy.write_row((pk, *row))
            return ids
        ids: list[int] = []
        per_statement = max(1, 999 // len(columns))
        placeholder = f"({', '.join(['%s'] * len(columns))})"
        for i in range(0, len(rows), per_statement):
            chunk = rows[i : i + per_statement]
            cursor.execute(
                f"INSERT INTO {quote(table)} ({names}) "  # noqa: S608
                f"VALUES {', '.join([placeholder] * len(chunk))} RETURNING id",
                [value for row in chunk for value in row],
            )
            ids.extend(row[0] for row in cursor.fetchall())
    return ids


def _insert_many(table: str, columns: Sequence[str], rows: list[tuple]) -> None:
    """Plain inserts without ids: COPY on PostgreSQL (one stream instead of a statement per row), executemany on
    SQLite (in-process: a statement costs no round trip)."""
    if not rows:
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {quote(table)} ({', '.join(map(quote, columns))}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        cursor.executemany(
            f"INSERT INTO {quote(table)} ({', '.join(map(quote, columns))}) "  # noqa: S608
            f"VALUES ({', '.join(['%s'] * len(columns))})",
            rows,
        )


# json.dumps with a keyword builds an encoder per call: one, made once, writes the same text (reasons, event data).
_json = json.JSONEncoder(ensure_ascii=False).encode


@lru_cache(maxsize=4096)
def _reasons_json(reasons: tuple[str, ...]) -> str:
    # A claim's reasons come from a fixed set of cues in a fixed order: a batch's thousand claims have a few dozen
    # distinct lists, each encoded once (a tuple is written as the list's JSON array).
    return _json(reasons)


def _datetime_adapter() -> Callable[[datetime | None], object]:
    """connection.ops.adapt_datetimefield_value, remembered per value: a batch's timestamps are a few sources'
    publication times, adapted (made naive UTC text on SQLite) once each instead of once per row."""
    return lru_cache(maxsize=None)(connection.ops.adapt_datetimefield_value)


# --- matching -------------------------------------------------------------------------------------------


@dataclass
class _Item:
    source: int  # position of its source in the batch
    found: ExtractedClaim
    feats: Features
    keys: list[int]
    reasons: str  # found.reasons as JSON, for its appearance and, if new, its claim


@dataclass
class _NewClaim:
    """A claim first seen in this batch, before it has a primary key."""

    item: _Item
    appearances: int = 0
    score: float = 0.0
    outlets: set[int] = field(default_factory=set)
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    suggestion: tuple[int, float] | None = None  # (target, similarity); target < 0 is another new claim
    pk: int | None = None


@dataclass
class _Matched:
    """What this batch adds to a claim stored before it."""

    appearances: int = 0
    score: float = 0.0
    outlets: set[int] = field(default_factory=set)
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    recurred_in: list[int] = field(default_factory=list)  # source ids


def _ref(index: int) -> int:
    # New claims of the batch are referred to by negative numbers until they are inserted.
    return -1 - index


def _key_owners(all_keys: list[int]) -> dict[int, list[int]]:
    owners: defaultdict[int, list[int]] = defaultdict(list)
    rows = _rows_in(f'SELECT "key", claim_id FROM {_KEY} WHERE "key" {{in_ids}}', all_keys)  # noqa: S608
    for key, claim_id in rows:
        owners[key].append(claim_id)
    return owners


def _shared_keys(item_keys: list[int], owners: dict[int, list[int]]) -> dict[int, int]:
    """How many of a claim's index keys each stored claim shares with it."""
    # Counter counts in C, in first-seen order as a loop over the keys would (owners.get mapped in C too).
    return Counter(chain.from_iterable(map(owners.get, item_keys, repeat((), len(item_keys)))))


def _top(counts: dict[int, int]) -> list[int]:
    # Most shared keys first, ties by id (a batch's own new claims, negative refs, first; then the oldest stored):
    # the order of a claim's keys and of the database's rows does not decide which candidates make the cut. Two
    # sorts in C, the second stable (reverse=True keeps ties in order), without a Python-level key function.
    return sorted(sorted(counts), key=counts.__getitem__, reverse=True)[:CANDIDATES_PER_CLAIM]


def _stored_features(ids: list[int]) -> dict[int, tuple[Features, str]]:
    rows = _rows_in(f"SELECT id, match_features, status FROM {_CLAIM} WHERE id {{in_ids}}", ids)  # noqa: S608
    return {cid: (Features.parse(feats), status) for cid, feats, status in rows}


def claim_find_match(*, text: str) -> tuple[int | None, float]:
    """The stored claim most similar to a normalised claim text, and the similarity (two indexed queries)."""
    feats = features(text)
    feats_keys = keys(feats)
    ids = _top(_shared_keys(feats_keys, _key_owners(sorted(set(feats_keys)))))
    stored = _stored_features(ids)
    return best_match(feats, [(cid, stored[cid][0]) for cid in ids if cid in stored])


# --- storing --------------------------------------------------------------------------------------------


def _store(batch: list[tuple[Source, list[Prepared]]]) -> None:
    """Match and store the extracted claims of several sources (in order), inside the caller's transaction."""
    if connection.vendor == "postgresql":
        # One storing transaction at a time (extraction itself runs in parallel): a worker looks up candidates
        # only after the other's new claims are committed, so two workers never create the same claim twice.
        # SQLite gets the same from its IMMEDIATE transactions.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_STORE_LOCK])
    source_ids = [source.pk for source, _ in batch]
    existing = {
        (source_id, start, end, text)
        for source_id, start, end, text in _rows_in(
            f'SELECT source_id, start, "end", text FROM {_APPEARANCE} WHERE source_id {{in_ids}}',  # noqa: S608
            source_ids,
        )
    }
    items: list[_Item] = []
    for position, (source, found) in enumerate(batch):
        for prepared in found:
            claim = prepared.claim
            span = (source.pk, claim.start, claim.end, claim.text)
            if span in existing:
                continue
            existing.add(span)
            items.append(_Item(position, claim, prepared.feats, prepared.keys, _reasons_json(tuple(claim.reasons))))
    if not items:
        return
    owners = _key_owners(sorted({k for item in items for k in item.keys}))
    shared = [_shared_keys(item.keys, owners) for item in items]
    tops = [_top(counts) for counts in shared]  # the stored candidates; ranked again only if batch claims join them
    stored = _stored_features(sorted({cid for top in tops for cid in top}))

    now = timezone.now()
    seen_at = [source.published_at or source.created_at or now for source, _ in batch]
    new: list[_NewClaim] = []
    batch_postings: dict[int, list[int]] = {}  # index keys of the batch's new claims -> their refs
    matched: dict[int, _Matched] = {}
    # Each appearance: (item, claim ref or stored id, Appearance.Match, match score).
    placed: list[tuple[_Item, int, str, float | None]] = []
    first_of_source = 0
    for n, item in enumerate(items):
        if n and items[n - 1].source != item.source:
            first_of_source = len(new)
        source, _ = batch[item.source]
        # Stored claims and claims of earlier sources in this batch, ranked by shared keys as in the database.
        top = tops[n]
        joined: dict[int, int] = {}  # the batch's claims of earlier sources sharing keys with it -> how many
        earlier = _ref(first_of_source)  # refs above it are claims of earlier sources (_ref(ref) < first_of_source)
        for key in item.keys:
            for ref in batch_postings.get(key, ()):
                if ref > earlier:
                    joined[ref] = joined.get(ref, 0) + 1
        if joined:
            # Ranked with the stored top only: a stored claim outside it is outranked by as many stored claims as make
            # the cut, with the batch's claims or without them.
            counts = shared[n]
            for cid in top:
                joined[cid] = counts[cid]
            top = _top(joined)
        pool = []
        for cid in top:
            if cid < 0:
                pool.append((cid, new[_ref(cid)].item.feats))
            elif cid in stored:
                pool.append((cid, stored[cid][0]))
        best_id, best = best_match(item.feats, pool)
        # Claims made earlier in this same article count too (a claim repeated in the conclusion).
        local_pool = [(_ref(i), new[i].item.feats) for i in range(first_of_source, len(new))]
        local_id, local = best_match(item.feats, local_pool)
        if local_id is not None and local >= SAME and local >= best:
            target: int = local_id
            score: float | None = local
        elif best_id is not None and best >= SAME:
            target, score = best_id, best
        else:
            claim = _NewClaim(item)
            new.append(claim)
            target, score = _ref(len(new) - 1), None
            for key in item.keys:
                batch_postings.setdefault(key, []).append(target)
            if best_id is not None and best >= SUGGEST:
                claim.suggestion = (best_id, best)
        when = seen_at[item.source]
        if target < 0:
            record: _NewClaim | _Matched = new[_ref(target)]
            kind = Appearance.Match.ORIGINAL if score is None else Appearance.Match.AUTO
        else:
            record = matched.setdefault(target, _Matched())
            kind = Appearance.Match.AUTO
            if stored[target][1] == Claim.Status.PUBLISHED and source.pk not in record.recurred_in:
                record.recurred_in.append(source.pk)
        record.appearances += 1
        record.score = max(record.score, item.found.score)
        if source.outlet_id:
            record.outlets.add(source.outlet_id)
        record.first_seen = min(record.first_seen or when, when)
        record.last_seen = max(record.last_seen or when, when)
        placed.append((item, target, kind, score))

    _insert_claims(new, now)
    new_pk = {_ref(i): c.pk for i, c in enumerate(new)}
    _insert_many(_KEY, ["claim_id", "key"], [(claim.pk, key) for claim in new for key in claim.item.keys])
    # "Already seen in this outlet" decides whether a stored claim's outlet count grows: asked before this batch's
    # appearances are inserted, or every outlet would already have been seen.
    known = _seen_in_outlets([(cid, outlet) for cid in sorted(matched) for outlet in sorted(matched[cid].outlets)])
    _insert_appearances(batch, placed, new_pk, matched, now)
    suggestions = [(c.pk, new_pk.get(c.suggestion[0], c.suggestion[0]), c.suggestion[1]) for c in new if c.suggestion]
    _insert_suggestions(suggestions, now)
    recurred = _update_matched(matched, set(known), now)
    _record_events(batch, new, matched, recurred, now)
    claims_changed.send(
        sender=Claim,
        claim_ids=[claim.pk for claim in new] + sorted(matched),
        new_claims=_new_claim_rows(batch, new, placed, new_pk, now),
    )


def _new_claim_rows(
    batch: list[tuple[Source, list[Prepared]]],
    new: list[_NewClaim],
    placed: list[tuple[_Item, int, str, float | None]],
    new_pk: dict[int, int],
    now: datetime,
) -> dict[int, NewClaimRow]:
    """The rows of the new claims as a search document reads them back (claims_changed's `new_claims`): appearances
    in the order of their source's published_at (NULL first on SQLite, last on PostgreSQL), then of insertion (their
    ids); other databases read them back."""
    if connection.vendor not in ("sqlite", "postgresql"):
        return {}
    nulls_first = connection.vendor == "sqlite"
    order: dict[int, list[tuple[bool, datetime, int, _Item]]] = {}
    for position, (item, target, _, _) in enumerate(placed):
        if target < 0:
            published = batch[item.source][0].published_at
            key = ((published is not None) if nulls_first else (published is None), published or now, position, item)
            order.setdefault(target, []).append(key)
    rows = {}
    for index, claim in enumerate(new):
        appearances = [item for *_, item in sorted(order[_ref(index)], key=lambda key: key[:3])]
        source = batch[appearances[0].source][0]
        outlet = source.outlet if source.outlet_id else None
        found = claim.item.found
        rows[new_pk[_ref(index)]] = NewClaimRow(
            text=found.text[:5000],
            claimant=found.claimant[:300],
            status=Claim.Status.NEW.value,
            claim_type=found.claim_type,
            first_seen_at=claim.first_seen,
            created_at=now,
            sentences=[item.found.sentence for item in appearances],
            language=source.language or "",
            outlet=(outlet.name or "") if outlet else "",
            domain=(outlet.domain or "") if outlet else "",
        )
    return rows


def _insert_claims(new: list[_NewClaim], now: datetime) -> None:
    if not new:
        return
    adapt = _datetime_adapter()
    at = adapt(now)
    rows = []
    for claim in new:
        found = claim.item.found
        outlets = len(claim.outlets)
        priority = claim_priority(
            score=claim.score,
            appearance_count=claim.appearances,
            outlet_count=outlets,
            last_seen_at=claim.last_seen,
            recurred=False,
            now=now,
        )
        rows.append(
            (
                found.text[:5000],
                found.claimant[:300],
                found.claim_type,
                Claim.Status.NEW.value,
                "",
                claim.score,
                claim.item.reasons,
                priority,
                claim.appearances,
                outlets,
                adapt(claim.first_seen),
                adapt(claim.last_seen),
                1,
                claim.item.feats.serialise(),
                at,
                at,
            )
        )
    columns = [
        "text",
        "claimant",
        "claim_type",
        "status",
        "dismiss_reason",
        "score",
        "reasons",
        "priority",
        "appearance_count",
        "outlet_count",
        "first_seen_at",
        "last_seen_at",
        "version",
        "match_features",
        "created_at",
        "updated_at",
    ]
    for claim, pk in zip(new, _insert_returning(_CLAIM, columns, rows), strict=True):
        claim.pk = pk


def _insert_appearances(
    batch: list[tuple[Source, list[Prepared]]],
    placed: list[tuple[_Item, int, str, float | None]],
    new_pk: dict[int, int],
    matched: dict[int, _Matched],
    now: datetime,
) -> None:
    at = connection.ops.adapt_datetimefield_value(now)
    rows = []
    for item, target, kind, score in placed:
        source, _ = batch[item.source]
        found = item.found
        recurrence = target >= 0 and source.pk in matched[target].recurred_in
        rows.append(
            (
                new_pk[target] if target < 0 else target,
                source.pk,
                found.sentence,
                found.start,
                found.end,
                found.text,
                found.claimant_as_written[:300],
                found.score,
                item.reasons,
                kind,
                score,
                recurrence,
                at,
            )
        )
    columns = [
        "claim_id",
        "source_id",
        "sentence",
        "start",
        "end",
        "text",
        "claimant_as_written",
        "score",
        "reasons",
        "match",
        "match_score",
        "is_recurrence",
        "created_at",
    ]
    _insert_many(_APPEARANCE, columns, rows)


def _insert_suggestions(suggestions: list[tuple[int, int, float]], now: datetime) -> None:
    """One suggestion per new claim: (claim, target) pairs are new, so no row can conflict with a stored one (COPY on
    PostgreSQL)."""
    at = connection.ops.adapt_datetimefield_value(now)
    _insert_many(
        _SUGGESTION,
        ["claim_id", "target_id", "similarity", "status", "created_at"],
        [(claim, target, score, MatchSuggestion.Status.OPEN.value, at) for claim, target, score in suggestions],
    )


def _update_matched(matched: dict[int, _Matched], known: set[tuple[int, int]], now: datetime) -> set[int]:
    """Counts, first/last seen, score (max of appearances) and priority of stored claims that gained appearances,
    updated incrementally: a viral claim's thousand earlier appearances are not re-read. Returns the ids of those
    that recurred (published, seen again). `known`: the (claim, outlet) pairs seen before this batch."""
    if not matched:
        return set()
    ids = sorted(matched)
    adapt = _datetime_adapter()
    rows, recurred = [], set()
    # Locked in id order (FOR UPDATE on PostgreSQL; SQLite's transaction holds the write lock), read in raw SQL with
    # the timestamps converted as the ORM converts them.
    current = _rows_in(
        f"SELECT id, appearance_count, outlet_count, first_seen_at, last_seen_at, score, recurred_at "  # noqa: S608
        f"FROM {_CLAIM} WHERE id {{in_ids}} ORDER BY id" + (" FOR UPDATE" if connection.vendor == "postgresql" else ""),
        ids,
    )
    convert = getattr(connection.ops, "convert_datetimefield_value", None)  # SQLite's text; PostgreSQL gives datetimes
    for pk, appearance_count, outlet_count, first_seen, last_seen, old_score, old_recurred in current:
        if convert is not None:
            first_seen = convert(first_seen, None, connection)
            last_seen = convert(last_seen, None, connection)
            old_recurred = convert(old_recurred, None, connection)
        record = matched[pk]
        new_outlets = sum(1 for outlet in record.outlets if (pk, outlet) not in known)
        score = max(old_score, record.score)
        first = min(first_seen or record.first_seen, record.first_seen)
        last = max(last_seen or record.last_seen, record.last_seen)
        recurred_at = now if record.recurred_in else old_recurred
        if record.recurred_in:
            recurred.add(pk)
        priority = claim_priority(
            score=score,
            appearance_count=appearance_count + record.appearances,
            outlet_count=outlet_count + new_outlets,
            last_seen_at=last,
            recurred=recurred_at is not None,
            now=now,
        )
        rows.append(
            (record.appearances, new_outlets, adapt(first), adapt(last), score, adapt(recurred_at), priority, pk)
        )
    # Counters are incremented in SQL so that two workers adding appearances to one claim lose none; rows go in
    # id order so that two batches lock shared claims in the same order (no deadlock).
    if not rows:
        return recurred
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One statement (a statement per claim cost more to parse and plan than to run); the rows were locked in
            # id order by the read above.
            cursor.execute(
                f"UPDATE {_CLAIM} c SET appearance_count = c.appearance_count + v.n, "  # noqa: S608
                "outlet_count = c.outlet_count + v.o, first_seen_at = v.f, last_seen_at = v.l, score = v.s, "
                "recurred_at = v.r, priority = v.p FROM unnest(%s::int[], %s::int[], %s::timestamptz[], "
                "%s::timestamptz[], %s::float8[], %s::timestamptz[], %s::float8[], %s::bigint[]) "
                "AS v(n, o, f, l, s, r, p, id) WHERE c.id = v.id",
                [
                    int_array(column) if position in (0, 1, 7) else list(column)
                    for position, column in enumerate(zip(*rows, strict=True))
                ],
            )
        else:
            cursor.executemany(
                f"UPDATE {_CLAIM} SET appearance_count = appearance_count + %s, outlet_count = outlet_count + %s, "  # noqa: S608
                "first_seen_at = %s, last_seen_at = %s, score = %s, recurred_at = %s, priority = %s WHERE id = %s",
                rows,
            )
    return recurred


def _seen_in_outlets(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The (claim, outlet) pairs of which the claim already appears in a source of the outlet (EXISTS stops at the
    first hit; one query for all the pairs)."""
    if not pairs:
        return []
    exists = (
        f"EXISTS (SELECT 1 FROM {_APPEARANCE} a JOIN {_SOURCE} s ON s.id = a.source_id "  # noqa: S608
        "WHERE a.claim_id = p.c AND s.outlet_id = p.o)"
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            claims, outlets = zip(*pairs, strict=True)
            cursor.execute(
                f"SELECT p.c, p.o FROM unnest(%s::bigint[], %s::bigint[]) AS p(c, o) WHERE {exists}",  # noqa: S608
                [int_array(claims), int_array(outlets)],
            )
            return cursor.fetchall()
        found: list[tuple[int, int]] = []
        for i in range(0, len(pairs), _SQLITE_CHUNK // 2):
            chunk = pairs[i : i + _SQLITE_CHUNK // 2]
            cursor.execute(
                f"WITH p(c, o) AS (VALUES {', '.join(['(%s, %s)'] * len(chunk))}) "  # noqa: S608
                f"SELECT p.c, p.o FROM p WHERE {exists}",
                [value for pair in chunk for value in pair],
            )
            found.extend(cursor.fetchall())
        return found


def _record_events(
    batch: list[tuple[Source, list[Prepared]]],
    new: list[_NewClaim],
    matched: dict[int, _Matched],
    recurred: set[int],
    now: datetime,
) -> None:
    """`claim.created` for each new claim, `claim.recurred` for each published claim seen again (per source);
    announced together, as review_event_record announces one."""
    source_of = [source.pk for source, _ in batch]
    # (claim_id, action, from_state, to_state, note, data)
    specs = [
        (
            claim.pk,
            "claim.created",
            "",
            Claim.Status.NEW,
            "",
            {"source_id": source_of[claim.item.source], "score": claim.score},
        )
        for claim in new
    ]
    for claim_id in sorted(recurred):
        for source_id in matched[claim_id].recurred_in:
            specs.append(
                (
                    claim_id,
                    "claim.recurred",
                    Claim.Status.PUBLISHED,
                    Claim.Status.PUBLISHED,
                    "New appearance after the verdict was published.",
                    {"source_id": source_id},
                )
            )
    if not specs:
        return
    at = connection.ops.adapt_datetimefield_value(now)
    columns = ["claim_id", "actor_label", "action", "from_state", "to_state", "note", "data", "created_at"]
    rows = [(cid, ACTOR, action, old, to, note, _json(data), at) for cid, action, old, to, note, data in specs]
    ids = _insert_returning(_EVENT, columns, rows)
    # Positional arguments in the order of the concrete fields (id, claim, verdict, actor, actor_label, action,
    # from_state, to_state, note, data, created_at): Model.__init__'s fast path, about a third of its keyword one.
    events = [
        ReviewEvent(pk, cid, None, None, ACTOR, action, old, to, note, data, now)
        for pk, (cid, action, old, to, note, data) in zip(ids, specs, strict=True)
    ]
    review_events_recorded.send(sender=ReviewEvent, events=events)


def claims_refresh_counts(*, claim_ids: list[int], now: datetime | None = None) -> None:
    """Recompute counts, first/last seen, score and priority from all appearances (repairs, merges)."""
    now = now or timezone.now()
    ids = sorted(set(claim_ids))
    if not ids:
        return
    seen = Coalesce("source__published_at", "source__created_at")
    rows = (
        Appearance.objects.filter(claim_id__in=ids)
        .values("claim_id")
        .annotate(
            n=Count("id"),
            outlets=Count("source__outlet", distinct=True),
            first=Min(seen),
            last=Max(seen),
            best=Max("score"),
        )
        .order_by()
    )
    for row in rows:
        recurred_at = Claim.objects.filter(pk=row["claim_id"]).values_list("recurred_at", flat=True).first()
        Claim.objects.filter(pk=row["claim_id"]).update(
            appearance_count=row["n"],
            outlet_count=row["outlets"],
            first_seen_at=row["first"],
            last_seen_at=row["last"],
            score=row["best"] or 0.0,
            priority=claim_priority(
                score=row["best"] or 0.0,
                appearance_count=row["n"],
                outlet_count=row["outlets"],
                last_seen_at=row["last"],
                recurred=recurred_at is not None,
                now=now,
            ),
        )


def _store_one(source: Source, found: list[Prepared]) -> str:
    """Store one source's claims in one transaction; if that fails, claim by claim in their own transactions."""
    try:
        with transaction.atomic():
            _store([(source, found)])
    except Exception:
        # Claim by claim, so that one bad claim (or a concurrent writer) does not lose the others.
        logger.warning("store failed on source %s; storing claims one by one", source.pk, exc_info=True)
        errors = []
        for prepared in found:
            try:
                with transaction.atomic():
                    _store([(source, [prepared])])
            except Exception as exc:
                errors.append(f"{prepared.claim.start}-{prepared.claim.end}: {exc}")
        if errors:
            source_mark_extraction(source_id=source.pk, error="; ".join(errors))
            return "partial"
    source_mark_extraction(source_id=source.pk, error="")
    return "done"


def sources_extract_claims(*, source_ids: Iterable[int]) -> dict[int, str]:
    """Extract, match and store the claims of stored sources, in id order, as one batch (see the module note).

    Returns each id's outcome: "done", "failed" (extraction raised; recorded on the source), "partial" (some
    claims could not be stored; recorded) or "gone" (no such stored source). Safe to run twice.
    """
    with gc_paused():
        return _extract_and_store(source_ids)


def _extract_and_store(source_ids: Iterable[int]) -> dict[int, str]:
    ids = sorted({int(pk) for pk in source_ids})
    outcome = dict.fromkeys(ids, "gone")
    sources = (
        Source.objects.filter(pk__in=ids, status=Source.Status.STORED)
        .select_related("outlet")
        .only("id", "text", "language", "outlet_id", "outlet__name", "outlet__domain", "published_at", "created_at")
    )
    sources = list(sources.order_by("id"))
    # Extraction, features and index keys before any transaction or lock (in EXTRACTION_PROCESSES processes):
    # the storing transaction holds the store lock only for matching and writing.
    extracted = prepare_many(
        [(source.text, source.outlet.name if source.outlet_id else "") for source in sources],
        threshold=settings.EXTRACTION_THRESHOLD,
        processes=settings.EXTRACTION_PROCESSES,
    )
    batch: list[tuple[Source, list[Prepared]]] = []
    for source, found in zip(sources, extracted, strict=True):
        if isinstance(found, ExtractionError):
            # A bug on one odd article must not stop the queue.
            logger.error("extraction failed on source %s: %s\n%s", source.pk, found, found.details)
            source_mark_extraction(source_id=source.pk, error=f"extraction failed: {found}")
            outcome[source.pk] = "failed"
        else:
            batch.append((source, found))
    if not batch:
        return outcome
    try:
        with transaction.atomic():
            _store(batch)
            sources_mark_extracted(source_ids=[source.pk for source, _ in batch])
    except Exception:
        if len(batch) == 1:
            source, found = batch[0]
            outcome[source.pk] = _store_one(source, found)
            return outcome
        logger.warning("batch store of %d sources failed; storing them one by one", len(batch), exc_info=True)
        for source, found in batch:
            outcome[source.pk] = _store_one(source, found)
        return outcome
    outcome.update(dict.fromkeys((source.pk for source, _ in batch), "done"))
    return outcome


def source_extract_claims(*, source_id: int) -> str:
    """Extract, match and store the claims of one stored source. Safe to run twice; quiet if the source is gone."""
    return sources_extract_claims(source_ids=[source_id])[int(source_id)]
