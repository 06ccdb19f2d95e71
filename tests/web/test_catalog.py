"""``/catalog``: categories in the reader's language (``?lang=``, else the browser's), and an
administrator follows one with a button; other readers cannot."""

from __future__ import annotations

from crosswire.outlets.catalog import find_category
from tests.helpers.app_server import (
    TestClient,
    community_site,  # noqa: F401 - the `site` fixture
    post,
    signup,
)


def test_catalog_in_the_readers_language_and_following_a_category(site):
    base, store, _ = site()
    with TestClient(base) as client:
        german = client.get("/catalog", headers={"Accept-Language": "de-CH,de;q=0.9,en;q=0.5"})
        assert german.status_code == 200
        assert "Deutschland | Bayern" in german.text and "3D Printing" not in german.text
        english = client.get("/catalog?lang=en").text
        assert "3D Printing" in english and "Deutschland | Bayern" not in english
        unknown = client.get("/catalog?lang=zu").text
        assert "none in your language yet" in unknown and "3D Printing" in unknown
        assert client.get("/catalog?lang=<b>").status_code == 422
        assert "Follow</button>" not in english  # only administrators follow
        signup(client, "reader")
        refused = post(client, "/catalog/follow", {"name": "Space"}, page="/catalog")
        assert refused.status_code == 403
    from crosswire.accounts import create_account

    create_account(store, "boss", "a long admin password", role="admin")
    with TestClient(base) as admin:
        done = post(
            admin,
            "/login",
            {"name": "boss", "password": "a long admin password", "next": "/catalog"},
        )
        assert done.status_code == 303
        page = admin.get("/catalog?lang=en").text
        assert "Follow</button>" in page
        followed = post(admin, "/catalog/follow", {"name": "Space"}, page="/catalog?lang=en")
        assert followed.status_code == 303 and followed.headers["location"] == "/catalog"
        listed = find_category("Space").followable_feeds()
        wanted = {u for u in listed if " " not in u}  # a URL with spaces is refused
        assert wanted and wanted == {f.url for f in store.list_feeds()} & set(listed)
        row = admin.get("/catalog?lang=en").text.split('data-category="Space"')[1]
        assert f"<td>{len(listed)}</td><td>{len(wanted)}</td>" in row.split("</tr>")[0]
        missing = post(admin, "/catalog/follow", {"name": "Nothing"}, page="/catalog")
        assert missing.status_code == 404
