"""API v1 sources: create one, bulk create, list; hostile bodies get a clear 4xx."""

import json

import pytest

from sources.models import IngestBatch, Source

pytestmark = pytest.mark.django_db(transaction=True)

TEXT = (
    "Unemployment fell to 4.2 percent in March, the statistics office said on Friday. "
    "It was the lowest rate since 2008, when the figure stood at 4.0 percent, officials added."
)


def test_create_one_source_then_the_same_again_is_a_conflict(checker_api):
    response = checker_api.post(
        "/api/v1/sources/",
        {"url": "https://news.example.com/jobs?utm_medium=social", "title": "Jobs", "text": TEXT, "outlet": "Example"},
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["title"] == "Jobs" and body["outlet"]["name"] == "Example"
    assert body["canonical_url"] == "https://news.example.com/jobs"
    # Extraction was enqueued on commit and ran (tasks are in-process here).
    assert Source.objects.get(pk=body["id"]).extraction_status == Source.Extraction.DONE

    again = checker_api.post("/api/v1/sources/", {"url": "https://news.example.com/jobs", "text": TEXT}, format="json")
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "conflict"
    assert again.json()["error"]["existing_id"] == body["id"]
    assert Source.objects.count() == 1


def test_invalid_input_has_one_error_format(checker_api):
    response = checker_api.post("/api/v1/sources/", {"title": "no text"}, format="json")
    assert response.status_code == 400
    assert response.json() == {
        "error": {
            "code": "invalid",
            "message": "Some fields are invalid.",
            "fields": {"text": ["text: missing (give text, html or file)"]},
        }
    }
    short = checker_api.post("/api/v1/sources/", {"text": "too short"}, format="json")
    assert short.json()["error"]["fields"]["text"] == ["not an article: 2 words of text (at least 20)"]


@pytest.mark.parametrize(
    ("body", "content_type", "status", "message"),
    [
        (b'{"text": ', "application/json", 400, "JSON parse error"),
        (b'{"text": "\xff\xfe"}', "application/json", 400, "JSON parse error"),
        (b"[" * 100_000 + b"]" * 100_000, "application/json", 400, "nested too deeply"),
        (b"text=hello", "application/x-www-form-urlencoded", 415, "Unsupported media type"),
        (json.dumps({"text": TEXT + "\x00"}).encode(), "application/json", 400, "Null characters"),
    ],
)
def test_hostile_bodies_get_a_clear_4xx_and_store_nothing(checker_api, body, content_type, status, message):
    response = checker_api.generic("POST", "/api/v1/sources/", body, content_type=content_type)
    assert response.status_code == status
    assert message in json.dumps(response.json()["error"])
    assert Source.objects.count() == 0


def test_oversize_body_is_413(checker_api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = checker_api.post("/api/v1/sources/", {"text": TEXT * 20}, format="json")
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


def test_bulk_create_reports_each_item_and_keeps_the_good_ones(checker_api):
    items = [
        {"title": "one", "text": TEXT},
        {"title": "dup", "text": TEXT},
        {"title": "bad", "text": "short"},
        "not an object",
        {"title": "two", "text": TEXT + " More detail follows in the report."},
    ]
    response = checker_api.post("/api/v1/sources/bulk/", {"items": items}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert [r["result"] for r in body["results"]] == ["created", "duplicate", "failed", "failed", "created"]
    assert body["results"][2]["message"] == "not an article: 1 word of text (at least 20)"
    assert body["batch"]["created"] == 2 and body["batch"]["failed"] == 2 and body["batch"]["duplicates"] == 1
    assert Source.objects.count() == 2
    batch = checker_api.get(f"/api/v1/ingest-batches/{body['batch']['id']}/").json()
    assert [item["result"] for item in batch["items"]] == ["created", "duplicate", "failed", "failed", "created"]


def test_bulk_limit_is_enforced(checker_api, settings):
    settings.INGEST_MAX_BULK_ITEMS = 2
    response = checker_api.post("/api/v1/sources/bulk/", {"items": [{"text": TEXT}] * 3}, format="json")
    assert response.status_code == 400
    assert "At most 2 articles" in response.json()["error"]["fields"]["items"][0]
    assert IngestBatch.objects.count() == 0


def test_list_is_cursor_paginated_newest_first(checker_api):
    for n in range(3):
        checker_api.post("/api/v1/sources/", {"title": f"s{n}", "text": f"{TEXT} Number {n}."}, format="json")
    page = checker_api.get("/api/v1/sources/?page_size=2").json()
    assert [s["title"] for s in page["results"]] == ["s2", "s1"]
    assert "count" not in page
    rest = checker_api.get(page["next"]).json()
    assert [s["title"] for s in rest["results"]] == ["s0"]
    assert "text" not in page["results"][0]


def test_anonymous_and_outsiders_are_refused(api_client, outsider):
    assert api_client.get("/api/v1/sources/").status_code == 403
    assert api_client.post("/api/v1/sources/", {"text": TEXT}, format="json").status_code == 403
    api_client.force_authenticate(outsider)
    response = api_client.get("/api/v1/sources/")
    assert response.status_code == 403
    assert response.json()["error"]["message"] == "Only fact-checkers and editors can use this."
