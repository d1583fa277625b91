"""URL routes of the workbench."""

from django.contrib import admin
from django.urls import include, path, register_converter

from factcheck import views
from factcheck.converters import IdConverter
from publishing import views as publishing_views

register_converter(IdConverter, "id")

handler404 = "factcheck.views.not_found_view"

urlpatterns = [
    path("", views.home_view, name="home"),
    path("healthz", views.health_view, name="health"),
    # Before the catch-all includes: API requests resolve without trying every page route.
    path("api/v1/", include("factcheck.api_urls")),
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("sources.urls")),
    path("", include("claims.urls")),
    path("", include("factcheck.search.urls")),
    path("fact-checks/", include("publishing.urls")),
    path("oembed", publishing_views.oembed, name="oembed"),
]
