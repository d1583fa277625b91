"""API v1 for published fact-checks: public and read-only (anonymous users, any session, `read` keys)."""

from __future__ import annotations

import django_filters
import markdown
import nh3
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import generics, serializers
from rest_framework.pagination import CursorPagination

from claims.models import Rating, Verdict
from factcheck.api import ErrorSerializer, PublicRead, UtcIsoDateTimeFilter
from publishing import selectors
from publishing.claimreview import claim_review, fact_check_url

ALLOWED_TAGS = {"p", "a", "em", "strong", "ul", "ol", "li", "blockquote", "code", "pre", "h3", "h4", "br", "hr"}


def render_markdown(text: str) -> str:
    """Markdown to HTML with nothing but harmless tags and http(s) links."""
    html = markdown.markdown(text or "", extensions=["sane_lists"])
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}}, url_schemes={"http", "https"})


class PublicAppearanceSerializer(serializers.Serializer):
    url = serializers.CharField(source="source.url")
    title = serializers.CharField(source="source.title")
    outlet = serializers.CharField(source="source.outlet.name", allow_null=True, default=None)
    published_at = serializers.DateTimeField(source="source.published_at", allow_null=True)
    sentence = serializers.CharField()


class PublicRatingSerializer(serializers.ModelSerializer):
    best = serializers.IntegerField(source="scale.best_value")
    worst = serializers.IntegerField(source="scale.worst_value")

    class Meta:
        model = Rating
        fields = ["slug", "label", "value", "best", "worst"]


class FactCheckSerializer(serializers.ModelSerializer):
    claim_id = serializers.IntegerField()
    claim = serializers.CharField(source="claim.text")
    claimant = serializers.CharField(source="claim.claimant")
    rating = PublicRatingSerializer()
    url = serializers.SerializerMethodField()
    first_published_at = serializers.DateTimeField(help_text="First publication of any version.")
    published_at = serializers.DateTimeField(help_text="Publication of this version (later after a correction).")

    class Meta:
        model = Verdict
        fields = [
            "claim_id",
            "claim",
            "claimant",
            "rating",
            "headline",
            "revision",
            "correction_note",
            "first_published_at",
            "published_at",
            "url",
        ]

    def get_url(self, verdict: Verdict) -> str:
        return fact_check_url(verdict.claim_id)


class FactCheckDetailSerializer(FactCheckSerializer):
    explanation = serializers.CharField(help_text="Markdown as written.")
    explanation_html = serializers.SerializerMethodField(help_text="Sanitised HTML.")
    appearances = serializers.SerializerMethodField()
    claim_review = serializers.SerializerMethodField(help_text="schema.org ClaimReview (JSON-LD).")

    class Meta(FactCheckSerializer.Meta):
        fields = [*FactCheckSerializer.Meta.fields, "explanation", "explanation_html", "appearances", "claim_review"]

    def get_explanation_html(self, verdict: Verdict) -> str:
        return render_markdown(verdict.explanation)

    @extend_schema_field(PublicAppearanceSerializer(many=True))
    def get_appearances(self, verdict: Verdict) -> list[dict]:
        return PublicAppearanceSerializer(verdict.claim.appearances.all(), many=True).data

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_claim_review(self, verdict: Verdict) -> dict:
        return claim_review(verdict)


class FactCheckFilter(django_filters.FilterSet):
    rating = django_filters.CharFilter(field_name="rating__slug")
    claimant = django_filters.CharFilter(field_name="claim__claimant", lookup_expr="icontains")
    published_after = UtcIsoDateTimeFilter(field_name="published_at", lookup_expr="gte")
    published_before = UtcIsoDateTimeFilter(field_name="published_at", lookup_expr="lt")

    class Meta:
        model = Verdict
        fields = ["rating", "claimant"]


class NewestPublishedCursor(CursorPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    ordering = ("-published_at", "-id")


class FactCheckListApi(generics.ListAPIView):
    """Published fact-checks, newest first (cursor pages). Public."""

    permission_classes = [PublicRead]
    serializer_class = FactCheckSerializer
    filterset_class = FactCheckFilter
    pagination_class = NewestPublishedCursor

    def get_queryset(self):
        return selectors.published_verdict_list()

    @extend_schema(responses={200: FactCheckSerializer(many=True), 403: OpenApiResponse(ErrorSerializer)})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class FactCheckDetailApi(generics.RetrieveAPIView):
    """One published fact-check by claim id, with its ClaimReview. 404 for anything unpublished."""

    permission_classes = [PublicRead]
    serializer_class = FactCheckDetailSerializer

    def get_object(self):
        return selectors.published_verdict_get(claim_id=self.kwargs["claim_id"])

    @extend_schema(
        responses={
            200: FactCheckDetailSerializer,
            403: OpenApiResponse(ErrorSerializer),
            404: OpenApiResponse(ErrorSerializer),
        }
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
