"""Benchmark claim extraction and matching; prints figures.

    python bench/bench_extraction.py [--claims 1000000] [--articles 300] [--queries 300] [--database-url URL]
                                     [--corpus realistic|dense] [--batch 50] [--workers 1] [--processes 1]
                                     [--reuse]

1. extraction only: articles/s on ~4,000-character articles (pure Python, one process);
2. end to end: extraction + matching + storing (search indexing included) through sources_extract_claims, in
   batches of --batch sources (as the extraction task receives them), by --workers processes at once (Celery
   workers), each extracting with --processes (EXTRACTION_PROCESSES: 2 for one in-process worker on 2 cores);
   articles/s wall-clock and CPU ms per article in the workers (pools included) and, on PostgreSQL, the server.
   Workers are timed once warmed up (URLconf loaded, pool started), as long-running workers are;
3. matching one claim against N stored claims: p50/p95 ms of claim_find_match (indexed key lookup,
   then scoring of at most 20 candidates), process memory and database size; on PostgreSQL also the plan of
   the key lookup (EXPLAIN ANALYZE, BUFFERS).

Corpora: `realistic` (default) — generated news-like articles with varied vocabulary, ~9 claims each, 3 of
them restating facts of a story that other outlets cover too; `dense` — the dev set's ~150 paragraphs
re-assembled, ~18.6 claims per article, almost every claim with 20 close candidates (adversarial for matching).

By default a fresh SQLite file in a temporary folder is used; pass --database-url (or set BENCH_DATABASE_URL)
to run on a scratch PostgreSQL database. It is migrated and filled: never point it at real data. --reuse keeps
the claims already stored there for the matching benchmark (a warm-cache re-run) instead of adding N more.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import multiprocessing
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
    parser.add_argument("--corpus", choices=["realistic", "dense"], default="realistic")
    parser.add_argument("--batch", type=int, default=50, help="sources per extraction task (transaction)")
    parser.add_argument("--workers", type=int, default=1, help="processes storing at the same time")
    parser.add_argument(
        "--processes", type=int, default=1, help="EXTRACTION_PROCESSES of each worker (its extraction pool)"
    )
    parser.add_argument("--reuse", action="store_true", help="match against the claims already stored")
    parser.add_argument("--skip-extraction", action="store_true", help="skip the extraction-only figure")
    return parser.parse_args()


if __name__ != "__mp_main__":  # extraction pool processes import this script as __mp_main__: no set-up there
    ARGS = parse_args()
    TMP = tempfile.mkdtemp(prefix="bench-extraction-")
    os.environ["DATABASE_URL"] = ARGS.database_url or f"sqlite:///{TMP}/bench.sqlite3"
    os.environ["EXTRACTION_PROCESSES"] = str(ARGS.processes)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

    import django

    django.setup()

    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from claims.extraction import extract
    from claims.extraction.matching import _parse, keys
    from claims.extraction.prepared import pool_pids, prepare_many
    from claims.extraction_service import claim_find_match, sources_extract_claims
    from claims.models import Appearance, Claim, ClaimKey
    from sources.models import Outlet, Source

RNG = random.Random(7)


def dense_articles(count: int) -> list[str]:
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


# --- the realistic corpus: generated news-like articles ---------------------------------------------

FIRST = [
    "Anna",
    "Tom",
    "Maria",
    "Ivan",
    "Li",
    "Sara",
    "Omar",
    "James",
    "Fatima",
    "Pedro",
    "Keiko",
    "Lars",
    "Amara",
    "Chen",
    "Nadia",
    "David",
    "Elena",
    "Kwame",
    "Priya",
    "Mehmet",
    "Sofia",
    "Jonas",
    "Aisha",
    "Hugo",
    "Mei",
    "Rafael",
    "Ingrid",
    "Tariq",
    "Olga",
    "Samuel",
    "Leila",
    "Marco",
    "Yuki",
    "Grace",
    "Pavel",
    "Nora",
]
LAST = [
    "Berg",
    "Reyes",
    "Lopez",
    "Petrov",
    "Wei",
    "Khan",
    "Haddad",
    "Walker",
    "Okafor",
    "Silva",
    "Tanaka",
    "Nilsson",
    "Mensah",
    "Novak",
    "Schmidt",
    "Rossi",
    "Dubois",
    "Kowalski",
    "Garcia",
    "Yilmaz",
    "Ivanova",
    "Moreau",
    "Brennan",
    "Fischer",
    "Costa",
    "Hansen",
    "Sato",
    "Kaplan",
    "Mwangi",
    "Varga",
    "Lindqvist",
    "Adeyemi",
    "Romero",
    "Park",
]
ROLES = [
    "spokesperson",
    "director",
    "chief economist",
    "deputy minister",
    "head of research",
    "chairman",
    "analyst",
    "senior official",
    "commissioner",
    "mayor",
    "chief executive",
    "lead author",
]
PLACES = [
    "Brazil",
    "Kenya",
    "Poland",
    "Canada",
    "Vietnam",
    "Chile",
    "Norway",
    "Egypt",
    "Mexico",
    "Portugal",
    "Indonesia",
    "Ghana",
    "Sweden",
    "Turkey",
    "Peru",
    "Ireland",
    "Morocco",
    "Thailand",
    "Austria",
    "Nigeria",
    "Scotland",
    "Ontario",
    "Bavaria",
    "Catalonia",
    "Texas",
    "Queensland",
    "Lagos",
    "Manila",
    "Lyon",
    "Milan",
    "Krakow",
    "Osaka",
    "Seville",
    "Rotterdam",
    "Nairobi",
    "Quito",
    "Hanoi",
    "Dublin",
    "Perth",
    "Leeds",
]
ORG_HEADS = [
    "Ministry of Health",
    "Ministry of Finance",
    "statistics office",
    "central bank",
    "Environment Agency",
    "Transport Department",
    "police service",
    "energy regulator",
    "Ministry of Education",
    "weather service",
    "housing authority",
    "Chamber of Commerce",
    "farmers' union",
    "port authority",
]
INSTITUTES = [
    "Institute for Fiscal Studies",
    "Global Health Council",
    "Climate Data Centre",
    "Urban Policy Lab",
    "Centre for Labour Research",
    "Food Security Network",
    "Institute of Transport Economics",
]
METRICS = [
    "unemployment",
    "inflation",
    "wheat exports",
    "measles cases",
    "home prices",
    "carbon emissions",
    "violent crime",
    "hospital admissions",
    "electricity prices",
    "rail passenger numbers",
    "tax revenue",
    "school enrolment",
    "average rainfall",
    "the vaccination rate",
    "youth unemployment",
    "coffee exports",
    "car sales",
    "tourist arrivals",
    "rent prices",
    "obesity rates",
    "forest cover",
    "water use",
    "burglaries",
    "road deaths",
    "steel output",
    "wages",
    "public debt",
    "birth rates",
    "bus ridership",
    "broadband coverage",
    "fish catches",
    "food prices",
    "air pollution",
    "solar capacity",
    "flu cases",
]
UP = ["rose", "increased", "climbed", "grew", "jumped"]
DOWN = ["fell", "dropped", "declined", "decreased"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
PROJECTS = [
    "a new rail line",
    "three hospitals",
    "a desalination plant",
    "flood defences",
    "a wind farm",
    "rural broadband",
    "a cancer research centre",
    "school meals",
    "a port expansion",
    "electric buses",
    "a border fence",
    "affordable housing",
    "a vaccine factory",
    "road repairs",
    "a metro extension",
]
GROUPS = ["employers", "landlords", "schools", "airlines", "banks", "farmers", "hospitals", "retailers", "drivers"]
DUTIES = [
    "report their emissions",
    "publish pay gaps",
    "register with the regulator",
    "cut plastic packaging",
    "test for lead in water",
    "label imported food",
    "offer paid sick leave",
    "install smoke alarms",
]
NON_CLAIMS = [
    "Is this the end of the story?",
    "What happens next is anyone's guess.",
    "Sign up for our morning newsletter.",
    "Share this article",
    "Read more: the week in pictures",
    "Many readers will find this deeply troubling.",
    "It remains to be seen whether the plan will work.",
    "We hope the talks will bring some relief.",
    "Critics say the approach is simply wrong.",
    "Could the same thing happen here?",
    "Photo: Reuters",
    "Advertisement",
    "This is a developing story and will be updated.",
    "I think we deserve better, one resident said.",
    "The decision may well prove controversial.",
    "Follow us on social media for updates.",
]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _org(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return f"the {rng.choice(INSTITUTES)}"
    return f"{rng.choice(PLACES)}'s {rng.choice(ORG_HEADS)}"


def _fact(rng: random.Random) -> dict:
    """The parameters of one assertion; rendered in one of several wordings."""
    kind = rng.randrange(5)
    return {
        "kind": kind,
        "metric": rng.choice(METRICS),
        "place": rng.choice(PLACES),
        "place2": rng.choice(PLACES),
        "up": rng.random() < 0.6,
        "n": rng.choice([rng.randint(2, 40), round(rng.uniform(1, 15), 1)]),
        "big": rng.randint(2, 900),
        "month": rng.choice(MONTHS),
        "year": rng.randint(2015, 2025),
        "day": rng.choice(DAYS),
        "org": _org(rng),
        "person": _person(rng),
        "role": rng.choice(ROLES),
        "project": rng.choice(PROJECTS),
        "group": rng.choice(GROUPS),
        "duty": rng.choice(DUTIES),
    }


def _render(f: dict, rng: random.Random) -> str:
    verb = rng.choice(UP if f["up"] else DOWN)
    org, person = f["org"], f["person"]
    Org = org[0].upper() + org[1:]
    k = f["kind"]
    if k == 0:
        body = f"{f['metric']} in {f['place']} {verb} by {f['n']} percent in {f['month']}"
    elif k == 1:
        body = f"{f['big']} people were arrested in {f['place']} during protests on {f['day']}"
    elif k == 2:
        body = f"{org} will invest {f['big']} million dollars in {f['project']} in {f['place']} by {f['year']}"
        org = "the government"
    elif k == 3:
        body = f"{f['metric']} in {f['place']} were higher than in {f['place2']} for the {f['n']}th year in a row"
    else:
        body = f"a new law requires {f['group']} in {f['place']} to {f['duty']} from {f['year']}"
    body = body[0].upper() + body[1:]
    frame = rng.randrange(4)
    if frame == 0:
        return f"{body}, {org} said on {f['day']}."
    if frame == 1:
        return f"According to {org}, {body[0].lower() + body[1:]}."
    if frame == 2:
        return f"{person}, {f['role']} at {org}, said that {body[0].lower() + body[1:]}."
    return f"{Org} reported that {body[0].lower() + body[1:]}."


FILLER_SUBJECTS = [
    "Local families",
    "Small businesses",
    "Commuters",
    "Teachers",
    "Shop owners",
    "Young people",
    "Doctors",
    "Residents",
    "Many parents",
    "Some economists",
]
FILLER_PREDICATES = [
    "have followed the debate closely",
    "have mixed feelings about the plan",
    "want clearer answers",
    "are waiting to see what happens next",
    "remain cautious about the months ahead",
    "often talk about little else",
    "hope for a calmer season",
    "are used to such arguments by now",
]
FILLER_TAILS = ["", " these days", " in private", " after a long winter", " as the weeks go by"]


def _filler(rng: random.Random) -> str:
    if rng.random() < 0.25:
        return rng.choice(NON_CLAIMS)
    return f"{rng.choice(FILLER_SUBJECTS)} {rng.choice(FILLER_PREDICATES)}{rng.choice(FILLER_TAILS)}."


def realistic_articles(count: int, rng: random.Random, *, shared: int = 3, fresh: int = 7) -> list[str]:
    """~4,000-character articles with `shared` + `fresh` claims each: `shared` restate facts of a story that
    several outlets cover (the same facts in other wordings and frames), the others are new; the rest of the text
    is context that is not check-worthy, opinions, questions and page furniture."""
    pool = [[_fact(rng) for _ in range(8)] for _ in range(max(10, count // 4))]
    articles = []
    for _ in range(count):
        facts = rng.sample(rng.choice(pool), shared) + [_fact(rng) for _ in range(fresh)]
        rng.shuffle(facts)
        claims = [_render(f, rng) for f in facts]
        sentences = [_filler(rng) for _ in range(60)]
        for claim in claims:
            sentences.insert(rng.randrange(0, 30), claim)
        paragraphs, size, para, placed = [], 0, [], 0
        while size < 4000 or placed < len(claims) or para:
            sentence = sentences.pop(0) if sentences else _filler(rng)
            placed += sentence in claims
            para.append(sentence)
            if len(para) >= rng.randint(2, 5):
                paragraphs.append(" ".join(para))
                size += len(paragraphs[-1]) + 1
                para = []
        articles.append("\n".join(paragraphs))
    return articles


def corpus_articles(count: int) -> list[str]:
    return dense_articles(count) if ARGS.corpus == "dense" else realistic_articles(count, random.Random(11))


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


def _server_cpu() -> float:
    """CPU seconds used so far by this connection's PostgreSQL backend (a local server), else 0."""
    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    return _process_cpu(pid)


def _process_cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _warm_up() -> None:
    """What a long-running worker has done once and for all before the clock starts: the URLconf is loaded (search
    documents carry claim URLs) and the extraction pool, if any, is started."""
    from django.urls import reverse

    reverse("claims:detail", args=[1])
    if ARGS.processes > 1:
        prepare_many(
            [("The index rose by 5 percent in May, the office said.", "")] * 8, threshold=0.5, processes=ARGS.processes
        )


def _store_slice(ids: list[int], batch: int, results) -> None:
    connection.close()  # a forked worker opens its own connection
    _warm_up()
    pool = {pid: _process_cpu(pid) for pid in pool_pids()}
    server, cpu, started = _server_cpu(), time.process_time(), time.perf_counter()
    for i in range(0, len(ids), batch):
        sources_extract_claims(source_ids=ids[i : i + batch])
    pool_cpu = sum(_process_cpu(pid) - before for pid, before in pool.items())
    results.put((time.process_time() - cpu + pool_cpu, _server_cpu() - server, time.perf_counter() - started))


def bench_end_to_end(count: int) -> None:
    if Source.objects.exists():
        raise SystemExit(
            "the database already holds sources (an earlier run?): the end-to-end figure needs an empty one. "
            "Drop and create the scratch database, or pass --articles 0 to time matching only."
        )
    outlets = [Outlet.objects.create(name=f"Bench Outlet {n}") for n in range(20)]
    now = timezone.now()
    sources = Source.objects.bulk_create(
        [
            Source(
                outlet=outlets[n % len(outlets)],
                text=text,
                origin=f"bench-{n}",
                content_hash=f"bench-{n}",
                published_at=now,
            )
            for n, text in enumerate(corpus_articles(count))
        ]
    )
    ids = [source.pk for source in sources]
    workers = max(1, ARGS.workers)
    slices = [ids[n::workers] for n in range(workers)]
    connection.close()
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    processes = [context.Process(target=_store_slice, args=(part, ARGS.batch, results)) for part in slices]
    for process in processes:
        process.start()
    spent = [results.get() for _ in processes]
    for process in processes:
        process.join()
    # Each worker times itself once warmed up (URLconf loaded, pool started), as a long-running worker is.
    elapsed = max(wall for _, _, wall in spent)
    client = sum(c for c, _, _ in spent)
    server = sum(s for _, s, _ in spent)
    claims = Claim.objects.count()
    appearances = Appearance.objects.count()
    matched = Appearance.objects.filter(match=Appearance.Match.AUTO).count()
    both = f", {count / (client + server):,.0f} per CPU-second of client and server together" if server else ""
    print(
        f"end to end (extract + match + store, {connection.vendor}, {ARGS.corpus} corpus, batches of {ARGS.batch}, "
        f"{workers} worker{'s' if workers > 1 else ''}, {ARGS.processes} extraction process"
        f"{'es' if ARGS.processes > 1 else ''} each): {count / elapsed:,.0f} articles/s wall; "
        f"{count / client:,.0f} per CPU-second of the worker processes{both}; per article "
        f"{client / count * 1000:.2f} ms CPU in the workers"
        + (" (their extraction pools included)" if ARGS.processes > 1 else "")
        + (f" + {server / count * 1000:.2f} ms in the server" if server else "")
    )
    print(
        f"  {appearances / count:.1f} claims per article, {matched / max(appearances, 1):.0%} of them matched to an "
        f"earlier claim; {claims:,} claims stored from {count} articles"
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
            # VACUUM sets the visibility map, as autovacuum does on an insert-only table in production: the key
            # lookup becomes an index-only scan.
            cursor.execute("VACUUM ANALYZE claims_claim")
            cursor.execute("VACUUM ANALYZE claims_claimkey")
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


def _stored_samples(limit: int = 5000) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT match_features FROM claims_claim WHERE text = match_features ORDER BY id DESC LIMIT %s", [limit]
        )
        return [row[0] for row in cursor.fetchall()]


def explain_lookup(text: str) -> None:
    """The PostgreSQL plan of the key lookup of one claim, with buffer counts (warm or cold cache)."""
    from claims.extraction.matching import features

    with connection.cursor() as cursor:
        cursor.execute(
            'EXPLAIN (ANALYZE, BUFFERS) SELECT "key", claim_id FROM claims_claimkey WHERE "key" = ANY(%s::bigint[])',
            [keys(features(text))],
        )
        print("  plan of the key lookup:\n    " + "\n    ".join(row[0] for row in cursor.fetchall()))


def bench_matching(count: int, queries: int) -> None:
    stored = Claim.objects.count()
    if ARGS.reuse and stored >= count:
        print(f"reusing the {stored:,} claims stored ({ClaimKey.objects.count():,} keys)")
        samples = _stored_samples()
    else:
        samples = fill(count)
        _parse.cache_clear()  # the fill parsed a million generated claims: not the matching's own memory
        gc.collect()
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
    now_rss = int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    print(
        f"match one claim against {count:,} stored ({connection.vendor}): p50 {p50:.2f} ms, p95 {p95:.2f} ms, "
        f"max {timings[-1]:.2f} ms over {len(timings)} queries ({hits} merged as SAME); "
        f"CPU p50 {statistics.median(cpu_timings):.2f} ms, p95 {cpu_timings[int(len(cpu_timings) * 0.95) - 1]:.2f} ms; "
        f"process RSS {now_rss:,.0f} MB after the queries (peak {rss:,.0f} MB, the fill included); {database_size()}"
    )
    if connection.vendor == "postgresql":
        explain_lookup(probes[1])


def main() -> None:
    print(f"database: {connection.vendor} ({'scratch' if ARGS.database_url else TMP})")
    call_command("migrate", verbosity=0)
    if not ARGS.skip_extraction:
        bench_extraction()
    if ARGS.articles:
        bench_end_to_end(ARGS.articles)
    if ARGS.claims:
        bench_matching(ARGS.claims, ARGS.queries)
    if not ARGS.database_url:
        connection.close()
        shutil.rmtree(TMP, ignore_errors=True)  # the SQLite file of a million claims is ~1 GB


if __name__ == "__main__":
    main()
