"""Story corrections over HTTP: only moderators merge and split; both are in the public
moderation log and in ``/api/corrections``."""

from __future__ import annotations

from datetime import UTC, datetime

from crosswire.accounts import create_account
from crosswire.models import Article
from tests.helpers.app_server import PASSWORD, TestClient, community_site, post  # noqa: F401


def login(client: TestClient, name: str) -> None:
    done = post(client, "/login", {"name": name, "password": PASSWORD})
    assert done.status_code == 303


def test_moderators_merge_and_split_stories(site):
    base, store, first = site()
    now = datetime.now(UTC)
    made = [
        store.add_article(
            Article(title=title, text=f"{title}.", url=f"https://two.example/{n}",
                    source="two.example", published_at=now)
        )[0].id
        for n, title in enumerate(("Bridge reopens", "Ferry strike ends"))
    ]  # fmt: skip
    second = store.create_story("Bridge reopens", made, now).id
    mod = create_account(store, "mona", PASSWORD)
    store.set_user_role(mod.id, "moderator")
    create_account(store, "rudi", PASSWORD)
    with TestClient(base) as client, TestClient(base) as anyone:
        login(client, "rudi")
        assert "Correct this story" not in client.get(f"/stories/{second}").text
        refused = post(client, f"/moderation/stories/{second}/split", {"article_id": made[1]})
        assert refused.status_code == 403
        login(client, "mona")
        assert "Correct this story" in client.get(f"/stories/{second}").text
        page = client.get(f"/moderation/stories/{second}").text
        assert "Ferry strike ends" in page and "Split out" in page

        split = post(
            client,
            f"/moderation/stories/{second}/split",
            {"article_id": str(made[1]), "into": "", "reason": "another event"},
            f"/moderation/stories/{second}",
        )
        assert split.status_code == 303
        new = int(split.headers["location"].rsplit("/", 1)[1])
        assert store.get_article(made[1]).story_id == new
        assert (
            post(
                client, f"/moderation/stories/{second}/split", {"article_id": str(made[0])}
            ).status_code
            == 400
        )  # the whole story

        merged = post(
            client,
            f"/moderation/stories/{second}/merge",
            {"into": f"#{first}", "reason": "same bridge"},
            f"/moderation/stories/{second}",
        )
        assert merged.status_code == 303 and merged.headers["location"] == f"/stories/{first}"
        assert anyone.get(f"/stories/{second}", follow_redirects=False).status_code == 301
        assert post(client, f"/moderation/stories/{first}/merge", {"into": "x"}).status_code == 400

        log = anyone.get("/moderation/log").text
        assert "merged" in log and f"into story {first}: same bridge" in log
        assert "split out" in log and "another event" in log
        listed = anyone.get("/api/corrections").json()["corrections"]
        assert [(c["kind"], c["from_story"], c["into_story"]) for c in listed] == [
            ("merge", second, first),
            ("split", second, new),
        ]
        assert listed[1]["article_id"] == made[1] and listed[0]["moderator"] == "mona"
