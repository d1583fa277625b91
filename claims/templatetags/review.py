"""Template helpers of the review pages."""

from django import template
from django.utils.safestring import mark_safe

from claims.rendering import markdown_to_safe_html

register = template.Library()


@register.filter
def markdown_safe(text: str) -> str:
    # nh3 has removed everything outside the allowed subset, so this is safe to mark.
    return mark_safe(markdown_to_safe_html(text))  # noqa: S308


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (empty value: removed)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value not in ("", None):
            params[key] = value
    return params.urlencode()
