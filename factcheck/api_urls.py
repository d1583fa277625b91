"""Routes of API v1."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

import apikeys.schema  # noqa: F401  (the API-key security scheme in OpenAPI)
from claims import api as claims_api
from factcheck.search import api as search_api
from publishing import api as publishing_api
from sources import api as sources_api

urlpatterns = [
    path("sources/", sources_api.SourceListCreateApi.as_view(), name="api-sources"),
    path("sources/bulk/", sources_api.SourceBulkApi.as_view(), name="api-sources-bulk"),
    path("sources/fetch/", sources_api.SourceFetchApi.as_view(), name="api-sources-fetch"),
    path("sources/<id:pk>/", sources_api.SourceDetailApi.as_view(), name="api-source"),
    path("feeds/", sources_api.FeedListCreateApi.as_view(), name="api-feeds"),
    path("feeds/<id:pk>/", sources_api.FeedDetailApi.as_view(), name="api-feed"),
    path("feeds/<id:pk>/poll/", sources_api.FeedPollApi.as_view(), name="api-feed-poll"),
    path("ingest-batches/", sources_api.IngestBatchListApi.as_view(), name="api-ingest-batches"),
    path("ingest-batches/<id:pk>/", sources_api.IngestBatchDetailApi.as_view(), name="api-ingest-batch"),
    path("ingest-batches/<id:pk>/retry/", sources_api.IngestBatchRetryApi.as_view(), name="api-ingest-batch-retry"),
    path(
        "ingest-batches/<id:pk>/items/<id:item_id>/retry/",
        sources_api.IngestBatchRetryApi.as_view(),
        name="api-ingest-item-retry",
    ),
    # Claims and the review workflow.
    path("claims/", claims_api.ClaimListApi.as_view(), name="api-claims"),
    path("claims/<id:pk>/", claims_api.ClaimDetailApi.as_view(), name="api-claim"),
    path("claims/<id:pk>/take/", claims_api.ClaimTakeApi.as_view(), name="api-claim-take"),
    path("claims/<id:pk>/assign/", claims_api.ClaimAssignApi.as_view(), name="api-claim-assign"),
    path("claims/<id:pk>/dismiss/", claims_api.ClaimDismissApi.as_view(), name="api-claim-dismiss"),
    path("claims/<id:pk>/merge/", claims_api.ClaimMergeApi.as_view(), name="api-claim-merge"),
    path("claims/<id:pk>/evidence/", claims_api.EvidenceAddApi.as_view(), name="api-claim-evidence"),
    path("claims/<id:pk>/verdict/", claims_api.VerdictDraftApi.as_view(), name="api-claim-verdict"),
    path("claims/<id:pk>/submit/", claims_api.VerdictSubmitApi.as_view(), name="api-claim-submit"),
    path("claims/<id:pk>/return/", claims_api.VerdictReturnApi.as_view(), name="api-claim-return"),
    path("claims/<id:pk>/publish/", claims_api.VerdictPublishApi.as_view(), name="api-claim-publish"),
    path("claims/<id:pk>/correction/", claims_api.CorrectionStartApi.as_view(), name="api-claim-correction"),
    re_path(r"^export/claims\.(?P<fmt>csv|jsonl)$", claims_api.ClaimExportApi.as_view(), name="api-export-claims"),
    # Published fact-checks (public).
    path("fact-checks/", publishing_api.FactCheckListApi.as_view(), name="api-fact-checks"),
    path("fact-checks/<id:claim_id>/", publishing_api.FactCheckDetailApi.as_view(), name="api-fact-check"),
    # OpenAPI 3.
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("docs/redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
    path("search", search_api.SearchApi.as_view(), name="api-search"),
]
