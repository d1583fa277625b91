"""Benchmark claim extraction and matching; prints figures.

    python bench/bench_extraction.py [--claims 1000000] [--articles 300] [--queries 300] [--database-url URL]

1. extraction only: articles/s on ~4,000-character articles (pure Python, one process);
2. end to end: extraction + matching + storing through source_extract_claims, articles/s;
3. matching one claim against N stored claims: p50/p95 ms of claim_find_match (indexed key lookup,
   then scoring of at most 20 candidates), process memory and database size.

By default a fresh SQLite file in a temporary folder is used; pass --database-url (or set BENCH_DATABASE_URL)
to run on a scratch PostgreSQL database. It is migrated and filled: never point it at real data.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=1_000_000, help="stored claims for the matching benchmark")
    parser.add_argument("--articles", type=int, default=300, help="articles for the end-to-end benchmark")
    parser.add_argument("--queries", type=int, default=300, help="match queries to time")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", ""))
    return parser.parse_args()


ARGS = parse_args()
TMP = tempfile.mkdtemp(prefix="bench-extraction-")
os.environ["DATABASE_URL"] = ARGS.database_url or f"sqlite:///{TMP}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from claims.extraction import extract  # noqa: E402
from claims.extraction.matching import keys  # noqa: E402
from claims.extraction_service import claim_find_match, source_extract_claims  # noqa: E402
from claims.models import Claim, ClaimKey  # noqa: E402
from sources.models import Outlet, Source  # noqa: E402

RNG = random.Random(7)


def corpus_articles(count: int) -> list[str]:
    """~4,000-character articles assembled from the dev set's paragraphs, with figures and names varied."""
    paragraphs = []
    with (ROOT / "claims/extraction/devset/articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            paragraphs.extend(p for p in json.loads(line)["text"].split("\n") if len(p) > 40)
    names = ["Anna Berg", "Tom Reyes", "Maria Lopez", "Ivan Petrov", "Li Wei", "Sara Khan", "Omar Haddad"]
    articles = []
    for _ in range(count):
        parts, size = [], 0
        while size < 4000:
            text = RNG.choice(paragraphs)
            text = "".join(str(RNG.randint(0, 9)) if ch.isdigit() else ch for ch in text)
            if RNG.random() < 0.3:
                text = f"{RNG.choice(names)} said that {text[0].lower()}{text[1:]}"
            parts.append(text)
            size += len(text) + 1
        articles.append("\n".join(parts))
    return articles


def bench_extraction() -> None:
    articles = corpus_articles(400)
    started, cpu = time.perf_counter(), time.process_time()
    claims = sum(len(extract(text)) for text in articles)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    chars = sum(map(len, articles)) / len(articles)
    print(
        f"extraction only: {len(articles) / elapsed:,.0f} articles/s wall, {len(articles) / cpu:,.0f} per CPU-second "
        f"({chars:,.0f} chars avg, {claims / len(articles):.1f} claims/article), one process"
    )


def bench_end_to_end(count: int) -> None:
    outlet = Outlet.objects.create(name="Bench Outlet")
    now = timezone.now()
    sources = Source.objects.bulk_create(
        [
            Source(outlet=outlet, text=text, origin=f"bench-{n}", content_hash=f"bench-{n}", published_at=now)
            for n, text in enumerate(corpus_articles(count))
        ]
    )
    started, cpu = time.perf_counter(), time.process_time()
    for source in sources:
        source_extract_claims(source_id=source.pk)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"end to end (extract + match + store, {connection.vendor}): {count / elapsed:,.0f} articles/s wall, "
        f"{count / cpu:,.0f} per CPU-second of this process (the database server's CPU not counted); "
        f"{Claim.objects.count():,} claims stored from {count} articles, one process"
    )


def _word(n: int) -> str:
    # Letters only, ending in "q" so that the stemmer leaves the made-up words alone.
    letters = ""
    while True:
        n, r = divmod(n, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[r]
        if not n:
            return f"k{letters}q"


VOCAB = [_word(n) for n in range(30_000)]
CUM_WEIGHTS = list(itertools.accumulate(1 / (n + 10) for n in range(len(VOCAB))))  # Zipf-like


def random_feature_text() -> str:
    words = set(RNG.choices(VOCAB, cum_weights=CUM_WEIGHTS, k=RNG.randint(5, 12)))
    if RNG.random() < 0.3:
        words.add(str(RNG.randint(1, 5000)))
    return " ".join(sorted(words)) + (" ¬" if RNG.random() < 0.15 else "")


def _indexes() -> list[tuple[str, str]]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name='claims_claimkey' "
                "AND sql IS NOT NULL"
            )
        else:
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename='claims_claimkey' "
                "AND indexname NOT LIKE '%%pkey'"
            )
        return list(cursor.fetchall())


def fill(count: int) -> list[str]:
    """Insert `count` claims and their keys in bulk (indexes rebuilt once at the end). Returns sample texts."""
    from claims.extraction.matching import Features

    started = time.perf_counter()
    indexes = _indexes()
    now = timezone.now()
    samples = []
    with connection.cursor() as cursor:
        for name, _ in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA synchronous=OFF")
        cursor.execute("SELECT COALESCE(MAX(id), 0) FROM claims_claim")
        next_id = cursor.fetchone()[0] + 1
        batch = 20_000
        for first in range(0, count, batch):
            claim_rows, key_rows = [], []
            for n in range(first, min(first + batch, count)):
                claim_id = next_id + n
                text = random_feature_text()
                feats = Features.parse(text)
                if len(samples) < 5000 and RNG.random() < 0.01:
                    samples.append(text)
                claim_rows.append((claim_id, text, "", "other", "new", "", 0.5, "[]", 0.5, 1, 1, 1, text, now, now))
                key_rows.extend((claim_id, key) for key in keys(feats))
            with transaction.atomic():
                cursor.executemany(
                    "INSERT INTO claims_claim (id, text, claimant, claim_type, status, dismiss_reason, score, reasons, "
                    "priority, appearance_count, outlet_count, version, match_features, created_at, updated_at) "
                    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    claim_rows,
                )
                cursor.executemany("INSERT INTO claims_claimkey (claim_id, key) VALUES (%s, %s)", key_rows)
        for _, sql in indexes:
            cursor.execute(sql)
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE claims_claim")
            cursor.execute("ANALYZE claims_claimkey")
        else:
            cursor.execute("ANALYZE")
    print(f"filled {count:,} claims ({ClaimKey.objects.count():,} keys) in {time.perf_counter() - started:,.0f} s")
    return samples


def database_size() -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            return f"{Path(connection.settings_dict['NAME']).stat().st_size / 1e6:,.0f} MB file"
        cursor.execute("SELECT pg_database_size(current_database())")
        return f"{cursor.fetchone()[0] / 1e6:,.0f} MB database"


def bench_matching(count: int, queries: int) -> None:
    samples = fill(count)
    probes = []
    for n in range(queries):
        if n % 2 and samples:  # a stored claim reworded: one word dropped, one added
            words = [w for w in RNG.choice(samples).split() if w != "¬"]
            words.remove(RNG.choice(words))
            probes.append(" ".join([*words, RNG.choice(VOCAB)]))
        else:
            probes.append(random_feature_text().replace(" ¬", " not"))
    timings, cpu_timings, hits = [], [], 0
    for text in probes:
        started, cpu = time.perf_counter(), time.process_time()
        _, score = claim_find_match(text=text)
        timings.append((time.perf_counter() - started) * 1000)
        cpu_timings.append((time.process_time() - cpu) * 1000)
        hits += score >= 0.75
    cpu_timings.sort()
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[int(len(timings) * 0.95) - 1]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"match one claim against {count:,} stored ({connection.vendor}): p50 {p50:.2f} ms, p95 {p95:.2f} ms, "
        f"max {timings[-1]:.2f} ms over {len(timings)} queries ({hits} merged as SAME); "
        f"CPU p50 {statistics.median(cpu_timings):.2f} ms, p95 {cpu_timings[int(len(cpu_timings) * 0.95) - 1]:.2f} ms; "
        f"process peak RSS {rss:,.0f} MB; {database_size()}"
    )


def main() -> None:
    print(f"database: {connection.vendor} ({'scratch' if ARGS.database_url else TMP})")
    call_command("migrate", verbosity=0)
    bench_extraction()
    bench_end_to_end(ARGS.articles)
    if ARGS.claims:
        bench_matching(ARGS.claims, ARGS.queries)
    if not ARGS.database_url:
        connection.close()
        shutil.rmtree(TMP, ignore_errors=True)  # the SQLite file of a million claims is ~1 GB


if __name__ == "__main__":
    main()
