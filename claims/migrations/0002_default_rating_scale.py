from django.db import migrations

# (label, slug, ClaimReview value, colour)
DEFAULT_RATINGS = [
    ("True", "true", 5, "#1a7f37"),
    ("Mostly true", "mostly-true", 4, "#4c9a2a"),
    ("Half true", "half-true", 3, "#b08800"),
    ("Mostly false", "mostly-false", 2, "#d4661b"),
    ("False", "false", 1, "#cf222e"),
    ("Misleading", "misleading", 2, "#8250df"),
    ("Unproven", "unproven", 3, "#6e7781"),
]


def create_default_scale(apps, schema_editor):
    RatingScale = apps.get_model("claims", "RatingScale")
    Rating = apps.get_model("claims", "Rating")
    scale, _ = RatingScale.objects.get_or_create(
        name="Default", defaults={"is_default": True, "best_value": 5, "worst_value": 1}
    )
    for order, (label, slug, value, colour) in enumerate(DEFAULT_RATINGS):
        Rating.objects.get_or_create(
            scale=scale, slug=slug, defaults={"label": label, "value": value, "colour": colour, "order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial")]
    operations = [migrations.RunPython(create_default_scale, migrations.RunPython.noop)]
