"""The full-text structures of the database search backends, for the database in use.

SQLite: an FTS5 table over search_entry (external content), kept in sync by triggers.
PostgreSQL: a `fc_search` text search configuration (English stemming, accents folded by
unaccent when the extension can be created), a generated tsvector column and its GIN index.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS search_entry_fts USING fts5(
        title, body, content='search_entry', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS search_entry_ai AFTER INSERT ON search_entry BEGIN
        INSERT INTO search_entry_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_entry_ad AFTER DELETE ON search_entry BEGIN
        INSERT INTO search_entry_fts(search_entry_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_entry_au AFTER UPDATE OF title, body ON search_entry BEGIN
        INSERT INTO search_entry_fts(search_entry_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO search_entry_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_entry_au",
    "DROP TRIGGER IF EXISTS search_entry_ad",
    "DROP TRIGGER IF EXISTS search_entry_ai",
    "DROP TABLE IF EXISTS search_entry_fts",
]

PG_VECTOR = [
    """ALTER TABLE search_entry ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('fc_search', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('fc_search', coalesce(body, '')), 'B')) STORED""",
    "CREATE INDEX search_entry_vector ON search_entry USING gin (vector)",
    # Keep heap rows small (filter and facet columns only): the long body and the vector move to
    # TOAST, so a scan collecting the capped matches for counts and facets reads few pages.
    "ALTER TABLE search_entry SET (toast_tuple_target = 128)",
    "ALTER TABLE search_entry ALTER COLUMN body SET STORAGE EXTERNAL",
]
PG_BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_vector",
    "ALTER TABLE search_entry DROP COLUMN IF EXISTS vector",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS fc_search",
]


def _postgres_forward(cursor) -> None:
    # unaccent needs CREATE EXTENSION rights; without them accents are simply not folded.
    try:
        cursor.execute("SAVEPOINT fc_unaccent")
        cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        cursor.execute("RELEASE SAVEPOINT fc_unaccent")
        has_unaccent = True
    except Exception:
        cursor.execute("ROLLBACK TO SAVEPOINT fc_unaccent")
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'unaccent'")
        has_unaccent = cursor.fetchone() is not None
    cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = 'fc_search'")
    if cursor.fetchone() is None:
        cursor.execute("CREATE TEXT SEARCH CONFIGURATION fc_search (COPY = english)")
        if has_unaccent:
            cursor.execute(
                "ALTER TEXT SEARCH CONFIGURATION fc_search "
                "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem"
            )
    for statement in PG_VECTOR:
        cursor.execute(statement)


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        if vendor == "sqlite":
            for statement in SQLITE_FORWARD:
                cursor.execute(statement)
        elif vendor == "postgresql":
            _postgres_forward(cursor)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE_BACKWARD, "postgresql": PG_BACKWARD}.get(vendor, [])
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
