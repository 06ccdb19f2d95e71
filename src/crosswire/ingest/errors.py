"""Errors of the ingestion stage; every message is one line a user can act on."""

from __future__ import annotations


class FetchError(Exception):
    """A URL could not be fetched. ``str(error)`` is one line."""


class UnsafeURLError(FetchError):
    """The URL is malformed, uses another scheme than http(s), or points at an address the
    SSRF guard refuses (loopback, private, link-local, multicast, reserved)."""


class FetchTimeoutError(FetchError):
    """Connecting, reading or the whole fetch took longer than allowed."""


class TooLargeError(FetchError):
    """The body (after decompression) is larger than ``max_body_bytes``."""


class RedirectError(FetchError):
    """Too many redirects, a redirect loop, or a redirect without a usable target."""


class RobotsDisallowedError(FetchError):
    """robots.txt disallows our User-Agent from this URL."""


class HTTPStatusError(FetchError):
    """The server answered with an error status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class ConnectionFailedError(FetchError):
    """The server could not be reached (DNS, refused, reset, TLS)."""


class FeedError(Exception):
    """A fetched document is not a feed we can read (malformed, hostile, empty)."""
