"""Turn files and records into article inputs, or into errors a user can read.

No database here: readers yield `(origin, ArticleInput | IngestError)` pairs and the services
store them, so one broken item never stops the others.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from urllib.parse import urlsplit

from django.utils.dateparse import parse_date, parse_datetime

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson", ".csv"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES

RECORD_FIELDS = {
    "url",
    "title",
    "text",
    "html",
    "file",
    "outlet",
    "outlet_domain",
    "byline",
    "published_at",
    "language",
    "is_public",
}


class IngestError(Exception):
    """A problem with one item, worded for the person who supplied it."""


@dataclass
class ArticleInput:
    origin: str
    text: str
    title: str = ""
    url: str = ""
    canonical_url: str = ""
    outlet: str = ""
    outlet_domain: str = ""
    byline: str = ""
    published_at: datetime | None = None
    language: str = ""
    is_public: bool = True
    notes: list[str] = field(default_factory=list)


Item = tuple[str, "ArticleInput | IngestError"]


# --- text helpers -------------------------------------------------------------------------


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def content_hash(text: str) -> str:
    """Hash of the text with case and whitespace folded: re-wrapped copies are duplicates."""
    folded = " ".join(text.split()).casefold()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def decode_bytes(data: bytes, *, max_bytes: int) -> str:
    if not data.strip():
        raise IngestError("empty: the file has no text")
    if len(data) > max_bytes:
        raise IngestError(f"too large: {len(data):,} bytes, the limit is {max_bytes:,}")
    if b"\x00" in data[:8192]:
        raise IngestError("binary data, not text (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"not UTF-8 text: undecodable byte 0x{data[exc.start]:02x} at position {exc.start}") from None


_TITLE_FURNITURE = re.compile(r"^(all news|news|home|menu|log ?in|sign ?in|share|advertisement)\b", re.I)


def guess_title(text: str) -> str:
    """The first line that reads like a headline; else the first line, shortened."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for line in lines[:6]:
        words = line.split()
        if len(words) < 4 or len(words) > 25 or not line[0].isalnum():
            continue
        if _TITLE_FURNITURE.match(line) or re.search(r"[.!?]\s+\S", line):
            continue
        return line.rstrip(".")
    first = lines[0] if lines else ""
    return first if len(first) <= 150 else first[:147].rsplit(" ", 1)[0] + "..."


# "MOSCOW, March 15. /TASS/." or "WASHINGTON, March 3 (Reuters) -" or "KYIV (AP) —"
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{2,40}"  # city
    r"(?:,\s+[A-Z][a-z]+\.?\s+\d{1,2})?\.?\s*"  # optional ", March 15."
    r"(?:/(?P<slash>[A-Za-z][\w .-]{1,40})/|\((?P<paren>[A-Z][\w .-]{1,40})\))",  # /TASS/ or (Reuters)
    re.M,
)


def guess_outlet(text: str) -> str:
    """An outlet named in a wire-style dateline, if the text has one."""
    match = _DATELINE.search(text)
    if not match:
        return ""
    return (match.group("slash") or match.group("paren")).strip()


def check_article_text(text: str, *, min_words: int) -> None:
    words = len(text.split())
    if words == 0:
        raise IngestError("empty: no text")
    if words < min_words:
        raise IngestError(f"not an article: {words} word{'s' if words != 1 else ''} of text (at least {min_words})")


# --- URLs and dates -----------------------------------------------------------------------


def validate_url(url: str) -> str:
    url = (url or "").strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise IngestError(f"not a web address: {url[:200]!r} (http or https expected)")
    return url


def canonicalise_url(url: str) -> str:
    """Scheme and host lower-cased, www. and tracking parameters dropped, fragment removed."""
    if not url:
        return ""
    from courlan import normalize_url

    try:
        normal = normalize_url(url, strict=True)
    except (ValueError, AttributeError):
        normal = url
    parts = urlsplit(normal)
    host = (parts.hostname or "").removeprefix("www.")
    port = f":{parts.port}" if parts.port and parts.port not in (80, 443) else ""
    path = parts.path.rstrip("/") or "/"
    query = f"?{parts.query}" if parts.query else ""
    return f"https://{host}{port}{path}{query}"


def url_domain(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.") if url else ""


def parse_when(value: object) -> datetime | None:
    """ISO 8601 date or date-time; a bare date means midnight UTC."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value
    raw = str(value).strip()
    try:
        parsed = parse_datetime(raw)
        if parsed is None:
            day = parse_date(raw)
            parsed = datetime.combine(day, time.min) if isinstance(day, date) else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise IngestError(f"published_at: {raw[:40]!r} is not a date (use ISO 8601, e.g. 2022-03-15)")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


# --- HTML -----------------------------------------------------------------------------------


def article_from_html(html: str, *, origin: str, url: str = "") -> ArticleInput:
    """Main text and metadata of an HTML page, via trafilatura."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html, url=url or None, with_metadata=True, include_comments=False, favor_precision=True
    )
    if document is None or not (document.text or "").strip():
        raise IngestError("no article text found in the HTML page")
    published = None
    if document.date:
        try:
            published = parse_when(document.date)
        except IngestError:
            published = None
    page_url = url or (document.url or "")
    return ArticleInput(
        origin=origin,
        text=normalise_newlines(document.text).strip(),
        title=(document.title or "").strip(),
        url=page_url,
        canonical_url=document.url or "",
        outlet=(document.sitename or "").strip(),
        byline=(document.author or "").strip(),
        published_at=published,
        language=(document.language or "").strip(),
    )


# --- records (JSON, JSONL, CSV, API) ----------------------------------------------------------


def article_from_record(
    record: object, *, origin: str, base_dir: Path | None = None, max_bytes: int, min_words: int
) -> ArticleInput:
    if not isinstance(record, dict):
        raise IngestError(f"expected an object with fields, got {type(record).__name__}")
    unknown = sorted(set(record) - RECORD_FIELDS)
    fields = {key: record.get(key) for key in RECORD_FIELDS}
    for key, value in fields.items():
        if value is not None and key != "is_public" and not isinstance(value, str):
            raise IngestError(f"{key}: expected text, got {type(value).__name__}")
    url = validate_url(fields["url"] or "")
    if fields["file"]:
        if base_dir is None:
            raise IngestError("file: only allowed in a metadata file next to the files it names")
        path = (base_dir / fields["file"]).resolve()
        if base_dir.resolve() not in path.parents:
            raise IngestError(f"file: {fields['file']!r} is outside the folder")
        article = article_from_path(path, max_bytes=max_bytes, min_words=min_words, origin=fields["file"])
    elif fields["html"]:
        article = article_from_html(fields["html"], origin=origin, url=url)
    elif fields["text"] and fields["text"].strip():
        article = ArticleInput(origin=origin, text=normalise_newlines(fields["text"]).strip())
    else:
        raise IngestError("text: missing (give text, html or file)")
    if "\x00" in article.text:
        raise IngestError("text contains NUL bytes")
    if len(article.text.encode("utf-8")) > max_bytes:
        raise IngestError(f"too large: text over {max_bytes:,} bytes")
    check_article_text(article.text, min_words=min_words)
    article.url = url or article.url
    article.title = (fields["title"] or "").strip()[:1000] or article.title or guess_title(article.text)
    article.outlet = (fields["outlet"] or "").strip()[:200] or article.outlet
    article.outlet_domain = (fields["outlet_domain"] or "").strip().lower()
    article.byline = (fields["byline"] or "").strip()[:500] or article.byline
    article.language = (fields["language"] or "").strip()[:8] or article.language
    if fields["published_at"]:
        article.published_at = parse_when(fields["published_at"])
    if record.get("is_public") is not None:
        article.is_public = record["is_public"] not in (False, "false", "0", 0, "no")
    if unknown:
        article.notes.append(f"ignored unknown fields: {', '.join(unknown[:10])}")
    return article


def records_from_text(text: str, suffix: str) -> Iterator[tuple[int, object]]:
    """(record number, record or IngestError) for each record of a JSON, JSONL or CSV document."""
    if suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise IngestError(f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
        records = data if isinstance(data, list) else [data]
        yield from enumerate(records, start=1)
    elif suffix in (".jsonl", ".ndjson"):
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, IngestError(f"malformed JSON: {exc.msg} at column {exc.colno}")
            except RecursionError:
                yield number, IngestError("malformed JSON: nested too deeply")
    else:
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames or not ({"text", "html", "file"} & set(reader.fieldnames)):
            raise IngestError("CSV needs a header row with a text, html or file column")
        try:
            for row in reader:
                if None in row:
                    yield reader.line_num, IngestError(f"{len(row[None])} more values than header columns")
                    continue
                yield reader.line_num, {k: v for k, v in row.items() if v not in (None, "")}
        except csv.Error as exc:
            yield reader.line_num, IngestError(f"malformed CSV: {exc}")


# --- files and folders --------------------------------------------------------------------------


def article_from_path(path: Path, *, max_bytes: int, min_words: int, origin: str | None = None) -> ArticleInput:
    """The single article in a .txt or .html file."""
    if path.suffix.lower() not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise IngestError(f"file: {path.name} must be .txt or .html")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read the file: {exc.strerror}") from None
    ((_, item),) = read_document(origin or path.name, data, max_bytes=max_bytes, min_words=min_words)
    if isinstance(item, IngestError):
        raise item
    return item


def _manifest_files(directory: Path) -> set[Path]:
    """Files named by a metadata record (CSV/JSONL with a `file` column) in this folder."""
    named: set[Path] = set()
    for manifest in directory.iterdir():
        if manifest.suffix.lower() not in RECORD_SUFFIXES or not manifest.is_file():
            continue
        try:
            text = manifest.read_text("utf-8-sig")
            for _, record in records_from_text(text, manifest.suffix.lower()):
                if isinstance(record, dict) and isinstance(record.get("file"), str):
                    named.add((directory / record["file"]).resolve())
        except (OSError, UnicodeDecodeError, IngestError):
            continue
    return named


def iter_paths(paths: Iterable[Path]) -> Iterator[Path | tuple[Path, IngestError]]:
    """Every file under the given paths, in a stable order; missing paths come back as errors."""
    for path in paths:
        if path.is_dir():
            for directory in sorted([path, *(p for p in path.rglob("*") if p.is_dir())]):
                if directory.name.startswith("."):
                    continue
                skip = _manifest_files(directory)
                for file in sorted(p for p in directory.iterdir() if p.is_file() and not p.name.startswith(".")):
                    if file.resolve() not in skip:
                        yield file
        elif path.exists():
            yield path
        else:
            yield path, IngestError("no such file or folder")


def read_document(
    name: str, data: bytes, *, max_bytes: int, min_words: int, base_dir: Path | None = None
) -> Iterator[Item]:
    """Items of one document: an article for .txt/.html, one per record for .json/.jsonl/.csv."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield name, IngestError(f"unsupported file type {suffix or '(none)'}: use .txt, .html, .json, .jsonl or .csv")
        return
    is_records = suffix in RECORD_SUFFIXES
    try:
        # A records file holds many articles, so it may be larger than one article.
        text = decode_bytes(data, max_bytes=max_bytes * 50 if is_records else max_bytes)
        if not is_records:
            if suffix in HTML_SUFFIXES:
                article = article_from_html(text, origin=name)
            else:
                text = normalise_newlines(text).strip()
                article = ArticleInput(origin=name, text=text, title=guess_title(text), outlet=guess_outlet(text))
            check_article_text(article.text, min_words=min_words)
            yield name, article
            return
        for number, record in records_from_text(text, suffix):
            origin = f"{name}#{number}"
            if isinstance(record, IngestError):
                yield origin, record
                continue
            try:
                yield (
                    origin,
                    article_from_record(
                        record, origin=origin, base_dir=base_dir, max_bytes=max_bytes, min_words=min_words
                    ),
                )
            except IngestError as exc:
                yield origin, exc
    except IngestError as exc:
        yield name, exc


def read_paths(paths: Iterable[Path], *, max_bytes: int, min_words: int) -> Iterator[Item]:
    for entry in iter_paths(paths):
        if isinstance(entry, tuple):
            yield str(entry[0]), entry[1]
            continue
        try:
            size = entry.stat().st_size
            if size > max_bytes * 50:
                raise IngestError(f"too large: {size:,} bytes")
            data = entry.read_bytes()
        except IngestError as exc:
            yield entry.name, exc
            continue
        except OSError as exc:
            yield entry.name, IngestError(f"cannot read the file: {exc.strerror}")
            continue
        yield from read_document(entry.name, data, max_bytes=max_bytes, min_words=min_words, base_dir=entry.parent)
