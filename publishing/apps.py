from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "publishing"
    verbose_name = "Publishing and webhooks"

    def ready(self) -> None:
        from publishing import receivers  # noqa: F401  (connects signal receivers)
