"""Extraction plus what matching needs of each claim (features, index keys), for one text or for a batch of texts
in worker processes. No Django here either: worker processes import this module and nothing else of the project.
"""

from __future__ import annotations

import atexit
import gc
import multiprocessing
import multiprocessing.util
import threading
import traceback
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass

from claims.extraction.matching import Features, features, keys
from claims.extraction.pipeline import ExtractedClaim, extract


@dataclass
class Prepared:
    """An extracted claim with its matching features and index keys, computed before any lock is taken."""

    claim: ExtractedClaim
    feats: Features
    keys: list[int]


def prepare(text: str, *, threshold: float, outlet: str = "") -> list[Prepared]:
    prepared = []
    for claim in extract(text, threshold=threshold, outlet=outlet):
        feats = features(claim.text)
        prepared.append(Prepared(claim, feats, keys(feats)))
    return prepared


class ExtractionError(Exception):
    """Extraction raised on one text; `details` is the traceback as text (it may come from a worker process)."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details


def _prepare_or_error(args: tuple[str, str, float]) -> list[Prepared] | ExtractionError:
    text, outlet, threshold = args
    try:
        return prepare(text, threshold=threshold, outlet=outlet)
    except Exception as exc:
        # One odd article must not fail the others of its chunk: the error is returned, not raised.
        return ExtractionError(str(exc), traceback.format_exc())


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block; one collection of the young objects after it. Extraction and
    storing allocate tens to hundreds of thousands of objects per article or batch, and the young and full
    collections they triggered walked the process's whole heap (Django, the lexicons, the feature caches) again and
    again: ~0.5 ms of CPU per article. What the block leaves in cycles is bounded by it; the collector runs as usual
    once it is done. Already paused (by a caller, or another thread's batch): left so."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect(0)


def _prepare_in_worker(args: tuple[str, str, float]) -> list[Prepared] | ExtractionError:
    """_prepare_or_error in a pool process, with the cyclic GC paused for the article."""
    with gc_paused():
        return _prepare_or_error(args)


_pool: ProcessPoolExecutor | None = None
_pool_size = 0
_pool_lock = threading.Lock()


def _executor(processes: int) -> ProcessPoolExecutor:
    """The process pool, created on first use and kept: starting a process costs far more than an article.
    Processes come from a forkserver that has imported this module only (not Django, not the caller's state)."""
    global _pool, _pool_size
    with _pool_lock:
        if _pool is None or _pool_size != processes:
            if _pool is not None:
                _pool.shutdown()
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload([__name__])
            _pool, _pool_size = ProcessPoolExecutor(max_workers=processes, mp_context=context), processes
            # A process started by multiprocessing (a benchmark's worker, a task runner's child) does not run atexit
            # handlers: it joins its children at exit, and would wait forever for an idle pool. Stop the pool first.
            multiprocessing.util.Finalize(None, pool_shutdown, exitpriority=10)
        return _pool


def pool_shutdown() -> None:
    """Stop the worker processes (also done at exit). Nothing is pending between batches: they are terminated rather
    than joined."""
    global _pool
    with _pool_lock:
        if _pool is None:
            return
        processes = list((_pool._processes or {}).values())
        _pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(5)
        _pool = None


atexit.register(pool_shutdown)


def pool_pids() -> list[int]:
    """Process ids of the pool's workers (for CPU accounting in benchmarks)."""
    return list(getattr(_pool, "_processes", None) or {})


def prepare_many(
    articles: list[tuple[str, str]], *, threshold: float, processes: int = 1
) -> list[list[Prepared] | ExtractionError]:
    """`prepare` on every (text, outlet name) pair, in order; with processes > 1 spread over that many worker
    processes. Extraction is pure Python and CPU-bound: on N cores N processes extract N articles at a time. A text
    whose extraction raises gives an ExtractionError in its place."""
    jobs = [(text, outlet, threshold) for text, outlet in articles]
    if processes <= 1 or len(jobs) <= 1:
        return [_prepare_or_error(job) for job in jobs]
    chunk = max(1, len(jobs) // (processes * 4))
    return list(_executor(processes).map(_prepare_in_worker, jobs, chunksize=chunk))
