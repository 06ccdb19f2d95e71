"""Accounts, comments, votes, flags and moderation over HTTP: the real app under uvicorn on
127.0.0.1, on a real SQLite file, with the security cases of the community layer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from crosswire.accounts import create_account
from crosswire.models import Article, Comment, Submission, User
from tests.helpers.app_server import (
    PASSWORD,
    TestClient,
    community_site,  # noqa: F401 - the `site` fixture
    post,
    signup,
    token,
)

XSS = '"><script>alert(1)</script><img src=x onerror=alert(2)>'


def comment(client: TestClient, story_id: int, body: str, parent: int | None = None) -> int:
    response = post(
        client,
        f"/stories/{story_id}/comments",
        {"body": body, "parent_id": str(parent or "")},
        f"/stories/{story_id}",
    )
    assert response.status_code == 303, response.text
    return int(response.headers["location"].rsplit("#c", 1)[1])


def test_sign_up_in_out_and_wrong_password(site):
    app, store, _ = site()
    with TestClient(app) as client:
        made = signup(client, "ann")
        assert made.status_code == 303 and made.headers["location"] == "/"
        assert "signed in as</span> <strong>ann</strong>" in client.get("/").text
        assert store.get_user_by_name("ann").password_hash.startswith("$argon2")
        assert signup(client, "ann").status_code == 400  # the name is taken
        assert post(client, "/logout", {}).status_code == 303
        assert "Sign in" in client.get("/").text and "signed in as" not in client.get("/").text
        wrong = post(client, "/login", {"name": "ann", "password": "nope nope"})
        assert wrong.status_code == 400 and "wrong name or password" in wrong.text
        unknown = post(client, "/login", {"name": "bob", "password": PASSWORD})
        assert unknown.status_code == 400 and "wrong name or password" in unknown.text
        ok = post(client, "/login", {"name": "ann", "password": PASSWORD, "next": "/x"})
        assert ok.status_code == 303 and ok.headers["location"] == "/x"


def test_sign_up_validation_re_renders_the_form(site):
    app, _, _ = site()
    with TestClient(app) as client:
        short = signup(client, "ann", "short")
        assert short.status_code == 400 and "at least 12 characters" in short.text
        differ = post(
            client,
            "/signup",
            {"name": "ann", "password": PASSWORD, "password2": PASSWORD + "x"},
            "/signup",
        )
        assert differ.status_code == 400 and "differ" in differ.text
        assert 'value="ann"' in differ.text


def test_login_never_redirects_off_site(site):
    app, _, _ = site()
    with TestClient(app) as client:
        signup(client, "ann")
        post(client, "/logout", {})
        for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
            done = post(
                client, "/login", {"name": "ann", "password": PASSWORD, "next": target}, "/login"
            )
            assert done.status_code == 303 and done.headers["location"] == "/"


def test_session_cookie_flags(site):
    app, _, _ = site()
    with TestClient(app) as client:
        made = signup(client, "ann")
        cookie = made.headers["set-cookie"].lower()
        assert "crosswire_session=" in cookie
        assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
        page = client.get("/")  # names and form tokens: private to this visitor
        assert page.headers["cache-control"] == "private, no-cache"
        assert "cookie" in page.headers["vary"].lower()
    with TestClient(app, headers={"X-Forwarded-Proto": "https"}) as tls:
        # behind a TLS-terminating proxy on the same host: the request scheme is https
        cookie = tls.get("/login").headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=lax" in cookie and "secure" in cookie


def test_secure_cookies_setting_marks_plain_http_cookies_secure(site):
    app, _, _ = site(secure_cookies=True)
    with TestClient(app) as client:
        assert "secure" in client.get("/login").headers["set-cookie"].lower()


def test_tampered_session_cookie_is_ignored(site):
    app, store, _ = site()
    with TestClient(app) as client:
        signup(client, "ann")
        value = client.cookies.get("crosswire_session")
        client.cookies.set("crosswire_session", value[:-2] + ("A" if value[-2] != "A" else "B"))
        assert "signed in as" not in client.get("/").text


def test_every_form_post_without_csrf_token_is_refused(site):
    app, store, story_id = site()
    with TestClient(app) as client:
        signup(client, "ann")
        cid = comment(client, story_id, "mine")
        user = store.get_user_by_name("ann")
        store.set_user_role(user.id, "moderator")
        store.flag(user.id, "comment", cid, "test")
        forms = {
            "/signup": {"name": "bob", "password": PASSWORD, "password2": PASSWORD},
            "/login": {"name": "ann", "password": PASSWORD},
            "/logout": {},
            "/submit": {"url": "http://127.0.0.1:9/x"},
            f"/stories/{story_id}/comments": {"body": "no token"},
            f"/comments/{cid}/edit": {"body": "changed"},
            f"/comments/{cid}/delete": {},
            f"/comments/{cid}/vote": {"value": "1"},
            f"/comments/{cid}/flag": {"reason": "x"},
            f"/moderation/comment/{cid}": {"action": "hide"},
        }
        for path, data in forms.items():
            missing = client.post(path, data=data, follow_redirects=False)
            assert missing.status_code == 403, path
            forged = client.post(
                path, data={**data, "csrf_token": "forged"}, follow_redirects=False
            )
            assert forged.status_code == 403, path
        # a valid token from another session does not work either
        with TestClient(app) as other:
            foreign = token(other)
        stolen = client.post(
            f"/stories/{story_id}/comments",
            data={"body": "x", "csrf_token": foreign},
            follow_redirects=False,
        )
        assert stolen.status_code == 403
        cross_site = client.post(
            f"/stories/{story_id}/comments",
            data={"body": "x", "csrf_token": token(client)},
            headers={"Origin": "https://evil.example"},
            follow_redirects=False,
        )
        assert cross_site.status_code == 403
        kept = store.get_comment(cid)
        assert kept.body == "mine" and not kept.deleted and not kept.hidden
        assert len(store.story_comments(story_id)) == 1
        assert store.get_user_by_name("bob") is None


def test_comments_thread_and_one_user_cannot_touch_anothers(site):
    app, store, story_id = site()
    with TestClient(app) as ann, TestClient(app) as bob:
        signup(ann, "ann")
        signup(bob, "bob")
        first = comment(ann, story_id, "first")
        reply = comment(bob, story_id, "a reply", parent=first)
        assert store.get_comment(reply).parent_id == first
        page = ann.get(f"/stories/{story_id}").text
        assert page.index(f'id="c{first}"') < page.index(f'id="c{reply}"')
        assert "Comments (2)" in page
        edit = post(bob, f"/comments/{first}/edit", {"body": "hacked"}, f"/stories/{story_id}")
        assert edit.status_code == 403
        delete = post(bob, f"/comments/{first}/delete", {}, f"/stories/{story_id}")
        assert delete.status_code == 403
        assert store.get_comment(first).body == "first" and not store.get_comment(first).deleted
        own = post(ann, f"/comments/{first}/edit", {"body": "first, edited"})
        assert own.status_code == 303 and store.get_comment(first).body == "first, edited"
        assert "edited" in ann.get(f"/stories/{story_id}").text
        gone = post(ann, f"/comments/{first}/delete", {})
        assert gone.status_code == 303 and store.get_comment(first).deleted
        assert "[deleted]" in ann.get(f"/stories/{story_id}").text
        # a reply must belong to the same story
        other = store.create_story("Other", [], datetime.now(UTC))
        wrong = post(
            ann,
            f"/stories/{other.id}/comments",
            {"body": "x", "parent_id": str(reply)},
            "/",
        )
        assert wrong.status_code == 400
        anonymous = TestClient(app)
        refused = post(anonymous, f"/stories/{story_id}/comments", {"body": "anon"})
        assert refused.status_code == 401


def test_edit_window_is_enforced(site):
    app, store, story_id = site(comment_edit_minutes=15)
    with TestClient(app) as client:
        signup(client, "ann")
        user = store.get_user_by_name("ann")
        old = store.add_comment(
            Comment(
                story_id=story_id,
                user_id=user.id,
                body="old words",
                created_at=datetime.now(UTC) - timedelta(minutes=16),
            )
        )
        page = client.get(f"/stories/{story_id}").text
        assert f'action="/comments/{old.id}/edit"' not in page
        late = post(client, f"/comments/{old.id}/edit", {"body": "new words"})
        assert late.status_code == 403 and "15 minutes" in late.text
        assert store.get_comment(old.id).body == "old words"
        fresh = comment(client, story_id, "fresh")
        assert f'action="/comments/{fresh}/edit"' in client.get(f"/stories/{story_id}").text


def test_xss_in_comments_names_and_titles_is_inert(site):
    app, store, story_id = site()
    with TestClient(app) as client:
        bad_name = signup(client, XSS)
        assert bad_name.status_code == 400
        assert "<script>alert(1)" not in bad_name.text and "&lt;script&gt;" in bad_name.text
        assert 'value=""><script>' not in bad_name.text
        signup(client, "ann")
        comment(client, story_id, XSS + " see https://good.example/a?b=1&c=<2> ok")
        comment(client, story_id, 'javascript:alert(1) and <a href="javascript:alert(3)">x</a>')
        page = client.get(f"/stories/{story_id}").text
        assert "<script>alert(1)" not in page and "<img src=x" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert '<a href="javascript:' not in page
        assert (
            '<a href="https://good.example/a?b=1&amp;c=" rel="nofollow ugc noopener">'
            "https://good.example/a?b=1&amp;c=</a>&lt;2&gt;"
        ) in page
    # a user name and a submission title with markup, stored by other ways than the form
    weird = store.create_user(User(name=XSS, password_hash="x"))
    store.add_comment(Comment(story_id=story_id, user_id=weird.id, body="hi"))
    article, _ = store.add_article(
        Article(
            title="Title " + XSS,
            text="Text " + XSS,
            url="https://two.example/b",
            source="two.example",
        )
    )
    store.attach_to_story(story_id, [article.id], datetime.now(UTC))
    sub = store.add_submission(Submission(url="https://two.example/b", user_id=weird.id))
    store.update_submission(sub.id, status="done", article_id=article.id, error=None)
    store.flag(weird.id, "submission", sub.id, XSS)
    store.flag(weird.id, "comment", 1, XSS)
    mod = create_account(store, "mod", PASSWORD, "moderator")
    with TestClient(app) as client:
        post(client, "/login", {"name": mod.name, "password": PASSWORD})
        for path in (f"/stories/{story_id}", "/moderation", "/moderation/log"):
            page = client.get(path)
            assert page.status_code == 200, path
            assert "<script>alert(1)" not in page.text and "<img src=x" not in page.text, path
        assert "&lt;script&gt;" in client.get("/moderation").text


def test_links_get_rel_nofollow_ugc(site):
    app, _, story_id = site()
    with TestClient(app) as client:
        signup(client, "ann")
        comment(client, story_id, "Read https://news.example/story (then reply).\n\nThanks")
        page = client.get(f"/stories/{story_id}").text
        assert (
            '<a href="https://news.example/story" rel="nofollow ugc noopener">'
            "https://news.example/story</a> (then reply).</p><p>Thanks</p>"
        ) in page


def test_votes_are_one_per_user_and_toggle(site):
    app, store, story_id = site()
    with TestClient(app) as ann, TestClient(app) as bob:
        signup(ann, "ann")
        signup(bob, "bob")
        cid = comment(ann, story_id, "vote on me")
        for client in (ann, bob, bob):
            done = post(client, f"/comments/{cid}/vote", {"value": "1"})
            assert done.status_code == 303 and done.headers["location"].endswith(f"#c{cid}")
        assert store.get_comment(cid).score == 1  # bob's second vote withdrew his first
        post(ann, f"/comments/{cid}/vote", {"value": "1"})
        assert store.get_comment(cid).score == 0


def test_moderator_hides_a_flagged_comment_and_the_log_shows_it(site):
    app, store, story_id = site()
    create_account(store, "mod", PASSWORD, "moderator")
    with TestClient(app) as ann, TestClient(app) as mod:
        signup(ann, "ann")
        cid = comment(ann, story_id, "rude words here")
        flagged = post(ann, f"/comments/{cid}/flag", {"reason": "rude"})
        assert flagged.status_code == 303
        assert ann.get("/moderation").status_code == 403  # not a moderator
        assert TestClient(app).get("/moderation").status_code == 401
        refused = post(ann, f"/moderation/comment/{cid}", {"action": "hide"})
        assert refused.status_code == 403 and not store.get_comment(cid).hidden
        post(mod, "/login", {"name": "mod", "password": PASSWORD})
        queue = mod.get("/moderation")
        assert queue.status_code == 200 and "rude words here" in queue.text
        assert "reason: rude" in queue.text
        hide = post(mod, f"/moderation/comment/{cid}", {"action": "hide", "reason": "insults"})
        assert hide.status_code == 303 and store.get_comment(cid).hidden
        assert store.open_flags() == []
        page = ann.get(f"/stories/{story_id}").text
        assert "rude words here" not in page and "[hidden by a moderator]" in page
        log = TestClient(app).get("/moderation/log")
        assert log.status_code == 200
        assert "mod" in log.text and "hid" in log.text and "insults" in log.text
        assert f"comment {cid}" in log.text
        post(mod, f"/moderation/comment/{cid}", {"action": "restore"})
        assert not store.get_comment(cid).hidden
        assert "restored" in TestClient(app).get("/moderation/log").text


@pytest.mark.parametrize("action", ["signup", "login", "comment", "submit"])
def test_rate_limits_trigger(site, action):
    app, store, story_id = site(**{f"{action}_rate": "2/600"})
    with TestClient(app) as client:
        if action == "signup":
            codes = [signup(client, f"user{i}").status_code for i in range(3)]
        elif action == "login":
            create_account(store, "ann", PASSWORD)
            codes = [
                post(client, "/login", {"name": "ann", "password": "wrong one"}).status_code
                for _ in range(3)
            ]
        else:
            signup(client, "ann")
            if action == "comment":
                path, data = f"/stories/{story_id}/comments", {"body": "hello"}
            else:
                path, data = "/submit", {"url": "https://one.example/a"}  # already known
            codes = [post(client, path, data).status_code for _ in range(3)]
        assert codes[:2] != [429, 429] and codes[2] == 429, codes
        limited = post(client, "/login", {"name": "x", "password": "y"})
        if action == "login":
            assert limited.status_code == 429 and int(limited.headers["retry-after"]) > 0
            assert "too many" in limited.text


def test_submission_votes_flags_and_hiding(site):
    base, store, story_id = site()
    create_account(store, "mod", PASSWORD, "moderator")
    with TestClient(base) as ann, TestClient(base) as mod:
        signup(ann, "ann")
        sent = post(ann, "/submit", {"url": "https://one.example/a"})  # known: no fetch
        assert sent.status_code == 303 and sent.headers["location"] == f"/stories/{story_id}"
        (sub,) = store.story_submissions(story_id)
        page = ann.get(f"/stories/{story_id}").text
        assert "submitted by ann" in page and f'id="s{sub["id"]}"' in page
        voted = post(ann, f"/submissions/{sub['id']}/vote", {"value": "1"})
        assert voted.status_code == 303 and voted.headers["location"].endswith(f"#s{sub['id']}")
        assert store.vote_scores("submission", [sub["id"]]) == {sub["id"]: 1}
        assert "· 1 point<" in ann.get(f"/stories/{story_id}").text
        post(ann, f"/submissions/{sub['id']}/flag", {"reason": "spam"})
        post(mod, "/login", {"name": "mod", "password": PASSWORD})
        assert "https://one.example/a" in mod.get("/moderation").text
        hidden = post(mod, f"/moderation/submission/{sub['id']}", {"action": "hide"})
        assert hidden.status_code == 303
        assert "submitted by ann" not in ann.get(f"/stories/{story_id}").text
        assert "hid" in mod.get("/moderation/log").text
        assert (
            post(mod, f"/moderation/submission/{sub['id']}", {"action": "nuke"}).status_code == 400
        )
        assert post(mod, "/moderation/story/1", {"action": "hide"}).status_code == 404


def test_ids_past_64_bits_are_refused_cleanly(site):
    base, _, story_id = site()
    huge = str(2**64)
    with TestClient(base) as client:
        signup(client, "ann")
        for path in (
            f"/stories/{huge}/comments",
            f"/comments/{huge}/edit",
            f"/comments/{huge}/delete",
            f"/comments/{huge}/vote",
            f"/submissions/{huge}/flag",
        ):
            assert post(client, path, {"body": "x"}).status_code == 422, path
        reply = post(client, f"/stories/{story_id}/comments", {"body": "x", "parent_id": huge})
        assert reply.status_code == 400
