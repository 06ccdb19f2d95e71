"""Fuzz the outlet resolver: any string gives a registry key (a lower-case ASCII domain,
perhaps with one path segment) or a one-line NotAnOutlet; never another exception."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from crosswire.outlets.registry import packaged_registry
from crosswire.outlets.resolve import NotAnOutlet, Resolver
from tests.fuzz.profile import fuzz

pytestmark = pytest.mark.timeout(600)
KEY = re.compile(r"^[a-z0-9_-]+(\.[a-z0-9_-]+)+(/[a-z0-9_-]+)?$")
RESOLVER = Resolver([o.domain for o in packaged_registry().outlets], packaged_registry().aliases)

pieces = st.one_of(
    st.text(max_size=10),
    st.sampled_from(
        [
            "http://", "https://", "ftp://", "//", "www.", "WWW.", "bbc", "bbci", ".co.uk",
            ".com", ".de", ".com.ar", "cnn", "edition.", "arabic.", "/mundo", "/ar/", ":8080",
            ":x", "[::1]", "[", "]", "@", "user:pw@", "?q=1", "#f", "%2F", "..", ".", "-",
            "_", "\u3002", "ß", "☃", "xn--", "\x00", " ", "\t", "10.0.0.1", "localhost",
        ]
    ),
)  # fmt: skip
addresses = st.lists(pieces, max_size=8).map("".join)


@fuzz(share=3)
@given(addresses)
@example("https://user:pw@Edition.CNN.com:8080/x")
@example("http://[::1")
@example("xn--.com")
@example("a" * 64 + ".com")
def test_any_string_is_an_outlet_key_or_a_clear_refusal(text: str):
    try:
        key = RESOLVER.resolve(text)
    except NotAnOutlet as exc:
        message = str(exc)
        assert message and "\n" not in message and len(message) < 300
        return
    assert KEY.match(key), key
    assert RESOLVER.resolve(key) == key  # a key resolves to itself


@fuzz()
@given(st.text(max_size=300))
def test_any_text_at_all(text: str):
    try:
        key = RESOLVER.resolve(text)
    except NotAnOutlet:
        return
    assert key == key.lower() and key.isascii()
