"""The sources pages as a logged-in fact-checker sees them."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils.html import escape

from sources.models import IngestBatch, Source

pytestmark = pytest.mark.django_db

TEXT = (
    "The regional hospital treated 1,240 patients for heat stroke in July, its director said. "
    "That is twice as many as in the same month last year, according to hospital records."
)


def test_pages_need_login_and_a_desk_role(client, outsider):
    response = client.get("/sources/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    client.force_login(outsider)
    assert client.get("/sources/").status_code == 403


def test_demo_sources_are_listed_and_readable(client, fact_checker, demo_corpus):
    call_command("ingest", str(demo_corpus), stdout=StringIO())
    client.force_login(fact_checker)
    page = client.get("/sources/").content.decode()
    for source in Source.objects.all():
        assert escape(source.title) in page
    tass = Source.objects.get(origin="000_f13725bb5c072de6.txt")
    detail = client.get(f"/sources/{tass.pk}/?hl=0-8").content.decode()
    assert '<mark id="hl">All news</mark>' in detail
    assert "Russian Presidential Spokesman Dmitry Peskov" in detail
    assert client.get(f"/sources/{tass.pk}/?hl=5-999999").content.decode().count("<mark") == 0


def test_paste_an_article_and_upload_files(client, fact_checker):
    client.force_login(fact_checker)
    response = client.post(
        "/sources/add/",
        {
            "title": "Heat wave",
            "outlet": "Local Herald",
            "text": TEXT,
            "files": [
                SimpleUploadedFile("a.txt", ("Second story headline here\n\n" + TEXT + " Also more.").encode()),
                SimpleUploadedFile("b.bin", b"\x00\x01"),
            ],
        },
    )
    batch = IngestBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/ingest/{batch.pk}/"
    assert (batch.created, batch.failed, batch.started_by) == (2, 1, fact_checker)
    page = client.get(response["Location"]).content.decode()
    assert "unsupported file type .bin" in page
    assert Source.objects.get(title="Heat wave").outlet.name == "Local Herald"


def test_empty_form_explains_what_is_missing(client, fact_checker):
    client.force_login(fact_checker)
    page = client.post("/sources/add/", {"text": "  "}).content.decode()
    assert "Paste the article text or choose at least one file." in page
    assert Source.objects.count() == 0


def test_user_text_is_escaped(client, fact_checker):
    client.force_login(fact_checker)
    client.post("/sources/add/", {"title": "<script>alert(1)</script>", "text": TEXT + " <img src=x onerror=alert(1)>"})
    source = Source.objects.get()
    page = client.get(f"/sources/{source.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert "<img src=x" not in page
