"""ClaimReview (schema.org) for a published verdict: one JSON-LD object per fact-check."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from django.conf import settings
from django.urls import reverse

from claims.models import Verdict

# A claimant naming one of these is an organisation; anyone else is a person.
ORGANIZATION_WORDS = re.compile(
    r"\b(ministry|ministries|office|department|kremlin|government|agency|party|council|commission|"
    r"committee|bureau|authority|administration|institute|service|court|parliament|senate|"
    r"congress|police|army|union|association|company|corporation|bank|university|organi[sz]ation|"
    r"inc|ltd|group|white house|embassy|cabinet|mayor's office|spokesperson)\b",
    re.IGNORECASE,
)


def absolute_url(path: str) -> str:
    return urljoin(settings.PUBLIC_BASE_URL, path)


def fact_check_url(claim_id: int) -> str:
    return absolute_url(reverse("public:detail", args=[claim_id]))


def claimant_type(claimant: str) -> str:
    return "Organization" if ORGANIZATION_WORDS.search(claimant or "") else "Person"


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def claim_review(verdict: Verdict) -> dict:
    """The ClaimReview of `verdict`, which comes from `published_verdict_get` (appearances prefetched,
    `first_published_at` annotated)."""
    claim = verdict.claim
    scale = verdict.rating.scale
    appearances = []
    seen = set()
    for appearance in claim.appearances.all():
        source = appearance.source
        if source.pk in seen:
            continue
        seen.add(source.pk)
        work = {"@type": "CreativeWork", "headline": source.title or None, "datePublished": _iso(source.published_at)}
        if source.url:
            work["url"] = source.url
        if source.outlet:
            work["publisher"] = {"@type": "Organization", "name": source.outlet.name}
            if source.outlet.domain:
                work["publisher"]["url"] = f"https://{source.outlet.domain}/"
        appearances.append({key: value for key, value in work.items() if value is not None})
    first_published = getattr(verdict, "first_published_at", None) or verdict.published_at
    item = {"@type": "Claim", "datePublished": _iso(claim.first_seen_at)}
    if claim.claimant:
        item["author"] = {"@type": claimant_type(claim.claimant), "name": claim.claimant}
    if appearances:
        item["firstAppearance"] = appearances[0]
        item["appearance"] = appearances
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": fact_check_url(claim.pk),
        "claimReviewed": claim.text,
        "headline": verdict.headline,
        "datePublished": _iso(first_published),
        "author": {"@type": "Organization", "name": settings.ORGANIZATION_NAME, "url": settings.ORGANIZATION_URL},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": verdict.rating.value,
            "bestRating": scale.best_value,
            "worstRating": scale.worst_value,
            "alternateName": verdict.rating.label,
            "name": verdict.rating.label,
        },
        "itemReviewed": {key: value for key, value in item.items() if value is not None},
    }
    if verdict.published_at and first_published and verdict.published_at > first_published:
        review["dateModified"] = _iso(verdict.published_at)
    return review
