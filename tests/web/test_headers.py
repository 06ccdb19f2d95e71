"""Security headers on every kind of response: pages, errors, API, feeds, form posts."""

from __future__ import annotations

from tests.helpers.app_server import TestClient, community_site  # noqa: F401 - `site` fixture


def test_every_response_carries_the_security_headers(site):
    base, _, story_id = site()
    paths = [
        "/",
        f"/stories/{story_id}",
        "/stories/987654",  # an error page
        "/search?q=bridge",
        "/login",
        "/signup",
        "/moderation/log",
        "/api/stories",
        "/api/stories/987654",
        "/openapi.json",
        "/feed.atom",
        "/feed.rss",
    ]
    with TestClient(base) as client:
        responses = [client.get(path) for path in paths]
        responses.append(client.post("/login", data={"name": "x", "password": "y"}))
    for path, response in zip([*paths, "POST /login"], responses, strict=True):
        headers = response.headers
        csp = headers.get("content-security-policy", "")
        assert "default-src 'self'" in csp, path
        assert "frame-ancestors 'none'" in csp, path
        assert "script-src" not in csp or "'unsafe-inline'" not in csp.split("script-src")[1], path
        assert headers.get("x-content-type-options") == "nosniff", path
        assert headers.get("referrer-policy") == "strict-origin-when-cross-origin", path
    assert responses[2].status_code == 404 and responses[-1].status_code == 403


def test_pages_declare_their_charset_and_type(site):
    base, _, story_id = site()
    with TestClient(base) as client:
        page = client.get(f"/stories/{story_id}")
        api = client.get("/api/stories")
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert api.headers["content-type"] == "application/json"
