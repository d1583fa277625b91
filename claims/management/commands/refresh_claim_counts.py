"""Recompute every claim's counts from its appearances: python manage.py refresh_claim_counts [--batch 2000].

Appearance and outlet counts, first/last seen, score and queue priority are kept up incrementally as sources are
stored; this recomputes them from the appearances themselves, to repair counts written by an earlier release (one
that never raised the outlet count of a stored claim seen again in another outlet). Safe to re-run; each batch is
its own transaction.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from claims.extraction_service import claims_refresh_counts
from claims.models import Claim


class Command(BaseCommand):
    help = "Recompute appearance and outlet counts, first/last seen, score and priority of all claims."

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=2000, help="claims per transaction")

    def handle(self, *args, batch: int, **options):
        last, done = 0, 0
        while ids := list(Claim.objects.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:batch]):
            with transaction.atomic():
                claims_refresh_counts(claim_ids=ids)
            last, done = ids[-1], done + len(ids)
        self.stdout.write(f"refreshed the counts of {done} claims")
