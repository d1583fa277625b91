"""Recompute every claim's matching features and index keys: python manage.py rekey_claims [--batch 2000].

Needed once after a change to `claims.extraction.matching` that changes features or keys (normalisation, synonyms,
anchor keys): claims stored before it keep their old features and keys until re-keyed, and a rewording of them is
then found less often. Safe to re-run; each batch is its own transaction.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from claims.extraction.matching import features, keys
from claims.models import Claim, ClaimKey


class Command(BaseCommand):
    help = "Recompute Claim.match_features and ClaimKey rows of all claims from their text."

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=2000, help="claims per transaction")

    def handle(self, *args, batch: int, **options):
        last, done = 0, 0
        while True:
            rows = list(Claim.objects.filter(pk__gt=last).order_by("pk").values_list("pk", "text")[:batch])
            if not rows:
                break
            with transaction.atomic():
                feats = {pk: features(text) for pk, text in rows}
                claims = [Claim(pk=pk, match_features=f.serialise()) for pk, f in feats.items()]
                Claim.objects.bulk_update(claims, ["match_features"], batch_size=500)
                ClaimKey.objects.filter(claim_id__in=list(feats)).delete()
                ClaimKey.objects.bulk_create(
                    [ClaimKey(claim_id=pk, key=key) for pk, f in feats.items() for key in keys(f)], batch_size=2000
                )
            last, done = rows[-1][0], done + len(rows)
        self.stdout.write(f"re-keyed {done} claims")
