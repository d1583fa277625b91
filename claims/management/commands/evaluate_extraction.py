"""Print extraction and matching quality on a labelled dataset: python manage.py evaluate_extraction DATASET."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from claims.extraction.evaluation import evaluate, load, matching_errors


class Command(BaseCommand):
    help = "Precision/recall/F1 of claim extraction, claimant accuracy, flagged non-claims and B-cubed matching."
    requires_system_checks = []  # pure computation: no database, no URLs

    def add_arguments(self, parser):
        parser.add_argument("dataset", type=Path, help="JSONL file of labelled articles (see docs/extraction.md)")
        parser.add_argument("--split", default="", help="dev, heldout or all (default: each split, then all)")
        parser.add_argument("--threshold", type=float, default=None, help="default: settings.EXTRACTION_THRESHOLD")
        parser.add_argument(
            "--errors", action="store_true", help="also list misses, false positives, claimants and matching errors"
        )

    def handle(self, *args, dataset: Path, split: str, threshold: float | None, errors: bool, **options):
        if not dataset.is_file():
            raise CommandError(f"no such file: {dataset}")
        try:
            articles = load(dataset)
        except ValueError as exc:
            raise CommandError(f"{dataset} is not valid JSONL: {exc}") from None
        threshold = settings.EXTRACTION_THRESHOLD if threshold is None else threshold
        splits = [split] if split else [*sorted({a.get("split", "dev") for a in articles}), "all"]
        self.stdout.write(f"{dataset}: {len(articles)} articles, threshold {threshold}")
        for name in splits:
            report = evaluate(articles, split=name, threshold=threshold)
            for line in report.lines():
                self.stdout.write(line)
            if errors:
                for title, rows in (
                    ("missed", report.misses),
                    ("not gold", report.false_positives),
                    ("claimant", report.wrong_claimants),
                ):
                    for row in rows:
                        self.stdout.write(f"    {title}: {row}")
                for line in matching_errors(report.matched):
                    self.stdout.write(f"    matching: {line}")
