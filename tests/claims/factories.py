"""Factories for claims and sources, for tests that need rows the pipeline would make."""

import factory

from claims.models import Appearance, Claim, Rating
from sources.models import Outlet, Source


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet

    name = factory.Sequence(lambda n: f"Outlet {n}")
    domain = factory.Sequence(lambda n: f"outlet{n}.example")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    outlet = factory.SubFactory(OutletFactory)
    title = factory.Sequence(lambda n: f"Article {n}")
    url = factory.Sequence(lambda n: f"https://news.example/{n}")
    canonical_url = factory.LazyAttribute(lambda o: o.url)
    text = factory.Sequence(lambda n: f"Officials said {n} schools would reopen on Monday. " * 3)
    content_hash = factory.Sequence(lambda n: f"hash{n}")
    extraction_status = Source.Extraction.DONE


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    text = factory.Sequence(lambda n: f"{n} schools will reopen on Monday")
    claimant = "the education ministry"
    score = 0.8
    priority = factory.Sequence(lambda n: 1.0 - n / 10_000)


class AppearanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Appearance

    claim = factory.SubFactory(ClaimFactory)
    source = factory.SubFactory(SourceFactory)
    sentence = factory.LazyAttribute(lambda o: o.source.text[: o.source.text.index(".") + 1])
    start = 0
    end = factory.LazyAttribute(lambda o: len(o.sentence))
    text = factory.LazyAttribute(lambda o: o.claim.text)
    score = 0.8


def rating(slug: str = "false") -> Rating:
    return Rating.objects.get(scale__is_default=True, slug=slug)


def stored_source(*, title: str, text: str, outlet: str = "") -> Source:
    """A source stored the way ingest stores it (deduplicated, announced, indexed for search)."""
    from sources.ingest import ArticleInput
    from sources.services import source_store

    source, _ = source_store(article=ArticleInput(origin=title, title=title, text=text, outlet=outlet))
    return source
