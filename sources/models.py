"""Outlets, the articles they publish (sources), and the ingest batches that brought them in."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class Outlet(models.Model):
    name = models.CharField(max_length=200, unique=True)
    domain = models.CharField(max_length=253, blank=True, help_text="e.g. tass.com, without www.")
    country = models.CharField(max_length=2, blank=True, help_text="ISO 3166-1 alpha-2 code")
    language = models.CharField(max_length=8, blank=True, help_text="BCP 47 code, e.g. en")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["domain"], condition=~Q(domain=""), name="outlet_domain_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Feed(models.Model):
    """An outlet's RSS or Atom feed, polled politely: conditional GET, backoff after failures."""

    class LastStatus(models.TextChoices):
        NEVER = "", "Not polled yet"
        OK = "ok", "OK"
        NOT_MODIFIED = "not_modified", "Not modified"
        FAILED = "failed", "Failed"

    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="feeds")
    url = models.URLField(max_length=2000, unique=True)
    title = models.CharField(max_length=500, blank=True)
    active = models.BooleanField(default=True)
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True, help_text="The server's Last-Modified, verbatim.")
    last_polled_at = models.DateTimeField(null=True, blank=True)
    next_poll_at = models.DateTimeField(null=True, blank=True, help_text="Empty: poll as soon as possible.")
    consecutive_failures = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    last_status = models.CharField(max_length=20, choices=LastStatus.choices, blank=True, default=LastStatus.NEVER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["outlet", "url"]
        indexes = [models.Index(fields=["active", "next_poll_at"])]

    def __str__(self) -> str:
        return self.title or self.url

    @property
    def is_failing(self) -> bool:
        return self.consecutive_failures >= settings.FEED_FAILURES_TO_FLAG


class IngestBatch(models.Model):
    """One ingest run (a command, an API call, an upload, a feed poll) and what came of it."""

    class Kind(models.TextChoices):
        FILES = "files", "Files"
        API = "api", "API"
        UPLOAD = "upload", "Web form"
        URL = "url", "Fetch by URL"
        FEED = "feed", "Feed poll"

    class Status(models.TextChoices):
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    label = models.CharField(max_length=500, blank=True, help_text="What was ingested: paths, a feed URL...")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="ingest_batches"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RUNNING)
    feed = models.ForeignKey(Feed, null=True, blank=True, on_delete=models.SET_NULL, related_name="polls")
    message = models.TextField(blank=True, help_text="What happened to the batch as a whole, e.g. a feed error.")
    total = models.PositiveIntegerField(default=0, help_text="Items expected, when known (progress).")
    received = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    duplicates = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "ingest batches"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}: {self.label[:60]}"

    @property
    def progress(self) -> float | None:
        return min(1.0, self.received / self.total) if self.total else None


class Source(models.Model):
    """A news article as ingested: its text is kept verbatim so claim offsets stay valid."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to be fetched"
        STORED = "stored", "Stored"
        FAILED = "failed", "Failed"

    class Extraction(models.TextChoices):
        PENDING = "pending", "Pending"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    outlet = models.ForeignKey(Outlet, null=True, blank=True, on_delete=models.SET_NULL, related_name="sources")
    url = models.URLField(max_length=2000, blank=True)
    canonical_url = models.URLField(max_length=2000, blank=True, help_text="Normalised URL used to find duplicates.")
    title = models.CharField(max_length=1000, blank=True)
    byline = models.CharField(max_length=500, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=8, blank=True)
    text = models.TextField(blank=True)
    content_hash = models.CharField(max_length=64, blank=True, help_text="SHA-256 of the normalised text.")
    origin = models.CharField(max_length=1000, blank=True, help_text="Where it came from: file name, feed, API.")
    is_public = models.BooleanField(default=True, help_text="Public sources may appear on public pages and search.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.STORED)
    error = models.TextField(blank=True, help_text="Why fetching or parsing failed, in plain words.")
    extraction_status = models.CharField(max_length=10, choices=Extraction.choices, default=Extraction.PENDING)
    extraction_error = models.TextField(blank=True)
    extracted_at = models.DateTimeField(null=True, blank=True)
    batch = models.ForeignKey(IngestBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="sources")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["canonical_url"], condition=~Q(canonical_url=""), name="source_canonical_url_unique"
            ),
            models.UniqueConstraint(
                fields=["content_hash"], condition=~Q(content_hash=""), name="source_content_hash_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["extraction_status", "id"]),
            models.Index(fields=["created_at"]),
        ]

    def __str__(self) -> str:
        return self.title or self.origin or f"Source {self.pk}"

    @property
    def display_date(self):
        return self.published_at or self.created_at


class IngestItem(models.Model):
    """One item of a batch: a file, a record, a URL. Failed items keep enough to be retried."""

    class Result(models.TextChoices):
        CREATED = "created", "Created"
        DUPLICATE = "duplicate", "Duplicate"
        FAILED = "failed", "Failed"
        PENDING = "pending", "Pending"

    batch = models.ForeignKey(IngestBatch, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    origin = models.CharField(max_length=1000, help_text="File name, record number or URL.")
    url = models.URLField(max_length=2000, blank=True, help_text="Set when the item is fetched: it can be retried.")
    result = models.CharField(max_length=10, choices=Result.choices)
    message = models.TextField(blank=True, help_text="The error or note a user reads.")
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="ingest_items")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["batch", "position"]
        indexes = [models.Index(fields=["url"], condition=~Q(url=""), name="ingestitem_url_idx")]

    def __str__(self) -> str:
        return f"{self.origin}: {self.result}"
