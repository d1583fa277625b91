from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "factcheck.search"
    label = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        from factcheck.search import receivers  # noqa: F401  (connects signal receivers)
