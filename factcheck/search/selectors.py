"""Reads from the search index: the results page every entry point shows, and "find in corpus"."""

from __future__ import annotations

import re
from collections import Counter

from factcheck.search import get_backend
from factcheck.search.backends.base import PAGE_SIZE, SearchRequest, SearchResult
from factcheck.search.query import AnyOf, ParsedQuery, Term, parse_query, words_of

KINDS = {"sources": "source", "source": "source", "claims": "claim", "claim": "claim"}
SORTS = ("relevance", "date")

# Words that say little about what a claim is about.
_STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers him his how i if in into is it its itself just last more most my new no
    nor not now of off on once only or other our out over own said same says she should so some such than
    that the their them then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would year years you your according told per cent
    percent million billion""".split()  # noqa: SIM905 (a list literal of 130 words reads worse)
)


def search_run(
    *,
    query: str,
    kind: str = "sources",
    sort: str = "relevance",
    cursor: str = "",
    public_only: bool = True,
    page_size: int = PAGE_SIZE,
    facets: bool = True,
) -> SearchResult:
    """One page of results. `public_only` is the safe default: only the desk passes False.

    Public contexts see public sources and claims with a published verdict only.
    """
    request = SearchRequest(
        parsed=parse_query(query),
        kind=KINDS.get(kind, "source"),
        sort=sort if sort in SORTS else "relevance",
        cursor=cursor,
        public_only=public_only,
        page_size=max(1, min(page_size, 100)),
        facets=facets,
    )
    return get_backend().search(request)


def key_terms(text: str, *, limit: int = 8) -> list[str]:
    """The words of a text most likely to find it elsewhere: long, rare-looking, not filler.
    Numbers are kept: "40 per cent" is a claim's fingerprint."""
    words = [w for w in words_of(text) if w not in _STOPWORDS and (len(w) >= 4 or re.fullmatch(r"\d+", w))]
    counts = Counter(words)
    ranked = sorted(counts, key=lambda w: (-(counts[w] + len(w) / 4 + (2 if w.isdigit() else 0)), words.index(w)))
    return ranked[:limit]


def search_similar_sources(
    *, claim_text: str, public_only: bool = False, limit: int = 10, exclude_source_ids: tuple[int, ...] = ()
) -> SearchResult:
    """Sources that share the claim's key terms, best first: the claim page's "find in corpus".

    Any one key term may match; sources matching more of them rank higher.
    """
    terms = key_terms(claim_text)
    parsed = ParsedQuery(raw=claim_text, must=[AnyOf(tuple(Term(t) for t in terms))] if terms else [])
    parsed.plain_words = terms
    if not terms:
        return SearchResult(hits=[], total=0, total_capped=False, facets={}, next_cursor="")
    request = SearchRequest(
        parsed=parsed, kind="source", public_only=public_only, page_size=limit + len(exclude_source_ids), facets=False
    )
    result = get_backend().search(request)
    result.hits = [hit for hit in result.hits if hit.object_id not in exclude_source_ids][:limit]
    result.next_cursor = ""
    return result
