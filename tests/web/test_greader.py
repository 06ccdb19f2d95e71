"""The Google Reader API against a real uvicorn server on 127.0.0.1, request by request as
FreshRSS- and Miniflux-style clients (NetNewsWire, Reeder, Read You) send them: log in,
list subscriptions and tags, page through a stream with continuations, fetch items by id,
mark read and starred, and watch the unread counts change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from crosswire.accounts import create_account
from crosswire.models import Article, Digest, SummaryEntry
from crosswire.readers.news import make_follow
from tests.helpers.app_server import PASSWORD, community_site  # noqa: F401 - `site`

READING_LIST = "user/-/state/com.google/reading-list"
READ = "user/-/state/com.google/read"
STARRED = "user/-/state/com.google/starred"
NOW = datetime.now(UTC)


def add_story(store, title: str, source: str, n: int) -> int:
    article, _ = store.add_article(
        Article(
            title=title,
            text=f"{title}. Officials said more later.",
            url=f"https://{source}/{n}",
            source=source,
            language="en",
            published_at=NOW - timedelta(minutes=n),
        )
    )
    story = store.create_story(title, [article.id], article.published_at)
    store.save_digest(
        story.id,
        Digest(headline=title, summary=[SummaryEntry(text=f"{title}.", sources=[source])]),
        "x",
    )
    return story.id


@pytest.fixture
def reader_site(site):
    base, store, first = site()
    ids = [first] + [add_story(store, f"Harbour news {n}", "one.example", n) for n in range(1, 5)]
    other = add_story(store, "Mountain pass closes", "two.example", 9)
    muted = add_story(store, "Celebrity gossip roundup", "two.example", 10)
    user = create_account(store, "nina", PASSWORD)
    make_follow(store, user.id, "outlet", "one.example")
    make_follow(store, user.id, "outlet", "two.example")
    from crosswire.store.readers import readers_of

    readers_of(store).add_mute(user.id, "keyword", "gossip")
    return base, store, ids, other, muted


@pytest.mark.parametrize("prefix", ["/api/greader.php", ""])
def test_a_reader_app_syncs_pages_and_marks(reader_site, prefix):
    base, store, one_ids, other, muted = reader_site
    api = base + prefix
    with httpx.Client(timeout=30) as http:
        refused = http.post(
            api + "/accounts/ClientLogin", data={"Email": "nina", "Passwd": "wrong"}
        )
        assert refused.status_code == 401 and "BadAuthentication" in refused.text
        login = http.post(api + "/accounts/ClientLogin", data={"Email": "nina", "Passwd": PASSWORD})
        assert login.status_code == 200
        fields = dict(line.split("=", 1) for line in login.text.splitlines() if "=" in line)
        auth = {"Authorization": f"GoogleLogin auth={fields['Auth']}"}
        assert http.get(api + "/reader/api/0/user-info?output=json").status_code == 401

        def get(path: str, **params):
            response = http.get(api + path, params={"output": "json", **params}, headers=auth)
            assert response.status_code == 200, response.text
            return response

        t = get("/reader/api/0/token").text.strip()
        assert len(t) == 57
        assert get("/reader/api/0/user-info").json()["userName"] == "nina"

        subs = get("/reader/api/0/subscription/list").json()["subscriptions"]
        assert [s["title"] for s in subs] == ["one.example", "two.example"]
        assert subs[0]["categories"] == [{"id": "user/-/label/Outlets", "label": "Outlets"}]
        one, two = subs[0]["id"], subs[1]["id"]
        tags = [tag["id"] for tag in get("/reader/api/0/tag/list").json()["tags"]]
        assert tags == [STARRED, "user/-/label/Outlets"]

        def unread() -> dict[str, int]:
            counts = get("/reader/api/0/unread-count").json()["unreadcounts"]
            return {c["id"]: c["count"] for c in counts}

        # the muted story is no item at all
        assert unread() == {one: 5, two: 1, "user/-/label/Outlets": 6, READING_LIST: 6}

        # item ids, two at a time, with continuations (as NetNewsWire syncs)
        seen, cursor = [], None
        while True:
            params = {"s": READING_LIST, "xt": READ, "n": "2"}
            if cursor:
                params["c"] = cursor
            page = get("/reader/api/0/stream/items/ids", **params).json()
            seen += [ref["id"] for ref in page["itemRefs"]]
            cursor = page.get("continuation")
            if not cursor:
                break
        expected = sorted([*one_ids, other], reverse=True)
        assert seen == [str(i) for i in expected]

        # their contents by short id, in one POST (form fields i=…&i=…)
        contents = http.post(
            api + "/reader/api/0/stream/items/contents",
            data={"i": seen[:3], "T": t},
            headers=auth,
        ).json()
        items = contents["items"]
        assert [int(i["id"].rsplit("/", 1)[1], 16) for i in items] == expected[:3]
        first = items[0]
        assert first["origin"]["streamId"] in (one, two)
        assert first["alternate"][0]["href"].endswith(f"/stories/{expected[0]}")
        assert "<li>" in first["summary"]["content"] and READ not in first["categories"]
        # a muted story asked for by id stays hidden
        hidden = http.post(
            api + "/reader/api/0/stream/items/contents", data={"i": [str(muted)]}, headers=auth
        ).json()
        assert hidden["items"] == []

        # one subscription's stream, oldest first, page by page (Read You style)
        got, cursor = [], None
        while True:
            params = {"n": "2", "r": "o"}
            if cursor:
                params["c"] = cursor
            page = get(f"/reader/api/0/stream/contents/{one.replace('/', '%2F')}", **params).json()
            assert page["id"] == one
            got += [item["title"] for item in page["items"]]
            cursor = page.get("continuation")
            if not cursor:
                break
        assert got == ["Bridge closes"] + [f"Harbour news {n}" for n in range(1, 5)]
        # ot: the start time (items after it), nt: the stop time (items before it)
        cut = str(int((NOW - timedelta(seconds=150)).timestamp()))
        before = get(f"/reader/api/0/stream/contents/{one}", nt=cut).json()["items"]
        assert [i["title"] for i in before] == ["Harbour news 4", "Harbour news 3"]
        after = get("/reader/api/0/stream/items/ids", s=one, ot=cut).json()["itemRefs"]
        assert [int(r["id"]) for r in after] == sorted(one_ids[:3], reverse=True)

        # mark one read and one starred: counts and streams follow
        edit = http.post(
            api + "/reader/api/0/edit-tag",
            data={"i": items[0]["id"], "a": READ, "T": t},
            headers=auth,
        )
        assert edit.status_code == 200 and edit.text == "OK"
        http.post(
            api + "/reader/api/0/edit-tag",
            data={"i": seen[1], "a": STARRED, "T": t},
            headers=auth,
        )
        after = unread()
        assert after[READING_LIST] == 5
        starred = get(f"/reader/api/0/stream/contents/{STARRED}").json()["items"]
        assert [i["id"] for i in starred] == [items[1]["id"]]
        assert STARRED in starred[0]["categories"]
        unread_ids = get("/reader/api/0/stream/items/ids", s=READING_LIST, xt=READ).json()
        assert seen[0] not in [r["id"] for r in unread_ids["itemRefs"]]
        # mark unread again, unstar
        http.post(
            api + "/reader/api/0/edit-tag",
            data={"i": items[0]["id"], "r": READ, "T": t},
            headers=auth,
        )
        http.post(
            api + "/reader/api/0/edit-tag",
            data={"i": seen[1], "r": STARRED, "T": t},
            headers=auth,
        )
        assert unread()[READING_LIST] == 6
        assert get(f"/reader/api/0/stream/contents/{STARRED}").json()["items"] == []

        # a wrong edit token is refused, as FreshRSS does
        bad = http.post(
            api + "/reader/api/0/edit-tag",
            data={"i": seen[0], "a": READ, "T": "x" * 57},
            headers=auth,
        )
        assert bad.status_code == 401 and bad.headers["x-reader-google-bad-token"] == "true"

        # mark everything of one subscription read
        done = http.post(
            api + "/reader/api/0/mark-all-as-read",
            data={"s": one, "ts": str(int(datetime.now(UTC).timestamp() * 1e6) + 10**7), "T": t},
            headers=auth,
        )
        assert done.text == "OK"
        assert unread() == {two: 1, "user/-/label/Outlets": 1, READING_LIST: 1}
        assert get("/reader/api/0/stream/contents/" + one, xt=READ).json()["items"] == []
        assert (
            http.get(api + "/reader/api/0/stream/contents/feed/999", headers=auth).status_code
            == 400
        )
