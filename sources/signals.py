"""Signals sources sends, so that other apps can react without sources importing them."""

from django.dispatch import Signal

# Sent inside the storing transaction with `source=`; receivers enqueue with on_commit.
source_stored = Signal()

# Sent after commit with `source_ids=`: the new sources, several at once inside `sources_announced_together`
# (a folder, a bulk request, a feed poll), so that their extraction runs in batches.
sources_committed = Signal()
