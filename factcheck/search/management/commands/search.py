"""`manage.py search QUERY`: what the desk would find, for operators and scripts."""

import json

from django.core.management.base import BaseCommand

from factcheck.search.backends.base import strip_marks
from factcheck.search.presenters import result_as_dict
from factcheck.search.selectors import search_run


def _plain(html_text: str) -> str:
    import html

    return html.unescape(html_text.replace("<mark>", "[").replace("</mark>", "]"))


class Command(BaseCommand):
    help = "Search sources or claims with the query language of the search page."

    def add_arguments(self, parser):
        parser.add_argument("query", nargs="+", help="The query (several arguments are joined by spaces).")
        parser.add_argument("--type", choices=["sources", "claims"], default="sources")
        parser.add_argument("--sort", choices=["relevance", "date"], default="relevance")
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--limit", type=int, default=20)
        parser.add_argument("--cursor", default="")
        parser.add_argument("--public", action="store_true", help="Only what the public may see.")

    def handle(self, *args, query, type, sort, format, limit, cursor, public, **options):
        query = " ".join(query)
        result = search_run(query=query, kind=type, sort=sort, cursor=cursor, page_size=limit, public_only=public)
        if format == "json":
            self.stdout.write(json.dumps(result_as_dict(result, query=query, kind=type), ensure_ascii=False, indent=2))
            return
        if result.notice:
            self.stdout.write(result.notice)
        self.stdout.write(f"{result.total_display} {type} ({result.backend})")
        for hit in result.hits:
            meta = " · ".join(part for part in (hit.outlet, hit.date, hit.extra.get("status", "")) if part)
            self.stdout.write(f"\n#{hit.object_id}  {strip_marks(hit.title)}  [{meta}]")
            for snippet in hit.snippets:
                self.stdout.write(f"    {_plain(snippet)}")
        if result.next_cursor:
            self.stdout.write(f"\nMore: --cursor {result.next_cursor}")
