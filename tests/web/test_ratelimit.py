"""The sliding window: a limit counts hits in the last SECONDS, per key."""

from __future__ import annotations

import pytest

from crosswire.web.ratelimit import Limit, RateLimiter, RateLimitExceeded


def test_sliding_window_per_key():
    now = [1000.0]
    limiter = RateLimiter(clock=lambda: now[0])
    limit = Limit.parse("2/60")
    assert limiter.hit("a", limit) == 0 and limiter.hit("a", limit) == 0
    assert limiter.hit("a", limit) == pytest.approx(60)
    assert limiter.hit("b", limit) == 0  # another key has its own window
    now[0] += 30
    assert limiter.hit("a", limit) == pytest.approx(30)
    now[0] += 30.5  # the first two hits have left the window
    assert limiter.hit("a", limit) == 0


def test_check_raises_429_with_retry_after():
    limiter = RateLimiter(clock=lambda: 5.0)
    limit = Limit(1, 10)
    limiter.check("comment", limit, "ip:1", "user:7")
    with pytest.raises(RateLimitExceeded) as raised:
        limiter.check("comment", limit, "ip:2", "user:7")  # same user, other address
    assert raised.value.status_code == 429 and raised.value.headers == {"Retry-After": "11"}


@pytest.mark.parametrize("text", ["", "5", "x/10", "0/10", "5/0", "-1/5"])
def test_bad_limits_are_refused(text):
    with pytest.raises(ValueError, match="COUNT/SECONDS"):
        Limit.parse(text)
