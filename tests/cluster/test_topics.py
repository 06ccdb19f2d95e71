"""Developing stories: events of one theme are separate stories in one topic."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from crosswire.cluster import ClusterOptions, StoryEngine
from crosswire.cluster.topics import topic_options
from crosswire.models import Article

OPTIONS = ClusterOptions(embedder="hashing", dedup=False)
START = datetime(2026, 3, 2, 8, tzinfo=UTC)

COLLAPSE = (
    "The Corvane river bridge collapsed on Monday morning. Engineers inspected the cracked "
    "pylons of the Corvane bridge and closed the river road; the mayor of Corvane said the "
    "bridge had failed its last inspection."
)
INQUIRY = (
    "An inquiry into the Corvane river bridge collapse opened on Thursday. Engineers told the "
    "inquiry the cracked pylons of the Corvane bridge had been reported; the mayor of Corvane "
    "said the river road would stay closed."
)
THEFT = (
    "Thieves removed three bronze masks from the east gallery of the Marrowby museum overnight. "
    "Police in Marrowby said the alarm had been switched off and the masks were insured."
)


def article(i: int, title: str, text: str, days: float, source: str) -> Article:
    return Article(
        id=i,
        title=title,
        text=text,
        url=f"https://{source}/{i}",
        source=source,
        language="en",
        published_at=START + timedelta(days=days, hours=i),
    )


def stream() -> list[Article]:
    return [
        article(1, "Corvane bridge collapses", COLLAPSE, 0, "harbourpost.example"),
        article(2, "Bridge collapse in Corvane", COLLAPSE, 0, "northwire.example"),
        article(3, "Masks stolen from Marrowby museum", THEFT, 1, "harbourpost.example"),
        article(4, "Corvane bridge inquiry opens", INQUIRY, 10, "northwire.example"),
        article(5, "Inquiry into Corvane collapse", INQUIRY, 10, "ledauphin.example"),
    ]


def run(articles: list[Article], engine: StoryEngine | None = None):
    counter = itertools.count(1)
    engine = engine or StoryEngine(OPTIONS, new_story_id=lambda: next(counter))
    return engine, engine.add(articles)


def test_a_later_event_of_the_same_theme_is_a_new_story_in_the_same_topic():
    engine, decisions = run(stream())
    collapse, _, theft, inquiry, _ = decisions
    assert decisions[1].story_id == collapse.story_id
    assert decisions[4].story_id == inquiry.story_id
    assert inquiry.story_id != collapse.story_id  # ten days later: another event
    assert {d.topic_id for d in decisions} == {collapse.story_id, theft.story_id}
    assert inquiry.topic_id == collapse.topic_id == collapse.story_id  # named after its first
    assert theft.topic_id == theft.story_id
    assert engine.topic_of(inquiry.story_id) == collapse.story_id


def test_a_topic_forgives_what_tells_events_apart():
    loose = topic_options(OPTIONS)
    assert loose.threshold == OPTIONS.topic_threshold < OPTIONS.threshold
    assert loose.weight_weekday == 0
    assert loose.time_sigma_days > OPTIONS.time_sigma_days


def test_a_stricter_topic_threshold_keeps_the_events_apart():
    strict = replace(OPTIONS, topic_threshold=OPTIONS.threshold + 2)
    counter = itertools.count(1)
    _, decisions = run(stream(), StoryEngine(strict, new_story_id=lambda: next(counter)))
    assert decisions[3].topic_id == decisions[3].story_id != decisions[0].topic_id


def test_restore_keeps_each_storys_topic():
    articles = stream()
    engine, decisions = run(articles[:3])
    later = engine.add(articles[3:])
    stored = [replace(a, story_id=d.story_id) for a, d in zip(articles[:3], decisions, strict=True)]
    topics = {d.story_id: d.topic_id for d in decisions}
    next_id = itertools.count(max(topics) + 1)
    fresh = StoryEngine(OPTIONS, new_story_id=next_id.__next__)
    fresh.restore(stored, topics=topics)
    again = fresh.add(articles[3:])
    assert [(d.story_id, d.topic_id) for d in again] == [(d.story_id, d.topic_id) for d in later]


def test_the_topic_threshold_is_a_setting():
    from crosswire.cluster import options_from_settings
    from crosswire.settings import Settings

    assert options_from_settings(Settings()).topic_threshold == OPTIONS.topic_threshold
    chosen = options_from_settings(Settings(embedder="hashing", cluster_topic_threshold=1.5))
    assert chosen.topic_threshold == 1.5


def test_developing_stories_can_be_turned_off_without_changing_the_stories():
    _, with_topics = run(stream())
    counter = itertools.count(1)
    off = StoryEngine(replace(OPTIONS, topics=False), new_story_id=lambda: next(counter))
    _, without = run(stream(), off)
    assert [d.story_id for d in without] == [d.story_id for d in with_topics]
    assert {d.topic_id for d in without} == {None}


def test_in_an_undated_archive_a_theme_of_another_year_is_another_developing_story():
    """Undated, a later event joins a developing story when both name the same year, not when
    they name different years only (another bridge, another decade). With publication times
    the time scale decides, whatever years they name. The hashing embedder scores these texts
    about 3.8 against the topic: the topic threshold is set just below (and the story
    threshold above, so that they stay two events)."""
    near = replace(OPTIONS, topic_threshold=3.5, threshold=6.0)

    def topics(later_year: int, dated: bool = False, options: ClusterOptions = near):
        counter = itertools.count(1)
        engine = StoryEngine(options, new_story_id=lambda: next(counter))
        first, later = engine.add(
            [
                article(
                    1, "Corvane bridge collapses", f"{COLLAPSE} It opened in 1998.", 0, "a.example"
                ),
                article(
                    2,
                    "Corvane inquiry opens",
                    f"{INQUIRY} It opened in {later_year}.",
                    10,
                    "b.example",
                ),
            ]
            if dated
            else [
                replace(
                    article(
                        1,
                        "Corvane bridge collapses",
                        f"{COLLAPSE} It opened in 1998.",
                        0,
                        "a.example",
                    ),
                    published_at=None,
                ),
                replace(
                    article(
                        2,
                        "Corvane inquiry opens",
                        f"{INQUIRY} It opened in {later_year}.",
                        0,
                        "b.example",
                    ),
                    published_at=None,
                ),
            ]
        )
        assert first.story_id != later.story_id  # two events in every case
        return first.topic_id == later.topic_id

    assert topics(1998)
    assert not topics(2019)
    assert topics(2019, dated=True)
    assert topics(2019, options=replace(near, topic_weight_years=0.0))  # the years part them


QUAKE = (
    "A magnitude 6.8 earthquake struck {place} before dawn on {day}. Rescue teams searched "
    "collapsed houses in the hill towns while aftershocks shook the coast; the civil defence "
    "agency said roads to the epicentre were cut."
)


def test_a_quake_in_another_country_is_another_developing_story():
    """Two quakes a few days apart share every word but the country: the country its headline
    names keeps a story out of a developing story whose articles name
    another (the same penalty as another year's). The hashing embedder scores the second
    quake about 4.6 against the first one's topic (4.0 with the penalty): the topic threshold
    is set between, the story threshold above (two events in every case)."""
    near = replace(OPTIONS, topic_threshold=4.3, threshold=8.0)

    def same_topic(place: str, options: ClusterOptions = near) -> bool:
        counter = itertools.count(1)
        engine = StoryEngine(options, new_story_id=lambda: next(counter))
        first, later = engine.add(
            [
                article(
                    1,
                    "Strong quake strikes Peru",
                    QUAKE.format(place="Peru", day="Monday"),
                    0,
                    "a.example",
                ),
                article(
                    2,
                    f"Strong quake strikes {place}",
                    QUAKE.format(place=place, day="Thursday"),
                    3,
                    "b.example",
                ),
            ]
        )
        assert first.story_id != later.story_id
        return first.topic_id == later.topic_id

    assert same_topic("Peru")
    assert same_topic("the coastal province")  # no country named: no clash
    assert same_topic("Peru and Chile")  # names the topic's country among others
    assert not same_topic("Nepal")
    assert same_topic("Nepal", replace(near, topic_weight_places=0.0))  # the country parts them


def test_a_merged_story_keeps_the_developing_story_with_more_reports():
    engine, decisions = run(stream())
    collapse, theft, inquiry = (decisions[i].story_id for i in (0, 2, 3))
    topics = engine.topics
    theme = topics.topic_of(inquiry)  # the bridge: four reports; the masks: one
    topics.merged(inquiry, theft)  # the masks folded into the inquiry
    assert topics.topic_of(inquiry) == theme
    topics.merged(theft, collapse)  # the collapse folded into the masks
    assert topics.topic_of(theft) == theme != theft
