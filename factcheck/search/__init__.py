"""Full-text search over sources and claims, with a backend chosen from settings.

`get_backend()` works like Django's cache framework: SEARCH_BACKEND names a backend
("sqlite", "postgres", "elasticsearch" or a dotted path to a SearchBackend class); empty means
the database's own full-text search. See docs/search.md.
"""

from __future__ import annotations

from functools import lru_cache

BACKENDS = {
    "sqlite": "factcheck.search.backends.database.SqliteBackend",
    "postgres": "factcheck.search.backends.database.PostgresBackend",
    "elasticsearch": "factcheck.search.backends.elasticsearch.ElasticsearchBackend",
}


def default_backend_name() -> str:
    from django.db import connection

    return "postgres" if connection.vendor == "postgresql" else "sqlite"


def get_backend(name: str | None = None):
    """The configured backend (or the one named), built once per name and settings."""
    from django.conf import settings

    name = name or settings.SEARCH_BACKEND or default_backend_name()
    return _build(name, settings.ELASTICSEARCH_URL, settings.SEARCH_INDEX_PREFIX)


@lru_cache(maxsize=8)
def _build(name: str, es_url: str, prefix: str):
    from django.utils.module_loading import import_string

    cls = import_string(BACKENDS.get(name, name))
    return cls(url=es_url, prefix=prefix)
