"""Signals claims sends. Every audited change is announced once, after its audit row is written,
so search indexing and webhooks follow the audit trail instead of hooking each service."""

from django.dispatch import Signal

# Sent inside the transaction with `event=` (a ReviewEvent); receivers act with on_commit.
review_event_recorded = Signal()

# The same for many events at once (extraction writes them in bulk), with `events=` (a list of ReviewEvent).
review_events_recorded = Signal()

# Sent with `claim_ids=` when claims change in bulk (extraction, merges) without a save() per claim,
# so the search index can follow.
claims_changed = Signal()
