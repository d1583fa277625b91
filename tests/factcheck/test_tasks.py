"""Tasks on real infrastructure: a Celery worker on Redis, and a broker that is down."""

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from factcheck.celery import app as celery_app
from sources.ingest import ArticleInput
from sources.models import Source
from sources.services import source_store
from tests.conftest import ROOT

TEXT = "Wheat exports fell by 30 percent in 2022, the agriculture ministry said on Monday, citing port closures. " * 2


def _database_url_of_test_db() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_runs_extraction_enqueued_through_redis():
    broker = os.environ.get("CELERY_BROKER_URL")
    if not broker:
        pytest.skip("CELERY_BROKER_URL is not set: no Redis to run a worker against")
    if connection.vendor != "postgresql":
        pytest.skip("the worker process needs a database it can share: run with DATABASE_URL=postgres://...")
    celery_app.conf.task_always_eager = False
    celery_app.control.purge()
    env = {
        **os.environ,
        "DATABASE_URL": _database_url_of_test_db(),
        "CELERY_BROKER_URL": broker,
        "CELERY_TRACE_LOG_LEVEL": "INFO",
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "factcheck",
            "worker",
            "--pool=solo",
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-n",
            f"test-{os.getpid()}@%h",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        source, _ = source_store(article=ArticleInput(origin="worker test", text=TEXT))  # commits: autocommit
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            source.refresh_from_db()
            if source.extraction_status != Source.Extraction.PENDING:
                break
            time.sleep(0.3)
        assert source.extraction_status == Source.Extraction.DONE
    finally:
        worker.terminate()
        output = worker.communicate(timeout=30)[0]
    assert "claims.tasks.extract_sources" in output and "succeeded" in output


def test_saving_a_source_with_the_broker_down_answers_quickly_and_loses_nothing(tmp_path: Path):
    """No Redis: ingest still stores the article and leaves extraction pending for reconcile."""
    db_file = tmp_path / "db.sqlite3"
    article = tmp_path / "article.txt"
    article.write_text("Ports reopen\n\n" + TEXT)
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db_file}",
        "CELERY_BROKER_URL": "redis://127.0.0.1:1/0",  # nothing listens on port 1
    }
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True, timeout=120)
    started = time.monotonic()
    result = subprocess.run(
        [*manage, "ingest", str(article)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    assert "1 new" in result.stdout
    assert "left for reconcile" in result.stderr
    assert elapsed < 30
    with sqlite3.connect(db_file) as db:
        rows = db.execute("SELECT extraction_status FROM sources_source").fetchall()
    assert rows == [("pending",)]
