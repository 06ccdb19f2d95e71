"""The reader side of the web app on a real SQLite file: front page (order, filters, cursor
pages), story, source and search pages, the JSON API, outgoing feeds, pictures, and hostile
text in titles, article texts and outlet names."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from crosswire.ingest.feeds import parse_feed
from crosswire.models import Article, Comment, Source, Submission, User, article_stamp
from crosswire.store import open_store
from crosswire.store.digest_json import digest_from_json
from tests.helpers.live_server import digests_current, live_server

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'
SVG_XSS = '"/><svg onload=alert(2)>'
CONTROL = "bad\x00\x01\x0b\x1fchars"
T0 = datetime(2026, 4, 2, 9, 0, tzinfo=UTC)


def art(n: int, source: str, title: str, lang: str = "en", hours: float = 0, **kw) -> Article:
    return Article(
        title=title,
        text=kw.pop("text", f"{title}. More words about it from {source}."),
        url=kw.pop("url", f"https://{source}/{n}"),
        source=source,
        language=lang,
        published_at=T0 + timedelta(hours=hours),
        **kw,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("reader")
    url = f"sqlite:///{root / 'crosswire.db'}"
    store = open_store(url)
    store.upsert_source(
        Source(domain="one.example", name="One " + XSS, country="GB", leaning="left")
    )
    store.upsert_source(
        Source(domain="deux.example", name="Deux", country="FR", language="fr", leaning="right")
    )
    # a hostile country reaches the spread chart, drawn from the outlets as known now
    store.upsert_source(Source(domain="three.example", name="Three", country="US" + SVG_XSS))
    add = lambda a: store.add_article(a)[0]  # noqa: E731
    a = add(art(1, "one.example", "Bridge closes " + XSS, text="Bridge text " + XSS + CONTROL))
    b = add(art(2, "deux.example", "Pont fermé " + SVG_XSS, "fr", hours=1))
    c = add(
        art(3, "three.example", "Bridge shut", hours=2, url="javascript:alert(3)", origin="wire")
    )
    d = add(art(4, "three.example", "Copy of bridge", hours=3, duplicate_of=None))
    store.mark_duplicate(d.id, a.id)
    bridge = store.create_story("Bridge closes", [a.id, b.id], T0 + timedelta(hours=1))
    merged = store.create_story("Bridge shut", [c.id, d.id], T0 + timedelta(hours=3))
    store.merge_stories(merged.id, bridge.id, T0 + timedelta(hours=3))
    digest = digest_from_json(
        {
            "headline": "Bridge closes " + XSS,
            "summary": [
                {
                    "text": "The bridge closed " + XSS + ". Second sentence.",
                    "article_id": a.id,
                    "source": "one.example",
                    "sources": ["one.example", "deux.example"],
                    "also_published_by": ["three.example"],
                    "evidence": [
                        {"source": "deux.example", "article_id": b.id, "sentence": "Le pont " + XSS}
                    ],
                    "one_side": "left",
                    "disputed": [
                        {
                            "kind": "casualty",
                            "topic": "workers",
                            "sides": [
                                {"claim": "killed " + XSS, "sources": ["one.example"]},
                                {"claim": "injured", "sources": ["deux.example"]},
                            ],
                        }
                    ],
                    "changed": [
                        {
                            "kind": "number",
                            "topic": "person",
                            "sides": [
                                {
                                    "claim": "12 people",
                                    "sources": ["one.example"],
                                    "published": T0.isoformat(),
                                    "here": True,
                                },
                                {
                                    "claim": "31 people " + XSS,
                                    "sources": ["deux.example"],
                                    "published": (T0 + timedelta(hours=9)).isoformat(),
                                    "here": False,
                                },
                            ],
                        }
                    ],
                }
            ],
            "timeline": [
                {
                    "at": (T0).isoformat(),
                    "source": "one.example",
                    "article_id": a.id,
                    "title": "Bridge " + SVG_XSS,
                    "kind": "first_report",
                },
                {
                    "at": (T0 + timedelta(hours=1)).isoformat(),
                    "source": "deux.example",
                    "article_id": b.id,
                    "title": "Pont " + CONTROL,
                    "kind": "first_from_source",
                },
            ],
            "places": [{"code": "GB", "name": "Varnland " + XSS, "articles": 2}],
            "spread": {
                "leaning": {"left": 1, "right": 1, "unknown": 1},
                "country": {"GB": 1, "FR": 1, "US" + SVG_XSS: 1},
                "language": {"en": 2, "fr": 1},
                "blindspot": None,
            },
            "comparison": {
                "conflicts": [
                    {
                        "kind": "casualty",
                        "topic": "workers",
                        "sides": [
                            {
                                "claim": "killed",
                                "sources": ["one.example"],
                                "sentence": "Two were killed " + XSS,
                                "article_id": a.id,
                            },
                            {
                                "claim": "injured",
                                "sources": ["deux.example"],
                                "sentence": "Two injured.",
                                "article_id": b.id,
                            },
                        ],
                    },
                    {  # a toll that rose between reports: its own section, not a dispute
                        "kind": "number",
                        "topic": "person",
                        "changed": True,
                        "sides": [
                            {
                                "claim": "12 people",
                                "sources": ["one.example"],
                                "sentence": "12 people died.",
                                "article_id": a.id,
                                "published": T0.isoformat(),
                            },
                            {
                                "claim": "31 people " + XSS,
                                "sources": ["deux.example"],
                                "sentence": "31 people died " + XSS,
                                "article_id": b.id,
                                "published": (T0 + timedelta(hours=9)).isoformat(),
                            },
                        ],
                    },
                    {  # the same figures as the "car" row of numbers: shown once
                        "kind": "number",
                        "topic": "car",
                        "sides": [
                            {
                                "claim": "40 cars",
                                "sources": ["one.example"],
                                "sentence": "40 cars.",
                                "article_id": a.id,
                            },
                            {
                                "claim": "60 cars",
                                "sources": ["deux.example"],
                                "sentence": "60 cars.",
                                "article_id": b.id,
                            },
                        ],
                    },
                ],
                "numbers": [
                    {
                        "subject": "span",
                        "conflict": False,
                        "values": [
                            {
                                "text": "3 spans",
                                "source": source,
                                "sentence": "The bridge has 3 spans.",
                                "article_id": a.id,
                            }
                            for source in ("one.example", "deux.example", "one.example")
                        ],
                    },
                    {
                        "subject": "person",
                        "conflict": False,
                        "changed": True,
                        "values": [
                            {
                                "text": "31 people",
                                "source": "deux.example",
                                "sentence": "31 people died.",
                                "article_id": b.id,
                            }
                        ],
                    },
                    {
                        "subject": "car",
                        "conflict": True,
                        "values": [
                            {
                                "text": "40 cars",
                                "source": "one.example",
                                "sentence": "40 cars.",
                                "article_id": a.id,
                            },
                            {
                                "text": "60 cars",
                                "source": "deux.example",
                                "sentence": "60 cars.",
                                "article_id": b.id,
                            },
                        ],
                    },
                ],
                "quotes": [
                    {
                        "quote": "We will rebuild " + XSS,
                        "speaker": "Mayor",
                        "sources": ["one.example"],
                    }
                ],
                "only_in": [
                    {"source": "deux.example", "sentence": "Only here " + XSS, "article_id": b.id}
                ],
                "one_side": [
                    {
                        "side": "left",
                        "sentence": "One side only " + XSS,
                        "source": "one.example",
                        "sources": ["one.example", "deux.example"],
                        "article_id": a.id,
                        "in_summary": False,
                    },
                    {
                        "side": "left",
                        "sentence": "The bridge closed " + XSS + ". Second sentence.",
                        "source": "one.example",
                        "sources": ["one.example", "deux.example"],
                        "article_id": a.id,
                        "in_summary": True,
                    },
                ],
            },
        }
    )
    store.save_digest(bridge.id, digest, article_stamp([a.id, b.id, c.id, d.id]), title="x")
    # more stories for order, filters and pages
    others = []
    for i in range(5):
        x = add(art(10 + i, "three.example", f"Library story {i}", hours=-10 - i))
        others.append(
            store.create_story(f"Library story {i}", [x.id], T0 - timedelta(hours=10 + i))
        )
    fr = add(art(20, "deux.example", "Élection municipale à Velmora", "fr", hours=-30))
    french = store.create_story("Élection", [fr.id], T0 - timedelta(hours=30))
    user = store.create_user(User(name="reader " + XSS, password_hash="x"))
    store.add_comment(Comment(story_id=bridge.id, user_id=user.id, body="Nice " + XSS))
    gone = store.add_comment(Comment(story_id=bridge.id, user_id=user.id, body="hidden words"))
    store.update_comment(gone.id, hidden=True)
    store.add_submission(Submission(url="https://one.example/1", user_id=user.id, article_id=a.id))
    ids = {
        "bridge": bridge.id,
        "merged": merged.id,
        "others": [s.id for s in others],
        "french": french.id,
        "a": a.id,
        "b": b.id,
        "c": c.id,
    }
    digests_current(store, embedder="hashing")
    store.close()
    with (
        live_server(url, root, env={"CROSSWIRE_EMBEDDER": "hashing"}) as base,
        httpx.Client(base_url=base, timeout=30) as client,
    ):
        yield client, ids


def inert(text: str) -> None:
    """No payload survives as markup."""
    assert (
        "<script" not in text
        and "<img" not in text
        and "onload=" not in text.replace("onload=alert(2)&gt;", "")
    )
    assert "<svg onload" not in text and 'href="javascript:' not in text


def test_front_page_orders_by_breadth_and_recency_and_pages(site):
    client, ids = site
    page = client.get("/")
    assert page.status_code == 200 and "Latest news" in page.text
    inert(page.text)
    order = [int(m) for m in re.findall(r'<h2 id="story-(\d+)"', page.text)]
    assert order[0] == ids["bridge"] and order[1:6] == ids["others"]
    assert "3 outlets" in page.text and "2 languages" in page.text
    assert "The bridge closed &lt;script&gt;" in page.text and "Second sentence" not in page.text
    assert 'aria-label="outlets by leaning: left 1, right 1, unknown 1"' in page.text
    assert 'href="/sources/one.example"' in page.text
    assert '<link rel="alternate" type="application/atom+xml"' in page.text
    seen, url = [], "/api/stories?limit=2"
    while url:
        body = client.get(url).json()
        seen += [s["id"] for s in body["stories"]]
        url = f"/api/stories?limit=2&cursor={body['next_cursor']}" if body["next_cursor"] else None
    assert seen == order and len(seen) == 7
    first = client.get("/api/stories?limit=3").json()
    html_page = client.get("/", params={"cursor": first["next_cursor"]})
    assert html_page.status_code == 200 and f'id="story-{ids["bridge"]}"' not in html_page.text


def test_front_page_filters(site):
    client, ids = site
    fr = client.get("/", params={"lang": "FR"}).text
    assert f'id="story-{ids["french"]}"' in fr and f'id="story-{ids["bridge"]}"' in fr
    assert f'id="story-{ids["others"][0]}"' not in fr
    gb = client.get("/api/stories", params={"country": "gb"}).json()["stories"]
    assert [s["id"] for s in gb] == [ids["bridge"]]
    words = client.get("/api/stories", params={"q": "velmora"}).json()["stories"]
    assert [s["id"] for s in words] == [ids["french"]]
    none = client.get("/", params={"q": "zzzunknownword"})
    assert none.status_code == 200 and "No stories match" in none.text
    bad = client.get("/", params={"lang": "x<y"})  # the form again, with a message
    assert bad.status_code == 200 and 'role="alert"' in bad.text
    assert "There are no stories in “x&lt;y” here" in bad.text and "x<y" not in bad.text
    by_name = client.get("/", params={"lang": "French"}).text  # a name works as its code
    assert f'id="story-{ids["others"][0]}"' not in by_name and 'role="alert"' not in by_name
    assert '<option value="fr" selected>French (fr)</option>' in by_name
    assert "Klingon" in client.get("/", params={"lang": "Klingon"}).text
    assert client.get("/api/stories", params={"country": "FRA"}).status_code == 422
    there = client.get("/api/stories", params={"place": "gb"}).json()["stories"]
    assert [s["id"] for s in there] == [ids["bridge"]]  # where its digest says it happens
    assert there[0]["places"] == [{"code": "GB", "name": "Varnland " + XSS}]
    assert client.get("/api/stories", params={"place": "PE"}).json()["stories"] == []
    page = client.get("/", params={"place": "GB"}).text
    assert f'id="story-{ids["bridge"]}"' in page and '<option value="GB" selected>' in page
    assert '· <a href="/?place=GB">Varnland &lt;script&gt;' in page  # on its card
    nowhere = client.get("/", params={"place": "P<", "country": "Atlantis", "topic": "x"})
    assert nowhere.status_code == 200 and nowhere.text.count('role="alert"') == 1
    assert "No story here happens in “P&lt;”" in nowhere.text
    assert "No outlet from “Atlantis” has stories here" in nowhere.text
    assert "That developing story does not exist" in nowhere.text


def test_story_page_has_comparison_pictures_articles_and_redirects(site):
    client, ids = site
    page = client.get(f"/stories/{ids['bridge']}")
    assert page.status_code == 200
    text = page.text
    inert(text)
    assert 'aria-label="where outlets differ"' in text and "killed" in text and "60 cars" in text
    assert text.count("<td>60 cars</td>") == 1  # a figure conflict is one row per outlet
    differ = text[text.index('aria-label="where outlets differ"') :]
    differ = differ[: differ.index("</table>")]
    assert "one.example" not in differ and ">Deux</a>" in differ  # outlets by their names
    assert '<svg role="img" aria-label="timeline"' in text
    assert '<svg role="img" aria-label="source spread"' in text
    assert '<span class="places">place: <a href="/?place=GB">Varnland &lt;script&gt;' in text
    assert "<title>first report: One " in text  # the outlet by its name, as elsewhere
    assert "US&#34;/&gt;&lt;svg onload=alert(2)&gt;" in text  # escaped inside the SVG
    assert "\x00" not in text and "\x01" not in text
    assert "originally appeared on wire" in text and "copy of the report by one.example" in text
    assert "We will rebuild" in text and "Only here" in text
    side = text[text.index('id="h-side"') :]
    side = side[: side.index("</section>")]
    assert "Only left-leaning outlets report" in side and "One side only &lt;script&gt;" in side
    assert side.count('class="marker"') == 2 and ">Deux</a>" in side  # both outlets, by name
    assert "The bridge closed" not in side  # the summary states it and says so there
    summary = text[text.index('id="h-summary"') : text.index('id="differ"')]
    assert summary.count("Only left-leaning outlets report this.") == 1
    assert 'lang="fr">Pont fermé' in text
    assert 'dir="auto" lang="fr">Pont fermé' in text  # right-to-left titles read as they should
    assert "how 1 other outlet put it" in text and f'href="#article-{ids["b"]}"' in text
    disputed = re.search(r'<p class="disputed">(.*?)</p>', text, re.S)
    assert disputed and "Disputed</strong> (workers)" in disputed.group(1)
    assert "killed &lt;script&gt;" in disputed.group(1) and "injured" in disputed.group(1)
    assert 'href="#differ"' in disputed.group(1) and 'id="differ"' in text
    changed = re.search(r'<p class="changed">(.*?)</p>', text, re.S)
    assert changed and "Figure changed</strong> (person)" in changed.group(1)
    # the sentence says 12: the note gives what came after it, and when
    assert "later reports: 31 people &lt;script" in changed.group(1)
    assert "12 people" not in changed.group(1)
    nine = T0 + timedelta(hours=9)
    assert f'<time datetime="{nine.isoformat()}">{nine.day} {nine:%b %Y, %H:%M} UTC</time>' in (
        changed.group(1)
    )
    assert 'href="#changed"' in changed.group(1)
    section = text[text.index('id="changed"') :]
    section = section[: section.index("</section>")]
    assert "12 people died." in section and "31 people died &lt;script&gt;" in section
    assert section.index("12 people died.") < section.index("31 people died")
    assert "people died" not in differ  # a change is not listed as a disagreement
    figures = text[text.index('id="h-numbers"') :] if 'id="h-numbers"' in text else ""
    figures = figures[: figures.find("</section>")]
    assert "31 people" not in figures
    assert '3 spans <span class="muted">(One ' in figures and ", Deux)" in figures
    assert figures.count("3 spans") == 1  # each figure once, with its outlets
    assert f'href="/stories/{ids["bridge"]}/feed.atom"' in text
    assert 'href="https://one.example/1"' in text
    # the article whose URL is javascript: is listed, but not as a link
    assert '<span dir="auto" lang="en">Bridge shut</span>' in text and "javascript:" not in text
    for svg in re.findall(r"<svg.*?</svg>", text, flags=re.S):
        ET.fromstring(svg)  # each picture is well-formed XML
    moved = client.get(f"/stories/{ids['merged']}", follow_redirects=False)
    assert moved.status_code == 301 and moved.headers["location"] == f"/stories/{ids['bridge']}"
    missing = client.get("/stories/999999")
    assert missing.status_code == 404 and "Not found" in missing.text
    assert "There is no story at this address" in missing.text  # in words, not "no such story"
    assert client.get("/stories/99999999999999999999").status_code == 422
    bad = client.get("/stories/abc")
    assert bad.status_code == 422 and "cannot read the story&#39;s number" in bad.text
    assert "story_id" not in bad.text and "parameters" not in bad.text


def test_source_and_search_pages(site):
    client, ids = site
    src = client.get("/sources/deux.example")
    assert (
        src.status_code == 200 and "Deux" in src.text and "right" in src.text and "FR" in src.text
    )
    inert(src.text)
    assert f'href="/stories/{ids["french"]}"' in src.text
    assert client.get("/sources/one.example").status_code == 200
    inert(client.get("/sources/one.example").text)
    assert client.get("/sources/nowhere.example").status_code == 404
    assert client.get("/sources/bad%20domain").status_code == 422
    found = client.get("/search", params={"q": "bridge"})
    assert found.status_code == 200 and f'id="story-{ids["bridge"]}"' in found.text
    inert(found.text)
    assert 'href="/search/feed.atom?q=bridge"' in found.text
    assert client.get("/search").status_code == 200
    assert client.get("/search", params={"q": "x" * 201}).status_code == 422
    assert client.get("/search", params={"q": "\x00\x01"}).status_code == 200


def test_api_documents_and_answers(site):
    client, ids = site
    schema = client.get("/openapi.json").json()
    for path in (
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/stories/{story_id}/comments",
        "/api/stories/{story_id}/submissions",
        "/api/articles/{article_id}",
        "/api/sources",
        "/api/sources/{domain}",
        "/api/search",
    ):
        assert path in schema["paths"], path
    one = client.get(f"/api/stories/{ids['bridge']}").json()
    assert one["digest"]["headline"].startswith("Bridge closes")
    assert {a["source"] for a in one["articles"]} == {
        "one.example",
        "deux.example",
        "three.example",
    }
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", one["updated"])
    assert client.get(f"/api/stories/{ids['merged']}").json()["id"] == ids["bridge"]
    missing = client.get("/api/stories/424242")
    assert missing.status_code == 404 and missing.json() == {"detail": "no such story"}
    assert client.get("/api/stories", params={"cursor": "nonsense"}).status_code == 400
    assert client.get("/api/stories", params={"cursor": "nan_1"}).status_code == 400
    assert client.get("/api/search", params={"q": "x" * 201}).status_code == 422
    assert client.get("/api/articles/0").status_code == 422
    article = client.get(f"/api/articles/{ids['a']}").json()
    assert article["text"].startswith("Bridge text") and article["story_id"] == ids["bridge"]
    assert client.get("/api/articles/999999").status_code == 404
    srcs = client.get("/api/sources").json()["sources"]
    assert {s["domain"] for s in srcs} >= {"one.example", "deux.example"}
    deux = client.get("/api/sources/deux.example", params={"limit": 1}).json()
    assert deux["leaning"] == "right" and len(deux["articles"]) == 1 and deux["next_cursor"]
    older = client.get("/api/sources/deux.example", params={"cursor": deux["next_cursor"]}).json()
    assert older["articles"][0]["id"] < deux["articles"][0]["id"]
    assert client.get("/api/sources/deux.example", params={"cursor": "x"}).status_code == 400
    assert client.get("/api/sources/none.example").status_code == 404
    search = client.get("/api/search", params={"q": "pont"}).json()
    assert [a["id"] for a in search["articles"]] == [ids["b"]]
    assert [s["id"] for s in search["stories"]] == [ids["bridge"]]
    comments = client.get(f"/api/stories/{ids['merged']}/comments").json()
    assert comments["story_id"] == ids["bridge"] and len(comments["comments"]) == 2
    assert comments["comments"][0]["body"].startswith("Nice")
    assert comments["comments"][1]["body"] is None and comments["comments"][1]["hidden"]
    subs = client.get(f"/api/stories/{ids['bridge']}/submissions").json()["submissions"]
    assert subs[0]["url"] == "https://one.example/1" and subs[0]["article_id"] == ids["a"]
    assert client.get("/api/stories/424242/comments").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/feed.atom",
        "/feed.rss",
        "/feed.atom?place=GB",
        "/feed.rss?lang=fr",
        "/stories/{bridge}/feed.atom",
        "/sources/one.example/feed.atom",
        "/search/feed.atom?q=bridge",
        "/search/feed.atom",
    ],
)
def test_feeds_parse_and_link_absolutely(site, path):
    client, ids = site
    response = client.get(path.format(**ids))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(
        "application/rss+xml" if ".rss" in path else "application/atom+xml"
    )
    root = ET.fromstring(response.content)  # well-formed: escaped, no control characters
    assert root.tag in ("{http://www.w3.org/2005/Atom}feed", "rss")
    parsed = parse_feed(response.content, str(client.base_url).rstrip("/") + path)
    if "q=" in path or path != "/search/feed.atom":
        assert parsed.articles, path
    for article in parsed.articles:
        assert article.url and article.url.startswith((str(client.base_url), "https://"))
        assert "javascript:" not in article.url
    assert b"<script" not in response.content and b"\x00" not in response.content


def test_a_filtered_front_page_has_its_own_feed(site):
    client, ids = site
    page = client.get("/", params={"place": "gb"}).text
    assert 'href="/feed.atom?place=GB"' in page
    feed = parse_feed(client.get("/feed.atom?place=GB").content, str(client.base_url))
    assert feed.title == "crosswire: latest stories (place GB)"
    assert [a.url.rsplit("/", 1)[-1] for a in feed.articles] == [str(ids["bridge"])]
    assert parse_feed(client.get("/feed.atom?place=PE").content, "http://x/").articles == []
    assert client.get("/feed.atom", params={"place": "PER"}).status_code == 422


def test_feed_errors(site):
    client, ids = site
    assert client.get("/stories/424242/feed.atom").status_code == 404
    moved = client.get(f"/stories/{ids['merged']}/feed.atom", follow_redirects=False)
    assert moved.status_code == 301
    assert client.get("/sources/none.example/feed.atom").status_code == 404
    assert client.get("/search/feed.atom", params={"q": "x" * 300}).status_code == 422
