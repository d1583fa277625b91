"""API keys for newsroom tools: a key belongs to a user, acts as that user, and is limited by scopes."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Scope(models.TextChoices):
    READ = "read", "Read (GET endpoints)"
    INGEST = "ingest", "Ingest (POST sources)"
    WRITE = "write", "Write (claim transitions except publishing)"
    PUBLISH = "publish", "Publish (publish and return verdicts)"


class ApiKey(models.Model):
    """Only a SHA-256 hash of the token is stored; the token is shown once, when the key is made."""

    name = models.CharField(max_length=200, help_text="Which tool uses it, e.g. 'CMS sidebar'.")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_keys")
    prefix = models.CharField(max_length=16, unique=True, help_text="Public part of the token, to recognise it.")
    hashed_token = models.CharField(max_length=64, unique=True)
    scopes = models.JSONField(default=list)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "API key"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > timezone.now())

    def has_scope(self, scope: str) -> bool:
        return scope in self.scopes
