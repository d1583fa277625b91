"""The web forms for adding articles (pasted, uploaded or fetched by URL) and following feeds."""

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

    def __init__(self, *args, fetch: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fetch = fetch  # "Fetch this URL": the article comes from the web page, not the form

    def clean(self):
        data = super().clean()
        if self.fetch:
            if not data.get("url") and "url" not in self.errors:
                raise forms.ValidationError("Give the address of the article to fetch.")
            return data
        if not (data.get("text") or "").strip() and not data.get("files"):
            raise forms.ValidationError("Paste the article text or choose at least one file.")
        for upload in data.get("files") or []:
            if upload.size > settings.INGEST_MAX_ITEM_BYTES * 50:
                raise forms.ValidationError(f"{upload.name} is too large ({upload.size:,} bytes).")
        return data


class FeedForm(forms.Form):
    url = forms.URLField(max_length=2000, assume_scheme="https", label="Feed URL", help_text="RSS or Atom.")
    title = forms.CharField(max_length=500, required=False)
