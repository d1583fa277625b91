"""What is searchable: one index spec per model, read by every backend.

A spec says which rows may be indexed (its queryset) and turns each into a flat document: the
text fields (`title` weighted above `body`) and the filter fields. Backends store documents;
they never look at models.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from django.db import connection
from django.db.models import Prefetch, QuerySet
from django.urls import NoReverseMatch, reverse

from claims.models import Appearance, Claim, Verdict
from claims.signals import NewClaimRow
from factcheck.sql import int_array
from sources.models import Source

Document = dict[str, Any]

DOCUMENT_FIELDS = (
    "kind",
    "object_id",
    "title",
    "body",
    "url",
    "outlet",
    "outlet_domain",
    "language",
    "date",
    "month",
    "is_public",
    "status",
    "claimant",
    "claim_type",
    "rating",
    "rating_label",
)


def _day(value) -> str:
    return value.date().isoformat() if value else ""


def _url(name: str, pk: int) -> str:
    try:
        return reverse(name, args=[pk])
    except NoReverseMatch:
        # The claim page belongs to the review UI; until its route exists a hit has no link.
        return ""


_SENTINEL = 9_876_543_210


def _url_maker(name: str) -> Callable[[int], str]:
    """pk -> _url(name, pk), reversing once: reverse() was a third of the Python time of a
    rebuild. Made per batch of documents, so a changed URLconf is seen by the next batch."""
    template = _url(name, _SENTINEL)
    if str(_SENTINEL) not in template:
        return lambda pk: _url(name, pk)
    return template.replace("{", "{{").replace("}", "}}").replace(str(_SENTINEL), "{}").format


def _document(kind: str, object_id: int, **fields) -> Document:
    doc: Document = dict.fromkeys(DOCUMENT_FIELDS, "")
    doc.update(kind=kind, object_id=object_id, is_public=False)
    doc.update(fields)
    doc["month"] = doc["date"][:7]
    return doc


@dataclass(frozen=True)
class IndexSpec:
    kind: str

    def queryset(self) -> QuerySet:
        raise NotImplementedError

    def documents(self, objects: Iterable) -> Iterator[Document]:
        raise NotImplementedError

    def documents_for_ids(
        self, ids: Iterable[int], *, new_rows: Mapping[int, Any] | None = None
    ) -> tuple[list[Document], list[int]]:
        """Documents of the indexable rows among `ids`, and the ids to delete (gone or not indexable). `new_rows` (rows
        of objects just created, held in memory) may spare reading some of them back; this spec reads all."""
        ids = sorted(set(ids))
        objects = list(self.queryset().filter(pk__in=ids))
        found = {obj.pk for obj in objects}
        return list(self.documents(objects)), [pk for pk in ids if pk not in found]


class SourceSpec(IndexSpec):
    def queryset(self) -> QuerySet:
        return Source.objects.filter(status=Source.Status.STORED).select_related("outlet").order_by("id")

    def documents(self, objects: Iterable[Source]) -> Iterator[Document]:
        url = _url_maker("sources:detail")
        for source in objects:
            yield _document(
                "source",
                source.pk,
                title=source.title,
                body=source.text,
                url=url(source.pk),
                outlet=source.outlet.name if source.outlet else "",
                outlet_domain=source.outlet.domain if source.outlet else "",
                language=(source.language or "").lower(),
                date=_day(source.published_at or source.created_at),
                is_public=source.is_public,
            )


class ClaimSpec(IndexSpec):
    def queryset(self) -> QuerySet:
        # Merged duplicates are found through the claim they were merged into.
        published = Verdict.objects.filter(status=Verdict.Status.PUBLISHED).select_related("rating")
        appearances = Appearance.objects.select_related("source__outlet").order_by("source__published_at", "id")
        return (
            Claim.objects.filter(duplicate_of__isnull=True)
            .prefetch_related(
                Prefetch("verdicts", queryset=published, to_attr="published_verdicts"),
                Prefetch("appearances", queryset=appearances),
            )
            .order_by("id")
        )

    def documents(self, objects: Iterable[Claim]) -> Iterator[Document]:
        url = _url_maker("claims:detail")
        for claim in objects:
            verdict = claim.published_verdicts[0] if claim.published_verdicts else None
            appearances = list(claim.appearances.all())
            first_source = appearances[0].source if appearances else None
            outlet = first_source.outlet if first_source else None
            yield _claim_document(
                url,
                claim,
                sentences=[a.sentence for a in appearances],
                language=first_source.language if first_source else "",
                outlet=outlet.name if outlet else "",
                domain=outlet.domain if outlet else "",
                rating=(verdict.rating.slug, verdict.rating.label) if verdict else None,
            )

    def documents_for_ids(
        self, ids: Iterable[int], *, new_rows: Mapping[int, NewClaimRow] | None = None
    ) -> tuple[list[Document], list[int]]:
        """The same documents as `documents(queryset)`, built from three value queries (claims, their
        appearances' sentences with the first source's outlet, published verdicts) instead of model instances:
        extraction indexes every new and matched claim of a batch, and the ORM objects cost more than the rows.
        Claims in `new_rows` (created by extraction in this transaction: no verdict, not merged) are built from those
        rows instead of being read back."""
        ids = sorted(set(ids))
        if not ids:
            return [], []
        url = _url_maker("claims:detail")
        made = {}
        if new_rows:
            made = {pk: _new_claim_document(url, pk, new_rows[pk]) for pk in ids if pk in new_rows}
            ids = [pk for pk in ids if pk not in made]
        documents, gone = self._documents_read(ids, url) if ids else ([], [])
        if made:
            documents = sorted([*documents, *made.values()], key=lambda doc: doc["object_id"])
        return documents, gone

    def _documents_read(self, ids: list[int], url: Callable[[int], str]) -> tuple[list[Document], list[int]]:
        read = {"postgresql": _read_pg, "sqlite": _read_sqlite}.get(connection.vendor, _read_orm)
        claims, rows, published = read(ids)
        found = [row["id"] for row in claims]
        sentences: dict[int, list[str]] = {}
        first: dict[int, tuple[str, str, str]] = {}
        for claim_id, sentence, language, outlet, domain in rows:
            if claim_id not in first:
                first[claim_id] = (language or "", outlet or "", domain or "")
            sentences.setdefault(claim_id, []).append(sentence)
        ratings: dict[int, tuple[str, str]] = {}
        for claim_id, slug, label in published:
            ratings.setdefault(claim_id, (slug, label))
        documents = []
        for row in claims:
            language, outlet, domain = first.get(row["id"], ("", "", ""))
            documents.append(
                _claim_document(
                    url,
                    SimpleNamespace(pk=row["id"], **row),
                    sentences=sentences.get(row["id"], []),
                    language=language,
                    outlet=outlet,
                    domain=domain,
                    rating=ratings.get(row["id"]),
                )
            )
        kept = set(found)
        return documents, [pk for pk in ids if pk not in kept]


_CLAIM_VALUES = ("id", "text", "claimant", "status", "claim_type", "first_seen_at", "created_at")


def _read_orm(ids: list[int]) -> tuple[list[dict[str, Any]], Iterable[tuple], Iterable[tuple]]:
    """The three value queries of `_documents_read`: the claims (not merged), their appearances' sentences with source
    language and outlet (in the order of the source's publication, then insertion), their published verdicts' ratings
    (latest revision first)."""
    claims = list(Claim.objects.filter(pk__in=ids, duplicate_of__isnull=True).order_by("id").values(*_CLAIM_VALUES))
    found = [row["id"] for row in claims]
    rows = (
        Appearance.objects.filter(claim_id__in=found)
        .order_by("source__published_at", "id")
        .values_list("claim_id", "sentence", "source__language", "source__outlet__name", "source__outlet__domain")
    )
    published = (
        Verdict.objects.filter(claim_id__in=found, status=Verdict.Status.PUBLISHED)
        .order_by("claim_id", "-revision")
        .values_list("claim_id", "rating__slug", "rating__label")
    )
    return claims, rows, published


def _document_tables() -> tuple[str, ...]:
    """The tables a claim's search document is read from: claim, appearance, source, outlet, verdict, rating."""
    return (
        Claim._meta.db_table,
        Appearance._meta.db_table,
        Source._meta.db_table,
        Source._meta.get_field("outlet").related_model._meta.db_table,
        Verdict._meta.db_table,
        Verdict._meta.get_field("rating").related_model._meta.db_table,
    )


def _read_pg(ids: list[int]) -> tuple[list[dict[str, Any]], Iterable[tuple], Iterable[tuple]]:
    """`_read_orm`'s queries, as the ORM writes them, in raw SQL with one array parameter each: extraction reads back
    the documents of every claim a batch matched, and building the three querysets cost more client CPU than the
    rows (PostgreSQL returns the same values, aware datetimes included, without the ORM's converters)."""
    claim, appearance, source, outlet, verdict, rating = _document_tables()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(_CLAIM_VALUES)} FROM {claim} "  # noqa: S608
            "WHERE duplicate_of_id IS NULL AND id = ANY(%s::bigint[]) ORDER BY id",
            [int_array(ids)],
        )
        claims = [dict(zip(_CLAIM_VALUES, row, strict=True)) for row in cursor.fetchall()]
        found = int_array(row["id"] for row in claims)
        cursor.execute(
            f"SELECT a.claim_id, a.sentence, s.language, o.name, o.domain FROM {appearance} a "  # noqa: S608
            f"JOIN {source} s ON a.source_id = s.id LEFT JOIN {outlet} o ON s.outlet_id = o.id "
            "WHERE a.claim_id = ANY(%s::bigint[]) ORDER BY s.published_at, a.id",
            [found],
        )
        rows = cursor.fetchall()
        cursor.execute(
            f"SELECT v.claim_id, r.slug, r.label FROM {verdict} v JOIN {rating} r ON v.rating_id = r.id "  # noqa: S608
            "WHERE v.claim_id = ANY(%s::bigint[]) AND v.status = %s ORDER BY v.claim_id, v.revision DESC",
            [found, Verdict.Status.PUBLISHED.value],
        )
        published = cursor.fetchall()
    return claims, rows, published


_SQLITE_CHUNK = 500  # claim ids per statement: SQLite binds at most 999 parameters


def _read_sqlite(ids: list[int]) -> tuple[list[dict[str, Any]], Iterable[tuple], Iterable[tuple]]:
    """`_read_orm`'s queries in raw SQL on SQLite (the same joins and orders; NULL publication dates first, as the ORM's
    order gives them there), in chunks of claim ids: every claim's rows are in one chunk, in their order. The
    timestamps are converted as the ORM converts them (aware UTC)."""
    claim, appearance, source, outlet, verdict, rating = _document_tables()
    convert = connection.ops.convert_datetimefield_value
    claims: list[dict[str, Any]] = []
    rows: list[tuple] = []
    published: list[tuple] = []
    with connection.cursor() as cursor:
        for i in range(0, len(ids), _SQLITE_CHUNK):
            chunk = ids[i : i + _SQLITE_CHUNK]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"SELECT {', '.join(_CLAIM_VALUES)} FROM {claim} "  # noqa: S608
                f"WHERE duplicate_of_id IS NULL AND id IN ({marks}) ORDER BY id",
                chunk,
            )
            found = []
            for row in cursor.fetchall():
                values = dict(zip(_CLAIM_VALUES, row, strict=True))
                values["first_seen_at"] = convert(values["first_seen_at"], None, connection)
                values["created_at"] = convert(values["created_at"], None, connection)
                claims.append(values)
                found.append(values["id"])
            if not found:
                continue
            marks = ", ".join(["%s"] * len(found))
            cursor.execute(
                f"SELECT a.claim_id, a.sentence, s.language, o.name, o.domain FROM {appearance} a "  # noqa: S608
                f"JOIN {source} s ON a.source_id = s.id LEFT JOIN {outlet} o ON s.outlet_id = o.id "
                f"WHERE a.claim_id IN ({marks}) ORDER BY s.published_at, a.id",
                found,
            )
            rows.extend(cursor.fetchall())
            cursor.execute(
                f"SELECT v.claim_id, r.slug, r.label FROM {verdict} v JOIN {rating} r ON v.rating_id = r.id "  # noqa: S608
                f"WHERE v.claim_id IN ({marks}) AND v.status = %s ORDER BY v.claim_id, v.revision DESC",
                [*found, Verdict.Status.PUBLISHED.value],
            )
            published.extend(cursor.fetchall())
    return claims, rows, published


def _new_claim_document(url: Callable[[int], str], pk: int, row: NewClaimRow) -> Document:
    return _claim_document(
        url,
        SimpleNamespace(
            pk=pk,
            text=row.text,
            claimant=row.claimant,
            status=row.status,
            claim_type=row.claim_type,
            first_seen_at=row.first_seen_at,
            created_at=row.created_at,
        ),
        sentences=row.sentences,
        language=row.language,
        outlet=row.outlet,
        domain=row.domain,
        rating=None,
    )


def _claim_document(
    url: Callable[[int], str],
    claim,
    *,
    sentences: list[str],
    language: str,
    outlet: str,
    domain: str,
    rating: tuple[str, str] | None,
) -> Document:
    """A claim's document, from a Claim or a row with the same attributes: its text, claimant and every distinct
    sentence it appears in; the first source's outlet and language; the published verdict's rating (slug, label)."""
    return _document(
        "claim",
        claim.pk,
        title=claim.text,
        body="\n".join([claim.claimant, *dict.fromkeys(sentences)]).strip(),
        url=url(claim.pk),
        outlet=outlet,
        outlet_domain=domain,
        language=(language or "").lower(),
        date=_day(claim.first_seen_at or claim.created_at),
        # The public sees a claim only once its verdict is published.
        is_public=rating is not None,
        status=claim.status,
        claimant=claim.claimant,
        claim_type=claim.claim_type,
        rating=rating[0] if rating else "",
        rating_label=rating[1] if rating else "",
    )


SPECS: dict[str, IndexSpec] = {"source": SourceSpec("source"), "claim": ClaimSpec("claim")}
