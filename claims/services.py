"""Writes for claims: extraction results, and the audit trail every state change leaves."""

from __future__ import annotations

import logging

from claims.models import Claim, ReviewEvent, Verdict

logger = logging.getLogger(__name__)


def review_event_record(
    *,
    claim: Claim | None,
    action: str,
    actor=None,
    actor_label: str = "",
    from_state: str = "",
    to_state: str = "",
    note: str = "",
    verdict: Verdict | None = None,
    data: dict | None = None,
) -> ReviewEvent:
    """Write one audit row. `actor` is a user; other actors (task, command, API key) use `actor_label`."""
    user = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    return ReviewEvent.objects.create(
        claim=claim,
        verdict=verdict,
        actor=user,
        actor_label=actor_label[:200],
        action=action,
        from_state=from_state,
        to_state=to_state,
        note=note,
        data=data or {},
    )


# Extraction lives in its own module; re-exported so callers keep `from claims.services import ...`.
from claims.extraction_service import claim_priority, source_extract_claims  # noqa: E402

__all__ = ["claim_priority", "review_event_record", "source_extract_claims"]
