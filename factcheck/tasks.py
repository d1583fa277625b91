"""Enqueueing that survives a broker outage: the database row is the outbox.

Every task is enqueued after commit. If the broker cannot be reached the work is not lost:
the row stays in its pending state and a reconcile task enqueues it again later.
"""

import logging

from celery import Task
from django.db import transaction
from kombu.exceptions import OperationalError as KombuOperationalError
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

BROKER_ERRORS = (KombuOperationalError, RedisError, ConnectionError, TimeoutError, OSError)


def enqueue_now(task: Task, *args) -> bool:
    """Send a task; on broker failure log and return False instead of failing the caller."""
    try:
        task.apply_async(args=args)
    except BROKER_ERRORS as exc:
        logger.warning("could not enqueue %s%r, left for reconcile: %s", task.name, args, exc)
        return False
    return True


def enqueue_on_commit(task: Task, *args) -> None:
    """Send a task once the current transaction commits (at once when there is none)."""
    transaction.on_commit(lambda: enqueue_now(task, *args))
