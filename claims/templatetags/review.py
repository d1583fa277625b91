"""Template helpers of the review pages."""

from django import template
from django.utils.safestring import mark_safe

from claims.models import Claim
from claims.rendering import markdown_to_safe_html

register = template.Library()


@register.filter
def markdown_safe(text: str) -> str:
    # nh3 has removed everything outside the allowed subset, so this is safe to mark.
    return mark_safe(markdown_to_safe_html(text))  # noqa: S308


EVENT_LABELS = {
    "claim.taken": "took the claim",
    "claim.assigned": "assigned it",
    "claim.edited": "edited the claim",
    "claim.dismissed": "dismissed it",
    "claim.reopened": "reopened it",
    "claim.merged": "merged it into another claim",
    "claim.merged_in": "merged another claim in",
    "claim.split": "split it off",
    "appearance.split": "split an appearance off",
    "match.rejected": "rejected a suggested match",
    "evidence.added": "added evidence",
    "verdict.drafted": "drafted the verdict",
    "verdict.edited": "edited the verdict",
    "verdict.submitted": "submitted the verdict for approval",
    "verdict.returned": "returned the verdict",
    "verdict.published": "approved and published",
    "verdict.corrected": "published a correction",
    "correction.started": "started a correction",
}


@register.filter
def event_label(action: str) -> str:
    """An audit action in words, e.g. "claim.taken" → "took the claim"."""
    return EVENT_LABELS.get(action, action.replace(".", " ").replace("_", " "))


@register.filter
def status_label(value: str) -> str:
    """A claim status in words, e.g. "in_review" → "In review"."""
    return dict(Claim.Status.choices).get(value, value or "—")


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (empty value: removed)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value not in ("", None):
            params[key] = value
    return params.urlencode()
