"""Routes of the review desk."""

from django.urls import path

from claims import views

app_name = "claims"

urlpatterns = [
    path("dashboard/", views.dashboard_view, name="dashboard"),
    path("queue/", views.queue_view, name="queue"),
    path("queue/take-next/", views.queue_take_next_view, name="take_next"),
    path("queue/bulk/", views.queue_bulk_view, name="bulk"),
    path("claims/<id:claim_id>/", views.claim_detail_view, name="detail"),
    path("claims/<id:claim_id>/edit/", views.claim_edit_view, name="edit"),
    path("claims/<id:claim_id>/take/", views.claim_take_view, name="take"),
    path("claims/<id:claim_id>/assign/", views.claim_assign_view, name="assign"),
    path("claims/<id:claim_id>/dismiss/", views.claim_dismiss_view, name="dismiss"),
    path("claims/<id:claim_id>/reopen/", views.claim_reopen_view, name="reopen"),
    path(
        "claims/<id:claim_id>/suggestions/<id:suggestion_id>/<str:decision>/",
        views.suggestion_decide_view,
        name="suggestion",
    ),
    path(
        "claims/<id:claim_id>/appearances/<id:appearance_id>/split/",
        views.appearance_split_view,
        name="split",
    ),
    path("claims/<id:claim_id>/evidence/", views.evidence_add_view, name="evidence_add"),
    path("claims/<id:claim_id>/evidence/<id:evidence_id>/", views.evidence_row_view, name="evidence_row"),
    path("claims/<id:claim_id>/corpus/", views.corpus_search_view, name="corpus"),
    path("claims/<id:claim_id>/verdict/", views.verdict_draft_view, name="verdict_draft"),
    path("claims/<id:claim_id>/verdict/submit/", views.verdict_submit_view, name="verdict_submit"),
    path("claims/<id:claim_id>/verdict/publish/", views.verdict_publish_view, name="verdict_publish"),
    path("claims/<id:claim_id>/verdict/return/", views.verdict_return_view, name="verdict_return"),
    path("claims/<id:claim_id>/correction/", views.correction_start_view, name="correction"),
    path("claims/<id:claim_id>/comments/", views.comment_add_view, name="comment_add"),
]
