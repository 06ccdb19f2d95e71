"""The front page of a site with no stories, whose feeds cannot be reached (offline): it says
what to do in words (check the network, ``crosswire import``, ``crosswire feeds add``), and
the feeds' errors are shown to administrators only."""

from __future__ import annotations

from datetime import UTC, datetime

from crosswire.accounts import create_account
from crosswire.models import Feed
from tests.helpers.app_server import (
    TestClient,
    community_site,  # noqa: F401 - the `site` fixture
    post,
)

ERROR = "cannot resolve host 'news.example': [Errno -2] Name or service not known"


def test_offline_first_run_says_what_to_do_and_keeps_errors_for_admins(site):
    base, store, _ = site(with_story=False)
    now = datetime.now(UTC)
    for n in range(3):
        feed = store.add_feed(Feed(url=f"https://news{n}.example/feed.xml"))
        store.record_feed_result(feed.id, fetched_at=now, next_fetch_at=now, error=ERROR)
    create_account(store, "boss", "a long admin password", role="admin")
    with TestClient(base) as client:
        page = client.get("/").text
        assert "none of the 3 feeds could be reached" in page
        assert "check its network connection" in page
        assert "crosswire import" in page and "crosswire feeds add" in page
        assert "Errno" not in page and "news0.example" not in page  # not for everyone
        assert 'aria-label="filter stories"' not in page  # nothing to filter yet
        status = client.get("/api/feeds").json()
        assert status == {"feeds": 3, "unreachable_count": 3, "unreachable": []}
        done = post(client, "/login", {"name": "boss", "password": "a long admin password"})
        assert done.status_code == 303
        admin = client.get("/").text
        assert "3 of 3 feeds could not be reached" in admin and "news0.example" in admin
        told = client.get("/api/feeds").json()
        assert told["unreachable_count"] == 3 and len(told["unreachable"]) == 3
        assert told["unreachable"][0]["error"] == ERROR
