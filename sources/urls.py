from django.urls import path

from sources import views

app_name = "sources"

urlpatterns = [
    path("sources/", views.source_list_view, name="list"),
    path("sources/add/", views.source_ingest_view, name="ingest"),
    path("sources/<id:source_id>/", views.source_detail_view, name="detail"),
    path("ingest/", views.batch_list_view, name="batches"),
    path("ingest/<id:batch_id>/", views.batch_detail_view, name="batch"),
    path("ingest/<id:batch_id>/retry/", views.batch_retry_view, name="batch-retry"),
    path("ingest/<id:batch_id>/items/<id:item_id>/retry/", views.batch_retry_view, name="item-retry"),
    path("outlets/", views.outlet_list_view, name="outlets"),
    path("outlets/<id:outlet_id>/", views.outlet_detail_view, name="outlet"),
    path("feeds/<id:feed_id>/poll/", views.feed_poll_view, name="feed-poll"),
]
