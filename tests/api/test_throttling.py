"""API rate limits: a newsroom tool over its rate gets 429 with Retry-After, others are unaffected,
and the limit holds across the edge of a window (no double burst)."""

import pytest
from rest_framework.test import APIClient

from factcheck.throttling import SlidingWindowMixin

pytestmark = pytest.mark.django_db


MINUTE = 60 * 16_667  # the start of a minute on the throttles' clock


class Clock:
    def __init__(self, now: float):
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock(MINUTE + 20.0)
    monkeypatch.setattr(SlidingWindowMixin, "timer", clock)
    return clock


@pytest.fixture
def rates(monkeypatch):
    rates = {"user": "3/min", "anon": "2/min"}
    monkeypatch.setattr(SlidingWindowMixin, "THROTTLE_RATES", rates)
    return rates


def key_client(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Api-Key {token}")
    return client


def test_a_key_over_its_rate_gets_429_and_others_carry_on(clock, rates, fact_checker, editor, make_key):
    tool, other = key_client(make_key(fact_checker, "read")), key_client(make_key(editor, "read"))
    assert [tool.get("/api/v1/claims/").status_code for _ in range(3)] == [200, 200, 200]
    refused = tool.get("/api/v1/claims/")
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "throttled"
    assert int(refused["Retry-After"]) == 40  # when this minute ends
    assert other.get("/api/v1/claims/").status_code == 200
    assert APIClient().get("/api/v1/fact-checks/").status_code == 200


def test_the_previous_window_still_counts_at_the_start_of_the_next(clock, rates, fact_checker, make_key):
    rates["user"] = "10/min"
    tool = key_client(make_key(fact_checker, "read"))

    def statuses(count: int) -> list[int]:
        return [tool.get("/api/v1/claims/").status_code for _ in range(count)]

    clock.now = MINUTE + 50.0
    assert statuses(11) == [200] * 10 + [429]
    clock.now = MINUTE + 63.0  # 3 s into the next minute the last one still weighs 10 × 57/60
    assert statuses(2) == [200, 429]
    clock.now = MINUTE + 90.0  # half-way: 10 × 0.5 + 1
    assert statuses(5) == [200] * 4 + [429]
    clock.now = MINUTE + 300.0
    assert statuses(11) == [200] * 10 + [429]


def test_anonymous_callers_are_limited_by_address(clock, rates):
    public = APIClient()
    assert [public.get("/api/v1/fact-checks/").status_code for _ in range(3)] == [200, 200, 429]
    spoofed = APIClient(HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert spoofed.get("/api/v1/fact-checks/").status_code == 429  # a header does not make a new caller
    elsewhere = APIClient(REMOTE_ADDR="192.0.2.7")
    assert elsewhere.get("/api/v1/fact-checks/").status_code == 200
