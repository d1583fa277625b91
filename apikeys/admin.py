"""Admins create keys here; the token is shown once, in the confirmation message."""

from django import forms
from django.contrib import admin, messages

from apikeys.models import ApiKey, Scope
from apikeys.services import api_key_create, api_key_revoke


class ApiKeyCreateForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(choices=Scope.choices, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = ApiKey
        fields = ["name", "user", "scopes", "expires_at"]


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ["name", "prefix", "user", "scopes", "expires_at", "revoked_at", "last_used_at", "created_at"]
    list_filter = ["revoked_at"]
    search_fields = ["name", "prefix", "user__username"]
    actions = ["revoke"]
    raw_id_fields = ["user"]

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = ApiKeyCreateForm
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return ["user", "prefix", "scopes", "expires_at", "revoked_at", "last_used_at", "created_by", "created_at"]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["name", "user", "scopes", "expires_at"]
        return ["name", *self.get_readonly_fields(request, obj)]

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        key, token = api_key_create(
            name=form.cleaned_data["name"],
            user=form.cleaned_data["user"],
            scopes=form.cleaned_data["scopes"],
            created_by=request.user,
        )
        if form.cleaned_data.get("expires_at"):
            key.expires_at = form.cleaned_data["expires_at"]
            key.save(update_fields=["expires_at"])
        obj.pk = key.pk
        obj.refresh_from_db()
        messages.warning(request, f"Copy the token now, it is not shown again: {token}")

    @admin.action(description="Revoke the selected keys")
    def revoke(self, request, queryset):
        for key in queryset:
            api_key_revoke(key=key)
        messages.success(request, f"{queryset.count()} key(s) revoked.")
