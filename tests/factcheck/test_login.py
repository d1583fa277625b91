"""Logging in, and what repeated wrong passwords lead to."""

import pytest

pytestmark = pytest.mark.django_db


def test_login_then_the_workbench(client, fact_checker):
    response = client.post("/accounts/login/", {"username": "checker", "password": "checker-pass-123"})
    assert response.status_code == 302
    assert client.get("/sources/").status_code == 200


def test_brute_force_is_locked_out(client, fact_checker, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "checker", "password": "guess"})
    response = client.post("/accounts/login/", {"username": "checker", "password": "checker-pass-123"})
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert client.get("/sources/").status_code == 302  # still not logged in
