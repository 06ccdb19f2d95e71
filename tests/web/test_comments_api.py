"""Posting comments through the JSON API with a per-user bearer token."""

from __future__ import annotations

from types import SimpleNamespace

from crosswire.accounts import create_account
from crosswire.web.security import api_token, secret_key
from tests.helpers.app_server import (
    PASSWORD,
    TestClient,
    community_site,  # noqa: F401 - the `site` fixture
)

XSS = "<script>alert(1)</script>"


def test_post_comment_with_a_bearer_token(site):
    base, store, story_id = site(comment_rate="3/600")
    ann = create_account(store, "ann", PASSWORD)
    token = api_token(secret_key(SimpleNamespace(secret_key=""), store), ann)
    auth = {"Authorization": f"Bearer {token}"}
    with TestClient(base) as client:
        url = f"/api/stories/{story_id}/comments"
        made = client.post(url, json={"body": "From a script " + XSS}, headers=auth)
        assert made.status_code == 201, made.text
        first = made.json()
        assert first["user"] == "ann" and first["body"] == "From a script " + XSS
        reply = client.post(url, json={"body": "reply", "parent_id": first["id"]}, headers=auth)
        assert reply.status_code == 201 and reply.json()["parent_id"] == first["id"]
        listed = client.get(url).json()["comments"]
        assert [c["id"] for c in listed] == [first["id"], reply.json()["id"]]
        page = client.get(f"/stories/{story_id}").text
        assert XSS not in page and "&lt;script&gt;" in page
        # no token, a forged one, a token signed with another key: 401, nothing stored
        for headers in (
            {},
            {"Authorization": "Bearer nonsense"},
            {"Authorization": "Bearer " + api_token("another key", ann)},
            {"Authorization": "Basic " + token},
        ):
            refused = client.post(url, json={"body": "x"}, headers=headers)
            assert refused.status_code == 401 and refused.headers["www-authenticate"] == "Bearer"
        assert client.post(url, json={"body": ""}, headers=auth).status_code == 422
        wrong_parent = client.post(url, json={"body": "x", "parent_id": 999}, headers=auth)
        assert wrong_parent.status_code == 400
        missing = client.post("/api/stories/999/comments", json={"body": "x"}, headers=auth)
        assert missing.status_code == 404
        limited = client.post(url, json={"body": "third"}, headers=auth)
        assert limited.status_code == 201
        over = client.post(url, json={"body": "fourth"}, headers=auth)
        assert over.status_code == 429 and over.json()["detail"].startswith("too many")
        assert len(store.story_comments(story_id)) == 3
    schema = TestClient(base).get("/openapi.json").json()
    assert "post" in schema["paths"]["/api/stories/{story_id}/comments"]
