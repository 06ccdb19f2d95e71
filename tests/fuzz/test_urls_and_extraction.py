"""Fuzz URL normalisation and article extraction with hostile pages.

``normalise_url`` and ``canonicalise_url`` never raise on a string and are idempotent (a
normalised URL normalises to itself, so two links to one page compare equal however often
they pass through); ``extract_article`` returns an Article or raises ``ExtractionError``;
the text helpers always return text."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from crosswire.extract.article import ExtractionError, canonical_url, extract_article
from crosswire.extract.credits import find_credit
from crosswire.extract.language import detect_language
from crosswire.extract.text import plain_text
from crosswire.models import Article
from crosswire.urls import canonicalise_url, normalise_url
from tests.fuzz.profile import fuzz

pytestmark = pytest.mark.timeout(600)

url_pieces = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "http://", "https://", "HTTPS://", "WWW.", "Example.COM", ":443", ":80", ":8080",
            ":99999", ":x", "[::1]", "[", "]", "/", "//", "?", "&", "=", "#frag", "utm_source=x",
            "fbclid=1", "a=1", "%20", "%zz", "..", ".", "\u3002", "\x00", " ", "@", "ß", "☃",
        ]
    ),
)  # fmt: skip
urlish = st.lists(url_pieces, max_size=8).map("".join)


@fuzz(share=3)
@given(urlish)
def test_normalise_url_never_raises_and_is_idempotent(url):
    try:
        once = normalise_url(url)
        web = url.strip().lower().startswith(("http://", "https://")) and urlsplit(url).hostname
    except ValueError:
        return  # documented: not a URL (a bad port or an unclosed IPv6 bracket)
    if web:  # a web URL with a host: what the function is for
        assert normalise_url(once) == once


@fuzz(share=3)
@given(urlish)
@example("HTTP://WWW.")
@example("https://[::]/")
@example("HTTP://0/ /")
@example("http://a.example:port/")
@example("http://[::1/")
def test_canonicalise_url_never_raises_and_is_idempotent(url):
    once = canonicalise_url(url)
    assert once is None or canonicalise_url(once) == once


@fuzz(share=2)
@given(st.one_of(st.none(), urlish), st.one_of(st.none(), urlish))
@example("http://[::1", "https://a.example/")
@example("http://a.example:99999/", "https://a.example/")
def test_canonical_url_of_a_page_never_raises(declared, fetched):
    result = canonical_url(declared, fetched)
    assert result is None or isinstance(result, str)


hostile_fragments = st.sampled_from(
    [
        "<script>document.write('<p>x')</script>", "<style>p{}</style>", "<!--", "-->",
        "<![CDATA[", "<p>", "</p>", "<div>", "</div>", "<article>", "</article>", "<table><tr>",
        '<link rel="canonical" href="http://[::1">', '<link rel=canonical href="javascript:x">',
        '<link rel="canonical" href="//other.example/a">', "<html lang=zz>", '<html lang="">',
        '<meta property="article:published_time" content="9999-99-99">',
        '<meta name="author" content="<b>x</b>">', "<title></title>", "<h1>", "&#0;", "&#x110000;",
        "\x00", "\ufeff", "\u202e", "<svg onload=alert(1)>", "<iframe src=x>", "<base href=x>",
        "This article originally appeared on The Harbour Ledger.", "(Reuters) - ", "AP —",
    ]
)  # fmt: skip
sentences = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=120
)


@st.composite
def pages(draw) -> str:
    parts = draw(st.lists(st.one_of(hostile_fragments, sentences), max_size=25))
    prose = " ".join(["The council met on Tuesday to decide on the new harbour wall."] * 3)
    if draw(st.booleans()):
        parts.insert(draw(st.integers(0, len(parts))), f"<p>{prose}</p>")
    return "".join(parts)


@fuzz(share=0.7, deadline_seconds=20)  # trafilatura: slow on a busy machine
@given(pages(), st.one_of(st.none(), urlish))
@example("", "\n")
def test_extract_article_returns_an_article_or_an_extraction_error(html, url):
    try:
        article = extract_article(html, url)
    except ExtractionError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert isinstance(article, Article)
    assert isinstance(article.title, str) and isinstance(article.text, str)
    assert article.published_at is None or article.published_at.tzinfo is not None
    if url is None or url.startswith(("http://", "https://")):
        assert article.canonical_url is None or article.canonical_url.startswith("http")


@fuzz(share=2)
@given(st.one_of(st.none(), sentences, pages()))
@example("<SCRIPT></SCRIPT>\x1f")
@example("<HTML><p>a</p><html>")
def test_text_helpers_always_return_text(fragment):
    assert isinstance(plain_text(fragment), str)
    credit, rest = find_credit(fragment or "")
    assert isinstance(rest, str)
    language = detect_language(fragment or "")
    assert language is None or isinstance(language, str)
