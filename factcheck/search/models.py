"""The search document table the database backends query.

One row per indexed source or claim, denormalised so that searching, filtering and faceting
never join the domain tables. The full-text structures live beside it and are created by the
migration for the database in use: an FTS5 table kept in sync by triggers on SQLite, a generated
`vector` tsvector column with a GIN index on PostgreSQL. Neither is a Django field, so the ORM
never reads the (large) vector.
"""

from django.db import models


class SearchEntry(models.Model):
    class Kind(models.TextChoices):
        SOURCE = "source", "Source"
        CLAIM = "claim", "Claim"

    kind = models.CharField(max_length=8, choices=Kind.choices)
    object_id = models.BigIntegerField()
    title = models.TextField(blank=True, help_text="Weighted above the body.")
    body = models.TextField(blank=True)
    url = models.CharField(max_length=2000, blank=True)
    outlet = models.CharField(max_length=200, blank=True)
    outlet_domain = models.CharField(max_length=253, blank=True)
    language = models.CharField(max_length=8, blank=True)
    # ISO day and month strings compare and group the same way on every database.
    date = models.CharField(max_length=10, blank=True)
    month = models.CharField(max_length=7, blank=True)
    is_public = models.BooleanField(default=False)
    status = models.CharField(max_length=20, blank=True)
    claimant = models.CharField(max_length=300, blank=True)
    claim_type = models.CharField(max_length=12, blank=True)
    rating = models.CharField(max_length=100, blank=True, help_text="Slug of the published verdict's rating.")
    rating_label = models.CharField(max_length=100, blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "search_entry"
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique_object")]
        indexes = [models.Index(fields=["kind", "date", "object_id"], name="search_entry_kind_date")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
