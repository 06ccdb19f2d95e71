"""Being a good guest: per-host concurrency and delay, and robots.txt."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser


class HostThrottle:
    """At most ``concurrency`` requests in flight per host, starts ``delay`` seconds apart."""

    def __init__(self, delay: float, concurrency: int) -> None:
        self.delay = max(delay, 0.0)
        self.concurrency = max(concurrency, 1)
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._next_start: dict[str, float] = {}

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        with self._lock:
            sem = self._slots.setdefault(host, threading.BoundedSemaphore(self.concurrency))
        sem.acquire()
        try:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next_start.get(host, 0.0))
                self._next_start[host] = start + self.delay
            if start > now:
                time.sleep(start - now)
            yield
        finally:
            sem.release()


RobotsFetch = Callable[[str], tuple[int, str]]  # robots.txt URL -> (status, text)


class _Robots(RobotFileParser):
    """The standard parser, with the two flags it sets and reads but does not declare."""

    disallow_all: bool
    allow_all: bool


class RobotsCache:
    """robots.txt per origin, kept for ``ttl`` seconds (RFC 9309 semantics: a missing file
    (4xx) allows everything, a server error (5xx) disallows everything for now)."""

    def __init__(self, agent: str, fetch: RobotsFetch, ttl: float = 3600.0) -> None:
        self.agent = agent
        self._fetch = fetch
        self.ttl = ttl
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[float, RobotFileParser]] = {}

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            cached = self._cache.get(origin)
        if cached is None or time.monotonic() - cached[0] > self.ttl:
            parser = self._load(origin)
            with self._lock:
                self._cache[origin] = (time.monotonic(), parser)
        else:
            parser = cached[1]
        return parser.can_fetch(self.agent, url)

    def _load(self, origin: str) -> RobotFileParser:
        parser = _Robots(origin + "/robots.txt")
        try:
            status, text = self._fetch(origin + "/robots.txt")
        except Exception:  # noqa: BLE001 - unreachable robots.txt: the page fetch will tell
            status, text = 404, ""
        if status >= 500:
            parser.disallow_all = True
        elif status >= 400:
            parser.allow_all = True
        else:
            parser.parse(text.splitlines())
        return parser
