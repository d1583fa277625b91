"""API v1 for newsroom tools: the claims queue, the workflow through the same rules as the UI,
published fact-checks, export and API keys."""

import csv
import io
import json
from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient

from apikeys.models import ApiKey
from apikeys.services import api_key_revoke
from claims.models import Claim, ReviewEvent
from tests.claims.factories import AppearanceFactory, ClaimFactory, OutletFactory, SourceFactory
from tests.publishing.helpers import claim_with_appearances, publish

pytestmark = pytest.mark.django_db


def key_client(token: str, scheme: str = "Api-Key") -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"{scheme} {token}")
    return client


def test_a_claim_goes_from_new_to_published_through_the_api(fact_checker, editor, make_key):
    claim = claim_with_appearances()
    checker = key_client(make_key(fact_checker, "read", "write"))
    editor_api = key_client(make_key(editor, "read", "publish"), scheme="Bearer")
    url = f"/api/v1/claims/{claim.pk}"

    assert checker.post(f"{url}/take/").json()["status"] == "in_review"
    evidence = checker.post(f"{url}/evidence/", {"url": "https://stats.example/a", "title": "Survey"}, format="json")
    assert evidence.status_code == 200 and evidence.json()["evidence"][0]["title"] == "Survey"
    evidence_id = evidence.json()["evidence"][0]["id"]
    draft = checker.post(
        f"{url}/verdict/",
        {"rating": "false", "headline": "Not so", "explanation": "Because.", "evidence_ids": [evidence_id]},
        format="json",
    )
    assert draft.json()["status"] == "drafted" and draft.json()["verdicts"][0]["cited_evidence"] == [evidence_id]
    assert checker.post(f"{url}/submit/").json()["status"] == "awaiting_approval"

    refused = checker.post(f"{url}/publish/")
    assert refused.status_code == 403
    assert refused.json()["error"]["message"] == "This API key lacks the 'publish' scope."

    published = editor_api.post(f"{url}/publish/", {"note": "ok"}, format="json")
    assert published.status_code == 200, published.content
    body = published.json()
    assert body["status"] == "published"
    assert body["verdicts"][0]["approver"] == "editor" and body["verdicts"][0]["author"] == "checker"
    assert [e["action"] for e in body["history"]][-1] == "verdict.published"

    # A newsroom tool with a read key gets it.
    reader = key_client(make_key(fact_checker, "read"))
    [fact_check] = reader.get("/api/v1/fact-checks/").json()["results"]
    assert fact_check["claim_id"] == claim.pk and fact_check["rating"]["slug"] == "false"
    detail = reader.get(f"/api/v1/fact-checks/{claim.pk}/").json()
    assert detail["claim_review"]["@type"] == "ClaimReview" and detail["explanation_html"] == "<p>Because.</p>"


def test_the_two_person_rule_holds_for_keys(editor, editor2, make_key):
    claim = claim_with_appearances()
    own = key_client(make_key(editor, "read", "write", "publish"))
    for step in ("take", "verdict", "submit"):
        body = {"rating": "false", "headline": "H", "explanation": "E"} if step == "verdict" else {}
        assert own.post(f"/api/v1/claims/{claim.pk}/{step}/", body, format="json").status_code == 200
    response = own.post(f"/api/v1/claims/{claim.pk}/publish/")
    assert response.status_code == 403
    assert "two-person rule" in response.json()["error"]["message"]
    other = key_client(make_key(editor2, "publish"))
    assert other.post(f"/api/v1/claims/{claim.pk}/publish/").status_code == 200


def test_a_stale_edit_is_a_conflict_that_returns_the_current_version(checker_api, fact_checker2):
    claim = ClaimFactory(text="Old text")
    other = APIClient()
    other.force_authenticate(fact_checker2)
    first = other.patch(f"/api/v1/claims/{claim.pk}/", {"version": 1, "text": "Their text"}, format="json")
    assert first.status_code == 200 and first.json()["version"] == 2

    stale = checker_api.patch(f"/api/v1/claims/{claim.pk}/", {"version": 1, "text": "My text"}, format="json")
    assert stale.status_code == 409
    error = stale.json()["error"]
    assert error["code"] == "conflict" and "Someone else saved" in error["message"]
    assert error["current"]["text"] == "Their text" and error["current"]["version"] == 2
    assert Claim.objects.get(pk=claim.pk).text == "Their text"


def test_workflow_errors_use_the_one_error_format(checker_api):
    claim = ClaimFactory()
    wrong_state = checker_api.post(f"/api/v1/claims/{claim.pk}/submit/")
    assert wrong_state.status_code == 409
    assert wrong_state.json() == {
        "error": {"code": "conflict", "message": "Cannot submit for approval: the claim is new."}
    }
    bad_input = checker_api.post(f"/api/v1/claims/{claim.pk}/dismiss/", {"reason": "bored"}, format="json")
    assert bad_input.status_code == 400 and "reason" in bad_input.json()["error"]["fields"]
    not_editor = checker_api.post(f"/api/v1/claims/{claim.pk}/return/", {"note": "x"}, format="json")
    assert not_editor.status_code == 403 and not_editor.json()["error"]["message"] == "Only editors can do this."
    assert checker_api.post("/api/v1/claims/999999/take/").status_code == 404
    merge = checker_api.post(f"/api/v1/claims/{claim.pk}/merge/", {"into": claim.pk}, format="json")
    assert merge.status_code == 400 and "cannot be merged into itself" in merge.json()["error"]["message"]


def test_assign_dismiss_merge_and_correction(checker_api, fact_checker, fact_checker2, editor):
    a, b, c = ClaimFactory(), ClaimFactory(), ClaimFactory()
    AppearanceFactory(claim=a)
    assigned = checker_api.post(f"/api/v1/claims/{a.pk}/assign/", {"assignee": fact_checker2.pk}, format="json")
    assert assigned.json()["assignee"] == "checker2"
    dismissed = checker_api.post(f"/api/v1/claims/{b.pk}/dismiss/", {"reason": "not_checkworthy"}, format="json")
    assert dismissed.json()["status"] == "dismissed"
    merged = checker_api.post(f"/api/v1/claims/{a.pk}/merge/", {"into": c.pk}, format="json")
    assert merged.json()["status"] == "dismissed" and merged.json()["duplicate_of"] == c.pk
    assert Claim.objects.get(pk=c.pk).appearance_count == 1

    published = publish(claim_with_appearances(), author=fact_checker, editor=editor)
    started = checker_api.post(f"/api/v1/claims/{published.pk}/correction/", {"note": "Date wrong"}, format="json")
    assert started.json()["status"] == "correction"
    assert started.json()["verdicts"][0]["correction_note"] == "Date wrong"


def test_claim_list_filters(checker_api, fact_checker):
    outlet = OutletFactory()
    in_outlet = ClaimFactory(claimant="Jane Smith", score=0.9)
    AppearanceFactory(claim=in_outlet, source=SourceFactory(outlet=outlet))
    mine = ClaimFactory(claimant="Ministry", score=0.3, claim_type="statistic")
    checker_api.post(f"/api/v1/claims/{mine.pk}/take/")
    ClaimFactory(score=0.1)

    def ids(query: str) -> list[int]:
        response = checker_api.get(f"/api/v1/claims/?{query}")
        assert response.status_code == 200, response.content
        return [row["id"] for row in response.json()["results"]]

    assert ids(f"outlet={outlet.pk}") == [in_outlet.pk]
    assert ids("claimant=jane") == [in_outlet.pk]
    assert ids(f"assignee={fact_checker.pk}") == [mine.pk]
    assert ids("status=in_review") == [mine.pk]
    assert ids("type=statistic") == [mine.pk]
    assert ids("min_score=0.5") == [in_outlet.pk]
    assert len(ids("seen_after=2000-01-01T00:00:00Z")) == 0  # factories leave first_seen_at empty
    page = checker_api.get("/api/v1/claims/?page_size=2").json()
    assert len(page["results"]) == 2 and page["next"] and "count" not in page


@pytest.mark.parametrize("rows", [3, 30])
def test_list_endpoints_use_a_constant_number_of_queries(
    rows, django_assert_num_queries, fact_checker, editor, make_key
):
    for n in range(rows):
        claim = claim_with_appearances(text=f"Claim {n}")
        if n % 3 == 0:
            publish(claim, author=fact_checker, editor=editor)
        else:
            claim.assignee = fact_checker
            claim.save()
    client = key_client(make_key(fact_checker, "read"))
    # The key's first use: its lookup (kept by the process for API_KEY_CACHE_SECONDS with the
    # user's groups) and last_used_at (one write a minute at most).
    client.get("/api/v1/claims/")
    # the cursor page only
    with django_assert_num_queries(1):
        assert len(client.get("/api/v1/claims/?page_size=50").json()["results"]) == rows
    # the page of published verdicts (rating, claim and first publication joined in)
    with django_assert_num_queries(1):
        assert len(client.get("/api/v1/fact-checks/").json()["results"]) == len(range(0, rows, 3))


def test_export_streams_csv_and_json_lines(checker_api, fact_checker, editor):
    publish(claim_with_appearances(text="=cmd|' /C calc'!A0 is a formula"), author=fact_checker, editor=editor)
    ClaimFactory(text="Second claim")
    response = checker_api.get("/api/v1/export/claims.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [r["text"] for r in rows] == ["'=cmd|' /C calc'!A0 is a formula", "Second claim"]
    assert rows[0]["verdict_rating"] == "False" and "daily.example" in rows[0]["appearance_urls"]
    lines = b"".join(checker_api.get("/api/v1/export/claims.jsonl").streaming_content).decode().splitlines()
    first = json.loads(lines[0])
    assert first["verdict"]["headline"] == "No, unemployment did not fall to 3%" and len(first["appearances"]) == 2


def test_keys_expire_can_be_revoked_and_record_their_last_use(fact_checker, make_key):
    token = make_key(fact_checker, "read")
    key = ApiKey.objects.get()
    assert key.hashed_token != token and token not in key.hashed_token
    client = key_client(token)
    assert client.get("/api/v1/claims/").status_code == 200
    key.refresh_from_db()
    first_use = key.last_used_at
    assert first_use is not None
    client.get("/api/v1/claims/")
    key.refresh_from_db()
    assert key.last_used_at == first_use  # at most one write a minute

    assert key_client(token + "x").get("/api/v1/claims/").status_code == 403
    # A change made straight in the database reaches a process once its cached check lapses.
    ApiKey.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    cache.clear()
    expired = client.get("/api/v1/claims/")
    assert expired.status_code == 403 and "expired or revoked" in expired.json()["error"]["message"]
    ApiKey.objects.update(expires_at=None)
    cache.clear()
    assert client.get("/api/v1/claims/").status_code == 200
    # Revoking through the service (admin action, command) takes effect at once.
    api_key_revoke(key=ApiKey.objects.get())
    assert client.get("/api/v1/claims/").status_code == 403


def test_the_apikey_command_shows_the_token_once(fact_checker):
    out = io.StringIO()
    call_command(
        "apikey",
        "create",
        "CMS",
        "--user",
        "checker",
        "--scope",
        "read",
        "--scope",
        "ingest",
        "--expires",
        "90d",
        stdout=out,
    )
    token = out.getvalue().strip().splitlines()[-1]
    key = ApiKey.objects.get()
    assert key.scopes == ["read", "ingest"] and key.user == fact_checker
    assert timedelta(days=89) < key.expires_at - timezone.now() <= timedelta(days=90)
    assert key_client(token).get("/api/v1/sources/").status_code == 200
    listing = io.StringIO()
    call_command("apikey", "list", stdout=listing)
    assert key.prefix in listing.getvalue() and token not in listing.getvalue()
    call_command("apikey", "revoke", key.prefix, stdout=io.StringIO())
    assert key_client(token).get("/api/v1/sources/").status_code == 403


def test_actions_through_keys_are_audited_as_the_keys_user(fact_checker, make_key):
    claim = ClaimFactory()
    key_client(make_key(fact_checker, "write")).post(f"/api/v1/claims/{claim.pk}/take/")
    assert ReviewEvent.objects.get(claim=claim).actor == fact_checker


def test_the_workbench_menu_links_to_the_export(client, fact_checker):
    ClaimFactory(text="Exported from the menu")
    client.force_login(fact_checker)
    page = client.get("/", follow=True).content.decode()
    assert 'href="/api/v1/export/claims.csv"' in page
    export = client.get("/api/v1/export/claims.csv")
    assert "Exported from the menu" in b"".join(export.streaming_content).decode()


def test_the_fast_claim_list_says_the_same_as_the_detail(checker_api, fact_checker):
    taken = claim_with_appearances()
    checker_api.post(f"/api/v1/claims/{taken.pk}/take/")
    # On the second exactly, never recurred, odd characters in its text
    untouched = claim_with_appearances(text='Prices rose "3.5%" in Łódź \\ Zürich, +00:00"', claimant="")
    Claim.objects.filter(pk=untouched.pk).update(first_seen_at=datetime(2026, 1, 5, 9, 0, tzinfo=UTC), score=1.0)
    rows = {row["id"]: row for row in checker_api.get("/api/v1/claims/").json()["results"]}
    for claim in (taken, untouched):
        detail = checker_api.get(f"/api/v1/claims/{claim.pk}/").json()
        assert rows[claim.pk] == {key: detail[key] for key in rows[claim.pk]}
        assert list(rows[claim.pk]) == [key for key in detail if key in rows[claim.pk]]  # same order
    assert rows[taken.pk]["assignee"] == "checker" and rows[taken.pk]["first_seen_at"].endswith("Z")
    assert rows[untouched.pk]["first_seen_at"] == "2026-01-05T09:00:00Z"
    assert rows[untouched.pk]["recurred_at"] is None and rows[untouched.pk]["assignee"] is None


@pytest.mark.parametrize("query", ["", "&status=new"])
def test_cursor_pages_walk_every_claim_once_forwards_and_back(checker_api, query):
    claims = [ClaimFactory(text=f"Claim {n}") for n in range(7)]
    newest_first = [claim.pk for claim in reversed(claims)]
    seen, url, pages = [], f"/api/v1/claims/?page_size=3{query}", []
    while url:
        page = checker_api.get(url).json()
        seen += [row["id"] for row in page["results"]]
        pages.append(page)
        url = page["next"]
    assert seen == newest_first and len(pages) == 3
    back = checker_api.get(pages[-1]["previous"]).json()
    assert [row["id"] for row in back["results"]] == newest_first[3:6]
    assert checker_api.get(back["previous"]).json()["results"][0]["id"] == newest_first[0]
