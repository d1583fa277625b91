"""Fixtures of the extraction tests: the demo corpus ingested through the real pipeline."""

from pathlib import Path

import pytest

from sources.ingest import read_paths
from sources.services import ingest_items

ROOT = Path(__file__).resolve().parent.parent.parent
DEMO = ROOT / "demo" / "corpus"


def demo_file(prefix: str) -> str:
    return next(DEMO.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.fixture
def ingested_demo(django_capture_on_commit_callbacks):
    """Ingest the five demo articles; extraction runs on commit, as in production."""
    with django_capture_on_commit_callbacks(execute=True):
        ingest_items(kind="files", items=read_paths([DEMO], max_bytes=2_000_000, min_words=20))
