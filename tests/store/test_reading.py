"""What the reader side asks of the store: the front page's order and filters, story cards,
story search. Run against SQLite and PostgreSQL alike (the ``store`` fixture)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from crosswire.models import Article, Digest, Source, SummaryEntry, as_utc

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def add(store, n: int, source: str, title: str, lang: str = "en", hours: int = 0) -> int:
    article, _ = store.add_article(
        Article(
            title=title,
            text=f"{title}. Report number {n} from {source}.",
            url=f"https://{source}/{n}",
            source=source,
            language=lang,
            published_at=T0 + timedelta(hours=hours),
        )
    )
    assert article.id is not None
    return article.id


def test_breadth_beats_a_little_recency_and_pages_do_not_overlap(store):
    store.upsert_source(Source(domain="a.example", country="FR", leaning="left"))
    # wide: four outlets, two hours old; fresh: one outlet, one hour newer
    wide = [add(store, i, f"{s}.example", "Harbour bridge closes") for i, s in enumerate("abcd")]
    fresh = [add(store, 10, "e.example", "Mayor opens library", "fr", hours=1)]
    old = [add(store, 11, "f.example", "Old tram story", hours=-100)]
    w = store.create_story("wide", wide, T0)
    f = store.create_story("fresh", fresh, T0 + timedelta(hours=1))
    o = store.create_story("old", old, T0 - timedelta(hours=100))
    ranked = store.ranked_stories(limit=10)
    assert [s.id for s in ranked] == [w.id, f.id, o.id]
    assert ranked[0].article_ids == wide and ranked[0].hotness > ranked[1].hotness
    first = store.ranked_stories(limit=2)
    rest = store.ranked_stories(limit=2, after=(first[-1].hotness, first[-1].id))
    assert [s.id for s in first + rest] == [w.id, f.id, o.id]
    assert [s.id for s in store.ranked_stories(language="fr")] == [f.id]
    assert [s.id for s in store.ranked_stories(country="FR")] == [w.id]
    assert [s.id for s in store.ranked_stories(query="tram")] == [o.id]
    assert store.ranked_stories(query="  ") == []
    # a later article moves a story up; a merged story leaves the page
    store.attach_to_story(
        o.id, [add(store, 12, "g.example", "Tram news", hours=9)], T0 + timedelta(hours=9)
    )
    assert store.ranked_stories(limit=1)[0].id == o.id
    store.merge_stories(o.id, w.id, T0 + timedelta(hours=6))
    assert o.id not in [s.id for s in store.ranked_stories()]


def test_story_outlets_and_story_search(store):
    a = add(store, 1, "one.example", "Flood in Velmora", "en")
    b = add(store, 2, "one.example", "Velmora flood update", "en", hours=3)
    c = add(store, 3, "deux.example", "Inondation à Velmora", "fr")
    d = add(store, 4, "three.example", "Budget vote delayed")
    s1 = store.create_story("flood", [a, b, c], T0)
    s2 = store.create_story("budget", [d], T0)
    outlets = store.story_outlets([s1.id, s2.id, 999])
    first = outlets[s1.id][0]
    assert {k: first[k] for k in ("source", "language", "articles")} == {
        "source": "one.example",
        "language": "en",
        "articles": 2,
    }
    assert as_utc(first["newest"]) == T0 + timedelta(hours=3)  # the story card's time
    assert {o["source"] for o in outlets[s1.id]} == {"one.example", "deux.example"}
    assert outlets[999] == []
    found = store.search_stories("velmora")
    assert [s.id for s in found] == [s1.id] and found[0].article_ids == [a, b, c]
    assert [s.id for s in store.search_stories("budget")] == [s2.id]
    assert store.search_stories("") == [] and store.search_stories("!!!") == []
    assert [x.id for x in store.search_articles("inondation")] == [c]
    stories, articles = store.search("velmora flood")
    assert [x.id for x in stories] == [s1.id] and {x.id for x in articles} == {a, b}
    assert store.search("   ") == ([], [])


def test_story_lists_carry_the_lead_not_the_digest(store):
    a = add(store, 1, "one.example", "Storm hits Orvana")
    story = store.create_story("storm", [a], T0)
    storm = Digest(summary=[SummaryEntry(text="A storm hit Orvana.")])
    store.save_digest(story.id, storm, "1:1:1", "Storm")
    listed = store.ranked_stories()[0]
    assert listed.lead == "A storm hit Orvana." and listed.digest is None
    assert listed.title == "Storm" and listed.article_ids == [a]
    assert store.search_stories("orvana")[0].lead == "A storm hit Orvana."
    assert store.get_story(story.id).digest == storm
    store.save_digest(story.id, Digest(), "1:1:1")
    assert store.ranked_stories()[0].lead is None


def test_stories_version_changes_with_new_and_updated_stories(store):
    empty = store.stories_version()
    a = add(store, 1, "one.example", "Storm hits Orvana")
    story = store.create_story("storm", [a], T0)
    created = store.stories_version()
    assert created != empty and store.stories_version() == created
    b = add(store, 2, "two.example", "Orvana storm", hours=2)
    store.attach_to_story(story.id, [b], T0 + timedelta(hours=2))
    assert store.stories_version() != created
    grown = store.stories_version()
    c = add(store, 3, "three.example", "Orvana storm, a day late", hours=-20)
    store.attach_to_story(story.id, [c], T0 - timedelta(hours=20))  # older: its time stays
    assert store.stories_version() != grown


def test_filter_choices_are_what_stories_have(store):
    store.upsert_source(Source(domain="one.example", country="FR"))
    store.upsert_source(Source(domain="idle.example", country="DE"))  # no articles
    a = add(store, 1, "one.example", "Flood in Velmora", "fr")
    b = add(store, 2, "two.example", "Flood update", "en")
    add(store, 3, "one.example", "Not in a story yet", "it")
    store.create_story("flood", [a, b], T0)
    assert store.filter_choices() == {"lang": ["en", "fr"], "country": ["FR"], "place": []}
