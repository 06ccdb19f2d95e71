"""A moderator's merge and split hold with the real story engine: across a restart (a new
pipeline rebuilds the engine from the store) and the engine's own repairs (moves, merges
and consolidation) as more reports of the same events arrive."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from crosswire import corrections
from crosswire.models import Article, User
from crosswire.pipeline import Pipeline
from crosswire.settings import load_settings

T0 = datetime(2026, 5, 4, 8, 0, tzinfo=UTC)
DAM = [
    "Engineers opened the spillway of the Kessel dam on Tuesday after three days of rain "
    "raised the reservoir to its highest level in forty years, the water authority said.",
    "Water was released from the Kessel dam on Tuesday as the reservoir rose after heavy rain; "
    "villages downstream were warned by the regional water authority.",
    "The Kessel reservoir reached its highest level in forty years after three days of rain, "
    "and the dam's spillway was opened on Tuesday morning.",
    "Villages below the Kessel dam were told to stay away from the river on Tuesday after "
    "engineers opened the spillway following days of rain.",
    "Heavy rain filled the Kessel reservoir to a forty-year high, forcing engineers to open "
    "the dam's spillway on Tuesday, the authority said.",
]
MARKET = [
    "The city council voted on Monday to move the Saturday farmers market from the cathedral "
    "square to the old tram depot while the square is repaved.",
    "Stallholders of the Saturday farmers market will trade at the old tram depot from next "
    "month, after a council vote on Monday to repave the cathedral square.",
    "The farmers market leaves the cathedral square for the old tram depot during repaving, "
    "the council decided on Monday.",
]


def report(n: int, text: str, source: str, hours: float) -> Article:
    return Article(
        title=text.split(",")[0].split(";")[0][:90],
        text=text,
        url=f"https://{source}/{n}",
        source=source,
        language="en",
        published_at=T0 + timedelta(hours=hours),
    )


def test_merge_and_split_survive_a_restart_and_new_reports(sqlite_url, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = load_settings(database_url=sqlite_url, embedder="hashing", cluster_consolidate=True)
    from crosswire.store import open_store

    store = open_store(sqlite_url)
    mod = store.create_user(User(name="mo", password_hash="x", role="moderator"))
    first = Pipeline(store, settings)
    first.add_articles(
        [report(n, DAM[n - 1], f"dam{n}.example", n) for n in range(1, 4)]
        + [report(n, MARKET[n - 4], f"market{n}.example", n) for n in range(4, 6)]
    )
    dams = [store.find_article(url=f"https://dam{n}.example/{n}") for n in range(1, 4)]
    markets = [store.find_article(url=f"https://market{n}.example/{n}") for n in range(4, 6)]
    dam_story = dams[0].story_id
    assert {a.story_id for a in dams} == {dam_story}  # the engine made one story of each
    market_story = markets[0].story_id
    assert market_story != dam_story

    # the moderator splits one dam report out, and merges the market story into the dam's
    split = corrections.split(store, dams[2].id, None, mod, "a later, separate opening")
    apart = split["into_story"]
    corrections.merge(store, market_story, dam_story, mod, "one council story")

    # a restart, then more reports of both events and a copy of the split article
    second = Pipeline(store, settings)
    second.add_articles(
        [report(n, DAM[n - 3], f"dam{n}.example", n) for n in range(6, 8)]
        + [report(n, MARKET[2], f"market{n}.example", n) for n in range(9, 10)]
    )
    second.add_articles([report(3, DAM[2], "copies.example", 12)])  # the text of dams[2]
    second.process_backlog()
    assert second.engine.consolidator is not None  # the consolidation pass ran with them

    moved = store.get_article(dams[2].id)
    live = store.get_story(moved.story_id)
    assert live.id != store.get_story(dam_story).id  # not rejoined, not merged back
    assert store.get_story(apart).id == live.id
    kept = store.get_story(dam_story)
    assert store.get_story(market_story).id == kept.id  # the merge still redirects
    assert {a.id for a in markets} <= set(kept.article_ids)  # and keeps its articles
    copy = store.find_article(url="https://copies.example/3")
    assert copy.story_id is not None and store.get_story(copy.story_id).id != kept.id
    store.close()
