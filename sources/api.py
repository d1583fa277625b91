"""API v1 for sources: list, detail, create one, bulk create (a result per item), ingest batches."""

from __future__ import annotations

import django_filters
from django.conf import settings
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from factcheck.api import Conflict, ErrorSerializer, IdFilter, IsDeskMember, UtcIsoDateTimeFilter
from factcheck.tasks import enqueue_on_commit
from sources import selectors
from sources.feeds import FeedError, feed_create
from sources.fetching import ingest_items_retry, url_batch_start
from sources.ingest import IngestError, article_from_record
from sources.models import Feed, IngestBatch, IngestItem, Outlet, Source
from sources.services import (
    ingest_batch_add,
    ingest_batch_finish,
    ingest_batch_start,
    ingest_limits,
    sources_announced_together,
)


class OutletSerializer(serializers.ModelSerializer):
    class Meta:
        model = Outlet
        fields = ["id", "name", "domain", "country", "language"]


class SourceSerializer(serializers.ModelSerializer):
    outlet = OutletSerializer(read_only=True)

    class Meta:
        model = Source
        fields = [
            "id",
            "url",
            "canonical_url",
            "title",
            "byline",
            "published_at",
            "language",
            "outlet",
            "origin",
            "is_public",
            "status",
            "error",
            "extraction_status",
            "batch",
            "created_at",
        ]


class SourceDetailSerializer(SourceSerializer):
    class Meta(SourceSerializer.Meta):
        fields = [*SourceSerializer.Meta.fields, "text", "content_hash"]


class SourceInputSerializer(serializers.Serializer):
    """What a newsroom tool sends for one article. `text` or `html` is required."""

    url = serializers.CharField(required=False, allow_blank=True, max_length=2000)
    title = serializers.CharField(required=False, allow_blank=True, max_length=1000)
    text = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    html = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    outlet = serializers.CharField(required=False, allow_blank=True, max_length=200)
    outlet_domain = serializers.CharField(required=False, allow_blank=True, max_length=253)
    byline = serializers.CharField(required=False, allow_blank=True, max_length=500)
    published_at = serializers.CharField(required=False, allow_blank=True, max_length=64)
    language = serializers.CharField(required=False, allow_blank=True, max_length=8)
    is_public = serializers.BooleanField(required=False, default=True)


class IngestItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = IngestItem
        fields = ["id", "position", "origin", "url", "result", "message", "source"]


class IngestBatchSerializer(serializers.ModelSerializer):
    class Meta:
        model = IngestBatch
        fields = [
            "id",
            "kind",
            "label",
            "status",
            "total",
            "received",
            "created",
            "duplicates",
            "failed",
            "progress",
            "feed",
            "message",
            "created_at",
            "finished_at",
        ]


class IngestBatchDetailSerializer(IngestBatchSerializer):
    items = IngestItemSerializer(many=True, read_only=True)

    class Meta(IngestBatchSerializer.Meta):
        fields = [*IngestBatchSerializer.Meta.fields, "items"]


class BulkInputSerializer(serializers.Serializer):
    items = SourceInputSerializer(many=True, help_text="Articles; each is stored or reported on its own.")


class BulkItemResultSerializer(serializers.Serializer):
    index = serializers.IntegerField()
    result = serializers.ChoiceField(choices=IngestItem.Result.choices)
    id = serializers.IntegerField(allow_null=True)
    message = serializers.CharField()


class BulkResultSerializer(serializers.Serializer):
    batch = IngestBatchSerializer()
    results = BulkItemResultSerializer(many=True)


ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="Invalid input"),
    403: OpenApiResponse(ErrorSerializer, description="Not allowed for this user or key"),
    413: OpenApiResponse(ErrorSerializer, description="Body too large"),
}


class SourceFilter(django_filters.FilterSet):
    outlet = IdFilter(field_name="outlet_id")
    language = django_filters.CharFilter()
    published_after = UtcIsoDateTimeFilter(field_name="published_at", lookup_expr="gte")
    published_before = UtcIsoDateTimeFilter(field_name="published_at", lookup_expr="lt")
    extraction_status = django_filters.ChoiceFilter(choices=Source.Extraction.choices)

    class Meta:
        model = Source
        fields = ["outlet", "language", "extraction_status"]


def _to_article(data: dict, origin: str):
    """Validate one record with the same rules as file ingest; IngestError on bad input."""
    record = {key: value for key, value in data.items() if value not in (None, "")}
    return article_from_record(record, origin=origin, **ingest_limits())


class SourceListCreateApi(generics.ListAPIView):
    """GET: sources, newest first (cursor pages). POST: one article → 201, or 409 if already stored."""

    permission_classes = [IsDeskMember]
    api_key_scope = "ingest"
    serializer_class = SourceSerializer
    filterset_class = SourceFilter

    def get_queryset(self):
        return selectors.source_list()

    @extend_schema(
        request=SourceInputSerializer,
        responses={
            201: SourceDetailSerializer,
            409: OpenApiResponse(ErrorSerializer, description="Already stored (`existing_id`)"),
            **ERRORS,
        },
    )
    def post(self, request: Request) -> Response:
        data = SourceInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        origin = "api"
        try:
            article = _to_article(dict(data.validated_data), origin)
        except IngestError as exc:
            raise serializers.ValidationError({"text": [str(exc)]}) from None
        batch = ingest_batch_start(kind=IngestBatch.Kind.API, label=article.title or origin, user=request.user, total=1)
        item = ingest_batch_add(batch=batch, position=1, origin=origin, item=article)
        ingest_batch_finish(batch=batch)
        if item.result == IngestItem.Result.DUPLICATE:
            error = Conflict(f"Already stored: {item.message}.")
            error.extra = {"existing_id": item.source_id}
            raise error
        return Response(SourceDetailSerializer(item.source).data, status=status.HTTP_201_CREATED)


class SourceDetailApi(generics.RetrieveAPIView):
    permission_classes = [IsDeskMember]
    serializer_class = SourceDetailSerializer
    queryset = Source.objects.select_related("outlet")


class SourceBulkApi(APIView):
    """POST {"items": [...]}: every item is stored or reported; one bad item never fails the rest."""

    permission_classes = [IsDeskMember]
    api_key_scope = "ingest"

    @extend_schema(request=BulkInputSerializer, responses={200: BulkResultSerializer, **ERRORS})
    def post(self, request: Request) -> Response:
        items = request.data.get("items") if isinstance(request.data, dict) else request.data
        if not isinstance(items, list) or not items:
            raise serializers.ValidationError({"items": ["Send a non-empty list of articles."]})
        limit = settings.INGEST_MAX_BULK_ITEMS
        if len(items) > limit:
            raise serializers.ValidationError({"items": [f"At most {limit} articles per request, got {len(items)}."]})
        batch = ingest_batch_start(
            kind=IngestBatch.Kind.API, label=f"bulk of {len(items)}", user=request.user, total=len(items)
        )
        results = []
        with sources_announced_together():
            for index, raw in enumerate(items):
                origin = f"item {index}"
                item_input = SourceInputSerializer(data=raw) if isinstance(raw, dict) else None
                if item_input is None or not item_input.is_valid():
                    errors = item_input.errors if item_input is not None else "expected an object"
                    article_or_error = IngestError(f"invalid: {errors}")
                else:
                    try:
                        article_or_error = _to_article(dict(item_input.validated_data), origin)
                    except IngestError as exc:
                        article_or_error = exc
                row = ingest_batch_add(batch=batch, position=index + 1, origin=origin, item=article_or_error)
                results.append({"index": index, "result": row.result, "id": row.source_id, "message": row.message})
        batch = ingest_batch_finish(batch=batch)
        return Response({"batch": IngestBatchSerializer(batch).data, "results": results})


class IngestBatchListApi(generics.ListAPIView):
    permission_classes = [IsDeskMember]
    serializer_class = IngestBatchSerializer
    filterset_fields = ["kind", "status", "feed"]

    def get_queryset(self):
        return selectors.ingest_batch_list()


class IngestBatchDetailApi(generics.RetrieveAPIView):
    permission_classes = [IsDeskMember]
    serializer_class = IngestBatchDetailSerializer
    queryset = IngestBatch.objects.prefetch_related("items")


class FetchInputSerializer(serializers.Serializer):
    """{"url": "..."} or {"urls": [...]}: web pages whose articles are fetched."""

    url = serializers.CharField(required=False, max_length=2000)
    urls = serializers.ListField(child=serializers.CharField(max_length=2000), required=False, allow_empty=False)

    def validate(self, data):
        urls = [*([data["url"]] if data.get("url") else []), *(data.get("urls") or [])]
        if not urls:
            raise serializers.ValidationError({"url": ["Give a url or a list of urls."]})
        limit = settings.INGEST_MAX_BULK_ITEMS
        if len(urls) > limit:
            raise serializers.ValidationError({"urls": [f"At most {limit} URLs per request, got {len(urls)}."]})
        return {"urls": [url.strip() for url in urls]}


BatchAccepted = inline_serializer("BatchAccepted", {"batch": IngestBatchSerializer()})


class SourceFetchApi(APIView):
    """POST: fetch web pages into a new batch, in a task. 202 with the batch to poll.

    Addresses are checked against the SSRF rules when fetched; refusals are per-item errors.
    """

    permission_classes = [IsDeskMember]
    api_key_scope = "ingest"

    @extend_schema(request=FetchInputSerializer, responses={202: BatchAccepted, **ERRORS})
    def post(self, request: Request) -> Response:
        data = FetchInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        batch = url_batch_start(urls=data.validated_data["urls"], user=request.user)
        batch.refresh_from_db()
        return Response({"batch": IngestBatchSerializer(batch).data}, status=status.HTTP_202_ACCEPTED)


class IngestBatchRetryApi(APIView):
    """POST: fetch every failed item of the batch again (or one, by item id). 202 with the batch."""

    permission_classes = [IsDeskMember]
    api_key_scope = "ingest"

    @extend_schema(
        request=None,
        responses={
            202: inline_serializer(
                "BatchRetried", {"retried": serializers.IntegerField(), "batch": IngestBatchSerializer()}
            ),
            409: OpenApiResponse(ErrorSerializer, description="The item is not a failed URL item"),
            **ERRORS,
        },
    )
    def post(self, request: Request, pk: int, item_id: int | None = None) -> Response:
        batch = generics.get_object_or_404(IngestBatch, pk=pk)
        if item_id is not None:
            item = generics.get_object_or_404(batch.items, pk=item_id)
            if item.result != IngestItem.Result.FAILED or not item.url:
                raise Conflict("Only a failed item fetched from a URL can be retried.")
        retried = ingest_items_retry(batch=batch, item_ids=[item_id] if item_id is not None else None)
        batch.refresh_from_db()
        return Response(
            {"retried": retried, "batch": IngestBatchSerializer(batch).data}, status=status.HTTP_202_ACCEPTED
        )


class FeedSerializer(serializers.ModelSerializer):
    class Meta:
        model = Feed
        fields = [
            "id",
            "outlet",
            "url",
            "title",
            "active",
            "last_polled_at",
            "next_poll_at",
            "last_status",
            "last_error",
            "consecutive_failures",
            "is_failing",
            "created_at",
        ]


class FeedInputSerializer(serializers.Serializer):
    outlet = serializers.PrimaryKeyRelatedField(queryset=Outlet.objects.all())
    url = serializers.URLField(max_length=2000)
    title = serializers.CharField(required=False, allow_blank=True, max_length=500, default="")


class FeedListCreateApi(generics.ListAPIView):
    """GET: followed feeds with their health (filter `outlet`). POST: follow a feed → 201."""

    permission_classes = [IsDeskMember]
    api_key_scope = "ingest"
    serializer_class = FeedSerializer
    filterset_fields = ["outlet", "active"]

    def get_queryset(self):
        return Feed.objects.all()

    @extend_schema(request=FeedInputSerializer, responses={201: FeedSerializer, **ERRORS})
    def post(self, request: Request) -> Response:
        data = FeedInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            feed = feed_create(**data.validated_data)
        except FeedError as exc:
            raise serializers.ValidationError({"url": [str(exc)]}) from None
        return Response(FeedSerializer(feed).data, status=status.HTTP_201_CREATED)


class FeedDetailApi(generics.RetrieveAPIView):
    permission_classes = [IsDeskMember]
    serializer_class = FeedSerializer
    queryset = Feed.objects.all()


class FeedPollApi(APIView):
    """POST: poll the feed now, in a task. 202; the poll appears in /api/v1/ingest-batches/?feed=ID."""

    permission_classes = [IsDeskMember]
    api_key_scope = "ingest"

    @extend_schema(
        request=None, responses={202: inline_serializer("FeedPollAccepted", {"feed": FeedSerializer()}), **ERRORS}
    )
    def post(self, request: Request, pk: int) -> Response:
        from sources.tasks import poll_feed

        feed = generics.get_object_or_404(Feed, pk=pk)
        enqueue_on_commit(poll_feed, feed.pk)
        return Response({"feed": FeedSerializer(feed).data}, status=status.HTTP_202_ACCEPTED)
