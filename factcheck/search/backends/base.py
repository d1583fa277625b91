"""The search backend interface and the request/result types every backend shares."""

from __future__ import annotations

import base64
import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from factcheck.search.query import ParsedQuery
from factcheck.search.spec import Document

PAGE_SIZE = 20
COUNT_CAP = 2_000
FACET_SIZE = 10
MAX_SNIPPETS = 3

# Engines mark matches with these private-use characters; the text is escaped first and the
# marks become <mark> afterwards, so nothing from a document can inject HTML.
MARK_START, MARK_END = "\ue000", "\ue001"

FACETS = {
    "source": ("outlet", "month", "language"),
    "claim": ("status", "rating", "month", "language"),
}
# The query-language filter that selects one value of a facet.
FACET_FILTER = {
    "outlet": "outlet",
    "month": "date",
    "language": "lang",
    "status": "status",
    "rating": "rating",
}


class SearchUnavailable(Exception):
    """The engine cannot be reached (or answered with a server error): retry later."""


@dataclass
class SearchRequest:
    parsed: ParsedQuery
    kind: str = "source"
    sort: str = "relevance"  # or "date" (newest first)
    public_only: bool = False
    cursor: str = ""
    page_size: int = PAGE_SIZE
    facets: bool = True


@dataclass
class Hit:
    kind: str
    object_id: int
    title: str
    title_html: str
    url: str
    outlet: str
    date: str
    snippets: list[str]
    score: float
    extra: dict = field(default_factory=dict)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class SearchResult:
    hits: list[Hit]
    total: int
    total_capped: bool
    facets: dict[str, list[FacetValue]]
    next_cursor: str
    notice: str = ""
    backend: str = ""

    @property
    def total_display(self) -> str:
        # A capped total is the cap the backend counted up to.
        return f"{self.total:,}+" if self.total_capped else f"{self.total:,}"


def encode_cursor(values: list) -> str:
    return base64.urlsafe_b64encode(json.dumps(values, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> list | None:
    """The cursor's values, or None for a missing or tampered cursor (which means page one)."""
    if not cursor:
        return None
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(values, list) or len(values) != 2:
        return None
    if not isinstance(values[1], int) or not isinstance(values[0], int | float | str):
        return None
    return values


def marked_to_html(text: str) -> str:
    """Escape engine output and turn its match marks into <mark>…</mark>."""
    escaped = html.escape(text, quote=False)
    escaped = escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    # An engine may cut a fragment inside a mark: close what was opened.
    opened = escaped.count("<mark>") - escaped.count("</mark>")
    return escaped + "</mark>" * max(opened, 0)


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")


def fragments_from_marked(text: str, *, limit: int = MAX_SNIPPETS, width: int = 220) -> list[str]:
    """Up to `limit` fragments (as HTML) around the marked matches of a fully highlighted text."""
    fragments: list[str] = []
    pos = 0
    while len(fragments) < limit:
        start = text.find(MARK_START, pos)
        if start < 0:
            break
        # Centre the window on the match, on sentence boundaries when they are near.
        left = max(0, start - width // 3)
        boundary = [m.end() for m in _SENTENCE_END.finditer(text, left, start)]
        if boundary:
            left = boundary[-1]
        right = min(len(text), left + width)
        end_match = _SENTENCE_END.search(text, start, right + 80)
        if end_match:
            right = end_match.start()
        right = max(right, text.find(MARK_END, start) + 1)
        piece = text[left:right].strip()
        prefix = "… " if left > 0 else ""
        suffix = " …" if right < len(text) else ""
        fragments.append(prefix + marked_to_html(piece) + suffix)
        pos = right
    return fragments


def strip_marks(text: str) -> str:
    return text.replace(MARK_START, "").replace(MARK_END, "")


class SearchBackend:
    """Store documents and answer SearchRequests. Subclasses implement every method."""

    name = "base"
    # Database backends write in the caller's transaction; remote engines index after commit.
    indexes_in_transaction = True

    def __init__(self, **options) -> None:
        self.options = options

    def index(self, documents: Iterable[Document]) -> int:
        raise NotImplementedError

    def delete(self, kind: str, object_ids: Iterable[int]) -> int:
        raise NotImplementedError

    def search(self, request: SearchRequest) -> SearchResult:
        raise NotImplementedError

    def rebuild(self, documents: Iterable[Document], *, progress=None) -> int:
        """Replace the whole index with `documents` (an iterable over every indexable row)."""
        raise NotImplementedError

    def indexed_ids(self, kind: str) -> set[int]:
        raise NotImplementedError

    def health(self) -> dict:
        raise NotImplementedError

    def refresh(self) -> None:
        """Make what was indexed visible to searches now (engines that refresh periodically)."""
