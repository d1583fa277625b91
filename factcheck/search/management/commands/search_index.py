"""`manage.py search_index`: rebuild, reconcile or check the search index."""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from factcheck.search import get_backend
from factcheck.search.backends.base import SearchUnavailable
from factcheck.search.services import search_rebuild, search_reconcile
from factcheck.search.spec import SPECS


class Command(BaseCommand):
    help = "Rebuild the search index from the database, index what is missing, or report its health."

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--rebuild", action="store_true", help="Rebuild everything (no downtime).")
        group.add_argument("--reconcile", action="store_true", help="Index what is missing, drop what is gone.")
        group.add_argument("--health", action="store_true")

    def handle(self, *args, rebuild, reconcile, health, **options):
        backend = get_backend()
        try:
            if health:
                self.stdout.write(str(backend.health()))
            elif reconcile:
                done = search_reconcile(limit=10**9)
                self.stdout.write(", ".join(f"{kind}: {count} fixed" for kind, count in done.items()))
            else:
                total = sum(spec.queryset().count() for spec in SPECS.values())
                show = sys.stderr.isatty() and options["verbosity"] > 0
                with tqdm(total=total, unit="doc", disable=not show, file=sys.stderr) as bar:
                    count = search_rebuild(progress=bar.update)
                self.stdout.write(f"Indexed {count} documents with the {backend.name} backend.")
        except SearchUnavailable as exc:
            raise CommandError(f"The search engine is unavailable: {exc}") from exc
