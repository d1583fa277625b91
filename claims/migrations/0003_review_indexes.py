"""Indexes for the review queue's sort orders (keyset pagination on (key, id))."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("claims", "0002_default_rating_scale")]

    operations = [
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(fields=["-priority", "-id"], name="claim_priority_idx"),
        ),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(fields=["-score", "-id"], name="claim_score_idx"),
        ),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(fields=["-appearance_count", "-id"], name="claim_appearances_idx"),
        ),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(fields=["-created_at", "-id"], name="claim_newest_idx"),
        ),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(fields=["first_seen_at"], name="claim_first_seen_idx"),
        ),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(fields=["recurred_at"], name="claim_recurred_idx"),
        ),
    ]
