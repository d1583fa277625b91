from django.contrib import admin

from claims.models import (
    Appearance,
    Claim,
    Comment,
    Evidence,
    MatchSuggestion,
    Rating,
    RatingScale,
    ReviewEvent,
    Verdict,
)


class AppearanceInline(admin.TabularInline):
    model = Appearance
    extra = 0
    raw_id_fields = ["source"]
    fields = ["source", "sentence", "start", "end", "claimant_as_written", "score", "match", "is_recurrence"]


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["text", "claimant", "claim_type", "status", "score", "priority", "appearance_count", "assignee"]
    list_filter = ["status", "claim_type"]
    search_fields = ["text", "claimant"]
    raw_id_fields = ["assignee", "duplicate_of"]
    inlines = [AppearanceInline]


@admin.register(Appearance)
class AppearanceAdmin(admin.ModelAdmin):
    list_display = ["claim", "source", "start", "end", "claimant_as_written", "score", "match"]
    raw_id_fields = ["claim", "source"]


@admin.register(MatchSuggestion)
class MatchSuggestionAdmin(admin.ModelAdmin):
    list_display = ["claim", "target", "similarity", "status"]
    list_filter = ["status"]
    raw_id_fields = ["claim", "target", "decided_by"]


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["title", "url", "stance", "claim", "added_by", "created_at"]
    list_filter = ["stance", "fetch_status"]
    raw_id_fields = ["claim", "source", "added_by"]


class RatingInline(admin.TabularInline):
    model = Rating
    extra = 0
    prepopulated_fields = {"slug": ["label"]}


@admin.register(RatingScale)
class RatingScaleAdmin(admin.ModelAdmin):
    list_display = ["name", "is_default", "worst_value", "best_value"]
    inlines = [RatingInline]


@admin.register(Verdict)
class VerdictAdmin(admin.ModelAdmin):
    # Verdicts change only through the workflow services, which keep the audit trail.
    list_display = ["headline", "claim", "rating", "revision", "status", "author", "approver", "published_at"]
    list_filter = ["status", "rating"]
    raw_id_fields = ["claim", "author", "approver", "supersedes"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["claim", "author", "created_at"]
    raw_id_fields = ["claim", "author"]


@admin.register(ReviewEvent)
class ReviewEventAdmin(admin.ModelAdmin):
    # The audit trail is append-only.
    list_display = ["created_at", "claim", "action", "from_state", "to_state", "actor", "actor_label"]
    list_filter = ["action"]
    raw_id_fields = ["claim", "verdict", "actor"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
