"""Turning user-written Markdown into HTML that is safe to show: rendered, then sanitised by nh3."""

import markdown
import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "a", "ul", "ol", "li", "blockquote", "code", "pre", "h3", "h4", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def markdown_to_safe_html(text: str) -> str:
    """Markdown → HTML with only a small tag subset; links get rel="noopener nofollow"."""
    html = markdown.markdown(text or "", extensions=[], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener nofollow",
    )
