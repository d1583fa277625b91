"""API infrastructure shared by every app: one error format, safe parsing, pagination, roles."""

from __future__ import annotations

import json
from datetime import UTC

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404
from rest_framework import exceptions, serializers, status
from rest_framework.pagination import CursorPagination
from rest_framework.parsers import JSONParser
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from factcheck import roles

MAX_ID = 2**63 - 1


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
