"""URL routes of the workbench."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("sources.urls")),
    path("api/v1/", include("factcheck.api_urls")),
]
