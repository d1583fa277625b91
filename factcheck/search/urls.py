from django.urls import path

from factcheck.search import views

app_name = "search"

urlpatterns = [path("search/", views.search_view, name="search")]
