"""In-process sliding-window rate limits, per client address and per user.

A limit is written ``"COUNT/SECONDS"`` (``"5/3600"``: five in any hour). Each process keeps
its own windows; behind several workers the effective limit is per worker.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from crosswire.web.security import PageError


@dataclass(frozen=True)
class Limit:
    count: int
    seconds: float

    @classmethod
    def parse(cls, text: str) -> Limit:
        count, _, seconds = text.partition("/")
        try:
            parsed = cls(int(count), float(seconds))
        except ValueError as exc:
            raise ValueError(f"not a rate limit (COUNT/SECONDS): {text!r}") from exc
        if parsed.count < 1 or parsed.seconds <= 0:
            raise ValueError(f"not a rate limit (COUNT/SECONDS): {text!r}")
        return parsed


class RateLimitExceeded(PageError):
    def __init__(self, action: str, retry_after: float) -> None:
        super().__init__(
            429,
            f"too many {action} attempts; try again in {int(retry_after) + 1} seconds",
            headers={"Retry-After": str(int(retry_after) + 1)},
        )


class RateLimiter:
    """Sliding windows of hit times, one per key."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()
        self._clock = clock

    def hit(self, key: str, limit: Limit) -> float:
        """Count one hit on ``key``; 0.0 when allowed, else seconds until the next is."""
        now = self._clock()
        with self._lock:
            window = self._hits.setdefault(key, deque())
            while window and window[0] <= now - limit.seconds:
                window.popleft()
            if len(window) >= limit.count:
                return window[0] + limit.seconds - now
            window.append(now)
            if len(self._hits) > 50_000:
                self._forget_idle(now, limit.seconds)
            return 0.0

    def _forget_idle(self, now: float, seconds: float) -> None:
        for key in [k for k, w in self._hits.items() if not w or w[-1] <= now - seconds]:
            del self._hits[key]

    def check(self, action: str, limit: Limit, *keys: str | None) -> None:
        """Count one ``action`` for each key (address, user …); raise 429 past the limit."""
        waits = [self.hit(f"{action}:{key}", limit) for key in keys if key]
        wait = max(waits, default=0.0)
        if wait > 0:
            raise RateLimitExceeded(action, wait)
