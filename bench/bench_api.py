"""Load benchmark of the claims list endpoint (GET /api/v1/claims/) on PostgreSQL.

Fills a PostgreSQL database with N claims (INSERT ... SELECT generate_series: a million rows in
seconds), makes an editor with a `read` API key, starts gunicorn on 127.0.0.1 and loads the
endpoint with C concurrent keep-alive clients for D seconds — with `wrk` when installed, else a
Python thread pool — then prints requests/s and p50/p95/p99 latency.

    python bench/bench_api.py                       # 1,000,000 claims, 8 clients, 20 s
    python bench/bench_api.py --claims 200000 --duration 10
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def run(cmd: list[str], env: dict, **kwargs) -> str:
    return subprocess.run(cmd, env=env, cwd=ROOT, check=True, capture_output=True, text=True, **kwargs).stdout


def ensure_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


FILL_SQL = """
INSERT INTO claims_claim (text, claimant, claim_type, status, dismiss_reason, score, reasons, priority,
    appearance_count, outlet_count, first_seen_at, last_seen_at, version, created_at, updated_at,
    match_features)
SELECT 'Claim number ' || n || ': unemployment fell to ' || (n %% 10) || ' percent in March',
       (ARRAY['the Ministry of Labour', 'Jane Smith', 'the Kremlin', 'John Doe'])[1 + n %% 4],
       (ARRAY['statistic', 'event', 'attributed', 'causal', 'other'])[1 + n %% 5],
       (ARRAY['new', 'new', 'in_review', 'drafted', 'published', 'dismissed'])[1 + n %% 6],
       '', (n %% 100) / 100.0, '["a number"]'::jsonb, (n %% 1000) / 1000.0,
       1 + n %% 3, 1 + n %% 2, now() - (n || ' minutes')::interval, now(), 1, now(), now(), ''
FROM generate_series(%s, %s) AS n
"""


def fill(url: str, target: int) -> int:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        have = conn.execute("SELECT count(*) FROM claims_claim").fetchone()[0]
        if have < target:
            started = time.perf_counter()
            step = 250_000
            for first in range(have + 1, target + 1, step):
                conn.execute(FILL_SQL, [first, min(target, first + step - 1)])
            conn.execute("VACUUM ANALYZE claims_claim")
            conn.execute("CHECKPOINT")  # the fill's writes reach disk now, not during the load
            print(f"filled {target - have:,} claims in {time.perf_counter() - started:.1f} s")
        return max(have, target)


MAKE_KEY = """
from django.contrib.auth.models import Group, User
from apikeys.services import api_key_create
user, _ = User.objects.get_or_create(username="bench-editor")
user.groups.add(Group.objects.get_or_create(name="editors")[0])
print(api_key_create(name="bench", user=user, scopes=["read"])[1])
"""


def wait_for(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


WRK_LUA = """
done = function(summary, latency, requests)
  for _, p in pairs({50, 95, 99}) do
    io.write(string.format("P%d %.3f\\n", p, latency:percentile(p) / 1000.0))
  end
  local e = summary.errors
  io.write(string.format("ERRORS %d\\n", e.status + e.connect + e.read + e.timeout))
end
"""


def load_with_wrk(url: str, token: str, clients: int, duration: int) -> dict:
    script = Path("/tmp/bench_api_wrk.lua")  # noqa: S108
    script.write_text(WRK_LUA)
    out = subprocess.run(
        ["wrk", f"-t{min(clients, 2)}", f"-c{clients}", f"-d{duration}s", "-s", str(script),
         "-H", f"Authorization: Api-Key {token}", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout  # fmt: skip
    percentile = {int(p): float(v) for p, v in re.findall(r"^P(\d+) ([\d.]+)$", out, re.M)}
    return {
        "tool": "wrk",
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": percentile[50],
        "p95": percentile[95],
        "p99": percentile[99],
        "errors": int(re.search(r"^ERRORS (\d+)$", out, re.M).group(1)),
    }


def load_with_threads(url: str, token: str, clients: int, duration: int) -> dict:
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + duration

    def client():
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        mine, bad = [], 0
        while time.monotonic() < stop:
            started = time.perf_counter()
            conn.request("GET", path, headers={"Authorization": f"Api-Key {token}"})
            response = conn.getresponse()
            response.read()
            mine.append((time.perf_counter() - started) * 1000)
            bad += response.status != 200
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "tool": "python threads",
        "rps": len(latencies) / duration,
        "p50": cuts[49],
        "p95": cuts[94],
        "p99": cuts[98],
        "errors": errors[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/fc_bench_api")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worker-class", default="sync", help="gunicorn worker class: sync or gthread")
    parser.add_argument("--threads", type=int, default=1, help="gthread threads per worker")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--path", default="/api/v1/claims/")
    args = parser.parse_args()

    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "DJANGO_DEBUG": "false",
        "LOG_LEVEL": "WARNING",
        "API_THROTTLE_USER": "100000000/min",
        "DJANGO_SECURE_COOKIES": "false",
    }
    ensure_database(args.database_url)
    run([PYTHON, "manage.py", "migrate", "--noinput"], env)
    total = fill(args.database_url, args.claims)
    token = run([PYTHON, "manage.py", "shell", "-c", MAKE_KEY], env).strip().splitlines()[-1]

    gunicorn = [
        PYTHON, "-m", "gunicorn", "factcheck.wsgi", "--bind", f"127.0.0.1:{args.port}",
        "--workers", str(args.workers), "--worker-class", args.worker_class, "--threads", str(args.threads),
        "--log-level", "warning",
    ]  # fmt: skip
    server = subprocess.Popen(gunicorn, env=env, cwd=ROOT, start_new_session=True)
    try:
        wait_for(args.port)
        url = f"http://127.0.0.1:{args.port}{args.path}"
        conn = http.client.HTTPConnection("127.0.0.1", args.port)
        for _ in range(20):  # warm up: connections, first-use write of the key
            conn.request("GET", args.path, headers={"Authorization": f"Api-Key {token}"})
            response = conn.getresponse()
            body = response.read()
        assert response.status == 200, body[:300]
        loader = load_with_wrk if shutil.which("wrk") else load_with_threads
        result = loader(url, token, args.clients, args.duration)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    print(f"claims in database: {total:,}")
    print(
        f"endpoint: GET {args.path} (50 claims a page, API key), "
        f"{args.clients} clients, {args.duration} s, {result['tool']}"
    )
    threads = f" × {args.threads} threads" if args.worker_class == "gthread" else ""
    print(f"gunicorn: {args.workers} workers{threads} ({args.worker_class})")
    print(f"requests/s: {result['rps']:.0f}   errors: {result['errors']}")
    print(f"latency ms: p50 {result['p50']:.1f}  p95 {result['p95']:.1f}  p99 {result['p99']:.1f}")
    print("targets: >= 800 req/s, p99 <= 20 ms")


if __name__ == "__main__":
    main()
