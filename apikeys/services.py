"""Creating, checking and revoking API keys."""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from apikeys.models import ApiKey, Scope
from factcheck import roles

TOKEN_PREFIX = "fck_"  # noqa: S105  (a marker, not a secret)
LAST_USED_EVERY = timedelta(minutes=1)


class ApiKeyError(ValueError):
    pass


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def parse_duration(value: str) -> timedelta:
    """'90d', '12h', '30m' → a timedelta."""
    match = re.fullmatch(r"\s*(\d+)\s*([dhm])\s*", value or "")
    if not match:
        raise ApiKeyError(f"Cannot read the duration {value!r}: use e.g. 90d, 12h or 30m.")
    amount, unit = int(match.group(1)), match.group(2)
    return {"d": timedelta(days=amount), "h": timedelta(hours=amount), "m": timedelta(minutes=amount)}[unit]


def api_key_create(
    *, name: str, user, scopes: list[str], expires_in: timedelta | None = None, created_by=None
) -> tuple[ApiKey, str]:
    """Make a key; returns it and the token, which is never stored nor shown again."""
    unknown = set(scopes) - set(Scope.values)
    if unknown or not scopes:
        raise ApiKeyError(f"Give one or more scopes of {', '.join(Scope.values)}.")
    if not name.strip():
        raise ApiKeyError("A key needs a name.")
    prefix = secrets.token_hex(4)
    token = f"{TOKEN_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    key = ApiKey.objects.create(
        name=name.strip()[:200],
        user=user,
        prefix=prefix,
        hashed_token=_hash(token),
        scopes=sorted(set(scopes), key=Scope.values.index),
        expires_at=timezone.now() + expires_in if expires_in else None,
        created_by=created_by,
    )
    return key, token


def api_key_authenticate(*, token: str) -> ApiKey | None:
    """The active key for a token, or None. Records the last use at most once a minute.

    A valid key is remembered by this process for API_KEY_CACHE_SECONDS, so a newsroom tool's
    burst of requests costs one lookup; revoking a key therefore takes effect within that time.
    """
    if not token.startswith(TOKEN_PREFIX):
        return None
    hashed = _hash(token)
    cache_key = f"apikey:{hashed}"
    key = cache.get(cache_key)
    if key is None:
        key = ApiKey.objects.select_related("user").filter(hashed_token=hashed).first()
        if key is not None:
            roles.is_fact_checker(key.user)  # loads the user's groups once, kept with the cached key
            cache.set(cache_key, key, settings.API_KEY_CACHE_SECONDS)
    if key is None or not key.is_active or not key.user.is_active:
        return None
    now = timezone.now()
    if key.last_used_at is None or now - key.last_used_at > LAST_USED_EVERY:
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
        key.last_used_at = now
        cache.set(cache_key, key, settings.API_KEY_CACHE_SECONDS)
    return key


def api_key_revoke(*, key: ApiKey) -> ApiKey:
    if key.revoked_at is None:
        key.revoked_at = timezone.now()
        key.save(update_fields=["revoked_at"])
    cache.delete(f"apikey:{key.hashed_token}")  # at once in this process; others within API_KEY_CACHE_SECONDS
    return key
