"""Signals claims sends. Every audited change is announced once, after its audit row is written,
so search indexing and webhooks follow the audit trail instead of hooking each service."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.dispatch import Signal

# Sent inside the transaction with `event=` (a ReviewEvent); receivers act with on_commit.
review_event_recorded = Signal()

# The same for many events at once (extraction writes them in bulk), with `events=` (a list of ReviewEvent).
review_events_recorded = Signal()

# Sent with `claim_ids=` when claims change in bulk (extraction, merges) without a save() per claim,
# so the search index can follow. Extraction also sends `new_claims=`: {id: NewClaimRow} of the claims it has just
# created, whose documents need no read-back (all they are made of is in memory).
claims_changed = Signal()


@dataclass(frozen=True)
class NewClaimRow:
    """What a claim's document is made of, for a claim just created (extraction): its row and, in the order the
    database gives them (by the source's published_at, then appearance id), its appearances' sentences and the first
    one's source language and outlet."""

    text: str
    claimant: str
    status: str
    claim_type: str
    first_seen_at: datetime | None
    created_at: datetime
    sentences: list[str]
    language: str
    outlet: str
    domain: str
