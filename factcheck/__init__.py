"""The fact-checking workbench project: settings, URLs, Celery app and shared infrastructure."""

from factcheck.celery import app as celery_app

__all__ = ("celery_app",)
