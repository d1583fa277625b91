from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_defaults(sender, **kwargs) -> None:
    """After migrate or a flush: the default rating scale and the role groups exist."""
    from django.contrib.auth.models import Group

    from claims.models import Rating, RatingScale
    from claims.ratings import ensure_default_scale
    from factcheck.roles import ALL_GROUPS

    ensure_default_scale(RatingScale, Rating)
    for name in ALL_GROUPS:
        Group.objects.get_or_create(name=name)


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims"

    def ready(self) -> None:
        from claims import receivers  # noqa: F401  (connects signal receivers)

        post_migrate.connect(_ensure_defaults, sender=self, dispatch_uid="claims.ensure_defaults")
