"""The polite, safe fetcher: one URL in, one ``FetchResult`` out, or a one-line ``FetchError``.

Every hop (the first request and each redirect) passes the SSRF guard before any connection,
and the network backend checks the address again when it connects. Bodies are streamed raw,
decompressed by ``decoding`` under the byte cap, and decoded to text with a charset the bytes
agree with. Requests to one host are throttled; robots.txt is obeyed when the settings say so.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from crosswire.ingest.decoding import ACCEPT_ENCODING, decode_body, decode_text
from crosswire.ingest.errors import (
    ConnectionFailedError,
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    RedirectError,
    RobotsDisallowedError,
    TooLargeError,
    UnsafeURLError,
)
from crosswire.ingest.netguard import deadline, guarded_transport
from crosswire.ingest.politeness import HostThrottle, RobotsCache
from crosswire.ingest.safety import IPNetwork, Resolver, settings_policy
from crosswire.settings import Settings

__all__ = [
    "FetchError",
    "FetchResult",
    "Fetcher",
    "UnsafeURLError",
]

log = logging.getLogger(__name__)

ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/feed+json,application/json;q=0.9,application/xml;q=0.9,*/*;q=0.8"
)
ROBOTS_CAP = 500_000
DRAIN_CAP = 64 * 1024  # a redirect's or error's body read and dropped, up to this size


@dataclass
class FetchResult:
    url: str  # the final URL, after redirects
    status: int
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""
    text: str = ""
    encoding: str | None = None
    not_modified: bool = False
    redirects: list[str] = field(default_factory=list)  # the URLs redirected from

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")


class Fetcher:
    """Thread-safe; share one per process. ``close()`` when done (or use ``with``)."""

    def __init__(
        self,
        settings: Settings,
        *,
        trusted: Iterable[str | IPNetwork] = (),
        resolver: Resolver | None = None,
    ) -> None:
        self.settings = settings
        self.policy = settings_policy(settings, trusted, resolver)
        self.throttle = HostThrottle(settings.per_host_delay, settings.per_host_concurrency)
        self.robots = RobotsCache(settings.user_agent, self._fetch_robots)
        timeout = httpx.Timeout(
            connect=settings.connect_timeout,
            read=settings.read_timeout,
            write=settings.read_timeout,
            pool=settings.total_timeout,
        )
        self._client = httpx.Client(
            transport=guarded_transport(self.policy, max(settings.fetch_concurrency, 1) * 2),
            timeout=timeout,
            follow_redirects=False,
            trust_env=False,
            headers={
                "User-Agent": settings.user_agent,
                "Accept": ACCEPT,
                "Accept-Encoding": ACCEPT_ENCODING,
            },
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def check_url(self, url: str) -> None:
        """The SSRF guard with this fetcher's policy (raises ``UnsafeURLError``)."""
        self.policy.check_url(url)

    # the public call ---------------------------------------------------------------------
    def fetch(
        self,
        url: str,
        etag: str | None = None,
        last_modified: str | None = None,
        *,
        robots: bool = True,
        max_bytes: int | None = None,
    ) -> FetchResult:
        """GET ``url`` following redirects safely; conditional when validators are given."""
        cap = max_bytes or self.settings.max_body_bytes
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        seen: list[str] = []
        current = url
        with deadline(self.settings.total_timeout):
            while True:
                self.policy.check_url(current)
                if robots and self.settings.respect_robots and not self.robots.allowed(current):
                    raise RobotsDisallowedError(f"robots.txt disallows {current}")
                seen.append(current)
                result = self._get(current, headers, cap)
                if result.status not in (301, 302, 303, 307, 308):
                    break
                current = self._next_hop(current, result, seen)
        result.redirects = seen[:-1]
        if result.status == 304:
            result.not_modified = True
            return result
        if result.status >= 400:
            raise HTTPStatusError(f"HTTP {result.status} from {result.url}", result.status)
        result.text, result.encoding = decode_text(result.body, result.headers.get("content-type"))
        return result

    def _next_hop(self, current: str, result: FetchResult, seen: list[str]) -> str:
        location = result.headers.get("location")
        if not location:
            raise RedirectError(f"HTTP {result.status} without a Location from {current}")
        target = urljoin(current, location.strip())
        if target in seen:
            raise RedirectError(f"redirect loop: {current} -> {target}")
        if len(seen) > self.settings.max_redirects:
            raise RedirectError(f"more than {self.settings.max_redirects} redirects from {seen[0]}")
        return target

    # one hop -----------------------------------------------------------------------------
    def _get(self, url: str, headers: dict[str, str], cap: int) -> FetchResult:
        host = urlsplit(url).hostname or ""
        with self.throttle.slot(host):
            try:
                with self._client.stream("GET", url, headers=headers) as response:
                    declared = response.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > cap and response.status_code < 300:
                        raise TooLargeError(f"body larger than {cap} bytes (Content-Length)")
                    body = b""
                    if response.status_code < 300:
                        body = decode_body(
                            response.iter_raw(),
                            response.headers.get("content-encoding", ""),
                            cap,
                        )
                    else:
                        _drain(response)
                    return FetchResult(
                        url=str(response.url),
                        status=response.status_code,
                        headers={k.lower(): v for k, v in response.headers.items()},
                        body=body,
                    )
            except httpx.TimeoutException as exc:
                raise FetchTimeoutError(f"timed out fetching {url}: {_why(exc)}") from exc
            except (httpx.TransportError, httpcore.NetworkError) as exc:
                raise ConnectionFailedError(f"cannot fetch {url}: {_why(exc)}") from exc
            except httpx.InvalidURL as exc:
                raise UnsafeURLError(f"refused: invalid URL {url!r}: {exc}") from exc

    def _fetch_robots(self, robots_url: str) -> tuple[int, str]:
        try:
            result = self.fetch(robots_url, robots=False, max_bytes=ROBOTS_CAP)
        except HTTPStatusError as exc:
            return exc.status, ""
        return result.status, result.text


def _drain(response: httpx.Response) -> None:
    """Read and drop a short body (a 404 page, a redirect's note) so that the connection is
    kept, or closed with nothing left unread; a socket closed with unread bytes sends the
    server a reset instead of an orderly close. A longer body is cut off with the connection."""
    read = 0
    try:
        for chunk in response.iter_raw():
            read += len(chunk)
            if read > DRAIN_CAP:
                return
    except (httpx.TransportError, httpcore.NetworkError):
        return  # the status is the answer; a body that fails to arrive does not change it


def _why(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text and text[0] else type(exc).__name__
