"""`GET /api/v1/search`: the desk's search, as JSON."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from factcheck.api import ErrorSerializer, IsDeskMember
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


class SearchHitSerializer(serializers.Serializer):
    type = serializers.CharField()
    id = serializers.IntegerField()
    title = serializers.CharField()
    title_html = serializers.CharField(help_text="Escaped HTML; matches in <mark>.")
    url = serializers.CharField(allow_null=True)
    outlet = serializers.CharField(allow_null=True)
    date = serializers.CharField(allow_null=True)
    snippets = serializers.ListField(child=serializers.CharField(), help_text="Up to 3, escaped HTML with <mark>.")
    score = serializers.FloatField()


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()


class SearchOutput(serializers.Serializer):
    query = serializers.CharField()
    type = serializers.CharField()
    notice = serializers.CharField(allow_null=True, help_text="Set when a malformed query fell back to its words.")
    total = serializers.IntegerField()
    total_is_capped = serializers.BooleanField()
    total_display = serializers.CharField()
    backend = serializers.CharField()
    results = SearchHitSerializer(many=True)
    facets = serializers.DictField(child=FacetValueSerializer(many=True))
    next_cursor = serializers.CharField(allow_null=True)
    next = serializers.CharField(allow_null=True)


class SearchApi(APIView):
    permission_classes = [IsDeskMember]

    @extend_schema(
        parameters=[SearchInput],
        responses={
            200: SearchOutput,
            400: ErrorSerializer,
            403: ErrorSerializer,
            503: OpenApiResponse(ErrorSerializer, description="The search engine is unavailable"),
        },
    )
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
