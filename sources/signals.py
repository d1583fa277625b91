"""Signals sources sends, so that other apps can react without sources importing them."""

from django.dispatch import Signal

# Sent inside the storing transaction with `source=`; receivers enqueue with on_commit.
source_stored = Signal()
