"""Storing extraction results: new claims, appearances on matched claims, suggestions, recurrences, priority.

One source is processed in a handful of queries whatever its length (batched lookups and inserts), so
ingest keeps up with feeds. Re-running on the same source is a no-op: appearances already stored for a
(source, start, end, text) are skipped.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import connection, models, transaction
from django.db.models import Count, Exists, Max, Min, OuterRef, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from claims.extraction import ExtractedClaim, extract
from claims.extraction.matching import (
    SAME,
    SUGGEST,
    Features,
    best_match,
    features,
    keys,
)
from claims.models import Appearance, Claim, ClaimKey, MatchSuggestion, ReviewEvent
from claims.signals import claims_changed, review_event_recorded
from sources.models import Source
from sources.services import source_mark_extraction

logger = logging.getLogger(__name__)

ACTOR = "extraction"
CANDIDATES_PER_CLAIM = 20
_IN_CHUNK = 500  # stays under SQLite's bound-parameter limit


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


@dataclass
class _Item:
    found: ExtractedClaim
    feats: Features
    keys: list[int]


def _candidate_ids(items: list[_Item]) -> dict[int, list[int]]:
    """For each item (by position), the stored claims sharing the most index keys with it."""
    all_keys = sorted({k for item in items for k in item.keys})
    owners: dict[int, list[int]] = {}
    # Raw SQL: the ORM prepares each of the ~200 bound values of an IN list one by one (a third of the cost).
    with connection.cursor() as cursor:
        for i in range(0, len(all_keys), _IN_CHUNK):
            chunk = all_keys[i : i + _IN_CHUNK]
            cursor.execute(
                f'SELECT "key", claim_id FROM {ClaimKey._meta.db_table} '  # noqa: S608
                f'WHERE "key" IN ({", ".join(["%s"] * len(chunk))})',
                chunk,
            )
            for key, claim_id in cursor.fetchall():
                owners.setdefault(key, []).append(claim_id)
    result = {}
    for position, item in enumerate(items):
        counts: Counter[int] = Counter()
        for key in item.keys:
            counts.update(owners.get(key, ()))
        result[position] = [claim_id for claim_id, _ in counts.most_common(CANDIDATES_PER_CLAIM)]
    return result


def _stored_features(ids: list[int]) -> dict[int, tuple[Features, str]]:
    stored: dict[int, tuple[Features, str]] = {}
    with connection.cursor() as cursor:
        for i in range(0, len(ids), _IN_CHUNK):
            chunk = ids[i : i + _IN_CHUNK]
            cursor.execute(
                f"SELECT id, match_features, status FROM {Claim._meta.db_table} "  # noqa: S608
                f"WHERE id IN ({', '.join(['%s'] * len(chunk))})",
                chunk,
            )
            for cid, feats, status in cursor.fetchall():
                stored[cid] = (Features.parse(feats), status)
    return stored


def _insert(model: type[models.Model], objs: list[models.Model]) -> None:
    """INSERT rows with one executemany: values prepared by the model fields (auto_now_add included), without
    the ORM's per-value SQL compilation, which cost more than the inserts themselves. No pks are returned."""
    if not objs:
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    rows = [tuple(f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields) for obj in objs]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def claim_find_match(*, text: str) -> tuple[int | None, float]:
    """The stored claim most similar to a normalised claim text, and the similarity (two indexed queries)."""
    feats = features(text)
    item = _Item(found=None, feats=feats, keys=keys(feats))  # type: ignore[arg-type]
    ids = _candidate_ids([item])[0]
    stored = _stored_features(ids)
    return best_match(feats, [(cid, stored[cid][0]) for cid in ids if cid in stored])


def _store(*, source: Source, found: list[ExtractedClaim]) -> dict[str, int]:
    existing = set(Appearance.objects.filter(source=source).values_list("start", "end", "text"))
    items, seen = [], set(existing)
    for claim in found:
        span = (claim.start, claim.end, claim.text)
        if span in seen:
            continue
        seen.add(span)
        feats = features(claim.text)
        items.append(_Item(claim, feats, keys(feats)))
    if not items:
        return {"created": 0, "matched": 0, "suggested": 0}
    candidates = _candidate_ids(items)
    stored = _stored_features(sorted({cid for ids in candidates.values() for cid in ids}))

    now = timezone.now()
    seen_at = source.published_at or source.created_at or now
    new_claims: list[Claim] = []
    # Each decision: (item, target) where target is ("existing", claim_id, score) or ("new", index, score).
    decisions: list[tuple[_Item, str, int, float]] = []
    suggestions: list[tuple[int, int, float]] = []  # (new index, existing claim id, similarity)
    for position, item in enumerate(items):
        pool = [(cid, stored[cid][0]) for cid in candidates[position] if cid in stored]
        best_id, best = best_match(item.feats, pool)
        # Claims made earlier in this same article count too (a claim repeated in the conclusion).
        local_id, local = best_match(item.feats, [(-1 - n, c.feats) for n, c in enumerate(new_claims)])
        if local >= SAME and local >= best:
            decisions.append((item, "new", -1 - local_id, local))
            continue
        if best_id is not None and best >= SAME:
            decisions.append((item, "existing", best_id, best))
            continue
        claim = Claim(
            text=item.found.text[:5000],
            claimant=item.found.claimant[:300],
            claim_type=item.found.claim_type,
            status=Claim.Status.NEW,
            score=item.found.score,
            reasons=item.found.reasons,
            match_features=item.feats.serialise(),
        )
        claim.feats, claim.keys = item.feats, item.keys  # used only while this batch runs
        new_claims.append(claim)
        decisions.append((item, "new", len(new_claims) - 1, 1.0))
        if best_id is not None and best >= SUGGEST:
            suggestions.append((len(new_claims) - 1, best_id, best))

    # New claims get their counts before they are inserted: no second write for them.
    outlet = 1 if source.outlet_id else 0
    for index, claim in enumerate(new_claims):
        mine = [item for item, kind, target, _ in decisions if kind == "new" and target == index]
        claim.appearance_count = len(mine)
        claim.outlet_count = outlet
        claim.first_seen_at = claim.last_seen_at = seen_at
        claim.score = max(item.found.score for item in mine)
        claim.priority = claim_priority(
            score=claim.score,
            appearance_count=claim.appearance_count,
            outlet_count=outlet,
            last_seen_at=seen_at,
            recurred=False,
            now=now,
        )
    Claim.objects.bulk_create(new_claims)
    # ~10 keys per new claim: one executemany, not ~100 ORM objects per article.
    key_rows = [(claim.pk, key) for claim in new_claims for key in claim.keys]
    if key_rows:
        with connection.cursor() as cursor:
            cursor.executemany(
                f'INSERT INTO {ClaimKey._meta.db_table} (claim_id, "key") VALUES (%s, %s)',  # noqa: S608
                key_rows,
            )
    appearances, events, recurred = [], [], set()
    for item, kind, target, score in decisions:
        if kind == "new":
            claim_id = new_claims[target].pk
            original = score == 1.0 and not any(a.claim_id == claim_id for a in appearances)
            match, is_recurrence = (Appearance.Match.ORIGINAL, False) if original else (Appearance.Match.AUTO, False)
            match_score = None if original else score
        else:
            claim_id = target
            is_recurrence = stored[target][1] == Claim.Status.PUBLISHED
            match, match_score = Appearance.Match.AUTO, score
            if is_recurrence:
                recurred.add(claim_id)
        appearances.append(
            Appearance(
                claim_id=claim_id,
                source=source,
                sentence=item.found.sentence,
                start=item.found.start,
                end=item.found.end,
                text=item.found.text,
                claimant_as_written=item.found.claimant_as_written[:300],
                score=item.found.score,
                reasons=item.found.reasons,
                match=match,
                match_score=match_score,
                is_recurrence=is_recurrence,
            )
        )
    _insert(Appearance, appearances)
    MatchSuggestion.objects.bulk_create(
        [MatchSuggestion(claim_id=new_claims[n].pk, target_id=t, similarity=s) for n, t, s in suggestions],
        ignore_conflicts=True,
    )
    for claim in new_claims:
        events.append(
            ReviewEvent(
                claim_id=claim.pk,
                actor_label=ACTOR,
                action="claim.created",
                to_state=claim.status,
                data={"source_id": source.pk, "score": claim.score},
            )
        )
    for claim_id in sorted(recurred):
        events.append(
            ReviewEvent(
                claim_id=claim_id,
                actor_label=ACTOR,
                action="claim.recurred",
                from_state=Claim.Status.PUBLISHED,
                to_state=Claim.Status.PUBLISHED,
                note="New appearance after the verdict was published.",
                data={"source_id": source.pk},
            )
        )
    # Events need their ids (webhook deliveries point at them), and bulk_create sends no signals:
    # announce each as review_event_record would.
    for event in ReviewEvent.objects.bulk_create(events):
        review_event_recorded.send(sender=ReviewEvent, event=event)
    matched = [target for _, kind, target, _ in decisions if kind == "existing"]
    scores: dict[int, float] = {}
    for item, kind, target, _ in decisions:
        if kind == "existing":
            scores[target] = max(scores.get(target, 0.0), item.found.score)
    claims_add_appearances(claim_ids=matched, source=source, scores=scores, recurred_ids=recurred, now=now)
    claims_changed.send(sender=Claim, claim_ids=[claim.pk for claim in new_claims] + matched)
    return {
        "created": len(new_claims),
        "matched": sum(1 for _, kind, _, _ in decisions if kind == "existing"),
        "suggested": len(suggestions),
    }


def claims_add_appearances(
    *,
    claim_ids: list[int],
    source: Source,
    scores: dict[int, float],
    recurred_ids: set[int] | frozenset[int] = frozenset(),
    now: datetime | None = None,
) -> None:
    """Update counts, first/last seen, score (max of appearances) and priority of claims that just gained
    appearances in `source`, incrementally: a viral claim's thousand earlier appearances are not re-read."""
    now = now or timezone.now()
    added = Counter(claim_ids)
    if not added:
        return
    seen_at = source.published_at or source.created_at or now
    query = Claim.objects.filter(pk__in=list(added))
    if source.outlet_id:
        # EXISTS stops at the first hit: a viral claim's thousand appearances are not read.
        elsewhere = Appearance.objects.filter(claim_id=OuterRef("pk"), source__outlet_id=source.outlet_id).exclude(
            source=source
        )
        query = query.annotate(known_outlet=Exists(elsewhere))
    else:
        query = query.annotate(known_outlet=Value(True))
    rows = []
    adapt = connection.ops.adapt_datetimefield_value
    # One query, plain tuples: no model instances for claims that only get counters bumped.
    for pk, appearance_count, outlet_count, first_seen, last_seen, old_score, old_recurred, known in query.values_list(
        "id",
        "appearance_count",
        "outlet_count",
        "first_seen_at",
        "last_seen_at",
        "score",
        "recurred_at",
        "known_outlet",
    ):
        new_outlet = bool(source.outlet_id) and not known
        score = max(old_score, scores.get(pk, 0.0))
        first = min(first_seen or seen_at, seen_at)
        last = max(last_seen or seen_at, seen_at)
        recurred_at = now if pk in recurred_ids else old_recurred
        priority = claim_priority(
            score=score,
            appearance_count=appearance_count + added[pk],
            outlet_count=outlet_count + new_outlet,
            last_seen_at=last,
            recurred=recurred_at is not None,
            now=now,
        )
        rows.append((added[pk], int(new_outlet), adapt(first), adapt(last), score, adapt(recurred_at), priority, pk))
    # One executemany instead of an ORM update per claim (the ORM's per-query cost dominated storing).
    # Counters are incremented in SQL so that two workers adding appearances to one claim lose none.
    table = Claim._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET appearance_count = appearance_count + %s, outlet_count = outlet_count + %s, "  # noqa: S608
            "first_seen_at = %s, last_seen_at = %s, score = %s, recurred_at = %s, priority = %s WHERE id = %s",
            rows,
        )


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


def source_extract_claims(*, source_id: int) -> str:
    """Extract, match and store the claims of one stored source. Safe to run twice; quiet if the source is gone."""
    source = Source.objects.filter(pk=source_id, status=Source.Status.STORED).first()
    if source is None:
        return "gone"
    try:
        found = extract(source.text, threshold=settings.EXTRACTION_THRESHOLD)
    except Exception as exc:  # a bug on one odd article must not stop the queue
        logger.exception("extraction failed on source %s", source_id)
        source_mark_extraction(source_id=source_id, error=f"extraction failed: {exc}")
        return "failed"
    try:
        with transaction.atomic():
            _store(source=source, found=found)
    except Exception:
        # Store claim by claim so that one bad claim (or a concurrent writer) does not lose the others.
        logger.warning(
            "batch store failed on source %s; storing claims one by one",
            source_id,
            exc_info=True,
        )
        errors = []
        for claim in found:
            try:
                with transaction.atomic():
                    _store(source=source, found=[claim])
            except Exception as exc:
                errors.append(f"{claim.start}-{claim.end}: {exc}")
        if errors:
            source_mark_extraction(source_id=source_id, error="; ".join(errors))
            return "partial"
    source_mark_extraction(source_id=source_id, error="")
    return "done"
