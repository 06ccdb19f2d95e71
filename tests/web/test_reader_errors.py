"""Why a submitted page gave no article, in words a reader knows: never the socket's
"[Errno -2] Name or service not known"."""

from __future__ import annotations

import pytest

from crosswire.extract.article import ExtractionError
from crosswire.ingest.errors import (
    ConnectionFailedError,
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    RobotsDisallowedError,
    UnsafeURLError,
)
from crosswire.web.reader_errors import reader_message

URL = "https://news.example/2014/bridge"


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (
            ConnectionFailedError("cannot resolve host 'news.example': [Errno -2] Name or service"),
            "We could not reach news.example",
        ),
        (FetchTimeoutError("timed out fetching x: ReadTimeout"), "took too long"),
        (HTTPStatusError("HTTP 404 from x", 404), "no such page (error 404)"),
        (HTTPStatusError("HTTP 503 from x", 503), "Try again later"),
        (RobotsDisallowedError("robots.txt disallows x"), "asks programs like this one"),
        (UnsafeURLError("refused: 10.0.0.1 is a private address"), "private or local network"),
        (ExtractionError("no text"), "found no article"),
        (FetchError("corrupt compressed body: Error -3"), "could not read that page"),
    ],
)
def test_errors_in_plain_words(error, words):
    message = reader_message(error, URL)
    assert words in message
    assert "Errno" not in message and "HTTP " not in message and "robots.txt" not in message
