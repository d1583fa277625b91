"""The desk's search page: one query box, sources and claims tabs, facets, snippets."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from factcheck.permissions import desk_required
from factcheck.search.backends.base import FACET_FILTER, SearchUnavailable
from factcheck.search.selectors import search_run

TABS = (("sources", "Sources"), ("claims", "Claims"))
FACET_TITLES = {"outlet": "Outlet", "month": "Month", "language": "Language", "status": "Status", "rating": "Rating"}


def _filter_token(facet: str, value: str) -> str:
    value = f'"{value}"' if " " in value else value
    return f"{FACET_FILTER[facet]}:{value}"


@login_required
@desk_required
def search_view(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:500]
    kind = request.GET.get("type", "sources")
    kind = kind if kind in dict(TABS) else "sources"
    sort = "date" if request.GET.get("sort") == "date" else "relevance"
    context = {"query": query, "kind": kind, "sort": sort, "tabs": TABS, "result": None, "error": ""}
    if query:
        try:
            result = search_run(
                query=query, kind=kind, sort=sort, cursor=request.GET.get("cursor", "")[:500], public_only=False
            )
        except SearchUnavailable:
            context["error"] = "Search is unavailable for a moment. Please try again shortly."
        else:
            facets = []
            for name, values in result.facets.items():
                links = []
                for value in values:
                    token = _filter_token(name, value.value)
                    params = {"q": f"{query} {token}", "type": kind, "sort": sort}
                    links.append(
                        {
                            "label": value.label,
                            "count": value.count,
                            "href": "?" + urlencode(params),
                            "active": token in query,
                        }
                    )
                if links:
                    facets.append({"title": FACET_TITLES[name], "values": links})
            context.update(result=result, facets=facets)
            if result.next_cursor:
                context["next_href"] = "?" + urlencode(
                    {"q": query, "type": kind, "sort": sort, "cursor": result.next_cursor}
                )
    context["tab_links"] = [
        {"kind": k, "label": label, "href": "?" + urlencode({"q": query, "type": k, "sort": sort})} for k, label in TABS
    ]
    context["sort_links"] = [
        {"sort": s, "label": label, "href": "?" + urlencode({"q": query, "type": kind, "sort": s})}
        for s, label in (("relevance", "Best match"), ("date", "Newest"))
    ]
    return render(request, "search/search.html", context)
