"""Fixtures of sources tests: the local web servers that stand in for remote sites."""

from tests.webserver import canary, site  # noqa: F401
