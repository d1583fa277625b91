"""Forms of the review pages: they validate input, and the views hand clean values to services."""

from django import forms

from claims.models import Claim, ClaimType, Evidence
from claims.selectors import QueueFilters

STATUS_FILTERS = [("open", "Open (not published or dismissed)"), ("all", "All"), *Claim.Status.choices]
SORTS = [("priority", "Priority"), ("newest", "Newest"), ("score", "Score"), ("appearances", "Most appearances")]


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(choices=STATUS_FILTERS, required=False)
    outlet = forms.IntegerField(required=False, min_value=1)
    claimant = forms.CharField(required=False, max_length=300)
    assignee = forms.RegexField(regex=r"^(me|none|\d+)?$", required=False)
    type = forms.ChoiceField(choices=[("", "Any type"), *ClaimType.choices], required=False)
    seen_from = forms.DateField(required=False, label="First seen from")
    seen_to = forms.DateField(required=False, label="First seen to")
    min_score = forms.FloatField(required=False, min_value=0, max_value=1, label="Min. score")
    sort = forms.ChoiceField(choices=SORTS, required=False)

    def filters(self) -> QueueFilters:
        """The valid filters; an invalid field is ignored (and its error shown)."""
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        return QueueFilters(
            status=data.get("status") or "open",
            outlet_id=data.get("outlet"),
            claimant=(data.get("claimant") or "").strip(),
            assignee=data.get("assignee") or "",
            claim_type=data.get("type") or "",
            seen_from=data.get("seen_from"),
            seen_to=data.get("seen_to"),
            min_score=data.get("min_score"),
        )

    def sort_order(self) -> str:
        data = getattr(self, "cleaned_data", {})
        return data.get("sort") or "priority"


class BulkForm(forms.Form):
    ACTIONS = [
        ("assign", "Assign to"),
        ("dismiss", "Dismiss as not check-worthy"),
        ("merge", "Merge into claim #"),
        ("status", "Change status to"),
    ]
    ids = forms.TypedMultipleChoiceField(coerce=int, choices=[], error_messages={"required": "Select claims first."})
    action = forms.ChoiceField(choices=ACTIONS)
    assignee = forms.IntegerField(required=False)
    into = forms.IntegerField(required=False, min_value=1)
    status = forms.ChoiceField(
        required=False,
        choices=[("", "—"), ("new", "New"), ("in_review", "In review (take)"), ("dismissed", "Dismissed")],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Any id is acceptable here: the service says which claims do not exist.
        self.fields["ids"].valid_value = lambda value: str(value).isdigit()

    def clean(self):
        data = super().clean()
        if data.get("action") == "merge" and not data.get("into"):
            self.add_error("into", "Give the number of the claim to merge into.")
        if data.get("action") == "status" and not data.get("status"):
            self.add_error("status", "Choose the new status.")
        return data


class ClaimEditForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=5000, label="Claim (normalised)")
    claimant = forms.CharField(required=False, max_length=300)
    claim_type = forms.ChoiceField(choices=ClaimType.choices, label="Type")
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class EvidenceForm(forms.Form):
    url = forms.URLField(required=False, max_length=2000, assume_scheme="https", label="URL")
    source = forms.IntegerField(required=False, widget=forms.HiddenInput)
    excerpt = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=10_000)
    stance = forms.ChoiceField(choices=Evidence.Stance.choices, initial=Evidence.Stance.CONTEXT)
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=10_000)

    def clean(self):
        data = super().clean()
        if not data.get("url") and not data.get("source") and not self.errors:
            raise forms.ValidationError("Give a URL or pick a source from the corpus.")
        return data


class VerdictForm(forms.Form):
    rating = forms.ModelChoiceField(queryset=None, empty_label="Choose a rating")
    headline = forms.CharField(max_length=300)
    explanation = forms.CharField(widget=forms.Textarea(attrs={"rows": 8}), help_text="Markdown.")
    evidence = forms.TypedMultipleChoiceField(coerce=int, required=False, widget=forms.CheckboxSelectMultiple)
    correction_note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, ratings, evidence, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rating"].queryset = ratings
        self.fields["evidence"].choices = [(e.pk, e.title or e.url or f"Evidence {e.pk}") for e in evidence]


class NoteForm(forms.Form):
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=10_000)
