"""`manage.py poll_feeds [--loop --interval 300] [--feed ID]`: poll outlets' feeds without Celery beat."""

import time

from django.core.management.base import BaseCommand, CommandError

from sources.feeds import feed_poll, feeds_poll_due
from sources.fetching import fetch_reconcile
from sources.models import Feed, IngestBatch


class Command(BaseCommand):
    help = "Poll the feeds that are due (or one feed now) and ingest their new articles."

    def add_arguments(self, parser):
        parser.add_argument("--feed", type=int, action="append", help="Poll this feed now, due or not (repeatable).")
        parser.add_argument("--loop", action="store_true", help="Keep polling; stop with Ctrl-C.")
        parser.add_argument("--interval", type=int, default=300, help="Seconds between rounds with --loop.")

    def report(self, batch: IngestBatch) -> None:
        line = f"Feed #{batch.feed_id} {batch.label}: batch #{batch.pk}: "
        if batch.status == IngestBatch.Status.FAILED:
            self.stdout.write(line + batch.message)
            return
        line += f"{batch.created} new, {batch.duplicates} duplicates, {batch.failed} failed"
        self.stdout.write(line + (f" ({batch.message})" if batch.message else ""))

    def handle(self, *args, feed: list[int] | None, loop: bool, interval: int, **options):
        if feed:
            missing = set(feed) - set(Feed.objects.filter(pk__in=feed).values_list("pk", flat=True))
            if missing:
                raise CommandError(f"No feed with id {', '.join(map(str, sorted(missing)))}.")
        while True:
            if feed:
                batches = [feed_poll(feed_id=feed_id) for feed_id in feed]
            else:
                fetch_reconcile()
                batches = feeds_poll_due()
            for batch in batches:
                if batch:
                    self.report(batch)
            if not batches:
                self.stdout.write("No feed is due.")
            if not loop:
                return
            time.sleep(max(interval, 1))
