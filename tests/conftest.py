"""Fixtures shared by the whole suite: users in each role, API clients, the demo corpus."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from rest_framework.test import APIClient

from factcheck import roles
from factcheck.celery import app as celery_app
from tests.webserver import canary, site  # noqa: F401  (local web servers standing in for remote sites)

ROOT = Path(__file__).resolve().parent.parent
DEMO_CORPUS = ROOT / "demo" / "corpus"


@pytest.fixture(autouse=True)
def _eager_tasks(request):
    """Tasks run in-process in tests, even when CELERY_BROKER_URL is set for the worker test."""
    if request.node.get_closest_marker("worker"):
        yield
        return
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def demo_corpus() -> Path:
    return DEMO_CORPUS


def _user(django_user_model, username: str, group: str | None, **extra):
    user = django_user_model.objects.create_user(username=username, password=f"{username}-pass-123", **extra)
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


@pytest.fixture
def fact_checker(django_user_model):
    return _user(django_user_model, "checker", roles.FACT_CHECKERS)


@pytest.fixture
def fact_checker2(django_user_model):
    return _user(django_user_model, "checker2", roles.FACT_CHECKERS)


@pytest.fixture
def editor(django_user_model):
    return _user(django_user_model, "editor", roles.EDITORS)


@pytest.fixture
def editor2(django_user_model):
    return _user(django_user_model, "editor2", roles.EDITORS)


@pytest.fixture
def admin_user_role(django_user_model):
    return _user(django_user_model, "boss", roles.ADMINS, is_staff=True, is_superuser=True)


@pytest.fixture
def outsider(django_user_model):
    """Logged in, but in no desk group."""
    return _user(django_user_model, "outsider", None)


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def checker_api(fact_checker) -> APIClient:
    client = APIClient()
    client.force_authenticate(fact_checker)
    return client
