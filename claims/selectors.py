"""Reads for claims: export rows, the review queue, one claim's review page, the dashboard."""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from claims.models import Appearance, Claim, Comment, Evidence, MatchSuggestion, Rating, ReviewEvent, Verdict
from factcheck import roles
from sources.models import Outlet, Source


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def claim_export_rows(*, chunk_size: int = 500) -> Iterator[dict]:
    """Every claim with its appearances and published verdict, as plain dicts, streamed."""
    appearances = Appearance.objects.select_related("source__outlet").order_by("source__published_at", "id")
    published = Verdict.objects.filter(status=Verdict.Status.PUBLISHED).select_related("rating")
    claims = (
        Claim.objects.order_by("id")
        .select_related("assignee")
        .prefetch_related(
            Prefetch("appearances", queryset=appearances),
            Prefetch("verdicts", queryset=published, to_attr="published_verdicts"),
        )
    )
    for claim in claims.iterator(chunk_size=chunk_size):
        verdict = claim.published_verdicts[0] if claim.published_verdicts else None
        yield {
            "id": claim.pk,
            "text": claim.text,
            "claimant": claim.claimant,
            "type": claim.claim_type,
            "score": round(claim.score, 4),
            "reasons": claim.reasons,
            "status": claim.status,
            "priority": round(claim.priority, 4),
            "assignee": claim.assignee.get_username() if claim.assignee else None,
            "first_seen_at": _iso(claim.first_seen_at),
            "created_at": _iso(claim.created_at),
            "appearance_count": claim.appearance_count,
            "outlet_count": claim.outlet_count,
            "verdict": (
                {
                    "rating": verdict.rating.label,
                    "rating_value": verdict.rating.value,
                    "headline": verdict.headline,
                    "published_at": _iso(verdict.published_at),
                    "revision": verdict.revision,
                }
                if verdict
                else None
            ),
            "appearances": [
                {
                    "source_id": appearance.source_id,
                    "origin": appearance.source.origin,
                    "url": appearance.source.url,
                    "title": appearance.source.title,
                    "outlet": appearance.source.outlet.name if appearance.source.outlet else None,
                    "published_at": _iso(appearance.source.published_at),
                    "sentence": appearance.sentence,
                    "start": appearance.start,
                    "end": appearance.end,
                    "claimant_as_written": appearance.claimant_as_written,
                    "score": round(appearance.score, 4),
                    "match": appearance.match,
                    "is_recurrence": appearance.is_recurrence,
                }
                for appearance in claim.appearances.all()
            ],
        }


def source_export_rows(*, chunk_size: int = 500) -> Iterator[dict]:
    for source in Source.objects.select_related("outlet").order_by("id").iterator(chunk_size=chunk_size):
        yield {
            "id": source.pk,
            "url": source.url,
            "canonical_url": source.canonical_url,
            "title": source.title,
            "byline": source.byline,
            "published_at": _iso(source.published_at),
            "language": source.language,
            "outlet": source.outlet.name if source.outlet else None,
            "outlet_domain": source.outlet.domain if source.outlet else None,
            "origin": source.origin,
            "content_hash": source.content_hash,
            "status": source.status,
            "extraction_status": source.extraction_status,
            "created_at": _iso(source.created_at),
            "text": source.text,
        }


# --- the review queue ---------------------------------------------------------------------------

OPEN_STATUSES = (
    Claim.Status.NEW,
    Claim.Status.IN_REVIEW,
    Claim.Status.DRAFTED,
    Claim.Status.AWAITING_APPROVAL,
    Claim.Status.CORRECTION,
)
# Sort name → the field ranked descending; ties are broken by id, descending, so a row's
# (value, id) is a unique keyset cursor. Each pair has an index (migration 0003).
QUEUE_SORTS = {
    "priority": "priority",
    "newest": "created_at",
    "score": "score",
    "appearances": "appearance_count",
}


@dataclass(frozen=True)
class QueueFilters:
    status: str = "open"  # "open", "all" or one Claim.Status
    outlet_id: int | None = None
    claimant: str = ""
    assignee: str = ""  # "", "me", "none" or a user id
    claim_type: str = ""
    seen_from: date | None = None
    seen_to: date | None = None
    min_score: float | None = None


@dataclass
class QueuePage:
    claims: list[Claim]
    next_cursor: str | None


def _cursor_encode(*, sort: str, value, pk: int) -> str:
    if isinstance(value, datetime):
        value = value.isoformat()
    raw = json.dumps({"s": sort, "v": value, "id": pk}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _cursor_decode(cursor: str, *, sort: str) -> tuple[object, int] | None:
    """(value, id) of the last row shown, or None for a cursor that is broken or of another sort."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
        if data["s"] != sort:
            return None
        value, pk = data["v"], int(data["id"])
        if sort == "newest":
            value = datetime.fromisoformat(value)
        elif not isinstance(value, int | float) or isinstance(value, bool):
            return None
        return value, pk
    except (ValueError, TypeError, KeyError, binascii.Error):
        return None


def claim_queue(*, user, filters: QueueFilters, sort: str = "priority", after: str = "", limit: int = 50) -> QueuePage:
    """One page of the queue: keyset pagination on (sort key, id), no OFFSET and no COUNT(*)."""
    field = QUEUE_SORTS.get(sort, "priority")
    sort = sort if sort in QUEUE_SORTS else "priority"
    claims = Claim.objects.select_related("assignee")
    if filters.status == "open":
        claims = claims.filter(status__in=OPEN_STATUSES)
    elif filters.status in Claim.Status.values:
        claims = claims.filter(status=filters.status)
    if filters.outlet_id:
        claims = claims.filter(
            Exists(Appearance.objects.filter(claim=OuterRef("pk"), source__outlet_id=filters.outlet_id))
        )
    if filters.claimant:
        claims = claims.filter(claimant__icontains=filters.claimant)
    if filters.assignee == "me":
        claims = claims.filter(assignee=user)
    elif filters.assignee == "none":
        claims = claims.filter(assignee__isnull=True)
    elif filters.assignee.isdigit():
        claims = claims.filter(assignee_id=int(filters.assignee))
    if filters.claim_type:
        claims = claims.filter(claim_type=filters.claim_type)
    if filters.seen_from:
        claims = claims.filter(first_seen_at__date__gte=filters.seen_from)
    if filters.seen_to:
        claims = claims.filter(first_seen_at__date__lte=filters.seen_to)
    if filters.min_score is not None:
        claims = claims.filter(score__gte=filters.min_score)
    position = _cursor_decode(after, sort=sort) if after else None
    if position is not None:
        value, pk = position
        claims = claims.filter(Q(**{f"{field}__lt": value}) | Q(**{field: value, "pk__lt": pk}))
    rows = list(claims.order_by(f"-{field}", "-pk")[: limit + 1])
    next_cursor = None
    if len(rows) > limit:
        last = rows[limit - 1]
        next_cursor = _cursor_encode(sort=sort, value=getattr(last, field), pk=last.pk)
    return QueuePage(claims=rows[:limit], next_cursor=next_cursor)


def desk_users() -> list:
    """Everyone who can be assigned a claim: fact-checkers, editors, admins."""
    User = get_user_model()
    return list(
        User.objects.filter(Q(groups__name__in=roles.ALL_GROUPS) | Q(is_superuser=True), is_active=True)
        .distinct()
        .order_by("username")
    )


def outlet_choices() -> list[Outlet]:
    return list(Outlet.objects.order_by("name").only("id", "name"))


# --- one claim --------------------------------------------------------------------------------


def claim_review_get(*, claim_id: int) -> Claim:
    """A claim with everything its review page shows, in a fixed number of queries."""
    appearances = Appearance.objects.select_related("source__outlet").order_by("source__published_at", "id")
    verdicts = (
        Verdict.objects.select_related("rating", "author", "approver")
        .prefetch_related("cited_evidence")
        .order_by("-revision")
    )
    return (
        Claim.objects.select_related("assignee", "duplicate_of")
        .prefetch_related(
            Prefetch("appearances", queryset=appearances),
            Prefetch("evidence", queryset=Evidence.objects.select_related("added_by", "source")),
            Prefetch("verdicts", queryset=verdicts),
            Prefetch("comments", queryset=Comment.objects.select_related("author")),
            Prefetch("events", queryset=ReviewEvent.objects.select_related("actor")),
        )
        .get(pk=claim_id)
    )


def appearance_paragraph(*, appearance: Appearance) -> tuple[str, str, str]:
    """(text before, the sentence, text after) within the paragraph around the appearance's span:
    the text between the nearest newlines on either side."""
    text = appearance.source.text
    start, end = appearance.start, min(appearance.end, len(text))
    if not 0 <= start < end:
        return "", appearance.sentence, ""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right == -1 else right
    return text[left:start], text[start:end], text[end:right]


def match_suggestions_open(*, claim: Claim) -> list[MatchSuggestion]:
    """Open near-miss suggestions involving the claim, on either side."""
    return list(
        MatchSuggestion.objects.filter(Q(claim=claim) | Q(target=claim), status=MatchSuggestion.Status.OPEN)
        .select_related("claim", "target")
        .order_by("-similarity", "id")
    )


def rating_choices() -> list[Rating]:
    return list(Rating.objects.filter(scale__is_default=True).order_by("order"))


_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]", re.UNICODE)


def claim_key_terms(*, claim: Claim, count: int = 3) -> list[str]:
    """The claim's longest distinct words: a crude stand-in for its key terms."""
    words = {w.lower() for w in _WORD.findall(claim.text) if len(w) >= 4}
    return sorted(words, key=lambda w: (-len(w), w))[:count]


def claim_find_in_corpus(*, claim: Claim, limit: int = 10, query: str = "") -> list[Source]:
    """Sources from the full-text search that share the claim's key terms (or match `query`, in
    the search query language), best first, without the claim's own sources. Each source carries
    its highlighted `snippets`."""
    from factcheck.search.selectors import search_run, search_similar_sources

    own = tuple({appearance.source_id for appearance in claim.appearances.all()})  # prefetched on the page
    if query.strip():
        result = search_run(query=query, kind="sources", public_only=False, page_size=limit + len(own), facets=False)
    else:
        result = search_similar_sources(claim_text=claim.text, limit=limit, exclude_source_ids=own)
    hits = [hit for hit in result.hits if hit.object_id not in own][:limit]
    sources = Source.objects.select_related("outlet").defer("text").in_bulk([hit.object_id for hit in hits])
    found = []
    for hit in hits:
        source = sources.get(hit.object_id)
        if source is not None:
            source.snippets = hit.snippets
            found.append(source)
    return found


# --- the dashboard ----------------------------------------------------------------------------

FALSE_RATINGS = ("false", "mostly-false", "misleading")


def dashboard_stats(*, today: date | None = None, days: int = 30) -> dict:
    """Figures for the desk's start page, each one grouped query."""
    now = timezone.now()
    today = today or timezone.localdate(now)
    by_status = dict(Claim.objects.values_list("status").annotate(n=Count("id")).order_by())
    statuses = [(value, label, by_status.get(value, 0)) for value, label in Claim.Status.choices]

    since = today - timedelta(days=days - 1)
    per_day = dict(
        Claim.objects.filter(first_seen_at__date__gte=since)
        .annotate(day=TruncDate("first_seen_at"))
        .values_list("day")
        .annotate(n=Count("id"))
        .order_by()
    )
    top = max(per_day.values(), default=0)
    claims_per_day = []
    for i in range(days):
        day = since + timedelta(days=i)
        n = per_day.get(day, 0)
        height = round(98 * n / top, 1) if top else 0
        # Geometry of the bar in a 10-units-per-day, 100-high SVG chart.
        claims_per_day.append({"day": day, "n": n, "x": i * 10 + 1, "y": 100 - height, "h": height})

    published = Verdict.objects.filter(status=Verdict.Status.PUBLISHED)
    by_rating = list(
        published.values("rating__label", "rating__colour", "rating__order")
        .annotate(n=Count("id"))
        .order_by("rating__order")
    )

    claimants = list(
        Claim.objects.exclude(claimant="")
        .exclude(status=Claim.Status.DISMISSED)
        .values_list("claimant")
        .annotate(n=Count("id"))
        .order_by("-n", "claimant")[:10]
    )
    records: dict[str, list] = {name: [] for name, _ in claimants}
    for name, label, colour, n in (
        published.filter(claim__claimant__in=list(records))
        .values_list("claim__claimant", "rating__label", "rating__colour")
        .annotate(n=Count("id"))
        .order_by("claim__claimant", "rating__order")
    ):
        records[name].append({"label": label, "colour": colour, "n": n})
    top_claimants = [{"claimant": name, "claims": n, "record": records[name]} for name, n in claimants]

    recurrences = list(
        Claim.objects.filter(
            recurred_at__gte=now - timedelta(days=7),
            verdicts__status=Verdict.Status.PUBLISHED,
            verdicts__rating__slug__in=FALSE_RATINGS,
        )
        .annotate(rating_label=F("verdicts__rating__label"))
        .order_by("-recurred_at", "-id")[:20]
    )
    return {
        "statuses": statuses,
        "claims_per_day": claims_per_day,
        "chart_width": days * 10,
        "per_day_max": top,
        "by_rating": by_rating,
        "top_claimants": top_claimants,
        "recurrences": recurrences,
    }
