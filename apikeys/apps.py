from django.apps import AppConfig


class ApiKeysConfig(AppConfig):
    name = "apikeys"
    verbose_name = "API keys"
    # The OpenAPI extension (apikeys.schema) is imported by factcheck.api_urls: importing it here
    # would load DRF's views before the project's API settings can be imported.
