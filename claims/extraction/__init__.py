"""Claim extraction: plain Python, text in and dataclasses out. No Django, no database."""

from claims.extraction.pipeline import ExtractedClaim, extract

__all__ = ["ExtractedClaim", "extract"]
