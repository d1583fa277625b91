"""Project-level pages: the start page and a health check for load balancers."""

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.views.defaults import page_not_found

from claims.views import dashboard_view
from factcheck import roles


@login_required
def home_view(request: HttpRequest) -> HttpResponse:
    """The desk's dashboard for fact-checkers and editors."""
    if roles.is_fact_checker(request.user):
        return dashboard_view(request)
    return redirect("sources:list")


def health_view(request: HttpRequest) -> JsonResponse:
    """200 when the database answers; the broker is optional for reads."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:
        return JsonResponse({"status": "unavailable", "database": str(exc)[:200]}, status=503)
    return JsonResponse({"status": "ok"})


def not_found_view(request: HttpRequest, exception=None) -> HttpResponse:
    """404: the API's error format under /api/, the usual page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"error": {"code": "not_found", "message": "Not found."}}, status=404)
    return page_not_found(request, exception)
