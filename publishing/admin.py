"""Webhook endpoints and their deliveries, for admins."""

from django import forms
from django.contrib import admin

from publishing.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from publishing.services import webhook_url_validate


class WebhookEndpointForm(forms.ModelForm):
    url = forms.URLField(max_length=2000, assume_scheme="https")
    events = forms.MultipleChoiceField(choices=WebhookEvent.choices, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = WebhookEndpoint
        fields = ["url", "events", "description", "active", "secret"]

    def clean_url(self):
        url = self.cleaned_data["url"]
        webhook_url_validate(url)
        return url


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    form = WebhookEndpointForm
    list_display = ["url", "events", "active", "created_by", "created_at"]
    list_filter = ["active"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = ["event", "endpoint", "status", "attempts", "last_status_code", "delivered_at", "created_at"]
    list_filter = ["status", "event"]
    readonly_fields = [
        "endpoint",
        "review_event",
        "event_id",
        "event",
        "payload",
        "status",
        "attempts",
        "last_status_code",
        "last_error",
        "next_attempt_at",
        "delivered_at",
        "created_at",
    ]

    def has_add_permission(self, request) -> bool:
        return False
