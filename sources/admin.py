from django.contrib import admin

from sources.models import Feed, IngestBatch, IngestItem, Outlet, Source


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "country", "language"]
    search_fields = ["name", "domain"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "published_at", "status", "extraction_status", "created_at"]
    list_filter = ["status", "extraction_status", "outlet", "language", "is_public"]
    search_fields = ["title", "url", "origin"]
    raw_id_fields = ["batch"]
    readonly_fields = ["content_hash", "created_at", "updated_at", "extracted_at"]
    date_hierarchy = "created_at"


class IngestItemInline(admin.TabularInline):
    model = IngestItem
    extra = 0
    raw_id_fields = ["source"]
    readonly_fields = ["position", "origin", "url", "result", "message", "source"]


@admin.register(IngestBatch)
class IngestBatchAdmin(admin.ModelAdmin):
    list_display = ["id", "kind", "label", "status", "received", "created", "duplicates", "failed", "created_at"]
    list_filter = ["kind", "status"]
    raw_id_fields = ["feed"]
    inlines = [IngestItemInline]


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ["url", "outlet", "active", "last_status", "consecutive_failures", "last_polled_at", "next_poll_at"]
    list_filter = ["active", "last_status"]
    search_fields = ["url", "title", "outlet__name"]
    readonly_fields = ["etag", "last_modified", "last_polled_at", "consecutive_failures", "last_error", "created_at"]
