"""Why a page could not be read, in words a reader knows ("We could not reach
news.example: …"), for forms such as /submit. The technical line ("[Errno -2] Name or
service not known") stays in the submission's record and the log, for administrators."""

from __future__ import annotations

from urllib.parse import urlsplit

from crosswire.extract.article import ExtractionError
from crosswire.ingest.errors import (
    ConnectionFailedError,
    FetchTimeoutError,
    HTTPStatusError,
    RedirectError,
    RobotsDisallowedError,
    TooLargeError,
    UnsafeURLError,
)


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or "the site"
    except ValueError:
        return "the site"


def _status(status: int, host: str) -> str:
    if status in (404, 410):
        return f"{host} says there is no such page (error {status}). Check the address."
    if status in (401, 403, 451):
        return f"{host} did not let us read this page (error {status})."
    if status == 429:
        return f"{host} asked us to slow down (error 429). Try again in a few minutes."
    if status >= 500:
        return f"{host} had a problem answering (error {status}). Try again later."
    return f"{host} answered with error {status} instead of the page."


def reader_message(error: Exception, url: str) -> str:
    """One or two plain sentences on why ``url`` gave no article."""
    host = _host(url)
    if isinstance(error, ConnectionFailedError):
        return (
            f"We could not reach {host}. Check the address for typing mistakes; "
            "if it is right, the site may be down or this server may be offline."
        )
    if isinstance(error, FetchTimeoutError):
        return f"{host} took too long to answer. Try again later."
    if isinstance(error, HTTPStatusError):
        return _status(error.status, host)
    if isinstance(error, RobotsDisallowedError):
        return f"{host} asks programs like this one not to read that page, so we do not."
    if isinstance(error, TooLargeError):
        return "That page is too large to read as a news article."
    if isinstance(error, RedirectError):
        return "That address sends us round in circles; try the article's own address."
    if isinstance(error, UnsafeURLError):
        if "address" in str(error):
            return (
                "That address is refused: it points into a private or local network, "
                "which this site does not visit."
            )
        return "That is not a web address we can read; it should start with https://."
    if isinstance(error, ExtractionError):
        return "We read the page but found no article in it. Is it a news article's page?"
    return "We could not read that page. Try again later."
