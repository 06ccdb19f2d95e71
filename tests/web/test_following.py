"""Follows, new-since counts, private feeds and mutes over HTTP: the real app under uvicorn
on 127.0.0.1, on a real SQLite file, signed in as a browser would be (CSRF tokens)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from crosswire.models import Article
from crosswire.store.readers import readers_of
from tests.helpers.app_server import (
    TestClient,
    community_site,  # noqa: F401 - the `site` fixture
    post,
    signup,
)

NOW = datetime.now(UTC)


def add_story(store, title: str, source: str, n: int, text: str = "") -> int:
    article, _ = store.add_article(
        Article(
            title=title,
            text=text or f"{title}. More words.",
            url=f"https://{source}/{n}",
            source=source,
            language="en",
            published_at=NOW - timedelta(minutes=n),
        )
    )
    return store.create_story(title, [article.id], article.published_at).id


def counts(client: TestClient) -> dict[str, str]:
    page = client.get("/following").text
    rows = re.findall(
        r'<tr id="follow-\d+".*?<a href="/following/\d+" dir="auto">(.*?)</a>.*?'
        r'data-new="(\d+)"',
        page,
        re.S,
    )
    return dict(rows)


def test_follow_see_new_reports_private_feed_and_unfollow(site):
    base, store, story_id = site()
    with TestClient(base) as client:
        assert client.get("/following", follow_redirects=False).headers["location"] == (
            "/login?next=/following"
        )
        assert "Sign in to follow this story" in client.get(f"/stories/{story_id}").text
        signup(client, "fay")
        page = client.get(f"/stories/{story_id}").text
        assert "Follow this story" in page
        made = post(
            client,
            "/following",
            {"kind": "story", "target": str(story_id), "next": f"/stories/{story_id}"},
            f"/stories/{story_id}",
        )
        assert made.status_code == 303 and made.headers["location"] == f"/stories/{story_id}"
        assert "Unfollow this story" in client.get(f"/stories/{story_id}").text
        post(
            client,
            "/following",
            {"kind": "outlet", "target": "one.example"},
            "/sources/one.example",
        )
        assert counts(client) == {"Bridge closes": "0", "one.example": "0"}
        assert "Ferry resumes" not in client.get("/my").text  # pieces kept: the next import shows

        # two reports arrive: one joins the story, one is the outlet's
        late, _ = store.add_article(
            Article(title="Bridge still shut", text="Still shut.", url="https://two.example/x",
                    source="two.example", published_at=NOW)
        )  # fmt: skip
        store.attach_to_story(story_id, [late.id], NOW)
        add_story(store, "Ferry resumes", "one.example", 7)
        assert counts(client) == {"Bridge closes": "1", "one.example": "1"}
        assert "1 new" in client.get("/following").text

        follows = readers_of(store).list_follows(store.get_user_by_name("fay").id)
        story_follow, outlet_follow = follows
        # opening a follow is looking at it: its count starts again from there
        listed = client.get(f"/following/{outlet_follow.id}").text
        assert "Ferry resumes" in listed and "Bridge closes" in listed
        assert counts(client) == {"Bridge closes": "1", "one.example": "0"}
        assert "Ferry resumes" in client.get("/my").text

        # a private feed: a secret address, renewed on request
        post(client, f"/following/{story_follow.id}/feed", {"action": "new"}, "/following")
        first = re.search(r"/following/feed/([\w-]+)\.atom", client.get("/following").text)[0]
        with TestClient(base) as stranger:
            feed = stranger.get(first)
            assert (
                feed.status_code == 200 and "application/atom+xml" in feed.headers["content-type"]
            )
            assert "<title>Bridge closes</title>" in feed.text
            post(client, f"/following/{story_follow.id}/feed", {"action": "new"}, "/following")
            assert stranger.get(first).status_code == 404
            second = re.search(r"/following/feed/[\w-]+\.atom", client.get("/following").text)[0]
            assert stranger.get(second).status_code == 200
            post(client, f"/following/{story_follow.id}/feed", {"action": "off"}, "/following")
            assert stranger.get(second).status_code == 404

        gone = post(client, f"/following/{story_follow.id}/delete", {}, "/following")
        assert gone.status_code == 303
        assert counts(client) == {"one.example": "0"}
        assert "Follow this story" in client.get(f"/stories/{story_id}").text


def test_follows_are_private_and_checked(site):
    base, store, story_id = site()
    with TestClient(base) as ann, TestClient(base) as bob:
        signup(ann, "ann")
        signup(bob, "bob")
        post(ann, "/following", {"kind": "place", "target": "pe"}, "/following")
        mine = readers_of(store).list_follows(store.get_user_by_name("ann").id)
        assert [(f.kind, f.target, f.label) for f in mine] == [("place", "PE", "Peru")]
        assert bob.get(f"/following/{mine[0].id}").status_code == 404
        assert post(bob, f"/following/{mine[0].id}/delete", {}, "/following").status_code == 404
        for kind, target in (("story", "999999"), ("outlet", "nowhere.example"), ("planet", "x")):
            refused = post(ann, "/following", {"kind": kind, "target": target}, "/following")
            assert refused.status_code in (400,), (kind, refused.text)
        # a form without the page's token is refused
        forged = ann.post("/following", data={"kind": "place", "target": "FR"})
        assert forged.status_code == 403
    with TestClient(base) as anonymous:
        assert post(anonymous, "/following", {"kind": "place", "target": "FR"}).status_code == 401


def test_mutes_hide_stories_from_front_page_api_and_private_feeds(site):
    base, store, story_id = site()
    add_story(store, "Football final tonight", "sport.example", 2)
    add_story(store, "Storm nears the coast", "tabloid.example", 3)
    add_story(store, "Election called early", "paper.example", 4)
    with TestClient(base) as client, TestClient(base) as anonymous:
        signup(client, "gus")
        for title in ("Football final", "Storm nears", "Election called", "Bridge closes"):
            assert title in client.get("/?all=1").text
        post(client, "/mutes", {"kind": "keyword", "value": "Storm"}, "/following")
        post(client, "/mutes", {"kind": "outlet", "value": "www.sport.example"}, "/following")
        post(client, "/mutes", {"kind": "filter", "value": "politics"}, "/following")
        page = client.get("/?all=1").text
        assert "Bridge closes" in page
        for title in ("Football final", "Storm nears", "Election called"):
            assert title not in page, title
            assert title in anonymous.get("/?all=1").text  # others still see them
        listed = [s["title"] for s in client.get("/api/stories").json()["stories"]]
        assert listed == ["Bridge closes"]
        assert len(anonymous.get("/api/stories").json()["stories"]) == 4
        # search and outlet pages leave them out too
        assert "Storm nears" not in client.get("/search?q=storm").text
        assert "Storm nears" in anonymous.get("/search?q=storm").text
        assert client.get("/api/search?q=storm").json()["stories"] == []
        # a muted outlet's own page still lists its articles, but not its stories
        assert "No stories yet" in client.get("/sources/sport.example").text
        assert "No stories yet" not in anonymous.get("/sources/sport.example").text
        # the private feed of an outlet follow leaves the muted story out too
        post(client, "/following", {"kind": "outlet", "target": "tabloid.example"}, "/following")
        follow = readers_of(store).list_follows(store.get_user_by_name("gus").id)[0]
        post(client, f"/following/{follow.id}/feed", {"action": "new"}, "/following")
        feed = re.search(r"/following/feed/[\w-]+\.atom", client.get("/following").text)[0]
        assert "Storm nears" not in anonymous.get(feed).text
        # unmuting shows the story again
        post(client, "/mutes/delete", {"kind": "keyword", "value": "storm"}, "/following")
        assert "Storm nears" in client.get("/?all=1").text
        assert "Storm nears" in anonymous.get(feed).text
        assert post(client, "/mutes", {"kind": "keyword", "value": "  "}).status_code == 400


def test_daily_email_choice_when_the_site_sends_email(site):
    base, store, _ = site(smtp_host="127.0.0.1")
    with TestClient(base) as client:
        signup(client, "eve")
        assert "Daily email" in client.get("/following").text
        refused = post(client, "/following/email", {"email": "not-an-address", "daily": "1"})
        assert refused.status_code == 400
        post(client, "/following/email", {"email": "eve@mail.example", "daily": "1"})
        prefs = readers_of(store).reader_settings(store.get_user_by_name("eve").id)
        assert prefs["email"] == "eve@mail.example" and prefs["daily_email"]
        assert 'value="eve@mail.example"' in client.get("/following").text
    plain, _, _ = site()
    with TestClient(plain) as client:
        signup(client, "fred")
        assert "Daily email" not in client.get("/following").text
