"""The default rating scale. Created by a migration and re-created after a database flush."""

# (label, slug, ClaimReview value, colour)
DEFAULT_SCALE = {"name": "Default", "best_value": 5, "worst_value": 1}
DEFAULT_RATINGS = [
    ("True", "true", 5, "#1a7f37"),
    ("Mostly true", "mostly-true", 4, "#4c9a2a"),
    ("Half true", "half-true", 3, "#b08800"),
    ("Mostly false", "mostly-false", 2, "#d4661b"),
    ("False", "false", 1, "#cf222e"),
    ("Misleading", "misleading", 2, "#8250df"),
    ("Unproven", "unproven", 3, "#6e7781"),
]


def ensure_default_scale(rating_scale_model, rating_model) -> None:
    """Create the default scale and its ratings if missing; never changes existing rows."""
    if rating_scale_model.objects.filter(is_default=True).exists():
        return
    scale, _ = rating_scale_model.objects.get_or_create(
        name=DEFAULT_SCALE["name"],
        defaults={
            "is_default": True,
            "best_value": DEFAULT_SCALE["best_value"],
            "worst_value": DEFAULT_SCALE["worst_value"],
        },
    )
    for order, (label, slug, value, colour) in enumerate(DEFAULT_RATINGS):
        rating_model.objects.get_or_create(
            scale=scale, slug=slug, defaults={"label": label, "value": value, "colour": colour, "order": order}
        )
