"""Search results as plain data, the same for the API and the `search` command."""

from __future__ import annotations

from factcheck.search.backends.base import SearchResult


def result_as_dict(result: SearchResult, *, query: str, kind: str) -> dict:
    return {
        "query": query,
        "type": kind,
        "notice": result.notice or None,
        "total": result.total,
        "total_is_capped": result.total_capped,
        "total_display": result.total_display,
        "backend": result.backend,
        "results": [
            {
                "type": hit.kind,
                "id": hit.object_id,
                "title": hit.title,
                "title_html": hit.title_html,
                "url": hit.url or None,
                "outlet": hit.outlet or None,
                "date": hit.date or None,
                "snippets": hit.snippets,
                "score": round(hit.score, 6),
                **{key: value for key, value in hit.extra.items() if value not in ("", None)},
            }
            for hit in result.hits
        ],
        "facets": {
            name: [{"value": v.value, "label": v.label, "count": v.count} for v in values]
            for name, values in result.facets.items()
        },
        "next_cursor": result.next_cursor or None,
    }
