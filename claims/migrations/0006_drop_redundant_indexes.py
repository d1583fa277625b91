# Four indexes that another index of the same table begins with: every one is written for each row extraction stores.
# The foreign keys keep their constraints; only their indexes go (plain DROP INDEX on both backends: no table rebuild
# on SQLite, no re-validation of the constraints on PostgreSQL).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

REDUNDANT = [
    # (index, table, columns): covered by
    ("claims_clai_created_015674_idx", "claims_claim", '"created_at" DESC'),  # claim_newest_idx (-created_at, -id)
    ("claims_claim_assignee_id_490d6049", "claims_claim", '"assignee_id"'),  # (assignee, status)
    ("claims_appearance_source_id_4626fe55", "claims_appearance", '"source_id"'),  # appearance_unique_span
    ("claims_matchsuggestion_claim_id_e8f933cd", "claims_matchsuggestion", '"claim_id"'),  # match_suggestion_unique_pair
]


class Migration(migrations.Migration):

    dependencies = [
        ('claims', '0005_claimkey_without_db_constraint'),
        ('sources', '0002_feeds'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    f'DROP INDEX IF EXISTS "{name}"',
                    reverse_sql=f'CREATE INDEX "{name}" ON "{table}" ({columns})',
                )
                for name, table, columns in REDUNDANT
            ],
            state_operations=[
                migrations.RemoveIndex(
                    model_name='claim',
                    name='claims_clai_created_015674_idx',
                ),
                migrations.AlterField(
                    model_name='appearance',
                    name='source',
                    field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='appearances', to='sources.source'),
                ),
                migrations.AlterField(
                    model_name='claim',
                    name='assignee',
                    field=models.ForeignKey(blank=True, db_index=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='assigned_claims', to=settings.AUTH_USER_MODEL),
                ),
                migrations.AlterField(
                    model_name='matchsuggestion',
                    name='claim',
                    field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='match_suggestions', to='claims.claim'),
                ),
            ],
        ),
    ]
