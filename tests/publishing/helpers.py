"""Shared set-up for publishing and API tests: claims taken through the real workflow, API keys."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core.cache import cache

from apikeys.services import api_key_create
from claims import workflow
from claims.models import Claim
from claims.workflow import claim_refresh_counts
from tests.claims.factories import AppearanceFactory, ClaimFactory, OutletFactory, SourceFactory, rating


def claim_with_appearances(*, text: str = "Unemployment fell to 3 percent", claimant: str = "the Ministry of Labour"):
    claim = ClaimFactory(text=text, claimant=claimant)
    for n, (outlet, day) in enumerate([("Daily Planet", 3), ("Evening Star", 5)]):
        source = SourceFactory(
            outlet=OutletFactory(name=f"{outlet} {claim.pk}", domain=f"{outlet.split()[0].lower()}{claim.pk}.example"),
            title=f"{outlet} story {n}",
            url=f"https://{outlet.split()[0].lower()}.example/{claim.pk}/{n}",
            published_at=datetime(2026, 1, day, 9, 0, tzinfo=UTC),
        )
        AppearanceFactory(claim=claim, source=source)
    claim_refresh_counts(claim=claim)
    claim.refresh_from_db()
    return claim


def publish(claim: Claim, *, author, editor, explanation: str = "The **official** figure is 4.2%.") -> Claim:
    workflow.claim_take(claim=claim, user=author)
    evidence = workflow.evidence_add(
        claim=claim,
        actor=author,
        url="https://stats.example/labour",
        title="Labour force survey, March",
        publisher="Statistics Office",
    )
    workflow.verdict_draft(
        claim=claim,
        author=author,
        rating=rating("false"),
        headline="No, unemployment did not fall to 3%",
        explanation=explanation,
        evidence_ids=[evidence.pk],
    )
    workflow.verdict_submit(claim=claim, actor=author)
    workflow.verdict_publish(claim=claim, editor=editor)
    claim.refresh_from_db()
    return claim


def correct(claim: Claim, *, author, editor, note: str = "The survey month was March, not April.") -> Claim:
    workflow.verdict_start_correction(claim=claim, actor=author, note=note)
    workflow.verdict_draft(
        claim=claim,
        author=author,
        rating=rating("mostly-false"),
        headline="Mostly false: unemployment did not fall to 3%",
        explanation="Corrected explanation.",
        correction_note=note,
    )
    workflow.verdict_submit(claim=claim, actor=author)
    workflow.verdict_publish(claim=claim, editor=editor)
    claim.refresh_from_db()
    return claim


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Users are made in every test here; PBKDF2 would dominate the run time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_throttles():
    """Throttle counters live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def published_claim(fact_checker, editor):
    return publish(claim_with_appearances(), author=fact_checker, editor=editor)


@pytest.fixture
def make_key():
    def make(user, *scopes: str) -> str:
        return api_key_create(name=f"tool {'+'.join(scopes)}", user=user, scopes=list(scopes))[1]

    return make
