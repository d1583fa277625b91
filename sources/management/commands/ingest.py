"""`manage.py ingest PATH [PATH...] [--url URL...]`: add articles from files, folders and web
addresses, with a summary."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from sources.fetching import url_batch_run, url_batch_start
from sources.ingest import iter_paths, read_paths
from sources.models import IngestBatch, IngestItem
from sources.services import ingest_items, ingest_limits


class Command(BaseCommand):
    help = "Ingest articles from .txt, .html, .json, .jsonl and .csv files or folders of them, or fetch URLs."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path)
        parser.add_argument(
            "--url", action="append", default=[], dest="urls", help="Fetch this web page's article (repeatable)."
        )
        parser.add_argument("--quiet-items", action="store_true", help="Do not list failed items.")

    def handle(self, *args, paths: list[Path], urls: list[str], quiet_items: bool, **options):
        if not paths and not urls:
            raise CommandError("Give files or folders to ingest, or --url URL.")
        batches = []
        if paths:
            batches.append(self.ingest_paths(paths, options))
        if urls:
            batch = url_batch_start(urls=urls, enqueue=False)
            batches.append(url_batch_run(batch_id=batch.pk))
        for batch in batches:
            self.summarise(batch, quiet_items=quiet_items)

    def ingest_paths(self, paths: list[Path], options) -> IngestBatch:
        total = sum(1 for entry in iter_paths(paths) if not isinstance(entry, tuple))
        show_bar = sys.stderr.isatty() and options["verbosity"] > 0
        bar = tqdm(total=total, unit="file", disable=not show_bar, file=sys.stderr)
        seen_origins: set[str] = set()

        def on_item(item: IngestItem) -> None:
            file_name = item.origin.split("#", 1)[0]
            if file_name not in seen_origins:
                seen_origins.add(file_name)
                bar.update(1)

        batch = ingest_items(
            kind=IngestBatch.Kind.FILES,
            items=read_paths(paths, **ingest_limits()),
            label=" ".join(str(p) for p in paths),
            total=0,
            on_item=on_item,
        )
        bar.close()
        return batch

    def summarise(self, batch: IngestBatch, *, quiet_items: bool) -> None:
        if not quiet_items:
            for item in batch.items.filter(result=IngestItem.Result.FAILED).order_by("position"):
                self.stderr.write(f"  failed: {item.origin}: {item.message}")
        summary = (
            f"Batch #{batch.pk}: {batch.received} item{'s' if batch.received != 1 else ''} — "
            f"{batch.created} new, {batch.duplicates} duplicate{'s' if batch.duplicates != 1 else ''}, "
            f"{batch.failed} failed."
        )
        if batch.created == 0 and batch.duplicates and not batch.failed:
            summary += " Nothing new: everything was already ingested."
        self.stdout.write(summary)
        if batch.received and batch.failed == batch.received:
            raise CommandError("Every item failed.")
