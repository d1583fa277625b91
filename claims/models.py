"""Claims and where they appear, evidence, rating scales, verdicts and the audit trail."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from sources.models import Source


class ClaimType(models.TextChoices):
    STATISTIC = "statistic", "Statistic"
    EVENT = "event", "Event / action"
    ATTRIBUTED = "attributed", "Attributed assertion"
    CAUSAL = "causal", "Causal"
    COMPARISON = "comparison", "Comparison"
    LEGAL = "legal", "Legal / rule"
    PREDICTION = "prediction", "Prediction"
    OTHER = "other", "Other"


class Claim(models.Model):
    class Status(models.TextChoices):
        NEW = "new", "New"
        IN_REVIEW = "in_review", "In review"
        DRAFTED = "drafted", "Verdict drafted"
        AWAITING_APPROVAL = "awaiting_approval", "Awaiting approval"
        PUBLISHED = "published", "Published"
        CORRECTION = "correction", "Correction in progress"
        DISMISSED = "dismissed", "Dismissed"

    class DismissReason(models.TextChoices):
        NOT_CHECKWORTHY = "not_checkworthy", "Not check-worthy"
        DUPLICATE = "duplicate", "Duplicate"

    text = models.TextField(help_text="The assertion, normalised: reporting frame removed.")
    claimant = models.CharField(max_length=300, blank=True, help_text="Who asserts it; empty when the outlet does.")
    claim_type = models.CharField(max_length=12, choices=ClaimType.choices, default=ClaimType.OTHER)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    dismiss_reason = models.CharField(max_length=20, choices=DismissReason.choices, blank=True)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    score = models.FloatField(default=0.0, help_text="Check-worthiness, 0 to 1.")
    reasons = models.JSONField(default=list, blank=True, help_text="Why it is check-worthy, in words.")
    priority = models.FloatField(default=0.0, help_text="Queue rank: worthiness, spread, recency, recurrence.")
    # No index of its own (db_index=False): the (assignee, status) index below begins with it. Every index of this table
    # is written for each claim extraction stores, so none is kept twice.
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_claims",
        db_index=False,
    )
    appearance_count = models.PositiveIntegerField(default=0)
    outlet_count = models.PositiveIntegerField(default=0)
    first_seen_at = models.DateTimeField(null=True, blank=True, help_text="Earliest appearance (publication date).")
    last_seen_at = models.DateTimeField(null=True, blank=True)
    recurred_at = models.DateTimeField(
        null=True, blank=True, help_text="When a new appearance arrived after a verdict was published."
    )
    version = models.PositiveIntegerField(default=1, help_text="Optimistic lock: bumped by every edit.")
    match_features = models.TextField(
        blank=True, default="", help_text="Folded content words used to match rewordings (claims.extraction.matching)."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-priority", "-id"]
        indexes = [
            models.Index(fields=["status", "-priority", "-id"], name="claim_queue_idx"),
            models.Index(fields=["assignee", "status"]),
            models.Index(fields=["claimant"]),
            # (-created_at alone is served by claim_newest_idx, which begins with it.)
            # The queue's sort orders (keyset pagination on (key, id)) and dashboard filters.
            models.Index(fields=["-priority", "-id"], name="claim_priority_idx"),
            models.Index(fields=["-score", "-id"], name="claim_score_idx"),
            models.Index(fields=["-appearance_count", "-id"], name="claim_appearances_idx"),
            models.Index(fields=["-created_at", "-id"], name="claim_newest_idx"),
            models.Index(fields=["first_seen_at"], name="claim_first_seen_idx"),
            models.Index(fields=["recurred_at"], name="claim_recurred_idx"),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class Appearance(models.Model):
    """One place a claim is made: the exact sentence and its character offsets in a source."""

    class Match(models.TextChoices):
        ORIGINAL = "original", "First seen here"
        AUTO = "auto", "Matched automatically"
        CONFIRMED = "confirmed", "Match confirmed by an editor"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="appearances")
    # No index of its own: appearance_unique_span (source, start, end, text) begins with it.
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="appearances", db_index=False)
    sentence = models.TextField()
    start = models.PositiveIntegerField(help_text="Offset of the first character in source.text.")
    end = models.PositiveIntegerField(help_text="Offset just past the last character in source.text.")
    text = models.TextField(blank=True, help_text="The assertion as normalised from this sentence.")
    claimant_as_written = models.CharField(max_length=300, blank=True)
    score = models.FloatField(default=0.0)
    reasons = models.JSONField(default=list, blank=True)
    match = models.CharField(max_length=10, choices=Match.choices, default=Match.ORIGINAL)
    match_score = models.FloatField(null=True, blank=True)
    is_recurrence = models.BooleanField(default=False, help_text="Seen after the claim's verdict was published.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["source__published_at", "source_id", "start"]
        constraints = [
            models.UniqueConstraint(fields=["source", "start", "end", "text"], name="appearance_unique_span"),
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="appearance_span_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.source_id}[{self.start}:{self.end}]"


class ClaimKey(models.Model):
    """Index keys of a claim (MinHash LSH bands): a new claim finds its candidates by equality on `key`."""

    # No foreign-key constraint in the database: the keys are a derived index, written only by extraction right after
    # their claim, in its transaction, and deleted with it by the ORM's cascade. The constraint's check of every key
    # row (ten per claim, deferred to the commit on PostgreSQL) cost ~0.4 ms of server CPU per article, inside the
    # serialised storing transaction. A key left by a claim deleted in raw SQL is harmless: matching skips candidates
    # that are not stored claims.
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="match_keys", db_constraint=False)
    key = models.BigIntegerField()

    class Meta:
        # No unique constraint: it would be a second large index on a table of 8 rows per claim.
        indexes = [models.Index(fields=["key", "claim"], name="claimkey_key_claim_idx")]

    def __str__(self) -> str:
        return f"{self.claim_id}:{self.key}"


class MatchSuggestion(models.Model):
    """A near miss: `claim` may be the same assertion as `target`. An editor decides."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CONFIRMED = "confirmed", "Confirmed (merged)"
        REJECTED = "rejected", "Rejected"

    # No index of its own: match_suggestion_unique_pair (claim, target) begins with it.
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="match_suggestions", db_index=False)
    target = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="+")
    similarity = models.FloatField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-similarity"]
        constraints = [models.UniqueConstraint(fields=["claim", "target"], name="match_suggestion_unique_pair")]

    def __str__(self) -> str:
        return f"{self.claim_id} ~ {self.target_id} ({self.similarity:.2f})"


class Evidence(models.Model):
    class Stance(models.TextChoices):
        SUPPORTS = "supports", "Supports"
        REFUTES = "refutes", "Refutes"
        CONTEXT = "context", "Context"

    class Fetch(models.TextChoices):
        NONE = "none", "Not fetched"
        PENDING = "pending", "Fetching metadata"
        DONE = "done", "Metadata fetched"
        FAILED = "failed", "Fetch failed"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="evidence")
    url = models.URLField(max_length=2000, blank=True)
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="cited_as")
    title = models.CharField(max_length=1000, blank=True)
    publisher = models.CharField(max_length=300, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    excerpt = models.TextField(blank=True)
    stance = models.CharField(max_length=10, choices=Stance.choices, default=Stance.CONTEXT)
    note = models.TextField(blank=True)
    fetch_status = models.CharField(max_length=10, choices=Fetch.choices, default=Fetch.NONE)
    fetch_error = models.CharField(max_length=500, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name_plural = "evidence"
        constraints = [
            models.CheckConstraint(condition=~Q(url="") | Q(source__isnull=False), name="evidence_has_url_or_source")
        ]

    def __str__(self) -> str:
        return self.title or self.url or f"Evidence {self.pk}"


class RatingScale(models.Model):
    name = models.CharField(max_length=100, unique=True)
    is_default = models.BooleanField(default=False)
    best_value = models.IntegerField(help_text="ClaimReview bestRating.")
    worst_value = models.IntegerField(help_text="ClaimReview worstRating.")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["is_default"], condition=Q(is_default=True), name="one_default_scale")
        ]

    def __str__(self) -> str:
        return self.name


class Rating(models.Model):
    scale = models.ForeignKey(RatingScale, on_delete=models.CASCADE, related_name="ratings")
    label = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100)
    value = models.IntegerField(help_text="ClaimReview ratingValue, between the scale's worst and best.")
    colour = models.CharField(max_length=7, default="#777777", help_text="Hex colour, e.g. #d33")
    order = models.PositiveIntegerField(default=0)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["scale", "order"]
        constraints = [
            models.UniqueConstraint(fields=["scale", "slug"], name="rating_slug_unique"),
            models.UniqueConstraint(fields=["scale", "label"], name="rating_label_unique"),
        ]

    def __str__(self) -> str:
        return self.label


class Verdict(models.Model):
    """One version of the verdict on a claim. Published versions are never edited: a
    correction is a new version that supersedes the old one and says why."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Awaiting approval"
        PUBLISHED = "published", "Published"
        SUPERSEDED = "superseded", "Superseded by a correction"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="verdicts")
    revision = models.PositiveIntegerField(default=1)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    rating = models.ForeignKey(Rating, on_delete=models.PROTECT, related_name="verdicts")
    headline = models.CharField(max_length=300)
    explanation = models.TextField(help_text="Markdown; rendered sanitised.")
    cited_evidence = models.ManyToManyField(Evidence, blank=True, related_name="cited_by")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="verdicts_written"
    )
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="verdicts_approved"
    )
    correction_note = models.TextField(blank=True, help_text="What a correction changed and why (shown publicly).")
    supersedes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="superseded_by"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["claim", "-revision"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "revision"], name="verdict_revision_unique"),
            models.UniqueConstraint(
                fields=["claim"], condition=Q(status="published"), name="one_published_verdict_per_claim"
            ),
        ]
        indexes = [models.Index(fields=["status", "-published_at"])]

    def __str__(self) -> str:
        return f"{self.headline} (rev. {self.revision})"


class Comment(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.body[:80]


class ReviewEvent(models.Model):
    """The audit trail: every state change of a claim or verdict, whoever made it."""

    claim = models.ForeignKey(Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="events")
    verdict = models.ForeignKey(Verdict, null=True, blank=True, on_delete=models.SET_NULL, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor_label = models.CharField(max_length=200, blank=True, help_text="Non-user actors: a task, a command, a key.")
    action = models.CharField(max_length=50)
    from_state = models.CharField(max_length=20, blank=True)
    to_state = models.CharField(max_length=20, blank=True)
    note = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.action}: {self.from_state} → {self.to_state}"
