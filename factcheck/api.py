"""API infrastructure shared by every app: one error format, safe parsing, pagination, roles."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC
from typing import ClassVar

import django_filters
import orjson
import psycopg
from django import forms
from django.core.exceptions import EmptyResultSet, FullResultSet, PermissionDenied, RequestDataTooBig
from django.db import connection
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from rest_framework import exceptions, serializers, status
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.pagination import CursorPagination
from rest_framework.parsers import JSONParser
from rest_framework.permissions import BasePermission
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from factcheck import roles

MAX_ID = 2**63 - 1

# psycopg's own (C) loader for timestamptz text, which Django's connections replace with a Python one.
_FAST_TIMESTAMPTZ = psycopg.adapters.get_loader(psycopg.postgres.types["timestamptz"].oid, psycopg.pq.Format.TEXT)


class IdFilter(django_filters.NumberFilter):
    """A row id: a whole number in the database's range, else a 400 rather than a database error."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class SafeJSONParser(JSONParser):
    """JSON parser that answers 400 (not 500) for deep nesting and says what was wrong."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise exceptions.ParseError("JSON is nested too deeply.") from None
        except RequestDataTooBig:
            raise PayloadTooLarge() from None


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "too_large"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Conflict."
    default_code = "conflict"


def _code(exc: exceptions.APIException) -> str:
    codes = exc.get_codes()
    if isinstance(codes, str):
        return codes
    return "invalid"


def exception_handler(exc, context) -> Response | None:
    """Every API error looks the same: {"error": {"code", "message", "fields"?}}."""
    # Imported here: rest_framework.views reads the settings that name this module.
    from rest_framework.views import exception_handler as drf_exception_handler

    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    elif isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLarge()
    elif isinstance(exc, UnicodeDecodeError | json.JSONDecodeError):
        exc = exceptions.ParseError("The body is not valid UTF-8 JSON.")
    # Imported here: rest_framework.views reads the API settings, which name this module.

    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    error: dict = {"code": _code(exc) if isinstance(exc, exceptions.APIException) else "error"}
    detail = response.data
    if isinstance(detail, dict) and set(detail) != {"detail"}:
        error["message"] = "Some fields are invalid."
        error["fields"] = detail
    elif isinstance(detail, list):
        error["message"] = " ".join(str(item) for item in detail)
    else:
        error["message"] = str(detail.get("detail", detail)) if isinstance(detail, dict) else str(detail)
    extra = getattr(exc, "extra", None)
    if extra:
        error.update(extra)
    response.data = {"error": error}
    return response


class ErrorDetailSerializer(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()
    fields = serializers.DictField(required=False, help_text="Per-field messages for invalid input.")


class ErrorSerializer(serializers.Serializer):
    """The one error body of the API (documentation only)."""

    error = ErrorDetailSerializer()


class UtcIsoDateTimeField(django_filters.fields.IsoDateTimeField):
    """ISO 8601 datetimes turned into UTC: PostgreSQL rejects offsets Python accepts (e.g. -20:17)."""

    def to_python(self, value):
        value = super().to_python(value)
        if value is None:
            return None
        try:
            return value.astimezone(UTC)
        except (OverflowError, ValueError):
            raise forms.ValidationError("This date is out of range.", code="invalid") from None


class UtcIsoDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UtcIsoDateTimeField


class NewestFirstCursor(CursorPagination):
    """Cursor pagination: no COUNT(*), stable under inserts, fast at any depth."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    ordering = "-id"


class FastValues:
    """A queryset's rows as dicts of chosen columns, for pages of many rows. `columns` maps each
    output name to the field path it is read from. Supports what cursor pagination calls:
    `order_by`, `filter`, slicing, iteration.

    On PostgreSQL the rows are read through a cursor with psycopg's C timestamp loader (Django
    registers a pure-Python one, the largest cost of a page), and the statement of an unfiltered
    list is compiled by the ORM once per process and page shape, then reused with each page's
    cursor position (compiling 16 columns and a join cost more than running the query).
    Elsewhere the ORM reads the rows as usual."""

    # (columns, WHERE clause, ordering, page size) → SQL. Bounded: unfiltered lists only, first
    # offset only, so the WHERE clause is the cursor's one comparison.
    _statements: ClassVar[dict[tuple, str]] = {}

    def __init__(self, queryset: QuerySet, columns: dict[str, str], *, reusable: bool | None = None):
        self.queryset, self.columns = queryset, columns
        self.reusable = not queryset.query.where if reusable is None else reusable

    def _derive(self, queryset: QuerySet) -> FastValues:
        return FastValues(queryset, self.columns, reusable=self.reusable)

    def order_by(self, *fields: str) -> FastValues:
        return self._derive(self.queryset.order_by(*fields))

    def filter(self, *args, **kwargs) -> FastValues:
        return self._derive(self.queryset.filter(*args, **kwargs))

    def __getitem__(self, key: slice) -> FastValues:
        return self._derive(self.queryset[key])

    def _statement(self) -> tuple[str, tuple]:
        query, key = self.queryset.query, None
        if self.reusable and not query.low_mark:
            try:
                where, where_params = query.get_compiler(connection=connection).compile(query.where)
            except FullResultSet:  # no condition at all: the first page
                where, where_params = "", []
            key = (tuple(self.columns.items()), where, query.order_by, query.high_mark)
            if key in self._statements:
                return self._statements[key], tuple(where_params)
        sql, params = self.queryset.values_list(*self.columns.values()).query.sql_with_params()
        if key is not None and tuple(params) == tuple(where_params):  # no value outside the WHERE clause
            self._statements[key] = sql
        return sql, params

    def __iter__(self) -> Iterator[dict]:
        names = list(self.columns)
        if connection.vendor != "postgresql":
            rows = self.queryset.values_list(*self.columns.values())
            return (dict(zip(names, row, strict=True)) for row in rows)
        try:
            sql, params = self._statement()
        except EmptyResultSet:  # a condition nothing can meet, e.g. `id IN ()`
            return iter([])
        with connection.cursor() as cursor:
            cursor.cursor.adapters.register_loader("timestamptz", _FAST_TIMESTAMPTZ)
            cursor.execute(sql, params)
            return iter([dict(zip(names, row, strict=True)) for row in cursor.fetchall()])


def fast_page_response(paginator: CursorPagination, rows: list[dict]) -> HttpResponse:
    """A cursor page as DRF writes it (`next`, `previous`, `results`), serialised by orjson:
    timestamps in UTC with `Z` and floats exactly as DRF's JSON renderer has them."""
    body = {"next": paginator.get_next_link(), "previous": paginator.get_previous_link(), "results": rows}
    return HttpResponse(orjson.dumps(body, option=orjson.OPT_UTC_Z), content_type="application/json")


class JsonOnly(BaseContentNegotiation):
    """For views that always answer JSON themselves (`fast_page_response`): no Accept parsing."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        renderer = JSONRenderer()
        return renderer, renderer.media_type


class KeyScope(BasePermission):
    """A request made with an API key needs the scope the view asks for (`read` for reads)."""

    def has_permission(self, request, view) -> bool:
        from apikeys.auth import key_scope_allows, required_scope

        if key_scope_allows(request, view):
            return True
        self.message = f"This API key lacks the '{required_scope(request, view)}' scope."
        return False


class IsDeskMember(KeyScope):
    """Fact-checkers, editors and admins (and their API keys, within the key's scopes)."""

    def has_permission(self, request, view) -> bool:
        if not super().has_permission(request, view):
            return False
        self.message = "Only fact-checkers and editors can use this."
        return roles.is_fact_checker(request.user)


class IsEditor(KeyScope):
    def has_permission(self, request, view) -> bool:
        if not super().has_permission(request, view):
            return False
        self.message = "Only editors can do this."
        return roles.is_editor(request.user)


class PublicRead(KeyScope):
    """Anyone may read (published material only); an API key still needs the `read` scope."""
