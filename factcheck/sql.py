"""Helpers for the raw SQL that hot paths write by hand."""

from __future__ import annotations

from collections.abc import Iterable


def int_array(values: Iterable[int]) -> str:
    """An integer array parameter as its PostgreSQL literal (`'{1,2,3}'`, cast in the statement): Django binds
    parameters on the client, and psycopg dumps a Python list element by element in Python (~0.8 µs a value; a
    batch's key lookup has thousands), while `str` of an int is done in C."""
    return "{" + ",".join(map(str, values)) + "}"
