"""One URL module, two questions: the same link (extraction) and the same article (dedup)."""

from __future__ import annotations

import pytest

from crosswire.urls import canonicalise_url, is_tracking, normalise_url

pytestmark = pytest.mark.timeout(30)


def test_two_links_can_be_one_article():
    plain, secure = "http://www.example.com/a/?b=2&a=1", "https://example.com/a?a=1&b=2"
    assert normalise_url(plain) != normalise_url(secure)  # two links …
    assert canonicalise_url(plain) == canonicalise_url(secure)  # … to one article


def test_tracking_parameters_go_by_each_question_own_list():
    assert is_tracking("UTM_source") and is_tracking("src") and not is_tracking("id")
    url = "https://example.com/a?src=rss&fbclid=1&id=3"
    assert normalise_url(url) == "https://example.com/a?id=3"
    assert canonicalise_url(url) == "https://example.com/a?id=3&src=rss"


def test_only_web_urls_have_an_article_identity():
    assert canonicalise_url("mailto:x@example.com") is None
    assert canonicalise_url("https://www./") is None
    with pytest.raises(ValueError):
        normalise_url("http://[::1")
