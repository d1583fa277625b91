"""What admins do in the Django admin: make API keys (token shown once) and subscribe webhooks."""

import re

import pytest

from apikeys.models import ApiKey
from publishing.models import WebhookEndpoint

pytestmark = pytest.mark.django_db


def test_an_admin_creates_a_key_and_sees_its_token_once(client, admin_user_role, editor):
    client.force_login(admin_user_role)
    response = client.post(
        "/admin/apikeys/apikey/add/",
        {
            "name": "CMS sidebar",
            "user": editor.pk,
            "scopes": ["read", "publish"],
            "expires_at_0": "",
            "expires_at_1": "",
        },
        follow=True,
    )
    page = response.content.decode()
    token = re.search(r"(fck_[\w-]+)", page).group(1)
    key = ApiKey.objects.get()
    assert key.name == "CMS sidebar" and key.scopes == ["read", "publish"] and key.created_by == admin_user_role
    assert token not in client.get(f"/admin/apikeys/apikey/{key.pk}/change/").content.decode()
    api = client_with(token)
    assert api.get("/api/v1/claims/").status_code == 200

    client.post("/admin/apikeys/apikey/", {"action": "revoke", "_selected_action": [key.pk]}, follow=True)
    assert api.get("/api/v1/claims/").status_code == 403


def client_with(token):
    from rest_framework.test import APIClient

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Api-Key {token}")
    return api


def test_the_admin_refuses_a_webhook_to_a_private_address(client, admin_user_role):
    client.force_login(admin_user_role)
    response = client.post(
        "/admin/publishing/webhookendpoint/add/",
        {"url": "http://127.0.0.1:8000/hook", "events": ["verdict.published"], "active": "on", "secret": "s" * 40},
    )
    assert response.status_code == 200
    assert "cannot receive webhooks" in response.content.decode()
    assert WebhookEndpoint.objects.count() == 0
