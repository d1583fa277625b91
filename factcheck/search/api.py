"""`GET /api/v1/search`: the desk's search, as JSON."""

from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from factcheck.api import IsDeskMember
from factcheck.search.backends.base import SearchUnavailable
from factcheck.search.presenters import result_as_dict
from factcheck.search.selectors import search_run


class SearchInput(serializers.Serializer):
    q = serializers.CharField(max_length=500, allow_blank=True, trim_whitespace=True)
    type = serializers.ChoiceField(choices=["sources", "claims"], default="sources")
    sort = serializers.ChoiceField(choices=["relevance", "date"], default="relevance")
    cursor = serializers.CharField(max_length=500, required=False, default="", allow_blank=True)
    page_size = serializers.IntegerField(min_value=1, max_value=100, default=20)
    visibility = serializers.ChoiceField(
        choices=["all", "public"], default="all", help_text="'public': only what the public may see."
    )


class SearchApi(APIView):
    permission_classes = [IsDeskMember]

    def get(self, request):
        data = SearchInput(data=request.query_params)
        data.is_valid(raise_exception=True)
        params = data.validated_data
        try:
            result = search_run(
                query=params["q"],
                kind=params["type"],
                sort=params["sort"],
                cursor=params["cursor"],
                page_size=params["page_size"],
                public_only=params["visibility"] == "public",
            )
        except SearchUnavailable:
            return Response(
                {"error": {"code": "search_unavailable", "message": "Search is unavailable; try again shortly."}},
                status=503,
                headers={"Retry-After": "30"},
            )
        body = result_as_dict(result, query=params["q"], kind=params["type"])
        if result.next_cursor:
            query = request.query_params.copy()
            query["cursor"] = result.next_cursor
            body["next"] = request.build_absolute_uri(request.path + "?" + query.urlencode())
        else:
            body["next"] = None
        return Response(body)
