"""Comment bodies: everything escaped, http(s) links linked with nofollow ugc, paragraphs."""

from __future__ import annotations

import pytest

from crosswire.web.comment_text import clean_comment, render_comment


@pytest.mark.parametrize(
    ("body", "html"),
    [
        ("<b>hi</b> & bye", "<p>&lt;b&gt;hi&lt;/b&gt; &amp; bye</p>"),
        (
            "see https://a.example/x?y=1&z=2.",
            '<p>see <a href="https://a.example/x?y=1&amp;z=2" rel="nofollow ugc noopener">'
            "https://a.example/x?y=1&amp;z=2</a>.</p>",
        ),
        (
            "(https://en.example/wiki/Foo_(bar))",
            '<p>(<a href="https://en.example/wiki/Foo_(bar)" rel="nofollow ugc noopener">'
            "https://en.example/wiki/Foo_(bar)</a>)</p>",
        ),
        ('http://x.example/"onmouseover="alert(1)', None),
        ("javascript:alert(1) data:text/html,<script>", None),
        ("one\ntwo\n\n\nthree", "<p>one<br>two</p><p>three</p>"),
    ],
)
def test_render_comment(body, html):
    out = str(render_comment(body))
    if html is not None:
        assert out == html
    assert "<script" not in out and 'href="javascript' not in out and '"onmouseover' not in out


def test_clean_comment():
    assert clean_comment("  hi \x00 ") == "hi"
    for bad in ("", "   \n ", "x" * 10_001):
        with pytest.raises(ValueError):
            clean_comment(bad)
