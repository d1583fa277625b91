"""Public routes: /fact-checks/... (no login)."""

from django.urls import path

from publishing import feeds, views

app_name = "public"

urlpatterns = [
    path("", views.fact_check_index, name="index"),
    path("feed/", feeds.FactCheckFeed(), name="feed"),
    path("feed/atom/", feeds.FactCheckAtomFeed(), name="feed-atom"),
    path("claimreview.json", views.claimreview_feed, name="claimreview-feed"),
    path("<id:claim_id>/", views.fact_check_detail, name="detail"),
    path("<id:claim_id>/embed/", views.fact_check_embed, name="embed"),
]
