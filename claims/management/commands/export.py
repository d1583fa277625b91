"""`manage.py export claims|sources --format jsonl|csv`: everything a newsroom needs, one record per line."""

import csv
import json
import sys

from django.core.management.base import BaseCommand

from claims.selectors import claim_export_rows, source_export_rows

EXPORTS = {"claims": claim_export_rows, "sources": source_export_rows}


class Command(BaseCommand):
    help = "Export claims (with appearances and verdicts) or sources as JSON Lines or CSV."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=sorted(EXPORTS))
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
        parser.add_argument("--output", "-o", help="File to write (default: standard output).")

    def handle(self, *args, what: str, format: str, output: str | None, **options):
        rows = EXPORTS[what]()
        stream = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout  # noqa: SIM115
        try:
            if format == "jsonl":
                for row in rows:
                    stream.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                writer = None
                for row in rows:
                    flat = {
                        k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                        for k, v in row.items()
                    }
                    if writer is None:
                        writer = csv.DictWriter(stream, fieldnames=list(flat))
                        writer.writeheader()
                    writer.writerow(flat)
        finally:
            if output:
                stream.close()
