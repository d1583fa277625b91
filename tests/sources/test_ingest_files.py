"""`manage.py ingest`: files and folders in, sources out, every bad item reported and the rest kept."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from sources.models import IngestBatch, IngestItem, Source

pytestmark = pytest.mark.django_db


def ingest(*paths) -> tuple[IngestBatch, str, str]:
    out, err = StringIO(), StringIO()
    call_command("ingest", *[str(p) for p in paths], stdout=out, stderr=err)
    return IngestBatch.objects.latest("id"), out.getvalue(), err.getvalue()


def test_demo_corpus_is_ingested_with_metadata(demo_corpus):
    batch, out, _ = ingest(demo_corpus)

    assert (batch.created, batch.duplicates, batch.failed) == (5, 0, 0)
    assert "5 new, 0 duplicates, 0 failed" in out
    tass = Source.objects.get(origin="000_f13725bb5c072de6.txt")
    assert tass.title == "Talks on Russia's security guarantees with US, NATO unlikely in previous format — Kremlin"
    assert tass.outlet.name == "TASS"
    assert tass.published_at.date().isoformat() == "2022-03-15"
    assert tass.text.startswith("All news")  # kept verbatim: claim offsets index into it
    sputnik = Source.objects.get(origin="002_cacb0fcdde16e1e9.txt")
    assert sputnik.outlet.name == "Sputnik International"
    assert sputnik.title.startswith("Russia: US Attempts to Use Security Guarantee Talks")
    assert Source.objects.filter(outlet__name="TASS").count() == 3


def test_ingesting_the_same_folder_twice_creates_nothing_and_says_so(demo_corpus):
    ingest(demo_corpus)
    batch, out, _ = ingest(demo_corpus)

    assert Source.objects.count() == 5
    assert (batch.created, batch.duplicates) == (0, 5)
    assert "Nothing new" in out
    item = batch.items.first()
    assert item.result == IngestItem.Result.DUPLICATE and item.message.startswith("duplicate of source #")


ARTICLE = (
    "The city council approved a budget of 12 million euros on Monday, the mayor said. "
    "Officials said the money would fund three new schools and repair 40 kilometres of roads."
)


def test_one_broken_file_among_good_ones_is_reported_and_the_rest_ingested(tmp_path: Path, settings):
    settings.INGEST_MAX_ITEM_BYTES = 5_000
    (tmp_path / "good1.txt").write_text("Budget approved\n\n" + ARTICLE)
    (tmp_path / "good2.txt").write_text("Schools\n\n" + ARTICLE.replace("three", "four"))
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" * 10)
    (tmp_path / "latin1.txt").write_bytes(("Caf\xe9 " + ARTICLE).encode("latin-1"))
    (tmp_path / "huge.txt").write_text(ARTICLE * 100)
    (tmp_path / "short.txt").write_text("Just three words")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "broken.json").write_text('{"text": "unterminated')

    batch, out, err = ingest(tmp_path)

    assert batch.created == 2
    assert batch.failed == 7
    errors = dict(batch.items.filter(result="failed").values_list("origin", "message"))
    assert errors["empty.txt"] == "empty: the file has no text"
    assert errors["binary.txt"] == "binary data, not text (contains NUL bytes)"
    assert errors["latin1.txt"].startswith("not UTF-8 text: undecodable byte 0xe9")
    assert errors["huge.txt"].startswith("too large:")
    assert errors["short.txt"] == "not an article: 3 words of text (at least 20)"
    assert errors["report.pdf"].startswith("unsupported file type .pdf")
    assert errors["broken.json"].startswith("malformed JSON at line 1")
    assert "failed: huge.txt: too large" in err
    assert "2 new, 0 duplicates, 7 failed" in out


def test_jsonl_and_csv_records_each_stand_alone(tmp_path: Path):
    lines = [
        json.dumps({"url": "https://example.org/a?utm_source=x", "title": "A", "text": ARTICLE, "outlet": "Example"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": ARTICLE + " Extra.", "published_at": "yesterday"}),
        json.dumps(["a", "list"]),
        json.dumps({"url": "https://www.example.org/a", "text": ARTICLE + " Again."}),
        json.dumps({"url": "ftp://example.org/x", "text": ARTICLE + " Ftp."}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines))
    (tmp_path / "sheet.csv").write_text(
        "title,text,outlet,published_at\n"
        f'"CSV one","{ARTICLE} CSV.",Daily,2024-05-01\n'
        f'"too many","{ARTICLE}",x,2024-05-01,extra\n'
    )

    batch, _, _ = ingest(tmp_path)

    results = {item.origin: (item.result, item.message) for item in batch.items.all()}
    assert results["feed.jsonl#1"][0] == "created"
    assert results["feed.jsonl#2"] == (
        "failed",
        "malformed JSON: Expecting property name enclosed in double quotes at column 2",
    )
    assert results["feed.jsonl#3"] == ("failed", "text: missing (give text, html or file)")
    assert results["feed.jsonl#4"][1].startswith("published_at: 'yesterday' is not a date")
    assert results["feed.jsonl#5"] == ("failed", "expected an object with fields, got list")
    # Same article URL without tracking parameters and www.: a duplicate by canonical URL.
    assert results["feed.jsonl#6"][0] == "duplicate"
    assert results["feed.jsonl#7"][1].startswith("not a web address")
    assert results["sheet.csv#2"][0] == "created"
    assert results["sheet.csv#3"] == ("failed", "1 more values than header columns")
    csv_source = Source.objects.get(title="CSV one")
    assert (csv_source.outlet.name, csv_source.published_at.year) == ("Daily", 2024)
    assert Source.objects.get(title="A").canonical_url == "https://example.org/a"


def test_rewrapped_copy_of_an_article_is_a_duplicate(tmp_path: Path):
    (tmp_path / "one.txt").write_text("Title line here now\n\n" + ARTICLE)
    (tmp_path / "two.txt").write_text("Title  line here now\n" + ARTICLE.replace(". ", ".\n").upper())
    batch, _, _ = ingest(tmp_path)
    assert (batch.created, batch.duplicates) == (1, 1)


def test_html_page_main_text_and_metadata_are_extracted(tmp_path: Path):
    paragraphs = "".join(f"<p>{ARTICLE} Paragraph {n} adds detail about the plan.</p>" for n in range(4))
    (tmp_path / "page.html").write_text(
        "<html><head><title>Council budget | Example News</title>"
        '<meta property="og:title" content="Council approves budget">'
        '<meta name="author" content="Jane Doe">'
        '<meta property="article:published_time" content="2024-02-03T10:00:00Z">'
        '<link rel="canonical" href="https://news.example.com/budget"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/login'>Log in</a></nav>"
        f"<article><h1>Council approves budget</h1>{paragraphs}</article>"
        "<footer>Copyright Example News</footer></body></html>"
    )
    batch, _, _ = ingest(tmp_path)
    assert batch.created == 1
    source = Source.objects.get()
    assert source.title == "Council approves budget"
    assert source.byline == "Jane Doe"
    assert source.published_at.date().isoformat() == "2024-02-03"
    assert source.canonical_url == "https://news.example.com/budget"
    assert "12 million euros" in source.text and "Copyright" not in source.text and "Log in" not in source.text


def test_a_missing_path_is_reported_and_every_item_failing_is_an_error(tmp_path: Path):
    with pytest.raises(CommandError, match="Every item failed"):
        ingest(tmp_path / "nope")
    batch = IngestBatch.objects.latest("id")
    assert batch.items.get().message == "no such file or folder"
