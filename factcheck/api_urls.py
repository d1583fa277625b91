"""Routes of API v1."""

from django.urls import path

from factcheck.search import api as search_api
from sources import api as sources_api

urlpatterns = [
    path("sources/", sources_api.SourceListCreateApi.as_view(), name="api-sources"),
    path("sources/bulk/", sources_api.SourceBulkApi.as_view(), name="api-sources-bulk"),
    path("sources/<int:pk>/", sources_api.SourceDetailApi.as_view(), name="api-source"),
    path("ingest-batches/", sources_api.IngestBatchListApi.as_view(), name="api-ingest-batches"),
    path("ingest-batches/<int:pk>/", sources_api.IngestBatchDetailApi.as_view(), name="api-ingest-batch"),
    path("search", search_api.SearchApi.as_view(), name="api-search"),
]
