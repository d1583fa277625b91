"""Who may do what: every route and method × every role and API-key scope, from one table.

Roles: anonymous, fact-checker, editor, admin (sessions), and API keys with one scope each,
all belonging to an editor so the scope is the only limit. Anonymous users and keys without
a session see published fact-checks only; unpublished claims are 404 on public routes.
"""

import pytest
from rest_framework.test import APIClient

from claims import workflow
from tests.claims.factories import ClaimFactory, SourceFactory, rating
from tests.publishing.helpers import claim_with_appearances, publish

pytestmark = pytest.mark.django_db

ROLES = ["anon", "checker", "editor", "admin", "key:read", "key:ingest", "key:write", "key:publish"]
TEXT = "Unemployment fell to 4.2 percent in March, the statistics office said on Friday, the lowest since 2008. " * 2

PUBLIC = "200 200 200 200 200 200 200 200"
HIDDEN = "404 404 404 404 404 404 404 404"
PUBLIC_API = "200 200 200 200 200 403 403 403"
DESK_READ = "403 200 200 200 200 403 403 403"
DESK_WRITE = "403 200 200 200 403 403 200 403"
EDITOR_PUBLISH = "403 403 200 200 403 403 403 200"
INGEST = "403 {ok} {ok} {ok} 403 {ok} 403 403"
# The desk's web pages take a session; without one (anonymous, API keys) they redirect to login.
WEB = "302 200 200 200 302 302 302 302"

# (method, path, body, expected statuses in ROLES order)
TABLE = [
    ("GET", "/fact-checks/", None, PUBLIC),
    ("GET", "/fact-checks/{published}/", None, PUBLIC),
    ("GET", "/fact-checks/{new}/", None, HIDDEN),
    ("GET", "/fact-checks/{awaiting}/", None, HIDDEN),
    ("GET", "/fact-checks/{published}/embed/", None, PUBLIC),
    ("GET", "/fact-checks/{new}/embed/", None, HIDDEN),
    ("GET", "/fact-checks/feed/", None, PUBLIC),
    ("GET", "/fact-checks/feed/atom/", None, PUBLIC),
    ("GET", "/fact-checks/claimreview.json", None, PUBLIC),
    ("GET", "/oembed?url=http://testserver/fact-checks/{published}/", None, PUBLIC),
    ("GET", "/oembed?url=http://testserver/fact-checks/{new}/", None, HIDDEN),
    ("POST", "/fact-checks/", {}, "405 405 405 405 405 405 405 405"),
    ("GET", "/api/v1/fact-checks/", None, PUBLIC_API),
    ("GET", "/api/v1/fact-checks/{published}/", None, PUBLIC_API),
    ("GET", "/api/v1/fact-checks/{new}/", None, "404 404 404 404 404 403 403 403"),
    ("POST", "/api/v1/fact-checks/", {}, "405 405 405 405 403 403 405 403"),
    ("GET", "/api/v1/claims/", None, DESK_READ),
    ("GET", "/api/v1/claims/?status=new&min_score=0.5", None, DESK_READ),
    ("GET", "/api/v1/claims/{new}/", None, DESK_READ),
    ("GET", "/api/v1/claims/999999/", None, "403 404 404 404 404 403 403 403"),
    ("PATCH", "/api/v1/claims/{new}/", {"version": 1, "text": "Edited"}, DESK_WRITE),
    ("DELETE", "/api/v1/claims/{new}/", None, "403 405 405 405 403 403 405 403"),
    ("POST", "/api/v1/claims/{new}/take/", {}, DESK_WRITE),
    ("POST", "/api/v1/claims/{new}/assign/", {"assignee": None}, DESK_WRITE),
    ("POST", "/api/v1/claims/{new}/dismiss/", {"reason": "not_checkworthy"}, DESK_WRITE),
    ("POST", "/api/v1/claims/{new}/merge/", {"into": "{in_review}"}, DESK_WRITE),
    ("POST", "/api/v1/claims/{in_review}/evidence/", {"url": "https://e.example/x"}, DESK_WRITE),
    (
        "POST",
        "/api/v1/claims/{in_review}/verdict/",
        {"rating": "false", "headline": "H", "explanation": "E"},
        DESK_WRITE,
    ),
    ("POST", "/api/v1/claims/{drafted}/submit/", {}, DESK_WRITE),
    ("POST", "/api/v1/claims/{awaiting}/return/", {"note": "Source missing"}, EDITOR_PUBLISH),
    ("POST", "/api/v1/claims/{awaiting}/publish/", {}, EDITOR_PUBLISH),
    ("POST", "/api/v1/claims/{published}/correction/", {"note": "Date wrong"}, DESK_WRITE),
    ("GET", "/api/v1/claims/{new}/take/", None, "403 405 405 405 405 403 403 403"),
    ("GET", "/api/v1/export/claims.csv", None, DESK_READ),
    ("GET", "/api/v1/export/claims.jsonl", None, DESK_READ),
    ("GET", "/api/v1/sources/", None, DESK_READ),
    ("GET", "/api/v1/sources/{source}/", None, DESK_READ),
    ("POST", "/api/v1/sources/", {"text": TEXT}, INGEST.format(ok=201)),
    ("POST", "/api/v1/sources/bulk/", {"items": [{"text": TEXT}]}, INGEST.format(ok=200)),
    ("GET", "/api/v1/ingest-batches/", None, DESK_READ),
    ("POST", "/api/v1/sources/fetch/", {"url": "http://127.0.0.1:1/x"}, INGEST.format(ok=202)),
    ("GET", "/api/v1/feeds/", None, DESK_READ),
    ("GET", "/", None, WEB),
    ("GET", "/queue/", None, WEB),
    ("GET", "/claims/{new}/", None, WEB),
    ("GET", "/sources/", None, WEB),
    ("GET", "/outlets/", None, WEB),
    ("GET", "/ingest/", None, WEB),
    ("POST", "/claims/{awaiting}/verdict/publish/", {}, "302 403 302 302 302 302 302 302"),
    ("GET", "/api/v1/schema/", None, PUBLIC),
    ("GET", "/api/v1/docs/", None, PUBLIC),
    ("GET", "/admin/", None, "302 302 302 200 302 302 302 302"),
]

CASES = [
    pytest.param(method, path, body, role, int(status), id=f"{method} {path} as {role}")
    for method, path, body, statuses in TABLE
    for role, status in zip(ROLES, statuses.split(), strict=True)
]


@pytest.fixture
def world(fact_checker2, editor2):
    """A claim in each state that matters, written by people other than the ones asking."""
    new = ClaimFactory()
    in_review = ClaimFactory()
    workflow.claim_take(claim=in_review, user=fact_checker2)
    drafted = ClaimFactory()
    workflow.claim_take(claim=drafted, user=fact_checker2)
    workflow.verdict_draft(claim=drafted, author=fact_checker2, rating=rating("true"), headline="H", explanation="E")
    awaiting = ClaimFactory()
    workflow.claim_take(claim=awaiting, user=fact_checker2)
    workflow.verdict_draft(claim=awaiting, author=fact_checker2, rating=rating("true"), headline="H", explanation="E")
    workflow.verdict_submit(claim=awaiting, actor=fact_checker2)
    published = publish(claim_with_appearances(), author=fact_checker2, editor=editor2)
    return {
        "new": new.pk,
        "in_review": in_review.pk,
        "drafted": drafted.pk,
        "awaiting": awaiting.pk,
        "published": published.pk,
        "source": SourceFactory().pk,
    }


def client_for(role: str, users: dict, make_key) -> APIClient:
    client = APIClient()
    if role.startswith("key:"):
        client.credentials(HTTP_AUTHORIZATION=f"Api-Key {make_key(users['editor'], role[4:])}")
    elif role != "anon":
        client.force_login(users[role])
    return client


def fill(value, ids: dict):
    if isinstance(value, str):
        return int(value.format(**ids)) if value.startswith("{") and value.endswith("}") else value.format(**ids)
    if isinstance(value, dict):
        return {key: fill(item, ids) for key, item in value.items()}
    if isinstance(value, list):
        return [fill(item, ids) for item in value]
    return value


@pytest.mark.parametrize(("method", "path", "body", "role", "expected"), CASES)
def test_access(method, path, body, role, expected, world, fact_checker, editor, admin_user_role, make_key):
    users = {"checker": fact_checker, "editor": editor, "admin": admin_user_role}
    client = client_for(role, users, make_key)
    url = path.format(**world)
    kwargs = {"data": fill(body, world), "format": "json"} if body is not None else {}
    response = getattr(client, method.lower())(url, **kwargs)
    assert response.status_code == expected, response.content[:300]
    if url.startswith("/api/") and expected >= 400 and not url.startswith("/api/v1/docs"):
        assert set(response.json()["error"]) >= {"code", "message"}  # the one error format


def test_browser_sessions_still_need_a_csrf_token(fact_checker, world):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(fact_checker)
    response = client.post(f"/api/v1/claims/{world['new']}/take/")
    assert response.status_code == 403 and "CSRF" in response.json()["error"]["message"]
