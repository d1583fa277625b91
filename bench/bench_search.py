"""Search speed: indexing throughput and query latency, PostgreSQL and SQLite FTS5 side by side.

    .venv/bin/python bench/bench_search.py --articles 100000
    .venv/bin/python bench/bench_search.py --articles 20000 --backends postgres --repeat 50

Generates N articles (about 10 sentences each) from the demo corpus' sentences with words
substituted (people, places, numbers, and a Zipf-distributed vocabulary of made-up words so
that rare and common terms both exist), stores them with bulk INSERTs, rebuilds the index
(timed: articles/s), then runs a mix of queries end to end through `search_run` — a full
results page: hits, snippets, count and facets — and prints p50/p95/p99 per backend.

Each backend runs in its own process against its own throw-away database
(PostgreSQL: `fc_bench` on BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432;
SQLite: a file in /tmp).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")

PEOPLE = [
    "Peskov",
    "Ryabkov",
    "Zelenskyy",
    "Blinken",
    "Scholz",
    "Macron",
    "Erdogan",
    "Guterres",
    "Stoltenberg",
    "Lavrov",
    "Shoigu",
    "Kuleba",
    "Borrell",
    "Johnson",
    "Biden",
    "Putin",
    "Lukashenko",
    "Podolyak",
    "Reznikov",
    "Austin",
]
PLACES = [
    "Moscow",
    "Kyiv",
    "Washington",
    "Berlin",
    "Paris",
    "Ankara",
    "Warsaw",
    "Kharkiv",
    "Odesa",
    "Minsk",
    "Brussels",
    "London",
    "Istanbul",
    "Mariupol",
    "Kherson",
    "Donetsk",
    "Lviv",
    "Geneva",
    "Beijing",
    "Vienna",
]
OUTLETS = [(f"Outlet {i:02d}", f"outlet{i:02d}.example") for i in range(20)]
LANGUAGES = ["en"] * 8 + ["de", "fr"]
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ne",
    "su",
    "ta",
    "ri",
    "vo",
    "ze",
    "pa",
    "do",
    "gu",
    "li",
    "mo",
    "ba",
    "re",
    "si",
    "tu",
    "na",
    "ko",
]


def pseudo_vocabulary(size: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 5))))
    return sorted(words)


def corpus_sentences() -> list[list[str]]:
    sentences = []
    for path in sorted((ROOT / "demo" / "corpus").glob("*.txt")):
        for sentence in re.split(r"(?<=[.!?])\s+", path.read_text()):
            words = sentence.split()
            if 6 <= len(words) <= 60:
                sentences.append(words)
    return sentences


class Generator:
    """Articles from templates: fast enough for a million sentences in seconds."""

    def __init__(self, seed: int = 1) -> None:
        self.rng = random.Random(seed)
        self.templates = corpus_sentences()
        self.vocab = pseudo_vocabulary(30_000)
        # Zipf-like: word i is drawn with weight 1/(i+1).
        self.cum = []
        total = 0.0
        for i in range(len(self.vocab)):
            total += 1.0 / (i + 1)
            self.cum.append(total)
        self.drawn = [0] * len(self.vocab)
        people, places = set(PEOPLE), set(PLACES)
        self.slots = [
            [("P" if w.strip(".,\"'’") in people else "L" if w.strip(".,\"'’") in places else "") for w in t]
            for t in self.templates
        ]

    def word(self) -> str:
        import bisect

        index = bisect.bisect(self.cum, self.rng.random() * self.cum[-1])
        self.drawn[index] += 1
        return self.vocab[index]

    def sentence(self) -> str:
        rng = self.rng
        index = rng.randrange(len(self.templates))
        words = list(self.templates[index])
        for i, slot in enumerate(self.slots[index]):
            if slot == "P":
                words[i] = rng.choice(PEOPLE)
            elif slot == "L":
                words[i] = rng.choice(PLACES)
            elif words[i].isdigit():
                words[i] = str(rng.randint(1, 999))
        for _ in range(rng.randint(1, 3)):
            words.insert(rng.randrange(len(words)), self.word())
        return " ".join(words)

    def article(self) -> tuple[str, str]:
        title = " ".join(self.sentence().split()[:12]).rstrip(".,")
        text = " ".join(self.sentence() for _ in range(10))
        return title, text


# --- worker: one backend, one database ----------------------------------------------------


def worker(args) -> dict:
    import django

    os.environ["DJANGO_SETTINGS_MODULE"] = "factcheck.settings"
    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from factcheck.search import get_backend
    from factcheck.search.selectors import search_run
    from factcheck.search.services import search_rebuild
    from sources.models import Outlet, Source

    call_command("migrate", verbosity=0)
    figures: dict = {"backend": get_backend().name, "articles": args.articles}

    gen = Generator()
    started = time.perf_counter()
    outlets = [Outlet.objects.create(name=name, domain=domain) for name, domain in OUTLETS]
    base = datetime(2021, 6, 1, tzinfo=UTC)
    batch: list[Source] = []
    for i in range(args.articles):
        title, text = gen.article()
        batch.append(
            Source(
                outlet=outlets[i % len(outlets)],
                title=title,
                text=text,
                language=LANGUAGES[i % len(LANGUAGES)],
                published_at=base + timedelta(minutes=gen.rng.randrange(60 * 24 * 580)),
                origin=f"bench-{i}",
                extraction_status=Source.Extraction.DONE,
            )
        )
        if len(batch) == 5000:
            with transaction.atomic():
                Source.objects.bulk_create(batch)
            batch = []
    if batch:
        with transaction.atomic():
            Source.objects.bulk_create(batch)
    figures["generate_s"] = round(time.perf_counter() - started, 1)
    figures["sentences"] = args.articles * 10

    server = _ServerCpu(connection)
    started, cpu_started, server_started = time.perf_counter(), time.process_time(), server.seconds()
    indexed = search_rebuild()
    elapsed = time.perf_counter() - started
    figures["index_s"] = round(elapsed, 1)
    figures["index_per_s"] = round(indexed / elapsed)
    figures["index_cpu_client_s"] = round(time.process_time() - cpu_started, 1)
    figures["index_cpu_server_s"] = _round(server.seconds(), server_started)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE search_entry")

    # Terms by document frequency, read from the generator's own distribution.
    rare = gen.vocab[min(range(len(gen.vocab)), key=lambda i: abs(gen.drawn[i] - 8))]
    common = gen.vocab[0]
    queries = {
        "rare term": rare,
        "common term": common,
        "word (stemmed)": "negotiations",
        "phrase": '"security guarantees"',
        "OR": "Kharkiv OR Odesa",
        "exclusion": "talks -NATO",
        "prefix": "guarant*",
        "filtered": "talks outlet:outlet03.example date:2022-03",
        "faceted broad": "Russia",
        "date sort": "Peskov",
    }
    timings: dict[str, list[float]] = {}
    cpu: dict[str, float] = {}
    totals: dict[str, str] = {}
    server = _ServerCpu(connection)
    first = search_run(query="Russia", public_only=False)
    queries["page 2 (cursor)"] = "Russia"
    for label, query in queries.items():
        options = {"sort": "date" if label == "date sort" else "relevance"}
        if label == "page 2 (cursor)":
            # Page 2 through the cursor, as the UI does.
            options["cursor"] = first.next_cursor
        search_run(query=query, public_only=False, **options)  # warm the caches once
        runs = []
        cpu_started, server_started = time.process_time(), server.seconds()
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            result = search_run(query=query, public_only=False, **options)
            runs.append((time.perf_counter() - t0) * 1000)
            assert result.hits, f"{label!r} found nothing"
        server_s = server.seconds()
        # CPU per page, this process and its database backend: what the page costs whatever else runs.
        cpu[label] = (time.process_time() - cpu_started + (server_s - server_started if server_s else 0)) * 1000
        cpu[label] = round(cpu[label] / args.repeat, 1)
        timings[label] = runs
        totals[label] = result.total_display
    totals["page 2 (cursor)"] = first.total_display

    every = sorted(t for runs in timings.values() for t in runs)
    figures["queries"] = {
        label: {
            "p50": _pct(runs, 50),
            "p95": _pct(runs, 95),
            "max": round(max(runs), 1),
            "cpu": cpu[label],
            "matches": totals[label],
        }
        for label, runs in timings.items()
    }
    figures["all"] = {"n": len(every), "p50": _pct(every, 50), "p95": _pct(every, 95), "p99": _pct(every, 99)}
    return figures


class _ServerCpu:
    """CPU seconds used so far by this connection's database backend, when it runs on this machine
    (PostgreSQL: read from /proc); None elsewhere (SQLite runs in this process)."""

    def __init__(self, connection) -> None:
        self.path = None
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                path = Path(f"/proc/{cursor.fetchone()[0]}/stat")
            if path.exists():
                self.path = path

    def seconds(self) -> float | None:
        if self.path is None:
            return None
        try:
            fields = self.path.read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _round(end: float | None, start: float | None) -> float | None:
    return None if end is None or start is None else round(end - start, 1)


def _pct(values: list[float], pct: int) -> float:
    ordered = sorted(values)
    if len(ordered) == 1:
        return round(ordered[0], 1)
    return round(statistics.quantiles(ordered, n=100, method="inclusive")[pct - 1], 1)


# --- orchestrator ----------------------------------------------------------------------------


def _database_url(backend: str) -> str:
    if backend == "postgres":
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS fc_bench")
            conn.execute("CREATE DATABASE fc_bench")
        return f"{PG_SERVER}/fc_bench"
    path = Path("/tmp/fc_bench.sqlite3")  # noqa: S108 (a throw-away benchmark database)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return f"sqlite:///{path}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--backends", default="postgres,sqlite")
    parser.add_argument("--repeat", type=int, default=30, help="Runs of each query.")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args)))
        return
    results = []
    for backend in args.backends.split(","):
        env = dict(os.environ, DATABASE_URL=_database_url(backend), SEARCH_BACKEND=backend, LOG_LEVEL="WARNING")
        env.pop("CELERY_BROKER_URL", None)
        print(f"== {backend}: generating {args.articles:,} articles, indexing, querying...", file=sys.stderr)
        run = subprocess.run(
            [
                sys.executable,
                __file__,
                "--worker",
                backend,
                "--articles",
                str(args.articles),
                "--repeat",
                str(args.repeat),
            ],
            env=env,
            capture_output=True,
            text=True,
        )
        if run.returncode:
            sys.exit(f"{backend} failed:\n{run.stderr[-3000:]}")
        results.append(json.loads(run.stdout.strip().splitlines()[-1]))
    report(results)


def report(results: list[dict]) -> None:
    names = [r["backend"] for r in results]
    print(f"\nSearch benchmark: {results[0]['articles']:,} articles (~{results[0]['sentences']:,} sentences)\n")
    print(f"{'':24}" + "".join(f"{n:>34}" for n in names))
    print(f"{'generate (bulk INSERT)':24}" + "".join(f"{r['generate_s']:>32}s " for r in results))
    print(f"{'index rebuild':24}" + "".join(f"{r['index_s']:>23}s {r['index_per_s']:>6}/s " for r in results))
    print(
        f"{'  cpu: client + server':24}"
        + "".join(f"{r['index_cpu_client_s']:>22}s + {r['index_cpu_server_s'] or '-':>6}s " for r in results)
    )
    print("\nms per full results page (hits + snippets + count + facets), p50 / p95 [cpu], matches:")
    for label in results[0]["queries"]:
        cells = []
        for r in results:
            q = r["queries"][label]
            cells.append(f"{q['p50']:>6} /{q['p95']:>6} [{q['cpu']:>5}] {q['matches']:>7}")
        print(f"{label:24}" + "".join(f"{c:>34}" for c in cells))
    print(
        f"{'ALL p50 / p95 / p99':24}"
        + "".join(f"{r['all']['p50']:>12} /{r['all']['p95']:>6} /{r['all']['p99']:>6}     " for r in results)
    )
    print("\n" + json.dumps(results))


if __name__ == "__main__":
    main()
