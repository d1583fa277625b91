"""URL routes of the workbench."""

from django.contrib import admin
from django.urls import include, path

from factcheck import views

urlpatterns = [
    path("", views.home_view, name="home"),
    path("healthz", views.health_view, name="health"),
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("sources.urls")),
    path("", include("factcheck.search.urls")),
    path("api/v1/", include("factcheck.api_urls")),
]
