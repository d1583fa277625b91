"""DRF authentication by API key (`Authorization: Api-Key <token>` or `Bearer <token>`) and scope checks."""

from __future__ import annotations

from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from apikeys.models import ApiKey, Scope
from apikeys.services import api_key_authenticate

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class ApiKeyAuthentication(BaseAuthentication):
    keywords = ("api-key", "bearer")

    def authenticate(self, request):
        header = get_authorization_header(request).split()
        if not header or header[0].decode("latin-1").lower() not in self.keywords:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Send 'Authorization: Api-Key <token>'.")
        key = api_key_authenticate(token=header[1].decode("latin-1"))
        if key is None:
            raise exceptions.AuthenticationFailed("Unknown, expired or revoked API key.")
        return key.user, key

    def authenticate_header(self, request) -> str:
        return "Api-Key"


def required_scope(request, view) -> str:
    """The scope a key needs here: `read` for reads, else the view's `api_key_scope` (default write)."""
    if request.method in SAFE_METHODS:
        return Scope.READ
    scope = getattr(view, "api_key_scope", Scope.WRITE)
    if isinstance(scope, dict):
        scope = scope.get(request.method, Scope.WRITE)
    return scope


def key_scope_allows(request, view) -> bool:
    """True unless the request is made with an API key that lacks the scope this view needs."""
    key = getattr(request, "auth", None)
    if not isinstance(key, ApiKey):
        return True
    return key.has_scope(required_scope(request, view))
