"""The web form for adding articles by pasting text or uploading files."""

from django import forms
from django.conf import settings


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class SourceIngestForm(forms.Form):
    title = forms.CharField(max_length=1000, required=False)
    url = forms.URLField(max_length=2000, required=False, assume_scheme="https", label="URL")
    outlet = forms.CharField(max_length=200, required=False)
    published_at = forms.DateTimeField(
        required=False, label="Published", help_text="e.g. 2022-03-15 or 2022-03-15 10:00"
    )
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 12}), required=False, label="Article text")
    files = MultipleFileField(
        required=False,
        widget=MultipleFileInput(attrs={"accept": ".txt,.html,.htm,.json,.jsonl,.csv"}),
        help_text="Plain text, HTML, or JSON / JSONL / CSV with one article per record.",
    )

    def clean(self):
        data = super().clean()
        if not (data.get("text") or "").strip() and not data.get("files"):
            raise forms.ValidationError("Paste the article text or choose at least one file.")
        for upload in data.get("files") or []:
            if upload.size > settings.INGEST_MAX_ITEM_BYTES * 50:
                raise forms.ValidationError(f"{upload.name} is too large ({upload.size:,} bytes).")
        return data
