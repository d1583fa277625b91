from django.urls import path

from sources import views

app_name = "sources"

urlpatterns = [
    path("sources/", views.source_list_view, name="list"),
    path("sources/add/", views.source_ingest_view, name="ingest"),
    path("sources/<int:source_id>/", views.source_detail_view, name="detail"),
    path("ingest/", views.batch_list_view, name="batches"),
    path("ingest/<int:batch_id>/", views.batch_detail_view, name="batch"),
]
