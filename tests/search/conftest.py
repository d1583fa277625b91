"""A small corpus every search test shares: sources from several outlets and dates, and claims
at different stages of review, stored through the real services so indexing runs as in production."""

from datetime import UTC, datetime

import pytest
from django.db import connection

from claims.models import Appearance, Claim, Rating, Verdict
from factcheck.search import get_backend
from sources.ingest import ArticleInput
from sources.services import source_store

ARTICLES = {
    "withdraw": ArticleInput(
        origin="tass-1",
        title="Russian troops withdraw from Kyiv region",
        text=(
            "The Ministry of Defence said on Tuesday that 40 per cent of the troops around Kyiv had left. "
            "Officials described the move as a goodwill gesture before talks. "
            "Separately, grain exports through the Black Sea ports remained blocked."
        ),
        outlet="TASS",
        outlet_domain="tass.com",
        language="en",
        published_at=datetime(2022, 3, 29, 9, 0, tzinfo=UTC),
    ),
    "grain": ArticleInput(
        origin="kyivindependent-1",
        title="Grain deal talks resume in Istanbul",
        text=(
            "President Zelenskýy said the grain deal would let Ukrainian ports reopen. "
            "Negotiators met in Istanbul with United Nations officials. "
            "Shipping insurers want guarantees before vessels sail."
        ),
        outlet="Kyiv Independent",
        outlet_domain="kyivindependent.com",
        language="en",
        published_at=datetime(2022, 4, 10, 12, 0, tzinfo=UTC),
    ),
    "sanctions": ArticleInput(
        origin="reuters-private",
        title="Central bank assets frozen",
        text=(
            "Western governments imposed sanctions on Russia's central bank, freezing reserves abroad. "
            "Economists expect the rouble & bonds to fall <script>alert(1)</script> sharply."
        ),
        outlet="Reuters",
        outlet_domain="reuters.com",
        language="en",
        published_at=datetime(2022, 3, 1, 8, 0, tzinfo=UTC),
        is_public=False,
    ),
    "moscow": ArticleInput(
        origin="ria-1",
        title="Москва заявила о выводе войск",
        text="Министерство обороны России сообщило о выводе войск из-под Киева. Переговоры продолжаются.",
        outlet="RIA",
        outlet_domain="ria.ru",
        language="ru",
        published_at=datetime(2022, 3, 30, 7, 0, tzinfo=UTC),
    ),
}


def _appearance(claim: Claim, source, sentence: str) -> Appearance:
    start = source.text.index(sentence)
    return Appearance.objects.create(
        claim=claim, source=source, sentence=sentence, start=start, end=start + len(sentence), text=claim.text
    )


@pytest.fixture(autouse=True)
def _no_extracted_claims(settings):
    """The search corpus has hand-made claims only: extraction on the stored articles finds none."""
    settings.EXTRACTION_THRESHOLD = 2.0


@pytest.fixture
def corpus(db, django_capture_on_commit_callbacks):
    """Sources and claims, indexed by the configured backend (after commit where it must be)."""
    with django_capture_on_commit_callbacks(execute=True):
        sources = {key: source_store(article=article)[0] for key, article in ARTICLES.items()}
    with django_capture_on_commit_callbacks(execute=True):
        withdrawn = Claim.objects.create(
            text="Russia withdrew 40 per cent of its troops from around Kyiv",
            claimant="Sergei Shoigu",
            claim_type="statistic",
            status=Claim.Status.PUBLISHED,
            first_seen_at=datetime(2022, 3, 29, tzinfo=UTC),
        )
        _appearance(
            withdrawn,
            sources["withdraw"],
            "The Ministry of Defence said on Tuesday that 40 per cent of the troops around Kyiv had left.",
        )
        Verdict.objects.create(
            claim=withdrawn,
            status=Verdict.Status.PUBLISHED,
            rating=Rating.objects.get(slug="false", scale__is_default=True),
            headline="No such withdrawal",
            explanation="Satellite images show otherwise.",
            published_at=datetime(2022, 4, 2, tzinfo=UTC),
        )
        ports = Claim.objects.create(
            text="The grain deal will reopen Ukrainian ports",
            claimant="Volodymyr Zelenskyy",
            claim_type="prediction",
            status=Claim.Status.IN_REVIEW,
            first_seen_at=datetime(2022, 4, 10, tzinfo=UTC),
        )
        _appearance(
            ports, sources["grain"], "President Zelenskýy said the grain deal would let Ukrainian ports reopen."
        )
    get_backend().refresh()
    return {"sources": sources, "claims": {"withdrawn": withdrawn, "ports": ports}}


BACKENDS = ["sqlite", "postgres", "elasticsearch"]


def backend_unavailable(name: str, settings) -> str:
    """Why a backend cannot run here ('' when it can)."""
    if name == "sqlite" and connection.vendor != "sqlite":
        return "the SQLite backend needs a SQLite database"
    if name == "postgres" and connection.vendor != "postgresql":
        return "the PostgreSQL backend needs DATABASE_URL=postgres://..."
    if name == "elasticsearch" and not settings.ELASTICSEARCH_URL:
        return "set ELASTICSEARCH_URL to run the contract against a live cluster"
    return ""


@pytest.fixture(params=BACKENDS)
def backend_name(request, settings):
    reason = backend_unavailable(request.param, settings)
    if reason:
        pytest.skip(reason)
    settings.SEARCH_BACKEND = request.param
    if request.param == "elasticsearch":
        settings.SEARCH_INDEX_PREFIX = "factcheck-test"
        get_backend().rebuild([])
    return request.param
