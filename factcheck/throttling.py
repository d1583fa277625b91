"""API rate limits that cost the same at the 1st and the 6,000th request of a minute.

DRF's own throttles keep every request's timestamp in one cached list, rewritten on each
request: at "6000/min" that is a list of 6,000 floats pickled and unpickled per request. These
count per window instead (two integers in the cache) and estimate the sliding window from the
current and the previous window, weighting the previous one by how much of it still overlaps:
the approach rate limiters at scale use, within a few percent of an exact sliding log.
"""

from __future__ import annotations

import math

from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle, UserRateThrottle


class SlidingWindowMixin(SimpleRateThrottle):
    def allow_request(self, request, view) -> bool:
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)
        if key is None:
            return True
        self.now = self.timer()
        window = int(self.now // self.duration)
        current, previous = f"{key}:{window}", f"{key}:{window - 1}"
        counts = self.cache.get_many([current, previous])
        overlap = 1 - (self.now % self.duration) / self.duration
        self.counts = counts.get(previous, 0), counts.get(current, 0)
        if self.counts[0] * overlap + self.counts[1] >= self.num_requests:
            return False
        # Kept for two windows: the next window still weighs this one.
        if not self.cache.add(current, 1, 2 * self.duration):
            try:
                self.cache.incr(current)
            except ValueError:  # expired between add and incr
                self.cache.add(current, 1, 2 * self.duration)
        return True

    def wait(self) -> float:
        """Seconds until the estimate is below the limit again (the API's Retry-After)."""
        previous, current = self.counts
        into, limit, duration = self.now % self.duration, self.num_requests, self.duration
        if current < limit:  # the previous window's weight has to fade enough
            seconds = duration * (1 - (limit - current) / previous) - into
        else:  # this window must end, then fade in turn
            seconds = duration - into + duration * (1 - limit / current)
        return max(1.0, math.ceil(seconds))


class AnonSlidingRateThrottle(SlidingWindowMixin, AnonRateThrottle):
    pass


class UserSlidingRateThrottle(SlidingWindowMixin, UserRateThrottle):
    pass
