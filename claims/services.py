"""Writes for claims: extraction results, and the audit trail every state change leaves."""

from __future__ import annotations

import logging

from claims.models import Claim, ReviewEvent, Verdict
from claims.signals import review_event_recorded
from sources.models import Source
from sources.services import source_mark_extraction

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
    event = ReviewEvent.objects.create(
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
    review_event_recorded.send(sender=ReviewEvent, event=event)
    return event


def source_extract_claims(*, source_id: int) -> str:
    """Run claim extraction on one stored source. Safe to run twice; quiet if the source is gone."""
    source = Source.objects.filter(pk=source_id, status=Source.Status.STORED).first()
    if source is None:
        return "gone"
    source_mark_extraction(source_id=source.pk)
    return "done"
