"""Routes of API v1."""

from django.urls import path

from sources import api as sources_api

urlpatterns = [
    path("sources/", sources_api.SourceListCreateApi.as_view(), name="api-sources"),
    path("sources/bulk/", sources_api.SourceBulkApi.as_view(), name="api-sources-bulk"),
    path("sources/fetch/", sources_api.SourceFetchApi.as_view(), name="api-sources-fetch"),
    path("sources/<int:pk>/", sources_api.SourceDetailApi.as_view(), name="api-source"),
    path("feeds/", sources_api.FeedListCreateApi.as_view(), name="api-feeds"),
    path("feeds/<int:pk>/", sources_api.FeedDetailApi.as_view(), name="api-feed"),
    path("feeds/<int:pk>/poll/", sources_api.FeedPollApi.as_view(), name="api-feed-poll"),
    path("ingest-batches/", sources_api.IngestBatchListApi.as_view(), name="api-ingest-batches"),
    path("ingest-batches/<int:pk>/", sources_api.IngestBatchDetailApi.as_view(), name="api-ingest-batch"),
    path("ingest-batches/<int:pk>/retry/", sources_api.IngestBatchRetryApi.as_view(), name="api-ingest-batch-retry"),
    path(
        "ingest-batches/<int:pk>/items/<int:item_id>/retry/",
        sources_api.IngestBatchRetryApi.as_view(),
        name="api-ingest-item-retry",
    ),
]
