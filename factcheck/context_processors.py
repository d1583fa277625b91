"""Template context shared by every page."""

from django.conf import settings
from django.http import HttpRequest


def organization(request: HttpRequest) -> dict:
    return {"ORGANIZATION_NAME": settings.ORGANIZATION_NAME, "ORGANIZATION_URL": settings.ORGANIZATION_URL}
