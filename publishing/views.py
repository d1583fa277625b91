"""Public pages (no login): fact-check index and pages, the embeddable card, oEmbed, the ClaimReview
data feed. Only published verdicts are reachable; anything else is a 404, as if it did not exist."""

from __future__ import annotations

import json
from datetime import datetime, time
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from claims.models import Rating
from publishing import selectors
from publishing.api import render_markdown
from publishing.claimreview import absolute_url, claim_review, fact_check_url

PAGE_SIZE = 20
FEED_LIMIT = 500
EMBED_WIDTH, EMBED_HEIGHT = 480, 260
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data: dict) -> SafeString:
    """JSON for a <script type="application/ld+json"> element: `</script>` cannot close it early."""
    return mark_safe(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES))  # noqa: S308


def _day(value: str, *, end: bool = False):
    day = parse_date(value or "") if value else None
    if day is None:
        return None
    moment = datetime.combine(day, time.max if end else time.min)
    return timezone.make_aware(moment, timezone.get_default_timezone())


@require_GET
def fact_check_index(request: HttpRequest) -> HttpResponse:
    """Published fact-checks, newest first; filter by rating, claimant and date; pages without COUNT."""
    filters = {
        "rating": request.GET.get("rating", "")[:100],
        "claimant": request.GET.get("claimant", "")[:300],
        "from": request.GET.get("from", "")[:10],
        "to": request.GET.get("to", "")[:10],
    }
    try:
        page = max(1, min(int(request.GET.get("page", "1")), 1000))
    except ValueError:
        page = 1
    verdicts = selectors.published_verdict_list(
        rating=filters["rating"],
        claimant=filters["claimant"],
        published_after=_day(filters["from"]),
        published_before=_day(filters["to"], end=True),
    )
    rows = list(verdicts[(page - 1) * PAGE_SIZE : page * PAGE_SIZE + 1])
    query = {key: value for key, value in filters.items() if value}
    context = {
        "verdicts": rows[:PAGE_SIZE],
        "filters": filters,
        "ratings": Rating.objects.filter(scale__is_default=True),
        "newer": urlencode({**query, "page": page - 1}) if page > 1 else None,
        "older": urlencode({**query, "page": page + 1}) if len(rows) > PAGE_SIZE else None,
    }
    return render(request, "public/index.html", context)


@require_GET
def fact_check_detail(request: HttpRequest, claim_id: int) -> HttpResponse:
    verdict = selectors.published_verdict_get(claim_id=claim_id)
    context = {
        "verdict": verdict,
        "claim": verdict.claim,
        "explanation_html": mark_safe(render_markdown(verdict.explanation)),  # noqa: S308  (sanitised by nh3)
        "history": selectors.verdict_history(verdict=verdict),
        "claim_review_json": json_ld(claim_review(verdict)),
        "canonical_url": fact_check_url(claim_id),
    }
    return render(request, "public/detail.html", context)


@xframe_options_exempt
@require_GET
def fact_check_embed(request: HttpRequest, claim_id: int) -> HttpResponse:
    """The verdict card, for an <iframe> on any site: the only page that may be framed."""
    verdict = selectors.published_verdict_get(claim_id=claim_id)
    response = render(
        request, "public/embed.html", {"verdict": verdict, "claim": verdict.claim, "url": fact_check_url(claim_id)}
    )
    response["Content-Security-Policy"] = "frame-ancestors *"
    return response


@require_GET
def oembed(request: HttpRequest) -> HttpResponse:
    """oEmbed (https://oembed.com) for fact-check URLs: a `rich` iframe of the verdict card."""
    if request.GET.get("format", "json") != "json":
        return JsonResponse({"error": "Only format=json is supported."}, status=501)
    path = urlsplit(request.GET.get("url", "")).path
    try:
        match = resolve(path)
    except Resolver404:
        raise Http404("Not a fact-check URL.") from None
    if match.view_name not in ("public:detail", "public:embed"):
        raise Http404("Not a fact-check URL.")
    verdict = selectors.published_verdict_get(claim_id=match.kwargs["claim_id"])
    width = _bounded(request.GET.get("maxwidth"), EMBED_WIDTH)
    height = _bounded(request.GET.get("maxheight"), EMBED_HEIGHT)
    src = absolute_url(reverse("public:embed", args=[verdict.claim_id]))
    html = (
        f'<iframe src="{src}" width="{width}" height="{height}" frameborder="0" '
        f'title="Fact-check: {_attr(verdict.headline)}" loading="lazy"></iframe>'
    )
    return JsonResponse(
        {
            "version": "1.0",
            "type": "rich",
            "provider_name": settings.ORGANIZATION_NAME,
            "provider_url": settings.ORGANIZATION_URL,
            "title": verdict.headline,
            "html": html,
            "width": width,
            "height": height,
        }
    )


def _bounded(value: str | None, default: int) -> int:
    try:
        return max(100, min(int(value), default)) if value else default
    except ValueError:
        return default


def _attr(text: str) -> str:
    from django.utils.html import escape

    return escape(text)


@require_GET
def claimreview_feed(request: HttpRequest) -> JsonResponse:
    """schema.org DataFeed of the newest ClaimReviews (for search engines and aggregators)."""
    verdicts = list(selectors.published_verdict_list(with_details=True)[:FEED_LIMIT])
    feed = {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "name": f"{settings.ORGANIZATION_NAME} fact-checks",
        "url": absolute_url(reverse("public:claimreview-feed")),
        "dateModified": verdicts[0].published_at.isoformat() if verdicts else None,
        "dataFeedElement": [claim_review(verdict) for verdict in verdicts],
    }
    for element in feed["dataFeedElement"]:
        element.pop("@context", None)
    return JsonResponse(feed, content_type="application/ld+json", json_dumps_params={"ensure_ascii": False})
