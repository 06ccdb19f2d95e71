"""``/submit`` over HTTP: the page is fetched through the safe fetcher from a loopback fixture
site (only 127.0.0.1 is trusted), extracted and put in a story that shows who submitted it;
a known URL points to its story; refused and malformed URLs re-render the form."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.app_server import (
    TestClient,
    community_site,  # noqa: F401 - the `site` fixture
    post,
    signup,
)
from tests.helpers.fixture_server import FixtureServer

PAGES = Path(__file__).parent / "pages"
XSS_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Ferry &lt;script&gt;alert(1)&lt;/script&gt; strike ends</title></head><body><article>
<h1>Ferry &lt;script&gt;alert(1)&lt;/script&gt; strike ends</h1>
<p>The ferry workers on the northern lakes ended their strike on Monday after the operator
agreed to hire twelve more deckhands and to shorten the longest shifts, the union said.</p>
<p>Services between the island villages resumed in the afternoon, and the operator said the
timetable would be back to normal by Wednesday. Travellers had waited for boats for a week.</p>
<p>The union had asked for safer crews since a deckhand was hurt during a storm in the spring.
The operator said the new staff would start before the winter timetable begins.</p>
</article></body></html>"""


def test_submit_fetches_extracts_and_credits_the_submitter(site):
    base, store, _ = site()
    with FixtureServer() as fixture_server, TestClient(base) as client:
        fixture_server.serve_dir(PAGES)
        fixture_server.route("/xss.html", body=XSS_PAGE, content_type="text/html; charset=utf-8")
        anonymous = client.get("/submit", follow_redirects=False)
        assert anonymous.status_code == 303
        assert anonymous.headers["location"] == "/login?next=/submit"
        signup(client, "ann")
        url = fixture_server.url("/outlet_one.html")
        done = post(client, "/submit", {"url": url})
        assert done.status_code == 303, done.text
        story_path = done.headers["location"]
        article = store.find_article(url=url)
        assert article is not None and article.story_id is not None
        assert story_path == f"/stories/{article.story_id}"
        page = client.get(story_path).text
        assert "Three soldiers killed in mountain pass ambush" in page
        assert "submitted by ann · just now" in page
        again = post(client, "/submit", {"url": url})
        assert again.status_code == 303 and again.headers["location"] == story_path
        assert "already here" in client.get(story_path).text
        assert store.count_articles() == 2  # the seeded article and this one
        # pages that cannot be read: the form again, saying why in plain words
        for bad, words in (
            (fixture_server.url("/no-such-page.html"), "says there is no such page (error 404)"),
            ("http://127.0.0.1:1/closed-port", "We could not reach 127.0.0.1"),
        ):
            failed = post(client, "/submit", {"url": bad})
            assert failed.status_code == 400 and words in failed.text, failed.text[-1500:]
            assert "Errno" not in failed.text and "HTTP 404" not in failed.text
        # a title with markup stays text
        xss = post(client, "/submit", {"url": fixture_server.url("/xss.html")})
        assert xss.status_code == 303, xss.text
        shown = client.get(xss.headers["location"]).text
        assert "<script>alert(1)" not in shown and "&lt;script&gt;alert(1)" in shown


def test_submit_refuses_unsafe_and_malformed_urls(site):
    base, store, _ = site()
    with TestClient(base) as client:
        signup(client, "ann")
        for url, message in (
            ("http://169.254.169.254/latest/meta-data/", "refused"),  # cloud metadata
            ("http://10.1.2.3/internal", "refused"),
            ("http://127.0.0.2:1/other-loopback", "refused"),  # not the trusted 127.0.0.1
            ("file:///etc/passwd", "http:// or https://"),
            ("javascript:alert(1)", "http:// or https://"),
            ("not a url", "http:// or https://"),
        ):
            refused = post(client, "/submit", {"url": url})
            assert refused.status_code == 400, url
            assert message in refused.text, (url, refused.text[-2000:])
            assert 'id="url"' in refused.text  # the form again, with its value escaped
        assert "javascript:alert(1)" in refused.text or "not a url" in refused.text
    assert store.count_articles() == 1
