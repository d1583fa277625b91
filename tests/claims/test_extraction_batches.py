"""Several sources stored as one batch: the same claims as one by one, and one bad source loses nothing else."""

import os
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from claims.extraction_service import sources_extract_claims
from claims.models import Appearance, Claim, ClaimKey, MatchSuggestion, ReviewEvent
from claims.signals import claims_changed
from factcheck.search.selectors import search_run
from factcheck.search.spec import SPECS
from sources.ingest import ArticleInput, read_paths
from sources.models import Source
from sources.services import ingest_items, source_store
from tests.claims.conftest import DEMO

pytestmark = pytest.mark.django_db

MINISTRY = "Unemployment rose to 5.1 percent in March, the national statistics office said on Friday."
REWORDED = "Unemployment increased to 5.1% in March, according to the national statistics office."


def _store(text: str, outlet: str, origin: str) -> Source:
    with transaction.atomic():  # commit hooks of the test transaction do not run: nothing is extracted yet
        source, created = source_store(article=ArticleInput(origin=origin, text=text, outlet=outlet))
    assert created
    return source


def _claims_summary() -> set[tuple]:
    return {
        (
            claim.text,
            claim.claimant,
            claim.appearance_count,
            claim.outlet_count,
            tuple(sorted(claim.appearances.values_list("source__origin", "start", "end", "match"))),
        )
        for claim in Claim.objects.all()
    }


def _ingest_demo_without_extraction() -> list[int]:
    with transaction.atomic():
        ingest_items(kind="files", items=read_paths([DEMO], max_bytes=2_000_000, min_words=20))
    return list(Source.objects.order_by("id").values_list("id", flat=True))


def test_a_claim_made_by_two_sources_of_one_batch_is_one_claim_seen_in_both_outlets():
    first = _store(MINISTRY, "The Herald", "a.txt")
    second = _store(REWORDED, "The Tribune", "b.txt")
    outcome = sources_extract_claims(source_ids=[second.pk, first.pk])
    assert outcome == {first.pk: "done", second.pk: "done"}
    claim = Claim.objects.get()
    assert claim.appearance_count == 2 and claim.outlet_count == 2
    assert list(claim.appearances.order_by("source_id").values_list("source_id", "match")) == [
        (first.pk, Appearance.Match.ORIGINAL),
        (second.pk, Appearance.Match.AUTO),
    ]
    assert ReviewEvent.objects.filter(action="claim.created", claim=claim).count() == 1
    assert set(Source.objects.values_list("extraction_status", flat=True)) == {Source.Extraction.DONE}


def _found(query: str) -> list[str]:
    return [hit.title for hit in search_run(query=query, kind="claims", public_only=False).hits]


def test_a_stored_claim_matched_later_by_other_outlets_counts_each_outlet_once():
    first = _store(MINISTRY, "The Herald", "a.txt")
    sources_extract_claims(source_ids=[first.pk])
    again = _store(MINISTRY + " It was the highest rate since 2019.", "The Herald", "a2.txt")
    sources_extract_claims(source_ids=[again.pk])
    other = _store(REWORDED, "The Tribune", "b.txt")
    sources_extract_claims(source_ids=[other.pk])
    claim = Claim.objects.get(text__icontains="5.1")
    assert (claim.appearance_count, claim.outlet_count) == (3, 2)
    Claim.objects.filter(pk=claim.pk).update(outlet_count=1)  # as an earlier release stored it
    out = StringIO()
    call_command("refresh_claim_counts", stdout=out)
    claim.refresh_from_db()
    assert (claim.appearance_count, claim.outlet_count) == (3, 2)
    assert "refreshed the counts of" in out.getvalue()


def test_claims_of_a_batch_are_searchable_in_the_storing_transaction():
    first = _store(MINISTRY, "The Herald", "a.txt")
    second = _store(REWORDED, "The Tribune", "b.txt")
    # The test's transaction never commits: what search finds was indexed by the batch's own transaction.
    sources_extract_claims(source_ids=[first.pk, second.pk])
    claim = Claim.objects.get()
    assert _found("unemployment") == [claim.text]
    # The matched source's sentence is in the claim's document too.
    assert _found("increased") == [claim.text]


def test_a_batch_stores_the_same_claims_as_sources_extracted_one_by_one():
    ids = _ingest_demo_without_extraction()
    for source_id in ids:
        sources_extract_claims(source_ids=[source_id])
    one_by_one = _claims_summary()
    Claim.objects.all().delete()
    assert not ClaimKey.objects.exists() and not Appearance.objects.exists()

    sources_extract_claims(source_ids=ids)
    assert _claims_summary() == one_by_one
    assert len(one_by_one) >= 15


def test_running_a_batch_again_changes_nothing():
    ids = _ingest_demo_without_extraction()
    sources_extract_claims(source_ids=ids)
    tables = (Claim, Appearance, ClaimKey, MatchSuggestion, ReviewEvent)
    counts = [model.objects.count() for model in tables]
    assert set(sources_extract_claims(source_ids=ids).values()) == {"done"}
    assert [model.objects.count() for model in tables] == counts


def test_an_unknown_id_in_a_batch_is_reported_gone_and_the_others_are_stored():
    source = _store(MINISTRY, "The Herald", "a.txt")
    assert sources_extract_claims(source_ids=[source.pk, 987654]) == {source.pk: "done", 987654: "gone"}
    assert Claim.objects.count() == 1


@pytest.fixture
def rejected_sentences():
    """The database refuses appearances whose sentence mentions 'Atlantis' (a write that fails half-way)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "CREATE TRIGGER reject_atlantis BEFORE INSERT ON claims_appearance "
                "WHEN NEW.sentence LIKE '%Atlantis%' BEGIN SELECT RAISE(ABORT, 'sentence rejected'); END"
            )
        else:
            cursor.execute(
                "CREATE FUNCTION reject_atlantis() RETURNS trigger AS $$ BEGIN "
                "IF NEW.sentence LIKE '%%Atlantis%%' THEN RAISE EXCEPTION 'sentence rejected'; END IF; "
                "RETURN NEW; END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                "CREATE TRIGGER reject_atlantis BEFORE INSERT ON claims_appearance "
                "FOR EACH ROW EXECUTE FUNCTION reject_atlantis()"
            )
    yield
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER reject_atlantis")
        else:
            cursor.execute("DROP TRIGGER reject_atlantis ON claims_appearance")
            cursor.execute("DROP FUNCTION reject_atlantis()")


def test_one_bad_claim_in_a_batch_loses_neither_the_other_sources_nor_its_other_claims(rejected_sentences):
    good = _store(MINISTRY, "The Herald", "good.txt")
    bad = _store(
        "Exports from Atlantis fell by 12 percent in 2023, the trade ministry said on Monday. "
        "Wheat prices rose by 8 percent in May, the farmers' union said on Tuesday.",
        "The Tribune",
        "bad.txt",
    )
    outcome = sources_extract_claims(source_ids=[good.pk, bad.pk])
    assert outcome == {good.pk: "done", bad.pk: "partial"}
    good.refresh_from_db()
    bad.refresh_from_db()
    assert good.extraction_status == Source.Extraction.DONE
    assert bad.extraction_status == Source.Extraction.FAILED and "sentence rejected" in bad.extraction_error
    texts = set(Claim.objects.values_list("text", flat=True))
    assert any("Unemployment" in t for t in texts) and any("Wheat prices" in t for t in texts)
    assert not any("Atlantis" in t for t in texts)
    assert _found("wheat") and not _found("atlantis")


def test_a_batch_extracted_in_worker_processes_stores_what_one_process_stores(settings):
    from claims.extraction.prepared import pool_pids

    ids = _ingest_demo_without_extraction()
    sources_extract_claims(source_ids=ids)
    in_process = _claims_summary()
    Claim.objects.all().delete()

    settings.EXTRACTION_PROCESSES = 2
    assert set(sources_extract_claims(source_ids=ids).values()) == {"done"}
    assert len(pool_pids()) == 2 and os.getpid() not in pool_pids()
    assert _claims_summary() == in_process


def test_search_documents_of_new_claims_built_in_memory_are_those_read_back():
    ids = _ingest_demo_without_extraction()
    # Sources without a publication date (NULL sorts first on SQLite, last on PostgreSQL), without an outlet, in
    # several languages: every way the document's sentence order, outlet and language can go.
    Source.objects.filter(pk__in=ids[::3]).update(published_at=None)
    Source.objects.filter(pk__in=ids[1::4]).update(outlet=None)
    Source.objects.filter(pk__in=ids[::2]).update(language="EN")
    spec = SPECS["claim"]
    sent = []

    def capture(sender, claim_ids, new_claims=None, **kwargs):
        # Compared when sent: the batch's rows are written, the next batch's not yet.
        assert new_claims and set(new_claims) <= set(claim_ids)
        sent.append(new_claims)
        assert spec.documents_for_ids(claim_ids, new_rows=new_claims) == spec.documents_for_ids(claim_ids)

    claims_changed.connect(capture, sender=Claim, dispatch_uid="test.capture")
    try:
        sources_extract_claims(source_ids=ids[: len(ids) // 2])
        sources_extract_claims(source_ids=ids[len(ids) // 2 :])  # the second batch matches claims of the first
    finally:
        claims_changed.disconnect(sender=Claim, dispatch_uid="test.capture")
    assert len(sent) == 2
    # Claims created by a batch that gained a second appearance in it: several sentences to order.
    assert any(len(row.sentences) > 1 for rows in sent for row in rows.values())


def test_review_events_announced_by_a_batch_are_the_rows_stored():
    from claims.signals import review_events_recorded

    ids = _ingest_demo_without_extraction()
    sources_extract_claims(source_ids=ids[: len(ids) // 2])
    Claim.objects.update(status=Claim.Status.PUBLISHED)  # the second batch's matches are recurrences
    sent = []

    def capture(sender, events, **kwargs):
        sent.extend(events)

    review_events_recorded.connect(capture, sender=ReviewEvent, dispatch_uid="test.capture_events")
    try:
        sources_extract_claims(source_ids=ids[len(ids) // 2 :])
    finally:
        review_events_recorded.disconnect(sender=ReviewEvent, dispatch_uid="test.capture_events")
    actions = {event.action for event in sent}
    assert actions == {"claim.created", "claim.recurred"}
    names = [field.attname for field in ReviewEvent._meta.concrete_fields]
    stored = {event.pk: event for event in ReviewEvent.objects.filter(pk__in=[event.pk for event in sent])}
    assert len(stored) == len(sent)
    for event in sent:
        assert [getattr(event, name) for name in names] == [getattr(stored[event.pk], name) for name in names]


def _batch_queries(source_ids: list[int]) -> int:
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert set(sources_extract_claims(source_ids=source_ids).values()) == {"done"}
    return len(queries.captured_queries)


def test_a_batch_takes_a_fixed_number_of_queries_whatever_its_size():
    ids = _ingest_demo_without_extraction()
    assert len(ids) >= 5
    sources_extract_claims(source_ids=ids[:1])
    Claim.objects.filter(pk__in=Claim.objects.order_by("id").values("id")[:3]).update(status=Claim.Status.PUBLISHED)
    # Both batches find stored claims to match (and recurrences), the second has three times as many sources. COPY
    # streams are not counted by the capture: one per table on PostgreSQL.
    small = _batch_queries(ids[1:2])
    large = _batch_queries(ids[2:])
    assert Appearance.objects.filter(match=Appearance.Match.AUTO, source_id__in=ids[2:]).exists()
    assert large <= small + 2  # (a batch without suggestions or recurrences skips their statements)
    assert large <= 22


@pytest.mark.skipif(connection.vendor not in ("postgresql", "sqlite"), reason="raw-SQL read-back: these two")
def test_search_documents_read_back_in_raw_sql_are_the_orm_ones():
    from claims.models import Rating, Verdict
    from factcheck.search import spec

    ids = _ingest_demo_without_extraction()
    Source.objects.filter(pk__in=ids[::3]).update(published_at=None)
    Source.objects.filter(pk__in=ids[1::4]).update(outlet=None)
    sources_extract_claims(source_ids=ids)
    claims = list(Claim.objects.order_by("-appearance_count", "id").values_list("id", flat=True))
    rating = Rating.objects.filter(scale__is_default=True).order_by("order").first()
    for revision, status in enumerate([Verdict.Status.SUPERSEDED, Verdict.Status.PUBLISHED], start=1):
        Verdict.objects.create(claim_id=claims[0], revision=revision, status=status, rating=rating, headline="h")
    Claim.objects.filter(pk=claims[1]).update(duplicate_of_id=claims[0])
    asked = [*claims, 10**12]
    orm = spec._read_orm(asked)
    raw = (spec._read_pg if connection.vendor == "postgresql" else spec._read_sqlite)(asked)
    assert orm[0] == raw[0] and list(orm[1]) == list(raw[1]) and list(orm[2]) == list(raw[2])
    claim_of_row = [row[0] for row in raw[1]]
    assert len(raw[2]) == 1 and len(claim_of_row) > len(set(claim_of_row))  # a rating; claims with several sentences


@pytest.mark.skipif(connection.vendor != "postgresql", reason="two connections storing at once: PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_workers_storing_claims_that_match_each_other_at_once_create_each_claim_once():
    import threading

    from django.db import connections

    from sources.models import Outlet

    # Rows written directly (bulk_create sends no signal): nothing is extracted when they are committed.
    texts = [MINISTRY, "Exports fell by 12 percent in 2023, the trade ministry said on Monday.", REWORDED]
    herald, tribune = (
        Source.objects.bulk_create(
            [
                Source(outlet=outlet, text=text, origin=f"{outlet.name}-{n}", content_hash=f"{outlet.name}-{n}")
                for n, text in enumerate(texts)
            ]
        )
        for outlet in (Outlet.objects.create(name="The Herald"), Outlet.objects.create(name="The Tribune"))
    )
    start = threading.Barrier(2)
    outcomes, errors = [], []

    def worker(sources: list[Source]) -> None:
        try:
            start.wait(timeout=10)
            outcomes.append(sources_extract_claims(source_ids=[source.pk for source in sources]))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(sources,)) for sources in (herald, tribune)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors and len(outcomes) == 2
    assert all(set(outcome.values()) == {"done"} for outcome in outcomes)
    # The unemployment claim is made four times (twice per worker, in two wordings), the exports claim twice: one
    # claim each, with every appearance, whichever worker stored first.
    assert Claim.objects.count() == 2
    assert sorted(Claim.objects.values_list("appearance_count", flat=True)) == [2, 4]
    assert Appearance.objects.count() == 6
    assert sorted(Appearance.objects.values_list("match", flat=True)) == ["auto"] * 4 + ["original"] * 2
